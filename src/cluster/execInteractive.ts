// An interactive TTY session on the caller's terminal: raw mode, the real size and every
// resize forwarded, all keys to the remote except the detach key; the terminal's modes are
// restored on every way out.
import type { KubeConfig } from '@kubernetes/client-node';
import { PassThrough, Writable } from 'node:stream';
import type { ExecOutcome, ExecRequest } from '../store/requests.ts';
import { exitCodeOf, openExec, type ExecTarget, type OpenExec } from './execSocket.ts';
import { describeConnectError, describeStatusError, droppedMessage, isMissingExecutable } from './execErrors.ts';
import { createDetachFilter, type DetachKey } from './execDetach.ts';
import { execCapture } from './execCapture.ts';

export interface ExecTerminal {
  input: NodeJS.ReadableStream & { setRawMode?(mode: boolean): unknown; isRaw?: boolean };
  output: NodeJS.WritableStream & { columns?: number; rows?: number; on(event: 'resize', listener: () => void): unknown; off(event: 'resize', listener: () => void): unknown };
}

export interface InteractiveOptions {
  /** Shells tried in order when the request names no command. */
  shells?: string[];
  detachKey?: DetachKey;
}

export const DEFAULT_SHELLS = ['bash', 'sh', '/busybox/sh'];

/**
 * Undoes what a remote program may leave behind on our terminal. First back to the main screen
 * (a full-screen program that was killed leaves the alternate one on), then a soft reset
 * (DECSTR, `CSI ! p`: insert mode, origin mode, scroll region, SGR, character sets, cursor
 * keys and keypad), then what DECSTR leaves alone or leaves differently per terminal: autowrap
 * on, replace mode, whole-screen scroll region, cursor shown with its default shape, mouse
 * reporting and its encodings, focus events and bracketed paste off.
 */
export const TERMINAL_RESET = [
  '\x1b[?1049l',
  '\x1b[!p',
  '\x1b[0m\x1b(B\x1b[4l\x1b[?6l\x1b[?7h\x1b[r',
  '\x1b[?25h\x1b[0 q\x1b[?1l\x1b>',
  '\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1005l\x1b[?1006l\x1b[?1015l\x1b[?1004l\x1b[?2004l',
].join('');

/** The first shell of `shells` the container has, found by running `SHELL -c 'exit 0'`. */
export async function findShell(kubeConfig: KubeConfig, target: ExecTarget, shells: string[]): Promise<{ shell: string } | ExecOutcome> {
  for (const shell of shells) {
    const result = await execCapture(kubeConfig, target, [shell, '-c', 'exit 0']);
    if (result.kind === 'exited') return { shell };
    if (result.kind === 'error') return { kind: 'error', message: result.message };
  }
  return { kind: 'no-shell', tried: shells };
}

export async function runInteractiveExec(kubeConfig: KubeConfig, request: ExecRequest, terminal: ExecTerminal, options: InteractiveOptions = {}): Promise<ExecOutcome> {
  const target: ExecTarget = { namespace: request.namespace, pod: request.name, container: request.container };
  let command = request.command;
  if (!command || command.length === 0) {
    const found = await findShell(kubeConfig, target, options.shells ?? DEFAULT_SHELLS);
    if (!('shell' in found)) return found;
    command = [found.shell];
  }
  return session(kubeConfig, target, command, terminal, options.detachKey ?? 'ctrl-]');
}

async function session(kubeConfig: KubeConfig, target: ExecTarget, command: string[], terminal: ExecTerminal, detachKey: DetachKey): Promise<ExecOutcome> {
  const { input, output } = terminal;
  const wasRaw = input.isRaw === true;
  const remoteInput = new PassThrough();
  let firstOutput = '';
  const remoteOutput = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (firstOutput.length < 512) firstOutput += chunk.toString('utf8');
      output.write(chunk, () => done());
    },
  });
  const filter = createDetachFilter(detachKey);
  let detach: () => void = () => {};
  const detached = new Promise<'detached'>((resolve) => (detach = () => resolve('detached')));
  const onData = (chunk: Buffer | string): void => {
    const { forward, detached: hit } = filter.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (forward.length > 0) remoteInput.write(forward);
    if (hit) detach();
  };
  let sendSize: () => void = () => {};
  let started = false;
  try {
    input.setRawMode?.(true);
    let open: OpenExec;
    try {
      open = await openExec(kubeConfig, target, command, { stdin: remoteInput, stdout: remoteOutput, stderr: null, tty: true });
    } catch (err) {
      return { kind: 'error', message: describeConnectError(err, target, kubeConfig) };
    }
    const { socket, ended } = open;
    started = true;
    sendSize = () => {
      if (socket.readyState !== socket.OPEN || !output.columns || !output.rows) return;
      socket.send(Buffer.concat([Buffer.from([4]), Buffer.from(JSON.stringify({ Width: output.columns, Height: output.rows }))]));
    };
    sendSize();
    output.on('resize', sendSize);
    input.on('data', onData);
    input.resume();
    const end = await Promise.race([ended, detached]);
    if (end === 'detached') {
      socket.close(1000);
      return { kind: 'detached' };
    }
    if (end.kind === 'dropped') return { kind: 'error', message: droppedMessage(target, end.reason) };
    if (isMissingExecutable(end.status, firstOutput)) return { kind: 'no-shell', tried: [command[0] ?? ''] };
    const exitCode = exitCodeOf(end.status);
    return exitCode === undefined ? { kind: 'error', message: describeStatusError(end.status, target) } : { kind: 'exited', exitCode };
  } finally {
    input.off('data', onData);
    output.off('resize', sendSize);
    // No input.pause() here: pausing a TTY socket stops its handle while a read is pending, and
    // a TUI that re-attaches a 'readable' listener (Ink after suspendTerminal) then never gets
    // another byte. Whoever owns stdin decides when to stop reading it.
    input.setRawMode?.(wasRaw);
    remoteInput.destroy();
    if (started) output.write(TERMINAL_RESET);
  }
}
