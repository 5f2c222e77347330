// A sim that ends in any way leaves no podview-sim-* directory behind: SIGTERM, SIGINT and an
// uncaught exception remove it on the way out; after kill -9 the next sim sweeps it. The
// `podview sim` command survives hostile requests and removes its kubeconfig's directory too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepStaleSimDirs } from '../../src/sim/tempDir.ts';
import { parseRawAnswer, sendRaw } from './rawSocket.ts';

const CHILD = join(import.meta.dirname, 'simTempDirChild.ts');

/** Starts the child, waits for its data dir, applies `end`, and resolves with how it exited. */
function runChild(mode: 'wait' | 'crash' | 'ink', end: (pid: number) => void): Promise<{ dir: string; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let dir = '';
    child.stdout.on('data', (d) => {
      out += d;
      // The directory is the first line that names one (Ink may draw before it).
      const line = out.split('\n').find((l) => l.includes('podview-sim-') && out.includes(`${l}\n`));
      if (!dir && line) {
        dir = line;
        assert.ok(existsSync(dir), 'the data dir exists while the sim runs');
        end(child.pid!);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ dir, code, signal }));
  });
}

describe('sim temporary directory', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`${signal}: the process dies of the signal and its directory is gone`, async () => {
      const r = await runChild('wait', (pid) => process.kill(pid, signal));
      assert.equal(r.signal, signal);
      assert.match(r.dir, /podview-sim-\d+-/);
      assert.equal(existsSync(r.dir), false);
    });
  }

  test('SIGTERM with an Ink app (signal-exit) listening: the process still dies of it, directory gone', async () => {
    const r = await runChild('ink', (pid) => process.kill(pid, 'SIGTERM'));
    assert.equal(r.signal, 'SIGTERM');
    assert.equal(existsSync(r.dir), false);
  });

  test('podview sim: a hostile request does not end it; Ctrl-C stops it cleanly and removes its directories', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'command'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve) =>
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (\S+)[\s\S]*press Ctrl-C/.exec(out);
        if (m) resolve(m[1]!);
      }),
    );
    const kubeconfig = /kubeconfig written to (\S+)/.exec(out)![1];
    const port = Number(new URL(url).port);
    for (const target of ['//a:99999/x', '/api/%zz']) {
      const answer = parseRawAnswer(await sendRaw(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`));
      assert.equal((answer.body as { kind: string }).kind, 'Status', target);
    }
    assert.equal(parseRawAnswer(await sendRaw(port, 'GET /version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).code, 401, 'still serving');
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.equal(existsSync(kubeconfig!), false);
    assert.deepEqual(
      readdirSync(tmpdir()).filter((n) => n.startsWith(`podview-sim-${child.pid}-`)),
      [],
    );
  });

  test('an uncaught exception: exit 1 and the directory is gone', async () => {
    const r = await runChild('crash', () => {});
    assert.equal(r.code, 1);
    assert.equal(existsSync(r.dir), false);
  });

  test('kill -9 leaves it; the sweep removes directories of dead pids only', async () => {
    const r = await runChild('wait', (pid) => process.kill(pid, 'SIGKILL'));
    assert.equal(r.signal, 'SIGKILL');
    assert.equal(existsSync(r.dir), true, 'nothing runs on SIGKILL');
    const base = mkdtempSync(join(tmpdir(), 'simapi-sweep-'));
    try {
      const dead = join(base, `podview-sim-${/podview-sim-(\d+)-/.exec(r.dir)![1]}-abc`);
      const alive = join(base, `podview-sim-${process.pid}-abc`);
      const other = join(base, 'podview-sim-tls-abc');
      for (const d of [dead, alive, other]) {
        mkdirSync(join(d, 'pods'), { recursive: true });
        writeFileSync(join(d, 'pods', 'f'), 'x');
      }
      assert.equal(sweepStaleSimDirs(base), 1);
      assert.deepEqual([existsSync(dead), existsSync(alive), existsSync(other)], [false, true, true]);
      // Another sim starting meanwhile may sweep it first: only the outcome is certain.
      sweepStaleSimDirs();
      assert.equal(existsSync(r.dir), false);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
