// The detach key: only the exact sequence ends the session; everything else, including Ctrl-C,
// Ctrl-D and a lone half of a two-key sequence, reaches the remote shell unchanged and in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDetachFilter } from '../../src/cluster/execDetach.ts';

test('ctrl-] detaches; bytes before it are forwarded, Ctrl-C and Ctrl-D are not swallowed', () => {
  const f = createDetachFilter('ctrl-]');
  assert.deepEqual(f.feed(Buffer.from('ls\x03\x04')), { forward: Buffer.from('ls\x03\x04'), detached: false });
  assert.deepEqual(f.feed(Buffer.from('ab\x1dcd')), { forward: Buffer.from('ab'), detached: true });
});

test('ctrl-p ctrl-q detaches even across chunks; ctrl-p alone is passed on', () => {
  const f = createDetachFilter('ctrl-p,ctrl-q');
  assert.deepEqual(f.feed(Buffer.from('x\x10')), { forward: Buffer.from('x'), detached: false });
  assert.deepEqual(f.feed(Buffer.from('y')), { forward: Buffer.from('\x10y'), detached: false });
  assert.deepEqual(f.feed(Buffer.from('\x10\x10')), { forward: Buffer.from('\x10'), detached: false });
  assert.deepEqual(f.feed(Buffer.from('\x11')), { forward: Buffer.alloc(0), detached: true });
});
