// `sim --faults`' schedule against a real sim: the same seed gives the same faults in the same
// order, each fault is in force while its line says so, and stopping the schedule undoes
// whatever is still in force, so the server is left healthy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULTS, startFaults } from '../../src/sim/faults.ts';
import { startTestSim } from './simHarness.ts';

const forbidden = (world: { authorize(r: { verb: string; resource: string }): unknown }) => ['list', 'watch'].filter((verb) => world.authorize({ verb, resource: 'pods' }) !== undefined);

test('a 403 flap forbids list or watch of pods until its own undo runs', async (t) => {
  const h = await startTestSim();
  t.after(() => h.close());
  const undos: Array<[number, () => void]> = [];
  const line = FAULTS.forbid!(
    h.sim.control,
    () => 0.25,
    (ms, undo) => undos.push([ms, undo]),
  );
  assert.match(line, /^forbade watch pods for \d+ ms \(403\)$/);
  assert.deepEqual(forbidden(h.sim.control.world), ['watch']);
  assert.equal(undos.length, 1);
  undos[0]![1]();
  assert.deepEqual(forbidden(h.sim.control.world), []);
});

test('the schedule is seeded, and stop() undoes the faults still in force', async (t) => {
  const h = await startTestSim();
  t.after(() => h.close());
  const run = (seed: number, ticks: number) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const lines: string[] = [];
    const schedule = startFaults(h.sim.control, seed, (l) => lines.push(l.replace(/\d+ watches/, 'N watches')));
    for (let i = 0; i < ticks; i++) t.mock.timers.tick(1000);
    return { lines, schedule, done: () => t.mock.timers.reset() };
  };
  const first = run(7, 60);
  first.schedule.stop();
  first.done();
  const second = run(7, 60);
  assert.ok(second.lines.length >= 60 / 8, `about one fault every 2-8 s (${second.lines.length} in 60 s)`);
  assert.deepEqual(second.lines, first.lines, 'same seed, same faults');
  assert.ok(second.lines.every((l) => /^fault: /.test(l)));
  second.schedule.stop();
  second.done();
  const third = run(8, 0);
  // Tick until a 403 flap is in force, then stop: it must not outlive the schedule.
  for (let i = 0; i < 2000 && forbidden(h.sim.control.world).length === 0; i++) t.mock.timers.tick(50);
  assert.notDeepEqual(forbidden(h.sim.control.world), [], 'a 403 flap came in 100 s');
  third.schedule.stop();
  assert.deepEqual(forbidden(h.sim.control.world), [], 'stop() lifted it');
  third.done();
  const fourth = run(9, 60);
  assert.notDeepEqual(fourth.lines, first.lines, 'another seed, other faults');
  fourth.schedule.stop();
  fourth.done();
});
