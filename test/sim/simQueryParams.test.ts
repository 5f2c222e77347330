// Query parameters as kube-apiserver's API machinery converts them: booleans, integers,
// ListOptions' rules, field selector operators and escapes, and the legacy /watch/ paths.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import fc from 'fast-check';
import WebSocket from 'ws';
import { QueryError, queryBool, queryInt } from '../../src/sim/queryParams.ts';
import { parseFieldSelector, SelectorError } from '../../src/sim/selectors.ts';
import { raw, startTestSim, type TestSim } from './simHarness.ts';

describe('query parameter conversion', () => {
  test('a boolean is false only when absent, 0 or false in any case', () => {
    const b = (q: string) => queryBool(new URLSearchParams(q), 'watch');
    for (const q of ['', 'other=1', 'watch=0', 'watch=false', 'watch=FALSE', 'watch=False', 'watch=0&watch=1']) assert.equal(b(q), false, q);
    for (const q of ['watch', 'watch=', 'watch=1', 'watch=true', 'watch=True', 'watch=yes', 'watch=no', 'watch=00', 'watch=1&watch=0']) assert.equal(b(q), true, q);
    fc.assert(
      fc.property(fc.string(), (v) => {
        const expected = !(v === '0' || v.toLowerCase() === 'false');
        return b(new URLSearchParams({ watch: v }).toString()) === expected;
      }),
    );
  });

  test('an integer is Go ParseInt: sign and digits only, int64 range, its error text', () => {
    const i = (v: string) => queryInt(new URLSearchParams({ limit: v }), 'limit');
    assert.equal(queryInt(new URLSearchParams(''), 'limit'), undefined);
    assert.equal(i('12'), 12);
    assert.equal(i('+3'), 3);
    assert.equal(i('-4'), -4);
    assert.equal(i('007'), 7);
    assert.throws(() => i(''), new QueryError('strconv.ParseInt: parsing "": invalid syntax'));
    assert.throws(() => i('1.5'), new QueryError('strconv.ParseInt: parsing "1.5": invalid syntax'));
    assert.throws(() => i(' 1'), new QueryError('strconv.ParseInt: parsing " 1": invalid syntax'));
    assert.throws(() => i('9223372036854775808'), new QueryError('strconv.ParseInt: parsing "9223372036854775808": value out of range'));
    fc.assert(fc.property(fc.integer(), (n) => i(String(n)) === n));
  });

  test('field selectors: operators, escapes and no trimming, as fields.ParseSelector', () => {
    const pod = { metadata: { name: 'a,b=c', namespace: 'ns' }, spec: { nodeName: 'n1' } };
    const m = (s: string) => parseFieldSelector(s, 'pods')!(pod);
    assert.equal(m('metadata.name=a\\,b\\=c'), true);
    assert.equal(m('metadata.name==a\\,b\\=c,spec.nodeName!=n2'), true);
    assert.equal(m('spec.nodeName!=n1'), false);
    assert.equal(m('spec.nodeName=n1,'), true, 'an empty term is skipped');
    assert.throws(() => m('spec.nodeName=a=b'), new SelectorError('invalid field selector: unescaped character in value: 61'));
    assert.throws(() => m('spec.nodeName=a\\x'), new SelectorError('invalid field selector: invalid escape sequence: \\x'));
    assert.throws(() => m('spec.nodeName'), new SelectorError("invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'"));
    assert.throws(() => m('spec.nodeName =n1'), new SelectorError('field label not supported: spec.nodeName '));
  });
});

describe('sim serves query parameters as kube-apiserver', () => {
  let t: TestSim;
  before(async () => {
    t = await startTestSim();
  });
  after(() => t?.close());

  const get = async (path: string) => {
    const r = await raw(t.sim, path, { headers: { Connection: 'close' } });
    return { status: r.status, body: r.body, json: () => JSON.parse(r.body) };
  };

  type WatchEvent = { type: string; object: { metadata: { name?: string; annotations?: Record<string, string> } } };
  /** The first `count` events of a watch stream (or all of it, when timeoutSeconds ends it first). */
  const events = (path: string, count = Infinity): Promise<WatchEvent[]> =>
    new Promise((resolve, reject) => {
      const req = request(new URL(path, t.sim.url), { ca: t.sim.caPem, agent: false, headers: { Authorization: `Bearer ${t.sim.token}` } }, (res) => {
        let text = '';
        const done = () =>
          resolve(
            text
              .split('\n')
              .filter(Boolean)
              .slice(0, count)
              .map((l) => JSON.parse(l)),
          );
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
          if (text.split('\n').length > count) {
            done();
            req.destroy();
          }
        });
        res.on('end', done);
      });
      req.on('error', reject);
      req.end();
    });

  test('watch=True and watch (empty) are watches; watch=FALSE and watch=0 are lists', async () => {
    for (const q of ['watch=True', 'watch', 'watch=yes']) {
      const ev = await events(`/api/v1/namespaces/default/pods?${q}`, 3);
      assert.deepEqual(
        ev.map((e) => `${e.type} ${e.object.metadata.name}`),
        ['ADDED db-0', 'ADDED web-1', 'ADDED web-2'],
        q,
      );
    }
    for (const q of ['watch=FALSE', 'watch=0']) assert.equal((await get(`/api/v1/namespaces/default/pods?${q}`)).json().kind, 'PodList', q);
  });

  test('the legacy /watch/ paths watch a collection and one object', async () => {
    const all = await events('/api/v1/watch/namespaces/default/pods', 3);
    assert.equal(all.length, 3);
    const one = await events('/api/v1/watch/namespaces/default/pods/web-2', 1);
    assert.deepEqual(
      one.map((e) => `${e.type} ${e.object.metadata.name}`),
      ['ADDED web-2'],
    );
  });

  test('sendInitialEvents with NotOlderThan lists, then ends the initial events with a bookmark', async () => {
    const ev = await events('/api/v1/namespaces/default/pods?watch=1&sendInitialEvents=True&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=1', 4);
    assert.deepEqual(
      ev.map((e) => e.type),
      ['ADDED', 'ADDED', 'ADDED', 'BOOKMARK'],
    );
    assert.equal(ev[3]!.object.metadata.annotations?.['k8s.io/initial-events-end'], 'true');
    const none = await events('/api/v1/namespaces/default/pods?watch=1&sendInitialEvents=false&resourceVersionMatch=NotOlderThan&timeoutSeconds=1');
    assert.deepEqual(none, [], 'sendInitialEvents=false without resourceVersion starts from now');
  });

  const refused: [string, number, string, string][] = [
    ['limit=abc', 400, 'BadRequest', 'strconv.ParseInt: parsing "abc": invalid syntax'],
    ['watch=1&timeoutSeconds=1.5', 400, 'BadRequest', 'strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['resourceVersionMatch=Exact', 422, 'Invalid', 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided'],
    [
      'resourceVersion=5&resourceVersionMatch=Newest',
      422,
      'Invalid',
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""',
    ],
    ['sendInitialEvents=true', 422, 'Invalid', 'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list'],
    [
      'watch=1&sendInitialEvents=true',
      422,
      'Invalid',
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
    ],
    [
      'watch=1&resourceVersionMatch=Exact',
      422,
      'Invalid',
      'ListOptions.meta.k8s.io "" is invalid: [resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided, resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"]',
    ],
    ['fieldSelector=spec.nodeName%3Da%3Db', 400, 'BadRequest', 'invalid field selector: unescaped character in value: 61'],
  ];
  for (const [query, code, reason, message] of refused) {
    test(`${query}: ${code} ${reason}`, async () => {
      const r = await get(`/api/v1/namespaces/default/pods?${query}`);
      assert.equal(r.status, code);
      const s = r.json();
      assert.deepEqual([s.kind, s.code, s.reason, s.message], ['Status', code, reason, message]);
    });
  }

  test('includeObject of a Table: None, Metadata, Object or absent; anything else is a 400', async () => {
    const accept = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
    for (const path of ['/api/v1/namespaces/default/pods', '/api/v1/namespaces/default/pods/web-1']) {
      const bad = await raw(t.sim, `${path}?includeObject=All`, { headers: accept });
      assert.deepEqual([bad.status, JSON.parse(bad.body).message], [400, 'unrecognized includeObject value: "All"'], path);
      const none = JSON.parse((await raw(t.sim, `${path}?includeObject=None`, { headers: accept })).body);
      assert.equal(none.kind, 'Table');
      assert.equal(none.rows[0].object, undefined);
    }
  });

  test('gracePeriodSeconds on DELETE is an integer: 400 with ParseInt text, and nothing deleted', async () => {
    const r = await raw(t.sim, '/api/v1/namespaces/default/pods/db-0?gracePeriodSeconds=soon', { method: 'DELETE' });
    assert.deepEqual([r.status, JSON.parse(r.body).message], [400, 'strconv.ParseInt: parsing "soon": invalid syntax']);
    assert.equal(t.sim.control.get('pods', 'default', 'db-0')?.metadata?.deletionTimestamp, undefined);
  });

  test('log booleans: timestamps=True stamps lines; follow=False and previous=0 do not follow or pick the previous instance', async () => {
    t.sim.control.logs.emit('default', 'web-2', 'app', ['one', 'two', 'three']);
    const stamped = await get('/api/v1/namespaces/default/pods/web-2/log?timestamps=True&tailLines=2&follow=False&previous=0');
    assert.equal(stamped.status, 200, stamped.body);
    const lines = stamped.body.trim().split('\n');
    assert.equal(lines.length, 2);
    for (const l of lines) assert.match(l, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z (two|three)$/);
    const bad = await get('/api/v1/namespaces/default/pods/web-2/log?tailLines=x');
    assert.deepEqual([bad.status, bad.json().message], [400, 'strconv.ParseInt: parsing "x": invalid syntax']);
  });

  /** The frames of an exec into web-1 (stream byte + payload), or the HTTP refusal. */
  const exec = (query: string): Promise<{ frames: Buffer[]; httpCode?: number; body?: string }> =>
    new Promise((resolve) => {
      const url = `${t.sim.url.replace('https', 'wss')}/api/v1/namespaces/default/pods/web-1/exec?container=app&${query}`;
      const ws = new WebSocket(url, ['v5.channel.k8s.io'], { headers: { Authorization: `Bearer ${t.sim.token}` }, ...(t.sim.caPem ? { ca: t.sim.caPem } : {}) });
      const frames: Buffer[] = [];
      ws.on('message', (data: Buffer) => frames.push(data));
      ws.on('close', () => resolve({ frames }));
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ frames, httpCode: res.statusCode, body }));
      });
    });

  test('exec stream flags: stdout (empty) is true; stdout=FALSE with stderr=0 asks for no stream', async () => {
    const r = await exec('command=echo&command=hi&stdout&stderr=False&stdin=0&tty=0');
    assert.equal(r.httpCode, undefined, r.body ?? '');
    const stdout = r.frames
      .filter((f) => f[0] === 1)
      .map((f) => f.subarray(1).toString())
      .join('');
    assert.equal(stdout, 'hi\n');
    const none = await exec('command=echo&command=hi&stdout=FALSE&stderr=0');
    assert.equal(none.httpCode, 400);
    assert.equal(JSON.parse(none.body!).message, 'you must specify at least one of stdin, stdout, stderr');
  });
});
