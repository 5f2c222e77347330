// Node has no pseudo-terminal and the project takes no native modules, so a TTY exec runs its
// command under a tiny python3 helper (python3 ships pty/termios): it forks the command on a
// pty, relays bytes both ways, and applies "ROWS COLS\n" lines from fd 3 with TIOCSWINSZ (the
// kernel then sends SIGWINCH to the foreground job, so `stty size` and full-screen tools follow).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PTY_HELPER = String.raw`
import os, pty, sys, fcntl, termios, struct, select, signal
rows, cols = int(sys.argv[1]), int(sys.argv[2])
argv = sys.argv[3:]
pid, master = pty.fork()
if pid == 0:
    if rows > 0 and cols > 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    try:
        os.execvp(argv[0], argv)
    except OSError as e:
        os.write(2, ('exec %s: %s\r\n' % (argv[0], e.strerror)).encode())
        os._exit(127)
def hangup(*_):
    try: os.kill(pid, signal.SIGHUP)
    except OSError: pass
    os._exit(129)
signal.signal(signal.SIGTERM, hangup)
signal.signal(signal.SIGHUP, hangup)
def write_all(fd, data):
    while data:
        n = os.write(fd, data)
        data = data[n:]
fds = [0, 3, master]
control = b''
status = None
while True:
    try:
        ready, _, _ = select.select(fds, [], [], 0.5)
    except InterruptedError:
        continue
    if master in ready:
        try:
            data = os.read(master, 65536)
        except OSError:
            data = b''
        if not data:
            break
        write_all(1, data)
    if 0 in ready:
        data = os.read(0, 65536)
        if data:
            write_all(master, data)
        else:
            fds.remove(0)
            write_all(master, b'\x04')
    if 3 in ready:
        data = os.read(3, 4096)
        if not data:
            fds.remove(3)
        control += data
        while b'\n' in control:
            line, control = control.split(b'\n', 1)
            parts = line.split()
            if len(parts) == 2:
                fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack('HHHH', int(parts[0]), int(parts[1]), 0, 0))
    if not ready:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
if status is None:
    _, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
sys.exit(128 - code if code < 0 else code)
`;

let python: string | null | undefined;

/** The real python3 binary (not a version-manager shim, which costs a process per start), or null. */
export function findPython(): string | null {
  if (python !== undefined) return python;
  // The system interpreter first: a pyenv/asdf shim on PATH costs seconds per lookup.
  const system = ['/usr/bin/python3', '/usr/local/bin/python3', '/bin/python3'].find((p) => existsSync(p));
  if (system) return (python = system);
  const probe = spawnSync('python3', ['-c', 'import pty, termios, fcntl, sys; print(sys.executable)'], { encoding: 'utf8' });
  python = probe.status === 0 && probe.stdout.trim() ? probe.stdout.trim() : null;
  return python;
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** argv for a TTY process: the python helper, or util-linux `script` (no live resize) without python3. */
export function ttyArgv(argv: string[], rows: number, cols: number): { file: string; args: string[]; resizable: boolean } {
  const py = findPython();
  if (py) return { file: py, args: ['-c', PTY_HELPER, String(rows), String(cols), ...argv], resizable: true };
  const sizing = rows > 0 && cols > 0 ? `stty rows ${rows} cols ${cols} 2>/dev/null; ` : '';
  return { file: 'script', args: ['-qfec', `${sizing}exec ${argv.map(quote).join(' ')}`, '/dev/null'], resizable: false };
}
