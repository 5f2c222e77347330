// Who holds a listening socket: the socket inode in /proc/net against each container's
// /proc/*/fd, as the sim renders them for the grafana demo Pod (oauth2-proxy holds :3000,
// grafana, which declares 3000, listens on 127.0.0.1:3001).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { renderProcFd, renderProcNet } from '../../src/sim/scenario/procNet.ts';
import { mergeProbe, parseProcNet } from '../../src/model/procNet.ts';
import { parseFdSocketInodes, portOwnerFindings } from '../../src/model/portOwners.ts';
import type { PortEntry } from '../../src/model/types.ts';

const scenario = demoScenario(Date.now());
const [key, runtime] = [...scenario.runtime].find(([k]) => k.startsWith('platform/grafana-'))!;
const sockets = runtime.sockets;
const tables = Object.values(renderProcNet(sockets)).join('');
const declared: PortEntry[] = [{ port: 3000, protocol: 'TCP', containers: ['grafana'], names: ['http'], conflict: false }];

test(`${key}: the port map credits :3000 to oauth2-proxy, and the declared port held by another container is a finding`, () => {
  const fds = { grafana: parseFdSocketInodes(renderProcFd(sockets, 'grafana')), 'oauth2-proxy': parseFdSocketInodes(renderProcFd(sockets, 'oauth2-proxy')) };
  const ports = mergeProbe(declared, parseProcNet(tables), fds);
  const p3000 = ports.find((p) => p.port === 3000)!;
  assert.deepEqual(p3000.owners, { heldBy: ['oauth2-proxy'], unknown: false, unread: [] });
  assert.deepEqual(ports.find((p) => p.port === 3001)?.owners?.heldBy, ['grafana']);
  assert.deepEqual(portOwnerFindings(ports), [
    { severity: 'warning', code: 'PortHeldByOtherContainer', container: 'grafana', message: 'port 3000/TCP is declared by grafana but held by oauth2-proxy (grafana listens on 3001/TCP)' },
  ]);
});

test('a container whose /proc cannot be read (distroless): "owner unknown", yet the declarer is known not to hold it', () => {
  const fds = { grafana: parseFdSocketInodes(renderProcFd(sockets, 'grafana')), 'oauth2-proxy': undefined };
  const ports = mergeProbe(declared, parseProcNet(tables), fds);
  const p3000 = ports.find((p) => p.port === 3000)!;
  assert.deepEqual(p3000.owners, { heldBy: [], unknown: true, unread: ['oauth2-proxy'] });
  assert.deepEqual(portOwnerFindings(ports), [
    {
      severity: 'warning',
      code: 'PortHeldByOtherContainer',
      container: 'grafana',
      message: 'port 3000/TCP is declared by grafana but its processes do not hold it (owner unknown) (grafana listens on 3001/TCP)',
    },
  ]);
});

test('when the declarer itself cannot be read, nothing is claimed about it', () => {
  const ports = mergeProbe(declared, parseProcNet(tables), { grafana: undefined, 'oauth2-proxy': undefined });
  assert.deepEqual(ports.find((p) => p.port === 3000)?.owners, { heldBy: [], unknown: true, unread: ['grafana', 'oauth2-proxy'] });
  assert.deepEqual(portOwnerFindings(ports), []);
});

test('without fd data nothing is attributed and nothing is claimed', () => {
  const ports = mergeProbe(declared, parseProcNet(tables));
  assert.equal(ports.find((p) => p.port === 3000)?.owners, undefined);
  assert.deepEqual(portOwnerFindings(ports), []);
});

test('ls -l of /proc/*/fd: only socket links count', () => {
  const text =
    '/proc/1/fd:\ntotal 0\nlrwx------ 1 root root 64 Dec  4 05:00 0 -> /dev/null\nlrwx------ 1 root root 64 Dec  4 05:00 3 -> socket:[4242]\n\n/proc/7/fd:\nlrwx------ 1 472 472 64 Dec  4 05:00 9 -> socket:[77]\nl-wx------ 1 root root 64 Dec  4 05:00 5 -> pipe:[12]\n';
  assert.deepEqual(
    [...parseFdSocketInodes(text)].sort((a, b) => a - b),
    [77, 4242],
  );
});

test('the snapshot port map says who holds each port', async () => {
  const { renderSnapshotText } = await import('../../src/ui/snapshot/text.ts');
  const { buildPodHost } = await import('../../src/model/podHost.ts');
  const pod = scenario.objects.pods.find((p) => `${p.metadata?.namespace}/${p.metadata?.name}` === key)!;
  const host = buildPodHost(pod, { now: Date.now() });
  const fds = { grafana: parseFdSocketInodes(renderProcFd(sockets, 'grafana')), 'oauth2-proxy': undefined };
  const text = renderSnapshotText([{ ...host, ports: mergeProbe(host.ports, parseProcNet(tables), fds) }], { color: false, width: 200, whole: true });
  assert.match(text, /^ {2}3000 +TCP +grafana +http +declared-listening on 0\.0\.0\.0 owner unknown$/m);
  assert.match(text, /^ {2}3001 +TCP +\? +- +listening-undeclared on 127\.0\.0\.1 held by grafana$/m);
});
