// The bench's memory ceiling for its peers: a process that grows past it is killed and the
// kill is reported (so a 150,000-Pod kubectl cannot take the shared machine down), and one
// that stays under it runs to its end untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runMeasured } from '../../bench/measure.ts';
import { describeKill } from '../../bench/rssCap.ts';

// Touches `mb` MB, one page at a time so it is resident, then waits to be killed or exits after 5 s.
const grow = (mb: number) => `const b = Buffer.alloc(${mb} * 1048576, 1); setTimeout(() => console.log(b.length), 5000);`;

test('a process over the ceiling is killed early and reported with its RSS', async () => {
  const started = performance.now();
  const r = await runMeasured(process.execPath, ['-e', grow(300)], { capMb: 150 });
  assert.ok(r.capKill, 'the watchdog reported a kill');
  assert.ok(r.capKill.rssMb > 150, `killed above the ceiling (${r.capKill.rssMb} MB)`);
  assert.notEqual(r.exitCode, 0);
  assert.ok(performance.now() - started < 4_500, 'killed before it could finish on its own');
  assert.match(describeKill(r.capKill), /^killed at 0\.\d GB after \d+ s$/);
});

test('the ceiling reaches a process started under a shell', async () => {
  const r = await runMeasured('sh', ['-c', `${JSON.stringify(process.execPath)} -e ${JSON.stringify(grow(300))}; echo after`], { capMb: 150 });
  assert.ok(r.capKill, 'the grandchild was killed');
  assert.match(r.capKill.command, /-e/);
});

test('a process under the ceiling runs to its end', async () => {
  const r = await runMeasured(process.execPath, ['-e', 'console.log(Buffer.alloc(20 * 1048576, 1).length)'], { capMb: 150, keepStdout: true });
  assert.equal(r.capKill, undefined);
  assert.equal(r.exitCode, 0);
  assert.equal(r.stdout.trim(), String(20 * 1048576));
});
