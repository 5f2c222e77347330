// One accepted exec WebSocket: demultiplexes the client's channels into the process and
// multiplexes the process's output back, then reports the exit on the error channel.
import type { WebSocket } from 'ws';
import type { V1Status } from '@kubernetes/client-node';
import { CLOSE, ERROR, RESIZE, STDERR, STDIN, STDOUT, exitStatus, failure, frame, notFoundMessage, parseResize, successStatus, type TerminalSize } from './protocol.ts';
import { runProcess, type RunningProcess } from './runner.ts';
import type { ResolvedCommand } from './command.ts';
import type { ContainerPlan } from './containerPlan.ts';
import { executableExists, type SandboxSupport } from './sandbox.ts';

export interface SessionOptions {
  command: string[];
  resolved: ResolvedCommand;
  /** Where commands may run: never on the host, so without a sandbox they do not run at all. */
  sandbox: SandboxSupport;
  plan: ContainerPlan;
  env: NodeJS.ProcessEnv;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
  /** Text answered without a process (the /proc/net tables). */
  cannedOutput?: string;
}

// Clients send their terminal size right after connecting; a shell started before that reads
// 0x0 (the "wrong size at start" bug of some tools), so a TTY session waits for it briefly.
const FIRST_RESIZE_WAIT_MS = 250;
const HIGH_WATER = 1 << 20;

function finish(ws: WebSocket, status: V1Status): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(frame(ERROR, JSON.stringify(status)), () => ws.close(1000));
}

export function runSession(ws: WebSocket, options: SessionOptions): void {
  let proc: RunningProcess | undefined;
  let size: TerminalSize | undefined;
  const pending: Buffer[] = [];
  let stdinClosed = false;
  let started = false;
  let paused = false;

  const send = (channel: typeof STDOUT | typeof STDERR, data: Buffer): void => {
    if ((channel === STDOUT && !options.stdout) || (channel === STDERR && !options.stderr && !options.tty)) return;
    if (ws.readyState !== ws.OPEN) return;
    ws.send(frame(channel, data));
    if (ws.bufferedAmount > HIGH_WATER && proc && !paused) {
      const p = proc;
      paused = true;
      p.pause();
      const poll = (): void => {
        if (ws.readyState === ws.OPEN && ws.bufferedAmount > HIGH_WATER / 2) setTimeout(poll, 10);
        else {
          paused = false;
          p.resume();
        }
      };
      setTimeout(poll, 10);
    }
  };

  const start = (): void => {
    if (started) return;
    started = true;
    if (ws.readyState !== ws.OPEN) return; // the client left before its first resize arrived
    const { resolved } = options;
    const { sandbox, plan } = options;
    if (resolved.kind === 'run' && !sandbox.ok) {
      // The reason leads: podview and kubectl show this on one line, and the start must say what to do.
      finish(ws, failure(500, 'InternalError', sandbox.reason));
      return;
    }
    const missing = resolved.kind === 'notFound' ? resolved.executable : resolved.kind === 'run' && !executableExists(plan, resolved.argv[0] ?? '') ? (resolved.argv[0] ?? '') : undefined;
    if (missing !== undefined) {
      // Docker-style runtimes print the OCI error to the terminal and report exit code 126.
      const message = notFoundMessage(missing);
      send(STDOUT, Buffer.from(`${message}\r\n`));
      finish(ws, exitStatus(options.command, 126, message));
      return;
    }
    if (resolved.kind === 'procNet' || resolved.kind === 'procFd') {
      const text = options.cannedOutput ?? '';
      send(STDOUT, Buffer.from(options.tty ? text.replace(/\n/g, '\r\n') : text));
      finish(ws, successStatus());
      return;
    }
    if (resolved.kind !== 'run' || !sandbox.ok) return;
    proc = runProcess({
      argv: resolved.argv,
      sandbox: { tool: sandbox, plan },
      env: options.env,
      stdin: options.stdin,
      tty: options.tty,
      size: size,
      onOutput: send,
      onExit: (result) => {
        if (result === 'not-found') {
          const executable = resolved.argv[0] ?? '';
          send(STDOUT, Buffer.from(`${notFoundMessage(executable)}\r\n`));
          finish(ws, exitStatus(options.command, 126, notFoundMessage(executable)));
        } else {
          finish(ws, result === 0 ? successStatus() : exitStatus(options.command, result));
        }
      },
    });
    for (const chunk of pending.splice(0)) proc.writeStdin(chunk);
    if (stdinClosed) proc.endStdin();
  };

  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length === 0) return;
    const channel = data[0];
    const payload = data.subarray(1);
    if (channel === STDIN && options.stdin) {
      if (proc) proc.writeStdin(payload);
      else pending.push(Buffer.from(payload));
    } else if (channel === RESIZE && options.tty) {
      const next = parseResize(payload);
      if (!next) return;
      size = next;
      if (proc) proc.resize(next.width, next.height);
      else start();
    } else if (channel === CLOSE && payload[0] === STDIN && ws.protocol === 'v5.channel.k8s.io') {
      stdinClosed = true;
      proc?.endStdin();
    }
  });
  ws.on('close', () => proc?.kill());
  ws.on('error', () => proc?.kill());
  if (options.tty) setTimeout(start, FIRST_RESIZE_WAIT_MS).unref();
  else start();
}
