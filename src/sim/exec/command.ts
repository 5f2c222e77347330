// Decides what a requested command means in the sim's fake image: a shell the image has
// (run the host's), a shell it lacks (fail like the runtime), the port probe's read of
// /proc/net or of the containers' fd tables (answered from the scenario's sockets), or any
// other tool (run the host's).
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const PATH_DIRS = new Set(['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/busybox']);
const PROC_NET = /^\/proc\/(?:self\/)?net\/(tcp6?|udp6?)$/;

export type ResolvedCommand = { kind: 'run'; argv: string[] } | { kind: 'procNet'; tables: Array<'tcp' | 'tcp6' | 'udp' | 'udp6'> } | { kind: 'procFd' } | { kind: 'notFound'; executable: string };

function imageHas(shells: string[], executable: string): boolean {
  if (executable.includes('/')) return shells.includes(executable);
  return shells.some((entry) => entry === executable || (basename(entry) === executable && PATH_DIRS.has(dirname(entry))));
}

function hostShell(name: string): string {
  for (const candidate of [`/bin/${name}`, `/usr/bin/${name}`]) if (name !== 'busybox' && existsSync(candidate)) return candidate;
  return '/bin/sh';
}

// The probe's read of the fd tables: through a shell for the glob, or pid 1 alone without one.
const FD_GLOB_SCRIPT = 'ls -l /proc/[0-9]*/fd';
const isFdRead = (command: string[], shells: string[]): boolean => {
  const [executable = '', ...rest] = command;
  if (basename(executable) === 'sh' && rest.length === 2 && rest[0] === '-c' && rest[1] === FD_GLOB_SCRIPT) return imageHas(shells, executable);
  return basename(executable) === 'ls' && shells.length > 0 && rest.length === 2 && rest[0] === '-l' && rest[1] === '/proc/1/fd';
};

export function resolveCommand(command: string[], shells: string[]): ResolvedCommand {
  const executable = command[0] ?? '';
  const name = basename(executable);
  // The sandbox's /proc shows its own processes, not the Pod's: the scenario answers.
  if (isFdRead(command, shells)) return { kind: 'procFd' };
  if (SHELL_NAMES.has(name)) {
    if (!imageHas(shells, executable)) return { kind: 'notFound', executable };
    // `busybox sh -c ...` runs the applet named by the next word.
    const rest = name === 'busybox' ? command.slice(2) : command.slice(1);
    const shell = name === 'busybox' ? (command[1] ?? 'sh') : name;
    return { kind: 'run', argv: [hostShell(shell), ...rest] };
  }
  // An image without a shell is distroless: it has its application and no tools at all.
  if (shells.length === 0) return { kind: 'notFound', executable };
  if (name === 'cat' && command.length > 1) {
    const tables = command.slice(1).map((file) => PROC_NET.exec(file)?.[1]);
    if (tables.every((t) => t !== undefined)) return { kind: 'procNet', tables: tables as Array<'tcp' | 'tcp6' | 'udp' | 'udp6'> };
  }
  return { kind: 'run', argv: command };
}
