// The namespace sandbox every exec'd command runs in: bubblewrap (Debian's `bubblewrap`), or
// util-linux's unshare where bwrap is missing (see unshareSandbox.ts), builds a private mount,
// PID, UTS, IPC and network namespace from a container plan. The host's system directories are
// read-only binds for the binaries; the container's own root is a directory in the sim's temp
// dir; volumes are binds at their real mount paths. No capabilities are kept, so nothing inside
// can remount a read-only bind writable. Without either there is no sandbox, and the caller
// answers with a Status instead of running anything on the host.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerPlan } from './containerPlan.ts';
import { unshareArgs } from './unshareSandbox.ts';
import { realDir, realFile } from './rootPaths.ts';

export type SandboxSupport = { ok: true; tool: 'bwrap' | 'unshare'; path: string } | { ok: false; reason: string };

/** The PATH inside the sandbox: the host's standard system directories, which are all bound. */
export const SANDBOX_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

// The directories binaries and their libraries live in. On merged-/usr systems the top-level
// ones are symlinks into /usr, and are recreated as the same symlinks.
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32'];
// The few files of /etc that programs need to start (users, the dynamic linker, Debian's
// alternatives links); the rest of /etc is the container's own, writable and private.
const ETC_FILES = [
  '/etc/passwd',
  '/etc/group',
  '/etc/nsswitch.conf',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
  '/etc/alternatives',
  '/etc/localtime',
  '/etc/bash.bashrc',
  '/etc/profile',
  '/etc/inputrc',
  '/etc/terminfo',
];

// Probed once per override: the answer cannot change while the sim runs.
const probed = new Map<string, SandboxSupport>();

/**
 * The tool's path. PODVIEW_SIM_BWRAP / PODVIEW_SIM_UNSHARE name another one; set empty, they
 * say "not here", which is how a test (or a user) sees the other paths.
 */
function findTool(variable: string, name: string): string | undefined {
  const override = process.env[variable];
  if (override !== undefined) return override !== '' && existsSync(override) ? override : undefined;
  return [`/usr/bin/${name}`, `/usr/local/bin/${name}`, `/bin/${name}`].find((p) => existsSync(p));
}

/** Whether namespaces can be made here, probed once: bwrap (or unshare) present and permitted. */
export function sandboxSupport(): SandboxSupport {
  const key = `${process.env.PODVIEW_SIM_BWRAP ?? '\0'}|${process.env.PODVIEW_SIM_UNSHARE ?? '\0'}`;
  let support = probed.get(key);
  if (!support) probed.set(key, (support = probeSupport()));
  return support;
}

function firstLine(result: ReturnType<typeof spawnSync>): string {
  return (
    String(result.stderr ?? '')
      .trim()
      .split('\n')[0] || `exit code ${result.status}`
  );
}

function probeSupport(): SandboxSupport {
  if (process.platform !== 'linux') return { ok: false, reason: `no sandbox for exec here: the sim needs Linux namespaces (this is ${process.platform})` };
  const probe = (file: string, args: string[]) => spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 10_000 });
  const bwrap = findTool('PODVIEW_SIM_BWRAP', 'bwrap');
  let refused = '';
  if (bwrap) {
    const tried = probe(bwrap, ['--ro-bind', '/', '/', '--unshare-all', '--cap-drop', 'ALL', '--', 'true']);
    if (tried.status === 0) return { ok: true, tool: 'bwrap', path: bwrap };
    refused = firstLine(tried);
  }
  const unshare = findTool('PODVIEW_SIM_UNSHARE', 'unshare');
  if (unshare && existsSync('/usr/bin/setpriv') && existsSync('/usr/sbin/chroot')) {
    const tried = probe(unshare, ['--mount', '--pid', '--uts', '--ipc', '--net', '--fork', '--kill-child', '--', '/bin/sh', '-c', 'mount -t tmpfs tmpfs /tmp']);
    if (tried.status === 0) return { ok: true, tool: 'unshare', path: unshare };
  }
  // bwrap refused: installing it again would not help. Otherwise it is what to install (unshare
  // alone needs root, which a user should not give the sim).
  if (refused) return { ok: false, reason: `no sandbox for exec here: bwrap may not make namespaces (${refused})` };
  return { ok: false, reason: 'no sandbox for exec here: install bubblewrap (apt-get install bubblewrap) and restart the sim' };
}

/**
 * The host's merged-/usr symlinks (/bin -> usr/bin) made in the container's root itself: bwrap's
 * --symlink fails where one already exists, and the root outlives each exec.
 */
function linkSystemDirs(root: string): void {
  for (const dir of SYSTEM_DIRS) {
    try {
      if (!lstatSync(dir).isSymbolicLink()) continue;
      const target = readlinkSync(dir);
      const at = join(root, dir);
      let same = false;
      try {
        same = lstatSync(at).isSymbolicLink() && readlinkSync(at) === target;
      } catch {
        // absent: made below
      }
      if (!same) {
        rmSync(at, { recursive: true, force: true });
        symlinkSync(target, at);
      }
    } catch {
      // not on this host
    }
  }
}

/** Every mount point the tool binds over, made real in the root (see rootPaths.ts for why). */
function prepareMountPoints(root: string): void {
  for (const dir of [...systemDirs(), '/dev', '/proc']) realDir(root, dir);
  for (const file of etcFiles()) {
    if (lstatSync(file).isDirectory()) realDir(root, file);
    else realFile(root, file);
  }
}

/** The system directories that are real directories here (the rest are links made by linkSystemDirs). */
function systemDirs(): string[] {
  return SYSTEM_DIRS.filter((dir) => {
    try {
      return lstatSync(dir).isDirectory();
    } catch {
      return false;
    }
  });
}

const etcFiles = (): string[] => ETC_FILES.filter((file) => existsSync(file));

/** The program and arguments that run `command` in the planned container's sandbox. */
export function sandboxCommand(tool: { tool: 'bwrap' | 'unshare'; path: string }, plan: ContainerPlan, command: string[]): { file: string; args: string[] } {
  linkSystemDirs(plan.root);
  prepareMountPoints(plan.root);
  if (tool.tool === 'unshare') return { file: tool.path, args: unshareArgs(plan, systemDirs(), etcFiles(), command) };
  return { file: tool.path, args: bwrapArgs(plan, command) };
}

function bwrapArgs(plan: ContainerPlan, command: string[]): string[] {
  const args = ['--bind', plan.root, '/'];
  for (const dir of systemDirs()) args.push('--ro-bind', dir, dir);
  for (const file of etcFiles()) args.push('--ro-bind', file, file);
  args.push('--dev', '/dev', '--proc', '/proc');
  // Shallow mounts first, so a deeper mount lands inside its parent as on a node.
  for (const mount of plan.mounts) args.push(mount.readOnly ? '--ro-bind' : '--bind', mount.source, mount.target);
  args.push('--unshare-all', '--cap-drop', 'ALL', '--die-with-parent', '--hostname', plan.hostname, '--chdir', plan.workingDir);
  return [...args, '--', ...command];
}

/**
 * Whether a command's executable exists inside the sandbox, looked up on the host through the
 * same binds, so a missing one is reported as the runtime reports it (exit 126, its words).
 */
export function executableExists(plan: ContainerPlan, executable: string): boolean {
  if (!executable) return false;
  const candidates = executable.includes('/') ? [executable] : SANDBOX_PATH.split(':').map((dir) => `${dir}/${executable}`);
  return candidates.some((path) => existsSync(hostPathOf(plan, path.startsWith('/') ? path : `${plan.workingDir}/${path}`)));
}

/** Where a path inside the sandbox lives on the host: a system dir, a volume, or the container root. */
function hostPathOf(plan: ContainerPlan, path: string): string {
  if (SYSTEM_DIRS.some((dir) => path === dir || path.startsWith(`${dir}/`))) return path;
  // The deepest mount that holds the path wins, as in the mount table.
  const mount = [...plan.mounts].reverse().find((m) => path === m.target || path.startsWith(`${m.target}/`));
  if (mount) return mount.source + path.slice(mount.target.length);
  return plan.root + path;
}
