// The exec tests need bubblewrap (the sim runs every exec'd command in a bwrap sandbox). A fresh
// CI machine may not have it: install Debian's package quietly, once, when it is missing and apt
// can be used; otherwise say why, so the caller can skip with that reason.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BWRAP = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];
let answer: string | false | undefined;

const present = (): boolean => BWRAP.some((p) => existsSync(p));

function apt(args: string[]): boolean {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  const r = spawnSync(file, argv, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 300_000 });
  return r.status === 0;
}

/** false when bwrap is (now) installed; otherwise the reason it is not, for a test's skip. */
export function ensureBubblewrap(): string | false {
  if (answer !== undefined) return answer;
  if (process.platform !== 'linux') return (answer = `bubblewrap needs Linux (this is ${process.platform})`);
  if (present()) return (answer = false);
  // The package lists of a fresh machine may be empty: update once, then install.
  if (!apt(['-y', '-qq', 'install', 'bubblewrap'])) apt(['-qq', 'update']) && apt(['-y', '-qq', 'install', 'bubblewrap']);
  return (answer = present() ? false : 'bubblewrap is not installed and apt-get could not install it (no root, no sudo or no package source)');
}
