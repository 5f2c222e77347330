// [LOCAL:]PORT as kubectl reads it, and a named port looked up in the Pod's spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { V1Pod } from '@kubernetes/client-node';
import { parsePortForwardSpec, resolvePortForwardSpec, type PortForwardSpec } from '../../src/model/portForwardSpec.ts';

const pod: V1Pod = {
  metadata: { name: 'web' },
  spec: {
    containers: [
      { name: 'app', ports: [{ name: 'http', containerPort: 8080 }] },
      {
        name: 'envoy',
        ports: [
          { name: 'admin', containerPort: 15000 },
          { name: 'http', containerPort: 9999 },
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
        ],
      },
    ],
  },
};

function parsed(text: string): PortForwardSpec {
  const spec = parsePortForwardSpec(text);
  assert.equal(typeof spec, 'object', `${text}: ${String(spec)}`);
  return spec as PortForwardSpec;
}

test('PORT, LOCAL:PORT, :PORT and 0:PORT as kubectl reads them', () => {
  assert.deepEqual(resolvePortForwardSpec(parsed('5000'), pod), { text: '5000', local: 5000, remote: 5000 });
  assert.deepEqual(resolvePortForwardSpec(parsed('8888:5000'), pod), { text: '8888:5000', local: 8888, remote: 5000 });
  assert.deepEqual(resolvePortForwardSpec(parsed(':5000'), pod), { text: ':5000', local: 0, remote: 5000 });
  assert.deepEqual(resolvePortForwardSpec(parsed('0:5000'), pod), { text: '0:5000', local: 0, remote: 5000 });
});

test('a name is the first declared port of that name, in container order; alone, LOCAL is its number', () => {
  assert.deepEqual(resolvePortForwardSpec(parsed('http'), pod), { text: 'http', local: 8080, remote: 8080 });
  assert.deepEqual(resolvePortForwardSpec(parsed('9000:admin'), pod), { text: '9000:admin', local: 9000, remote: 15000 });
  assert.deepEqual(resolvePortForwardSpec(parsed(':admin'), pod), { text: ':admin', local: 0, remote: 15000 });
  assert.equal(resolvePortForwardSpec(parsed('metrics'), pod), "Pod 'web' does not have a named port 'metrics'");
});

test('a port declared for UDP only is refused as kubectl refuses it', () => {
  assert.equal(resolvePortForwardSpec(parsed('53'), pod), 'UDP protocol is not supported for 53');
  assert.equal(resolvePortForwardSpec(parsed('dns'), pod), 'UDP protocol is not supported for 53');
});

test('malformed specs are one line naming what was typed', () => {
  for (const bad of ['', '1:2:3', '0', '65536', '80:0', '70000:80', 'abc$', '-1', 'x:80', ' 80']) {
    const result = parsePortForwardSpec(bad);
    assert.equal(typeof result, 'string', bad);
    assert.ok((result as string).includes(`"${bad}"`), `${bad}: ${String(result)}`);
    assert.doesNotMatch(result as string, /\n/);
  }
});

test('property: every LOCAL:PORT pair of valid numbers reads back as those numbers', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 1, max: 65535 }), (local, remote) => {
      assert.deepEqual(resolvePortForwardSpec(parsed(`${local}:${remote}`), { spec: { containers: [] } }), { text: `${local}:${remote}`, local, remote });
    }),
  );
});

test('property: any text is a spec or one line, never an exception', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), (text) => {
      const result = parsePortForwardSpec(text);
      if (typeof result === 'string') assert.doesNotMatch(result, /^$/);
      else assert.ok(result.local >= 0 && result.local <= 65535);
    }),
  );
});
