// A watch resumed from far behind is sent its backlog in slices, the client taking each before
// the next; changes made while it goes out come after it. Seen over HTTPS as a client sees it:
// every change once, in resourceVersion order, the live ones last.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { raw, startTestSim, type TestSim } from './simHarness.ts';

let t: TestSim;
before(async () => {
  t = await startTestSim();
});
after(() => t?.close());

let counter = 0;
const change = () =>
  t.sim.control.patchPod('default', 'web-1', (pod) => {
    pod.metadata!.labels = { ...pod.metadata!.labels, counter: String(++counter) };
    return pod;
  });

test('a backlog of 3,000 events, then the changes made while it was sent, each once and in order', async () => {
  const rv = JSON.parse((await raw(t.sim, '/api/v1/namespaces/default/pods')).body).metadata.resourceVersion as string;
  for (let i = 0; i < 3_000; i++) change();
  const counters: number[] = [];
  const versions: number[] = [];
  await new Promise<void>((resolve, reject) => {
    const req = request(
      new URL(`/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}`, t.sim.url),
      { ca: t.sim.caPem, agent: false, headers: { Authorization: `Bearer ${t.sim.token}` } },
      (res) => {
        let buf = '';
        let liveMade = false;
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          // The first bytes are in: the rest of the backlog is still to come, so these changes are made while it goes out.
          if (!liveMade) {
            liveMade = true;
            for (let i = 0; i < 10; i++) change();
          }
          buf += d;
          const parts = buf.split('\n');
          buf = parts.pop()!;
          for (const line of parts.filter(Boolean)) {
            const e = JSON.parse(line) as { type: string; object: { metadata: { resourceVersion: string; labels?: Record<string, string> } } };
            versions.push(Number(e.object.metadata.resourceVersion));
            counters.push(Number(e.object.metadata.labels?.counter));
          }
          if (counters.length >= 3_010) {
            req.destroy();
            resolve();
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
  assert.deepEqual(
    counters,
    Array.from({ length: 3_010 }, (_, i) => i + 1),
    'every change once, in order',
  );
  assert.ok(
    versions.every((v, i) => i === 0 || v > versions[i - 1]!),
    'resourceVersions only rise',
  );
});
