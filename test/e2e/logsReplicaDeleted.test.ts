// `kubectl podview logs deploy/storefront -f` in a real terminal (tmux) against `kubectl podview
// sim`, while the real kubectl deletes one replica: the pane shows the deleted Pod's stream end
// (`- pod/container`) and the replacement the sim's ReplicaSet controller makes join
// (`+ newpod/container`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertBuilt, ROOT } from '../cli/helpers.ts';
import { screenOf, startCleanShell, tmux, waiterOn } from './tmuxSession.ts';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const hasKubectl = spawnSync('kubectl', ['version', '--client']).status === 0;
const skip = !hasTmux ? 'tmux is not installed' : !hasKubectl ? 'kubectl is not installed' : false;
const session = `podview-e2e-replica-${process.pid}`;

const startMarks = (screen: string): string[] => [...screen.matchAll(/^\+ (storefront-[a-z0-9-]+)\/storefront$/gm)].map((m) => m[1] ?? '');

test('logs deploy/storefront -f: a deleted replica ends with -, its replacement joins with +', { skip }, async (t) => {
  assertBuilt();
  const bin = path.join(ROOT, 'bin', 'kubectl-podview');
  const dir = mkdtempSync(path.join(tmpdir(), 'podview-e2e-replica-'));
  const kubeconfig = path.join(dir, 'sim.yaml');
  const sim = spawn(process.execPath, [bin, 'sim', '--kubeconfig-out', kubeconfig], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => {
    sim.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  let said = '';
  sim.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    sim.stdout.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('kubeconfig written')) resolve();
    });
    sim.on('exit', (code) => reject(new Error(`the sim exited (${code}): ${said}`)));
  });

  startCleanShell(session, 120, 40);
  t.after(() => spawnSync('tmux', ['kill-session', '-t', session]));
  const screen = screenOf(session);
  const waitFor = waiterOn(screen);
  // The demo's nginx replicas write thousands of lines a second, which would scroll the marks
  // out of the pane: -i keeps no log line, and the marks are not log lines.
  tmux('send-keys', '-t', session, `NO_COLOR=1 ${process.execPath} ${bin} logs deploy/storefront -n shop -f -i '^no line is this$' --kubeconfig ${kubeconfig}`, 'Enter');
  const started = await waitFor('a stream per replica', (s) => startMarks(s).length >= 2, 20_000);
  const before = startMarks(started);
  const victim = before[0] ?? '';

  const deleted = spawnSync('kubectl', ['--kubeconfig', kubeconfig, 'delete', 'pod', victim, '-n', 'shop', '--wait=false'], { encoding: 'utf8' });
  assert.equal(deleted.status, 0, deleted.stderr);
  const after = await waitFor('the end mark and the replacement', (s) => new RegExp(`^- ${victim}/storefront$`, 'm').test(s) && startMarks(s).some((p) => !before.includes(p)), 20_000);
  const replacement = startMarks(after).find((p) => !before.includes(p)) ?? '';
  // The replacement belongs to the same ReplicaSet: the deleted Pod's name with a new suffix.
  assert.equal(replacement.slice(0, replacement.lastIndexOf('-')), victim.slice(0, victim.lastIndexOf('-')));
  assert.ok(!after.includes('Error') && !after.includes('    at '), `no error or stack trace on the pane:\n${after}`);
  tmux('send-keys', '-t', session, 'C-c');
});
