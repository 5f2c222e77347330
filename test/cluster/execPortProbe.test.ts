// The live port probe over the wire: the sim answers `cat /proc/net/*` from its scenario, where
// the datadog-agent sidecar holds 0.0.0.0:443, the port the app container declares.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startExecHarness, type ExecHarness } from '../sim/execHarness.ts';
import { probePorts } from '../../src/cluster/portProbe.ts';
import { mergeProbe, parseProcNet } from '../../src/model/procNet.ts';
import type { PortEntry } from '../../src/model/types.ts';

let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

const declared = (port: number, container: string): PortEntry => ({ port, protocol: 'TCP', containers: [container], names: [], conflict: false });

test('the probe reads the tables in the first running container and the model merges them', async () => {
  const result = await probePorts(sim.kubeConfig, { namespace: 'shop', name: 'user-msvc' });
  assert.equal(result.ok, true, result.reason ?? 'probe failed');
  assert.equal(result.container, 'user-msvc');
  const merged = mergeProbe([declared(443, 'user-msvc'), declared(3306, 'cloudsql-proxy'), declared(9090, 'user-msvc')], parseProcNet(result.tables));
  const byPort = new Map(merged.map((p) => [p.port, p]));
  assert.equal(byPort.get(443)?.probe, 'declared-listening');
  assert.deepEqual(byPort.get(443)?.listening, [{ address: '0.0.0.0', family: 'ipv4' }]);
  assert.equal(byPort.get(3306)?.probe, 'loopback-only');
  assert.equal(byPort.get(9090)?.probe, 'declared-not-listening');
  assert.equal(byPort.get(8126)?.probe, 'listening-undeclared');
});

test('a container without cat is passed over; a Pod where none can read says why', async () => {
  const result = await probePorts(sim.kubeConfig, { namespace: 'shop', name: 'distroless' });
  assert.equal(result.ok, false);
  assert.match(result.reason ?? '', /^no container could read \/proc\/net \(app: no cat in the image/);
});

test('the probe is skipped, with the reason, where exec is forbidden', async () => {
  sim.denyExec(true);
  try {
    const result = await probePorts(sim.kubeConfig, { namespace: 'shop', name: 'user-msvc' });
    assert.equal(result.ok, false);
    assert.match(result.reason ?? '', /^probe skipped: exec forbidden in shop\/user-msvc: User "[^"]+" cannot create resource "pods\/exec"/);
  } finally {
    sim.denyExec(false);
  }
});
