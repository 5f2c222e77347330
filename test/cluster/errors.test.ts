import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, describeError, isUnreachable, redact } from '../../src/cluster/errors.ts';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl';

test('a refused connection names the server and the cause', () => {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  const err = new TypeError('fetch failed', { cause });
  assert.equal(describeError(err, 'list pods', 'https://127.0.0.1:1'), 'cannot reach the API server at https://127.0.0.1:1: connection refused');
  assert.equal(isUnreachable(err), true);
});

test('403 keeps the server reason without the resource prefix', () => {
  const err = new ApiError(403, 'https://x', { kind: 'Status', reason: 'Forbidden', message: 'pods is forbidden: User "x" cannot list resource "pods" in API group "" at the cluster scope' });
  assert.equal(describeError(err, 'list pods'), 'forbidden: User "x" cannot list resource "pods" in API group "" at the cluster scope');
  assert.equal(isUnreachable(err), false);
});

test('401 says the credentials were rejected', () => {
  assert.equal(describeError(new ApiError(401, 'https://x', {}), 'list pods'), 'unauthorized: the server rejected the credentials');
});

test('client-node ApiException bodies are read, their headers never printed', () => {
  const exception = Object.assign(new Error(`HTTP-Code: 500\nMessage: x\nHeaders: {"authorization":"Bearer ${TOKEN}"}`), {
    code: 500,
    body: JSON.stringify({ message: 'etcd is sad' }),
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const line = describeError(exception, 'list pods', 'https://api');
  assert.equal(line, 'cannot list pods: etcd is sad (https://api)');
});

test('no token, key or header survives into a message', () => {
  const messages = [
    describeError(new Error(`request failed: Authorization: Bearer ${TOKEN}`), 'list pods'),
    describeError(new Error(`bad config token: ${TOKEN}`), 'load'),
    describeError(new Error('client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ=='), 'load'),
    describeError(new Error('-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----'), 'load'),
    redact(`{"Authorization":"Bearer ${TOKEN}","password":"hunter2"}`),
  ];
  for (const message of messages) {
    assert.ok(!message.includes(TOKEN), message);
    assert.ok(!message.includes('hunter2'), message);
    assert.ok(!message.includes('MIIabc'), message);
    assert.ok(!message.includes('LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ'), message);
    assert.ok(!message.includes('\n'), message);
  }
});

test('server text cannot inject escapes or extra lines into the one line', () => {
  const err = new ApiError(500, 'https://x', { message: 'bad\u001b]0;pwned\u0007 thing\nsecond line\u202e' });
  const line = describeError(err, 'list pods');
  assert.equal(line, 'cannot list pods: bad\ufffd thing second line\ufffd (https://x)');
});
