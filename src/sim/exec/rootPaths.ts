// Paths the sim itself creates inside a container's root or a volume, made safe against what a
// command in the sandbox may have left there: the root and emptyDir volumes are writable from
// inside, so any component could now be a symlink to a host path ("ln -s /etc /var"). Writing
// or mounting through it would reach the host; so each component is checked without following
// links, and anything that is not a real directory (or the file we expect) is replaced.
import { lstatSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';

function isRealDir(path: string): boolean | undefined {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return undefined;
  }
}

/** base/relative as real directories all the way down (base itself is the sim's own). */
export function realDir(base: string, relative: string): string {
  let at = base;
  for (const part of relative.split(sep).filter(Boolean)) {
    at = join(at, part);
    const state = isRealDir(at);
    if (state === true) continue;
    if (state === false) rmSync(at, { recursive: true, force: true });
    mkdirSync(at);
  }
  return at;
}

/** An empty regular file at base/relative (a mount point for a file), its parents real directories. */
export function realFile(base: string, relative: string): string {
  const parts = relative.split(sep).filter(Boolean);
  const parent = realDir(base, parts.slice(0, -1).join(sep));
  const file = join(parent, parts[parts.length - 1] ?? '');
  try {
    const stat = lstatSync(file);
    if (stat.isFile()) return file;
    rmSync(file, { recursive: true, force: true });
  } catch {
    // absent: made below
  }
  writeFileSync(file, '', { flag: 'wx' });
  return file;
}

/** Writes a file the sim owns inside a root, never through a link left there. */
export function writeOwnFile(base: string, relative: string, content: string): void {
  const parts = relative.split(sep).filter(Boolean);
  const file = join(realDir(base, parts.slice(0, -1).join(sep)), parts[parts.length - 1] ?? '');
  rmSync(file, { recursive: true, force: true });
  writeFileSync(file, content, { flag: 'wx' });
}

/** Whether path, with every link resolved, is still inside dir (a subPath must not leave its volume). */
export function staysInside(dir: string, path: string): boolean {
  try {
    const real = realpathSync(path);
    const base = realpathSync(dir);
    return real === base || real.startsWith(base + sep);
  } catch {
    return false;
  }
}
