// What a command means in the sim's fake image: shells only where the image has them, no tools
// at all in distroless, and the port probe's read of /proc/net answered from the scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveCommand } from '../../src/sim/exec/command.ts';

test('a shell runs only when the image has it, by bare name or exact path', () => {
  assert.equal(resolveCommand(['sh', '-c', 'true'], ['/bin/sh']).kind, 'run');
  assert.deepEqual(resolveCommand(['bash'], ['/bin/sh']), { kind: 'notFound', executable: 'bash' });
  assert.deepEqual(resolveCommand(['/busybox/sh'], ['/bin/sh']), { kind: 'notFound', executable: '/busybox/sh' });
  assert.equal(resolveCommand(['/busybox/sh'], ['/busybox/sh']).kind, 'run');
  assert.equal(resolveCommand(['sh'], ['/busybox/sh']).kind, 'run', '/busybox is on the PATH of busybox images');
});

test('distroless images have no tools; others run the host tool', () => {
  assert.deepEqual(resolveCommand(['cat', '/etc/hosts'], []), { kind: 'notFound', executable: 'cat' });
  assert.deepEqual(resolveCommand(['ls', '-l'], ['/bin/sh']), { kind: 'run', argv: ['ls', '-l'] });
});

test('cat of /proc/net tables is the probe; any other file is a plain cat', () => {
  assert.deepEqual(resolveCommand(['cat', '/proc/net/tcp', '/proc/net/udp6'], ['/bin/sh']), { kind: 'procNet', tables: ['tcp', 'udp6'] });
  assert.equal(resolveCommand(['cat', '/proc/net/tcp', '/etc/passwd'], ['/bin/sh']).kind, 'run');
});

test("the probe's fd read is answered from the scenario where the image has the tool", () => {
  assert.deepEqual(resolveCommand(['sh', '-c', 'ls -l /proc/[0-9]*/fd'], ['/bin/sh']), { kind: 'procFd' });
  assert.deepEqual(resolveCommand(['ls', '-l', '/proc/1/fd'], ['/bin/bash']), { kind: 'procFd' });
  // Distroless: no shell and no ls, so the container's owners stay unknown.
  assert.equal(resolveCommand(['sh', '-c', 'ls -l /proc/[0-9]*/fd'], []).kind, 'notFound');
  assert.equal(resolveCommand(['ls', '-l', '/proc/1/fd'], []).kind, 'notFound');
  // Any other script is a plain shell.
  assert.equal(resolveCommand(['sh', '-c', 'ls -l /proc/[0-9]*/fd; id'], ['/bin/sh']).kind, 'run');
});
