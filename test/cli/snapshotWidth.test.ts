// The --once text snapshot's width: whole when not on a terminal (a ticket keeps every fact),
// the terminal's width there, and COLUMNS before it as other tools do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotWriter } from '../../src/cli/snapshotOutput.ts';
import { textLayout } from '../../src/cli/snapshotWidth.ts';
import { buildPodHost } from '../../src/model/podHost.ts';
import { NOW, userMsvcPod } from '../model/fixtures/userMsvc.ts';

test('piped: nothing cut; on a TTY: COLUMNS, else the terminal width, else 80', () => {
  assert.deepEqual(textLayout({ isTTY: false, columns: 50 }, { COLUMNS: '40' }), { width: 160, whole: true });
  assert.deepEqual(textLayout({ isTTY: true, columns: 120 }, { COLUMNS: '100' }), { width: 100, whole: false });
  assert.deepEqual(textLayout({ isTTY: true, columns: 120 }, { COLUMNS: 'wide' }), { width: 120, whole: false });
  assert.deepEqual(textLayout({ isTTY: true }, {}), { width: 80, whole: false });
});

test('a piped snapshot keeps an image longer than any column cap whole', async () => {
  const pod = userMsvcPod();
  const image = `registry.example.com/${'team/'.repeat(40)}proxy:2.1.0`;
  pod.spec.containers[1].image = image;
  let out = '';
  const sink = {
    write(t: string, done?: (err?: Error | null) => void) {
      out += t;
      done?.();
      return true;
    },
    once: () => undefined,
    isTTY: false,
  };
  const writer = snapshotWriter('text', sink, false);
  await writer.add([buildPodHost(pod, { now: NOW })]);
  await writer.end();
  assert.ok(out.includes(image), out);
});
