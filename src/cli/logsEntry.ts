// `kubectl podview logs POD`: resolve the cluster (or the demo) and hand over to the logs command.
import { UserError } from '../cluster/errors.ts';
import type { LogsArgs } from './commandTypes.ts';
import { parseSince, runLogsCommand } from './logsCommand.ts';
import { openTarget } from './target.ts';

export async function runLogs(args: LogsArgs): Promise<number> {
  if (args.since !== undefined && parseSince(args.since) === undefined) throw new UserError(`invalid value "${args.since}" for --since: use a duration like 30s, 5m, 1h`);
  const target = await openTarget(args);
  try {
    return await runLogsCommand({
      kubeConfig: target.kubeConfig,
      namespace: target.namespace,
      pod: args.pod,
      container: args.container,
      allContainers: args.allContainers,
      follow: args.follow,
      tail: args.tail === -1 ? undefined : args.tail,
      since: args.since,
      timestamps: args.timestamps,
      previous: args.previous,
      logColors: args.logColors,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } finally {
    await target.close();
  }
}
