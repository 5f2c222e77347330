// `kubectl podview logs POD`: resolve the cluster (or the demo) and hand over to the logs command.
import { UserError } from '../cluster/errors.ts';
import type { LogsArgs } from './commandTypes.ts';
import { parseSince, runLogsCommand } from './logsCommand.ts';
import { withTarget } from './target.ts';

export async function runLogs(args: LogsArgs): Promise<number> {
  if (args.since !== undefined && parseSince(args.since) === undefined) throw new UserError(`invalid value "${args.since}" for --since: use a duration like 30s, 5m, 1h`);
  const { pod, container, allContainers, follow, since, timestamps, previous, logColors } = args;
  return withTarget(args, (target) =>
    runLogsCommand({
      kubeConfig: target.kubeConfig,
      namespace: target.namespace,
      pod,
      container,
      allContainers,
      follow,
      since,
      timestamps,
      previous,
      logColors,
      tail: args.tail === -1 ? undefined : args.tail,
      stdout: process.stdout,
      stderr: process.stderr,
    }),
  );
}
