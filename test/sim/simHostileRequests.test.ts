// Requests no client should send, over raw TCP: each gets a Status (400 when the server cannot
// parse it), and none ends the process: after every one the sim still answers a real request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestSim, type TestSim } from './simHarness.ts';
import { parseRawAnswer, sendRaw } from './rawSocket.ts';

describe('sim survives hostile requests', () => {
  let t: TestSim;
  let port: number;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  before(async () => {
    process.on('unhandledRejection', onRejection);
    t = await startTestSim({ tls: false });
    port = Number(new URL(t.sim.url).port);
  });
  after(async () => {
    process.off('unhandledRejection', onRejection);
    await t?.close();
  });

  const request = (target: string, headers: string[] = [], token: string | null = t.sim.token) =>
    [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', ...(token ? [`Authorization: Bearer ${token}`] : []), ...headers, 'Connection: close', '', ''].join('\r\n');

  async function stillServing(): Promise<void> {
    const answer = parseRawAnswer(await sendRaw(port, request('/api/v1/namespaces/default/pods/web-1')));
    assert.equal(answer.code, 200, 'the sim answers a real request');
    assert.equal((answer.body as { metadata: { name: string } }).metadata.name, 'web-1');
  }

  const upgrade = ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13'];
  const cases: { name: string; target: string; headers?: string[]; token: boolean }[] = [
    { name: 'an upgrade to //a:99999/x without a token', target: '//a:99999/x', headers: upgrade, token: false },
    { name: 'an upgrade to //a:99999/x with the token', target: '//a:99999/x', headers: upgrade, token: true },
    { name: 'a %zz in the path', target: '/api/v1/namespaces/default/pods/%zz', token: true },
    { name: 'a %zz in an upgraded exec path', target: '/api/v1/namespaces/%zz/pods/web-1/exec?command=ls&stdout=1', headers: upgrade, token: true },
    { name: 'GET //a:99999/x', target: '//a:99999/x', token: true },
    { name: 'a broken absolute URI', target: 'http://[::1/api', token: true },
    { name: 'a broken absolute URI without a token', target: 'http://[::1/api', token: false },
  ];
  for (const c of cases) {
    test(`${c.name}: a Status, and the sim keeps serving`, async () => {
      const answer = parseRawAnswer(await sendRaw(port, request(c.target, c.headers, c.token ? t.sim.token : null)));
      const s = answer.body as { kind: string; code: number; reason: string };
      assert.equal(s.kind, 'Status');
      assert.equal(s.code, answer.code);
      if (c.target.startsWith('//')) {
        // Go reads "//a:99999/x" as a path, as the sim now does: no resource there.
        assert.equal(answer.code, c.token ? 404 : 401);
      } else assert.deepEqual([answer.code, s.reason], [400, 'BadRequest']);
      await stillServing();
    });
  }

  test('a request line the HTTP parser refuses gets a 400 Status', async () => {
    const answer = parseRawAnswer(await sendRaw(port, 'GET /api\x00/v1 HTTP/1.1\r\nHost: x\r\n\r\n'));
    assert.equal(answer.code, 400);
    assert.equal((answer.body as { reason: string }).reason, 'BadRequest');
    await stillServing();
  });

  // Text an HTTP parser lets through to the routing (no spaces or control characters).
  const printable = (maxLength: number) => fc.stringMatching(new RegExp(`^[\\x21-\\x7e]{0,${maxLength}}$`));
  // Pieces that reach the sim's own routing, mixed with arbitrary text.
  const segment = fc.oneof(
    fc.constantFrom(
      'api',
      'apis',
      'v1',
      'watch',
      'namespaces',
      'default',
      'pods',
      'web-1',
      'log',
      'exec',
      'attach',
      'portforward',
      'apps',
      'metrics.k8s.io',
      '..',
      '.',
      '%zz',
      '%',
      '%2F',
      '%00',
      '',
      '[::1',
      ':99999',
    ),
    fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,12}$/),
    printable(12),
  );
  const param = fc.tuple(
    fc.constantFrom(
      'watch',
      'follow',
      'limit',
      'continue',
      'resourceVersion',
      'resourceVersionMatch',
      'sendInitialEvents',
      'allowWatchBookmarks',
      'timeoutSeconds',
      'tailLines',
      'sinceSeconds',
      'sinceTime',
      'limitBytes',
      'labelSelector',
      'fieldSelector',
      'container',
      'stdout',
      'tty',
    ),
    fc.oneof(fc.constantFrom('', 'True', '0', '1', '-1', '99999999999999999999', '%zz', 'NotOlderThan', 'Exact', 'a=b,c!=d', 'x in (a'), printable(10)),
  );
  const target = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.array(segment, { maxLength: 7 }), fc.array(param, { maxLength: 4 }))
        .map(([segs, params]) => `/${segs.join('/')}${params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`),
    },
    fc.constantFrom('*', '//a:99999/x', 'http://[::1/api', 'http://x:1/api/v1/pods', 'https://a@b/api', '/?', '/#x', ''),
    printable(40),
    fc.string({ maxLength: 40 }),
  );
  const header = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Protocol: v5.channel.k8s.io, v4.channel.k8s.io',
        'Content-Length: 5',
        'Content-Length: -1',
        'Transfer-Encoding: chunked',
        'Accept: application/json;as=Table;v=v1;g=meta.k8s.io',
        'Content-Type: application/apply-patch+yaml',
        'Authorization: Bearer',
        'Authorization: Basic Og==',
      ),
    },
    { weight: 3, arbitrary: fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,10}$/), printable(20)).map(([k, v]) => `${k}: ${v}`) },
    fc.string({ maxLength: 20 }),
  );
  const method = fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'CONNECT', 'BREW');

  test('a fuzzed corpus of request lines, paths and headers, with and without the token, never ends the server', async () => {
    await fc.assert(
      fc.asyncProperty(method, target, fc.array(header, { maxLength: 4 }), fc.boolean(), fc.string({ maxLength: 30 }), async (m, path, headers, withToken, body) => {
        const lines = [`${m} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...(withToken ? [`Authorization: Bearer ${t.sim.token}`] : []), ...headers, '', body];
        await sendRaw(port, lines.join('\r\n'), 60);
        await stillServing();
      }),
      { numRuns: 250 },
    );
    assert.deepEqual(rejections, [], 'no unhandled rejection');
  });
});
