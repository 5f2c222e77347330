import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PassThrough, Writable } from 'node:stream';
import type { V1Pod } from '@kubernetes/client-node';
import { frameProbeFromEnv, installFrameProbe } from '../../../src/cli/runtime/frameProbe.ts';
import { CHANGED_AT } from '../../../src/sim/churn.ts';
import { CHANGED_AT_ANNOTATION, sharedPartCount } from '../../../src/store/leanPod.ts';
import { PodStore } from '../../../src/store/podStore.ts';

function stampedPod(name: string, changedAt?: number): V1Pod {
  return {
    metadata: { namespace: 'ns', name, uid: `uid-${name}`, resourceVersion: '1', annotations: changedAt === undefined ? {} : { [CHANGED_AT_ANNOTATION]: String(changedAt) } },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  };
}

function setup(t: { after(fn: () => void): void }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podview-probe-'));
  const file = path.join(dir, 'probe.jsonl');
  const written: string[] = [];
  const stdout = new Writable({
    write: (chunk, _enc, done) => {
      written.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  const store = new PodStore({ frameMs: 0 });
  let clock = 1_000;
  const now = () => clock;
  const setClock = (ms: number) => (clock = ms);
  const all = () =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>)
      : [];
  // Collections and memory samples come whenever the runtime has them; these tests look at events and keys.
  const lines = () => all().filter((l) => l.kind === 'event' || l.kind === 'key');
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { file, written, stdout, stdin, store, now, setClock, lines, all };
}

test("the probe reads the very annotation the sim's churn stamps (the sim keeps its own copy of the name)", () => {
  assert.equal(CHANGED_AT_ANNOTATION, CHANGED_AT);
});

test('a stamped Pod change is timed from the sim stamp to the next terminal write', (t) => {
  const s = setup(t);
  const remove = installFrameProbe({ store: s.store, stdout: s.stdout, stdin: s.stdin, file: s.file, now: s.now, flushEveryMs: 0 });
  s.setClock(1_010);
  s.store.apply([
    { type: 'ADDED', pod: stampedPod('a', 1_000) },
    { type: 'ADDED', pod: stampedPod('plain') },
  ]);
  s.setClock(1_040);
  s.stdout.write('frame 1');
  s.setClock(1_100);
  s.stdout.write('frame 2');
  remove();
  // Only the stamped Pod is timed, and only against the first frame after its notification.
  assert.deepEqual(s.lines(), [{ kind: 'event', changedAt: 1_000, notifiedAt: 1_010, frameAt: 1_040 }]);
  assert.deepEqual(s.written, ['frame 1', 'frame 2'], 'the terminal still gets every write');
});

test('a key press is timed to the next terminal write, however it is read', async (t) => {
  const s = setup(t);
  const remove = installFrameProbe({ store: s.store, stdout: s.stdout, stdin: s.stdin, file: s.file, now: s.now, flushEveryMs: 0 });
  const seen: string[] = [];
  s.stdin.on('readable', () => {
    for (let chunk: unknown; (chunk = s.stdin.read()) !== null; ) seen.push(String(chunk));
  });
  s.setClock(2_000);
  s.stdin.write('j');
  await new Promise((resolve) => setImmediate(resolve));
  s.setClock(2_030);
  s.stdout.write('frame');
  remove();
  assert.deepEqual(seen, ['j'], 'the reader still gets the key');
  assert.deepEqual(s.lines(), [{ kind: 'key', keyAt: 2_000, frameAt: 2_030 }]);
});

test('removed, the probe leaves stdout and stdin as they were and records nothing more', (t) => {
  const s = setup(t);
  const write = s.stdout.write;
  const emit = s.stdin.emit;
  const remove = installFrameProbe({ store: s.store, stdout: s.stdout, stdin: s.stdin, file: s.file, now: s.now, flushEveryMs: 0 });
  assert.notEqual(s.stdout.write, write);
  remove();
  assert.equal(s.stdout.write, write);
  assert.equal(s.stdin.emit, emit);
  s.store.apply([{ type: 'ADDED', pod: stampedPod('late', 5) }]);
  s.stdout.write('frame');
  assert.deepEqual(s.lines(), []);
});

test('without PODVIEW_FRAME_PROBE nothing is patched', (t) => {
  const s = setup(t);
  const write = s.stdout.write;
  const remove = frameProbeFromEnv({ store: s.store, stdout: s.stdout, stdin: s.stdin }, {});
  assert.equal(s.stdout.write, write);
  remove();
  const removeSet = frameProbeFromEnv({ store: s.store, stdout: s.stdout, stdin: s.stdin, now: s.now }, { PODVIEW_FRAME_PROBE: s.file });
  s.store.apply([{ type: 'ADDED', pod: stampedPod('b', 900) }]);
  s.stdout.write('frame');
  removeSet();
  assert.deepEqual(s.lines(), [{ kind: 'event', changedAt: 900, notifiedAt: 1_000, frameAt: 1_000 }]);
});

test('garbage-collection pauses and memory samples are recorded beside the frames', async (t) => {
  const s = setup(t);
  const remove = installFrameProbe({ store: s.store, stdout: s.stdout, stdin: s.stdin, file: s.file, now: s.now, flushEveryMs: 0, heapEveryMs: 5 });
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  remove();
  const all = s.all();
  const pause = all.find((l) => l.kind === 'gc' && l.gcKind === 'major');
  assert.ok(pause, 'the forced full collection is there');
  assert.equal(typeof pause.ms, 'number');
  assert.ok((pause.heapUsedAfter as number) > 0, 'a full collection says what was left alive');
  assert.ok(
    all.filter((l) => l.kind === 'gc' && l.gcKind !== 'major').every((l) => l.heapUsedAfter === undefined),
    'only full collections say it',
  );
  const heap = all.find((l) => l.kind === 'heap');
  assert.ok(heap && typeof heap.rss === 'number' && typeof heap.heapUsed === 'number' && (heap.heapUsed as number) > 0);
  assert.ok((heap.newSpace as number) > 0 && typeof heap.external === 'number', 'the young generation and external memory are sampled too');
});

test("the store's connection changes are recorded, so a relist under churn shows", (t) => {
  const s = setup(t);
  const remove = installFrameProbe({ store: s.store, stdout: s.stdout, stdin: s.stdin, file: s.file, now: s.now, flushEveryMs: 0 });
  s.store.setConnection({ kind: 'live' });
  s.setClock(1_500);
  s.store.apply([{ type: 'ADDED', pod: stampedPod('a', 1_400) }]); // no change of connection: nothing recorded for it
  s.setClock(2_000);
  s.store.setConnection({ kind: 'loading', loaded: 0 });
  s.stdout.write('frame');
  remove();
  const changes = s.all().filter((l) => l.kind === 'connection');
  assert.deepEqual(changes, [
    { kind: 'connection', at: 1_000, state: 'live' },
    { kind: 'connection', at: 2_000, state: 'loading' },
  ]);
});

test('SIGUSR2 makes the probe run a full collection and record what is left alive and how many lean-Pod parts are shared; removing the probe gives the signal back', async (t) => {
  const s = setup(t);
  s.store.apply([
    { type: 'ADDED', pod: stampedPod('a', 900) },
    { type: 'ADDED', pod: stampedPod('b', 900) },
  ]);
  // The test runner's processes write a diagnostic report on SIGUSR2; not this one.
  const reportOnSignal = process.report.reportOnSignal;
  process.report.reportOnSignal = false;
  t.after(() => (process.report.reportOnSignal = reportOnSignal));
  const listeners = process.listenerCount('SIGUSR2');
  const remove = installFrameProbe({ store: s.store, stdout: s.stdout, stdin: s.stdin, file: s.file, now: s.now, flushEveryMs: 0, heapEveryMs: 0 });
  process.kill(process.pid, 'SIGUSR2');
  const seen = (kind: string) => s.all().some((l) => l.kind === kind && (kind !== 'gc' || l.gcKind === 'major'));
  for (let i = 0; i < 100 && !(seen('fullgc') && seen('gc')); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  remove();
  const full = s.all().filter((l) => l.kind === 'fullgc');
  assert.equal(full.length, 1);
  assert.equal(full[0]!.at, 1_000);
  assert.ok((full[0]!.heapUsed as number) > 0 && (full[0]!.rss as number) > (full[0]!.heapUsed as number));
  assert.ok(sharedPartCount() > 0, 'the lean Pods shared parts');
  assert.equal(full[0]!.sharedParts, sharedPartCount());
  assert.ok(
    s.all().some((l) => l.kind === 'gc' && l.gcKind === 'major'),
    'the collection was a full one',
  );
  assert.equal(process.listenerCount('SIGUSR2'), listeners);
});
