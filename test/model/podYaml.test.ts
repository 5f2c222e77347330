import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { managedFieldsMarker, podYaml, podYamlFileName } from '../../src/model/podYaml.ts';
import { sanitize } from '../../src/text/sanitize.ts';

// Nothing left for sanitize to take out: no control sequence, no character that could act on a terminal.
const hasControls = (text: string): boolean => sanitize(text) !== text;

const managedFields = [
  { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } },
  { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', subresource: 'status', fieldsV1: { 'f:status': {} } },
];

const pod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', uid: 'u-1', managedFields, labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"a":1}\n' } },
  spec: {
    containers: [
      {
        name: 'web',
        image: 'web:1',
        command: ['sh', '-c', 'echo one\necho two'],
        env: [
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'PORT', value: '8080' },
        ],
      },
    ],
  },
  status: { phase: 'Running' },
});

test('the whole Pod as YAML, managedFields folded to one comment line naming how many entries', () => {
  const yaml = podYaml(pod());
  assert.equal(yaml.foldedManagedFields, 2);
  assert.ok(yaml.lines.includes(`  # ${managedFieldsMarker(2)}`), yaml.text);
  assert.ok(yaml.lines.includes('  # managedFields: (2 entries, folded)'));
  assert.doesNotMatch(yaml.text, /kube-controller-manager/);
  // Order as the API returned it: apiVersion, kind, metadata, spec, status.
  assert.deepEqual(
    yaml.lines.filter((l) => /^\S/.test(l)).map((l) => l.split(':')[0]),
    ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  );
  // The written file is YAML of the object less managedFields: it parses back to exactly that.
  const { managedFields: _folded, ...metadata } = pod().metadata;
  assert.deepEqual(load(yaml.text, { schema: CORE_SCHEMA }), { ...pod(), metadata });
  assert.equal(yaml.text, `${yaml.lines.join('\n')}\n`);
});

test('managedFields shown whole when asked; secretKeyRef names only, as the API has them', () => {
  const yaml = podYaml(pod(), { managedFields: true });
  assert.equal(yaml.foldedManagedFields, 0);
  assert.match(yaml.text, /manager: kube-controller-manager/);
  assert.deepEqual(load(yaml.text, { schema: CORE_SCHEMA }), pod());
  assert.match(yaml.text, /secretKeyRef:\n\s+name: db\n\s+key: password/);
  assert.equal(podYaml({ metadata: { name: 'x', managedFields: [managedFields[0]] } }).lines[2], `  # ${managedFieldsMarker(1)}`);
  assert.equal(managedFieldsMarker(1), 'managedFields: (1 entry, folded)');
});

test('multi-line values keep their lines; escape sequences in keys and values never reach the text', () => {
  const hostile = pod();
  hostile.metadata.labels = { app: 'web\u001b]52;c;Y3VybA==\u0007', 'k\u001b[2J': 'v' } as never;
  hostile.spec.containers[0]!.command = ['sh', '-c', 'echo \u001b[31mred\necho two\u009b1m'];
  const yaml = podYaml(hostile);
  for (const line of yaml.lines) assert.equal(hasControls(line), false, JSON.stringify(line));
  assert.doesNotMatch(yaml.text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  const back = load(yaml.text, { schema: CORE_SCHEMA }) as ReturnType<typeof pod>;
  assert.equal(back.spec.containers[0]!.command[2]!.split('\n').length, 2, 'the script still has its two lines');
});

test('property: any JSON object comes out as YAML with no control character, and parses back when clean', () => {
  const clean = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '-', '#', '"', "'", '\n', 'é', '1') });
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const yaml = podYaml({ metadata: { name: 'p' }, spec: value });
      assert.doesNotMatch(yaml.text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(fc.dictionary(clean, fc.oneof(clean, fc.integer(), fc.boolean(), fc.array(clean)), { noNullPrototype: true }), (labels) => {
      const object = { metadata: { name: 'p', labels }, spec: {} };
      assert.deepEqual(load(podYaml(object).text, { schema: CORE_SCHEMA }), object);
    }),
    { numRuns: 200 },
  );
});

test('the suggested file name keeps a plain name and turns anything else into "_"', () => {
  assert.equal(podYamlFileName('shop', 'web-7d9.abc'), 'shop_web-7d9.abc.yaml');
  assert.equal(podYamlFileName('..', 'a/../b\u001b[2J'), '__a_.._b__2J.yaml');
  fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (ns, name) => assert.match(podYamlFileName(ns, name), /^[A-Za-z0-9_-][A-Za-z0-9._-]*\.yaml$/)));
});
