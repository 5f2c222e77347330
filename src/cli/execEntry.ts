// `kubectl podview exec POD [-c C] [-it] [-- COMMAND...]`: resolve the cluster (or the demo)
// and hand over to the exec command, whose exit code is the remote command's.
import { resolvePodArg } from '../cluster/resolvePod.ts';
import type { ExecArgs } from './commandTypes.ts';
import { runExecCommand } from './execCommand.ts';
import { withTarget } from './target.ts';

export function runExec(args: ExecArgs): Promise<number> {
  return withTarget(args, async (target) =>
    runExecCommand({
      kubeConfig: target.kubeConfig,
      namespace: target.namespace,
      pod: (await resolvePodArg(target.kubeConfig, target.namespace, args.pod, { timeoutMs: target.requestTimeoutMs })).name,
      container: args.container,
      command: args.command,
      stdin: args.stdin,
      tty: args.tty,
      shell: args.shell,
    }),
  );
}
