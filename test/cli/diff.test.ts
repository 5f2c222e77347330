// `kubectl podview POD --diff [OTHER]` through the built binary against the sim: the sibling
// it picks, the JSON it prints, the exit codes, and one line for each way it can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { V1Pod, V1Secret } from '@kubernetes/client-node';
import { demoScenario } from '../../src/sim/scenario/demo.ts';
import { withSim } from '../cluster/simHarness.ts';
import { runBin, tempDir } from './helpers.ts';

const scenario = demoScenario(Date.now());
const objects = scenario.objects as unknown as { pods: V1Pod[]; secrets: V1Secret[] };
const replicas = (owner: string): V1Pod[] => objects.pods.filter((p) => p.metadata?.ownerReferences?.[0]?.name?.startsWith(`${owner}-`));
const nameOf = (p: V1Pod): string => p.metadata?.name as string;

interface DiffDoc {
  apiVersion: string;
  kind: string;
  a: { namespace: string; name: string; node: string | null; owner: { kind: string; name: string; uid: string } | null };
  b: { namespace: string; name: string; node: string | null; owner: { kind: string; name: string; uid: string } | null };
  sameOwner: boolean;
  verdict: string;
  summary: string;
  differences: { section: string; container: string; field: string; a: string | null; b: string | null }[];
  expected: { field: string }[];
  usage: { container: string; a: string | null; b: string | null }[];
}

test('--diff without a value picks the oldest healthy sibling and prints JSON', async (t) => {
  const h = await withSim(t, { scenario });
  const storefront = replicas('storefront');
  const open = storefront[0];
  // Every storefront replica is Ready with no restarts in the demo, so the oldest one wins (name breaks ties).
  const others = storefront
    .filter((p) => p !== open)
    .sort((x, y) => Date.parse(x.metadata!.creationTimestamp as unknown as string) - Date.parse(y.metadata!.creationTimestamp as unknown as string) || nameOf(x).localeCompare(nameOf(y)));
  const result = await runBin([nameOf(open!), '--diff', '--once', '-o', 'json', '-n', 'shop', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  const doc = JSON.parse(result.stdout) as DiffDoc;
  assert.equal(doc.apiVersion, 'podview/v1');
  assert.equal(doc.kind, 'PodDiff');
  assert.equal(doc.a.name, nameOf(open!));
  assert.equal(doc.b.name, nameOf(others[0]!));
  assert.equal(doc.sameOwner, true);
  assert.equal(doc.a.owner?.uid, open!.metadata?.ownerReferences?.[0]?.uid);
  const sameNode = open!.spec?.nodeName === others[0]!.spec?.nodeName;
  assert.equal(doc.verdict, sameNode ? 'no difference' : 'no difference but the node');
  assert.ok(doc.expected.some((r) => r.field === 'uid'));
  assert.ok(doc.usage.length > 0, 'the sim serves metrics, so usage is there');
  // A StatefulSet's Pods differ in their pod-name label, so the sibling list must not select on it.
  const sts = await runBin(['orders-db-0', '--diff', '-o', 'json', '-n', 'shop', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(sts.code, 0, sts.stderr);
  assert.equal((JSON.parse(sts.stdout) as DiffDoc).b.name, 'orders-db-1');
});

test('--diff OTHER as text, for an incident ticket; no Secret value anywhere in any format', async (t) => {
  const h = await withSim(t, { scenario });
  const [a, b] = replicas('cart-api');
  const text = await runBin([nameOf(a!), '--diff', nameOf(b!), '-n', 'shop', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(text.code, 0, text.stderr);
  const lines = text.stdout.split('\n');
  assert.equal(lines[0], `podview diff: shop/${nameOf(a!)}  vs  shop/${nameOf(b!)}`);
  assert.match(lines[1]!, /^owner: ReplicaSet\/cart-api-\S+ \(both\)$/);
  assert.match(lines[2]!, /^result: no difference/);
  assert.ok(lines.includes('expected to differ between any two replicas:'));
  const yaml = await runBin([nameOf(a!), '--diff', nameOf(b!), '-o', 'yaml', '-n', 'shop', '--kubeconfig', h.kubeconfigPath]);
  assert.equal(yaml.code, 0, yaml.stderr);
  assert.match(yaml.stdout, /^apiVersion: podview\/v1\nkind: PodDiff\n/);
  const secretValues = objects.secrets.flatMap((s) => Object.values(s.data ?? {}).flatMap((v) => [v, Buffer.from(v, 'base64').toString()])).filter((v) => v.length >= 6);
  assert.ok(secretValues.length > 0, 'the demo has Secrets with values to leak');
  for (const v of secretValues) for (const out of [text.stdout, yaml.stdout]) assert.ok(!out.includes(v), 'a Secret value was printed');
});

test('failures are one line and exit 1: missing OTHER, a bare Pod, no POD, a Pod compared with itself', async (t) => {
  const h = await withSim(t, { scenario });
  const [a] = replicas('cart-api');
  const cases: [string[], string][] = [
    [[nameOf(a!), '--diff', 'no-such-pod'], 'error: pod "no-such-pod" not found in namespace "shop"'],
    [['guestbook', '--diff'], 'error: pod "guestbook" has no owner, so it has no sibling to compare with: name one with --diff OTHER'],
    [['--diff', '--once'], 'error: --diff compares a Pod with another: kubectl podview POD --diff [OTHER]'],
    [[nameOf(a!), '--diff', nameOf(a!)], `error: --diff ${nameOf(a!)}: that is the Pod itself; name another Pod, or give --diff no value to pick a sibling`],
    [[nameOf(a!), '--diff', '-l', 'app=x'], 'error: --diff compares two named Pods of one namespace; it cannot be used with -l, --field-selector or -A'],
  ];
  for (const [args, line] of cases) {
    const result = await runBin([...args, '-n', 'shop', '--kubeconfig', h.kubeconfigPath]);
    assert.equal(result.code, 1, `${args.join(' ')}: ${result.stdout}`);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `${line}\n`);
  }
});

test('--diff with -f compares two Pods of a manifest file, picking the sibling there', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'pods.json');
  const pods = [...replicas('catalog-api'), ...replicas('checkout')];
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: pods.map((p) => ({ apiVersion: 'v1', kind: 'Pod', ...p })) }));
  const [open] = replicas('checkout');
  const result = await runBin([nameOf(open!), '--diff', '-o', 'json', '-f', file, '-n', 'payments']);
  assert.equal(result.code, 0, result.stderr);
  const doc = JSON.parse(result.stdout) as DiffDoc;
  assert.equal(doc.b.owner?.uid, open!.metadata?.ownerReferences?.[0]?.uid);
  assert.notEqual(doc.b.name, nameOf(open!));
  assert.deepEqual(doc.usage, []);
});
