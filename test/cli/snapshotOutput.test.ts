// Streamed snapshot output must be byte for byte what the collected form prints, whatever the
// paging, and must wait for a full stdout to drain before writing more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { formatSnapshot } from '../../src/cli/snapshot.ts';
import { snapshotWriter } from '../../src/cli/snapshotOutput.ts';
import type { SnapshotSink } from '../../src/cli/snapshotOutput.ts';
import { buildPodHost } from '../../src/model/podHost.ts';
import type { PodHost } from '../../src/model/types.ts';
import { NOW, userMsvcPod } from '../model/fixtures/userMsvc.ts';

function hosts(count: number): PodHost[] {
  return Array.from({ length: count }, (_, i) => {
    const pod = userMsvcPod();
    pod.metadata = { ...pod.metadata, name: `user-msvc-${i}`, uid: `uid-${i}`, namespace: i % 2 ? 'shop' : 'default' };
    return buildPodHost(pod, { now: NOW });
  });
}

/** A sink that keeps what it is given; `full` makes every write report a full buffer. */
class MemorySink extends EventEmitter implements SnapshotSink {
  text = '';
  constructor(private readonly full = false) {
    super();
  }
  write(text: string, callback?: (err?: Error | null) => void): boolean {
    this.text += text;
    if (callback) queueMicrotask(() => callback());
    return !this.full;
  }
}

async function streamed(all: PodHost[], format: 'json' | 'text' | 'yaml', pageSizes: number[]): Promise<string> {
  const sink = new MemorySink();
  const writer = snapshotWriter(format, sink, false);
  let at = 0;
  for (const size of pageSizes) {
    await writer.add(all.slice(at, at + size));
    at += size;
  }
  await writer.end();
  return sink.text;
}

for (const format of ['json', 'text', 'yaml'] as const) {
  test(`-o ${format}: streamed pages print exactly the collected snapshot`, async () => {
    const all = hosts(5);
    const collected = formatSnapshot(all, format, { stdout: new MemorySink(), color: false });
    assert.equal(await streamed(all, format, [5]), collected);
    // Uneven pages, including an empty one (a filtered page can be empty).
    assert.equal(await streamed(all, format, [2, 0, 1, 2]), collected);
  });

  test(`-o ${format}: no Pods prints the same as the collected form`, async () => {
    const collected = formatSnapshot([], format, { stdout: new MemorySink(), color: false });
    assert.equal(await streamed([], format, []), collected);
    assert.equal(await streamed([], format, [0, 0]), collected);
  });
}

test('-o json streamed is one valid document with every Pod in order', async () => {
  const text = await streamed(hosts(7), 'json', [3, 3, 1]);
  const doc = JSON.parse(text);
  assert.equal(doc.apiVersion, 'podview/v1');
  assert.deepEqual(
    doc.pods.map((p: { name: string }) => p.name),
    Array.from({ length: 7 }, (_, i) => `user-msvc-${i}`),
  );
});

test('a full stdout holds the next page back until it drains', async () => {
  const sink = new MemorySink(true);
  const writer = snapshotWriter('json', sink, false);
  let written = false;
  const adding = writer.add(hosts(1)).then(() => (written = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(written, false, 'add() must wait for drain');
  sink.emit('drain');
  await adding;
  assert.equal(written, true);
});
