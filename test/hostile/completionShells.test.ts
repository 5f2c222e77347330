// Completion candidates are names a cluster or a shared kubeconfig controls. Whatever they hold
// ($(...), backticks, ;, quotes, spaces, glob characters), bash, zsh and fish get them as literal
// words: nothing runs on <TAB>, and what bash inserts reads back as the name itself. A stand-in
// `kubectl-podview` on PATH answers the scripts' `__complete` call with the hostile names, so
// each test is about the shell script alone (complete.ts's own answers are test/cli/completion).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { completionScript } from '../../src/cli/completion/scripts.ts';
import type { ShellName } from '../../src/cli/commandTypes.ts';

const HOSTILE = ['p0-$(touch ran-dollar)', 'p1-`touch ran-backtick`', 'p2-;touch ran-semicolon', `p3-'single'"double"`, 'p4 with  spaces', 'p5-*', 'p6-$HOME'];

/** The shell, installed quietly through apt when missing; a reason when that cannot be done. */
function ensureShell(name: string): string | undefined {
  const has = (): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
  if (has()) return undefined;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = spawnSync('apt-get', ['install', '-y', '-qq', name], { env, stdio: 'ignore', timeout: 300_000 });
  if (install.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore', timeout: 300_000 });
    install = spawnSync('apt-get', ['install', '-y', '-qq', name], { env, stdio: 'ignore', timeout: 300_000 });
  }
  return has() ? undefined : `${name} is not installed and apt-get could not install it`;
}

/** A directory with the script, a fake kubectl-podview on PATH, and nothing else. */
function setUp(t: { after(fn: () => void): void }, shell: ShellName): { dir: string; script: string; env: NodeJS.ProcessEnv } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `podview-compl-${shell}-`));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(dir, 'names'), `${[...HOSTILE, ':4'].join('\n')}\n`);
  fs.writeFileSync(path.join(bin, 'kubectl-podview'), `#!/bin/sh\ncat '${path.join(dir, 'names')}'\n`, { mode: 0o755 });
  const script = path.join(dir, `script.${shell}`);
  fs.writeFileSync(script, completionScript(shell));
  fs.mkdirSync(path.join(dir, 'cwd'));
  return { dir, script, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: dir } };
}

function nothingRan(dir: string): void {
  assert.deepEqual(fs.readdirSync(path.join(dir, 'cwd')), [], 'no candidate ran a command');
}

test('bash: candidates are matched and inserted quoted, never expanded', (t) => {
  const { dir, script, env } = setUp(t, 'bash');
  // The eval reads each inserted word back the way the command line will when the user hits Enter.
  const body = `source '${script}'; COMP_WORDS=(kubectl-podview p); COMP_CWORD=1; _kubectl_podview; for w in "\${COMPREPLY[@]}"; do eval "printf '%s\\\\0' $w"; done`;
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', body], { cwd: path.join(dir, 'cwd'), env, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  nothingRan(dir);
  assert.deepEqual(run.stdout.split('\0').slice(0, -1), HOSTILE);
});

test('bash: a typed prefix narrows the candidates literally', (t) => {
  const { dir, script, env } = setUp(t, 'bash');
  const body = `source '${script}'; COMP_WORDS=(kubectl-podview 'p2-;'); COMP_CWORD=1; _kubectl_podview; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', body], { cwd: path.join(dir, 'cwd'), env, encoding: 'utf8' });
  nothingRan(dir);
  assert.equal(run.stdout, 'p2-\\;touch\\ ran-semicolon\n');
});

test('zsh: candidates reach compadd as literal words', (t) => {
  const skip = ensureShell('zsh');
  if (skip) {
    console.log(`skipped: ${skip}`);
    t.skip(skip);
    return;
  }
  const { dir, script, env } = setUp(t, 'zsh');
  // compadd and compdef exist only inside zsh's completion system; these stand-ins record what
  // the script passes (compadd itself quotes what it inserts unless given -Q, which we never pass).
  const body = `compdef() { :; }; _files() { :; }; compadd() { [[ $1 == -- ]] && shift; [[ -n \${(M)@:#-Q} ]] && print unquoted; printf '%s\\0' "$@"; }; source '${script}'; words=(kubectl-podview p); CURRENT=2; _kubectl_podview`;
  const run = spawnSync('zsh', ['-f', '-c', body], { cwd: path.join(dir, 'cwd'), env, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  nothingRan(dir);
  assert.deepEqual(run.stdout.split('\0').slice(0, -1), HOSTILE);
});

test('fish: candidates come back as literal words', (t) => {
  const skip = ensureShell('fish');
  if (skip) {
    console.log(`skipped: ${skip}`);
    t.skip(skip);
    return;
  }
  const { dir, script, env } = setUp(t, 'fish');
  // `complete -C` asks fish's completion machinery what it would offer for the command line.
  const run = spawnSync('fish', ['--no-config', '-c', `source '${script}'; complete -C 'kubectl-podview p'`], { cwd: path.join(dir, 'cwd'), env, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  nothingRan(dir);
  assert.deepEqual(run.stdout.split('\n').slice(0, -1).sort(), [...HOSTILE].sort());
});
