// The same sandbox as bwrap's, built with util-linux where bubblewrap is missing: `unshare`
// makes the mount, PID, UTS, IPC and network namespaces, a shell script binds the same
// directories (system dirs and kubelet volumes read-only, the container root writable), mounts
// a private /dev and /proc, and `chroot` + `setpriv` start the command with an empty capability
// bounding set, so nothing inside can remount a read-only bind writable or leave the root.
// Needs root (mount and chroot); the probe says so otherwise.
import type { ContainerPlan } from './containerPlan.ts';

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

const DEVICES = ['null', 'zero', 'full', 'random', 'urandom', 'tty'];

/** Lines that bind `source` at `target` inside the new root, read-only when asked. */
function bind(source: string, target: string, readOnly: boolean): string[] {
  const at = quote(target);
  return [
    `if [ -d ${quote(source)} ]; then mkdir -p "$R"${at}; else mkdir -p "$(dirname "$R"${at})"; [ -e "$R"${at} ] || : > "$R"${at}; fi`,
    `mount --bind ${quote(source)} "$R"${at}`,
    ...(readOnly ? [`mount -o remount,bind,ro "$R"${at}`] : []),
  ];
}

/** The script run as PID 1 of the new namespaces; $@ is the command. */
export function unshareScript(plan: ContainerPlan, systemDirs: string[], etcFiles: string[]): string {
  const lines = ['set -e', `R=${quote(plan.root)}`, 'mount --bind "$R" "$R"'];
  for (const dir of systemDirs) lines.push(...bind(dir, dir, true));
  for (const file of etcFiles) lines.push(...bind(file, file, true));
  lines.push('mkdir -p "$R/dev" "$R/proc"', 'mount -t tmpfs -o mode=755,nosuid tmpfs "$R/dev"');
  for (const device of DEVICES) lines.push(`: > "$R/dev/${device}"`, `mount --bind /dev/${device} "$R/dev/${device}"`);
  lines.push(
    'mkdir -p "$R/dev/pts" "$R/dev/shm"',
    'mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$R/dev/pts"',
    'ln -s pts/ptmx "$R/dev/ptmx"',
    'ln -s /proc/self/fd "$R/dev/fd"',
    'mount -t proc proc "$R/proc"',
  );
  for (const mount of plan.mounts) lines.push(...bind(mount.source, mount.target, mount.readOnly));
  lines.push(
    `printf %s ${quote(plan.hostname)} > /proc/sys/kernel/hostname`,
    `exec chroot "$R" /usr/bin/setpriv --bounding-set=-all --inh-caps=-all --no-new-privs -- /bin/sh -c 'cd "$0" && exec "$@"' ${quote(plan.workingDir)} "$@"`,
  );
  return lines.join('\n');
}

/** unshare's arguments for one exec in the planned container. */
export function unshareArgs(plan: ContainerPlan, systemDirs: string[], etcFiles: string[], command: string[]): string[] {
  return ['--mount', '--pid', '--uts', '--ipc', '--net', '--fork', '--kill-child', '--', '/bin/sh', '-c', unshareScript(plan, systemDirs, etcFiles), 'sandbox', ...command];
}
