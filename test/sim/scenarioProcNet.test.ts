import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hexAddress, renderProcNet } from '../../src/sim/scenario/procNet.ts';
import type { SocketSpec } from '../../src/sim/scenario/types.ts';

const sock = (s: Partial<SocketSpec>): SocketSpec => ({ protocol: 'tcp', family: 'ipv4', localAddress: '127.0.0.1', localPort: 3306, state: 'LISTEN', container: 'c', ...s });

test('a 127.0.0.1:3306 listener renders as the kernel prints it, padded to 149 columns', () => {
  const { tcp } = renderProcNet([sock({ inode: 14282 })]);
  const [header, line] = tcp.split('\n');
  assert.equal(header, '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode'.padEnd(149));
  assert.match(line!, /^ {3}0: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000 {5}0 {8}0 14282 1 [0-9a-f]{16} 100 0 0 10 0 *$/);
  assert.equal(line!.length, 149);
  assert.ok(tcp.endsWith('\n'));
});

test('IPv6 and IPv4-mapped addresses are four little-endian words, as in /proc/net/tcp6', () => {
  assert.equal(hexAddress('ipv6', '::1', 5000), '00000000000000000000000001000000:1388');
  assert.equal(hexAddress('ipv6', '::ffff:127.0.0.1', 8443), '0000000000000000FFFF00000100007F:20FB');
  assert.equal(hexAddress('ipv6', 'fd00:10:244::5', 80), '100000FD000044020000000005000000:0050');
  const { tcp6 } = renderProcNet([sock({ family: 'ipv6', localAddress: '::ffff:127.0.0.1', localPort: 8443, state: 'ESTABLISHED', remoteAddress: '::ffff:127.0.0.1', remotePort: 44166 })]);
  assert.match(tcp6.split('\n')[1]!, /^ {3}0: 0000000000000000FFFF00000100007F:20FB 0000000000000000FFFF00000100007F:AC86 01 00000000:00000000 00:00000000 00000000 /);
});

test('udp sockets print state 07 in their hash slot; listeners precede established tcp sockets', () => {
  const t = renderProcNet([
    sock({ state: 'ESTABLISHED', localPort: 47322, remoteAddress: '127.0.0.1', remotePort: 3306 }),
    sock({ state: 'LISTEN', localAddress: '0.0.0.0', localPort: 443 }),
    sock({ protocol: 'udp', localPort: 8125, state: 'CLOSE' }),
  ]);
  const udpLine = t.udp.split('\n')[1];
  assert.match(udpLine!, /^ 8125: 0100007F:1FBD 00000000:0000 07 00000000:00000000 00:00000000 00000000 {5}0 {8}0 \d+ 2 [0-9a-f]{16} 0 *$/);
  assert.equal(udpLine!.length, 127);
  const tcpLines = t.tcp.trimEnd().split('\n');
  assert.match(tcpLines[1]!, /^ {3}0: 00000000:01BB 00000000:0000 0A/);
  assert.match(tcpLines[2]!, /^ {3}1: 0100007F:B8DA 0100007F:0CEA 01/);
  assert.equal(t.tcp6, '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n');
});
