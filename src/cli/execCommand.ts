// `kubectl podview exec POD [-c C] [-it] [-- COMMAND...]`: like kubectl exec, output passed
// through and the remote exit code returned; with -t and no command, a shell found by the
// same bash -> sh -> /busybox/sh fallback as the TUI's `s`.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { execCapture, runInteractiveExec, type ExecTerminal } from '../cluster/exec.ts';
import { getJson } from '../cluster/request.ts';
import { describeError } from '../cluster/errors.ts';
import { DEFAULT_CONTAINER_ANNOTATION, defaultContainer } from '../model/defaultContainer.ts';
import { sanitize } from '../text/sanitize.ts';

export interface ExecCommandOptions {
  kubeConfig: KubeConfig;
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
  /** --shell: the shell to open when no command is given (skips the fallback). */
  shell?: string;
  io?: { input: ExecTerminal['input'] & { isTTY?: boolean }; output: ExecTerminal['output']; error: NodeJS.WritableStream };
}

/** kubectl's choice when -c is absent (the model's rule without findings), and says so as kubectl does. */
async function chooseContainer(options: ExecCommandOptions, error: NodeJS.WritableStream): Promise<string> {
  const path = `/api/v1/namespaces/${encodeURIComponent(options.namespace)}/pods/${encodeURIComponent(options.pod)}`;
  const pod = await getJson<V1Pod>(options.kubeConfig, path, {}, { timeoutMs: 30_000 });
  const chosen = defaultContainer(pod);
  if (!chosen) throw new Error(`pod ${options.pod} has no containers`);
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION] === chosen;
  if (!annotated && names.length > 1) error.write(`Defaulted container "${sanitize(chosen)}" out of: ${names.map((n) => sanitize(n)).join(', ')}\n`);
  return chosen;
}

export async function runExecCommand(options: ExecCommandOptions): Promise<number> {
  const io = options.io ?? { input: process.stdin, output: process.stdout as ExecTerminal['output'], error: process.stderr };
  const fail = (message: string, code = 1): number => {
    io.error.write(`error: ${sanitize(message)}\n`);
    return code;
  };
  let container = options.container;
  if (!container) {
    try {
      container = await chooseContainer(options, io.error);
    } catch (err) {
      return fail(describeError(err, `get pod ${options.namespace}/${options.pod}`));
    }
  }
  const shellCommand = options.shell ? [options.shell] : undefined;
  const command = options.command.length > 0 ? options.command : shellCommand;
  if (options.tty && !io.input.isTTY) io.error.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  if (options.tty && io.input.isTTY) {
    const outcome = await runInteractiveExec(options.kubeConfig, { namespace: options.namespace, name: options.pod, container, command }, io);
    io.input.pause(); // nothing reads the terminal any more: let the process exit
    switch (outcome.kind) {
      case 'exited':
        return outcome.exitCode;
      case 'detached':
        return 0;
      case 'no-shell':
        return fail(`no shell in ${container}: tried ${outcome.tried.join(', ')} (distroless? try \`kubectl debug -it ${options.pod} --image=busybox:1.36 --target=${container}\`)`, 126);
      case 'error':
        return fail(outcome.message);
    }
  }
  if (!command) return fail('you must specify at least one command for the container');
  const target = { namespace: options.namespace, pod: options.pod, container };
  const result = await execCapture(options.kubeConfig, target, command, {
    stdin: options.stdin ? (io.input as NodeJS.ReadableStream as import('node:stream').Readable) : null,
    stdout: io.output as unknown as import('node:stream').Writable,
    stderr: io.error as unknown as import('node:stream').Writable,
    keepBytes: 0,
  });
  if (options.stdin) io.input.pause(); // lets the process exit once the remote is done
  // The runtime already printed why a missing executable failed; kubectl then adds only the code.
  const exitCode = result.kind === 'exited' ? result.exitCode : result.kind === 'missing-executable' ? 126 : undefined;
  if (exitCode === undefined) return fail(result.kind === 'error' ? result.message : 'exec failed');
  if (exitCode !== 0) io.error.write(`command terminated with exit code ${exitCode}\n`);
  return exitCode;
}
