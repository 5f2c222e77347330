// `kubectl podview logs POD|QUERY`: resolve the cluster (or the demo) and hand over to the logs
// command: one Pod named exactly keeps the single-Pod command; anything else is a query of Pods.
import { UserError } from '../cluster/errors.ts';
import { readPod } from '../cluster/logPod.ts';
import type { LogsArgs } from './commandTypes.ts';
import { colorWanted } from './io.ts';
import { parseSince, runLogsCommand } from './logsCommand.ts';
import { isMultiQuery, runLogsMulti } from './logsMulti.ts';
import { withTarget } from './target.ts';

export async function runLogs(args: LogsArgs): Promise<number> {
  if (args.since !== undefined && parseSince(args.since) === undefined) throw new UserError(`invalid value "${args.since}" for --since: use a duration like 30s, 5m, 1h`);
  const { pod, container, allContainers, follow, since, timestamps, previous, logColors } = args;
  return withTarget(args, async (target) => {
    // A name that is no Pod of the namespace is a pattern on Pod names (`logs user-msvc`).
    const multi = isMultiQuery(args) || (await readPod(target.kubeConfig, target.namespace, pod)).kind === 'gone';
    if (multi) {
      const { kubeConfig, scope, labelSelector, fieldSelector } = target;
      return runLogsMulti({ ...args, kubeConfig, namespace: scope, labelSelector, fieldSelector, color: colorWanted(args.color, process.stdout), stdout: process.stdout, stderr: process.stderr });
    }
    return runLogsCommand({
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
    });
  });
}
