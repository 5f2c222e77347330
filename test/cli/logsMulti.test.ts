// `kubectl podview logs QUERY` over the wire against the sim: every query form, container and
// line filters, the output forms, --max-pods, and a follow that sees Pods join and leave.
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { startSim, type SimServer } from '../../src/sim/index.ts';
import { fanoutScenario } from '../../src/sim/scenario/fanout.ts';
import { runLogsMulti, type LogsMultiOptions } from '../../src/cli/logsMulti.ts';
import { UserError } from '../../src/cluster/errors.ts';
import { sanitize } from '../../src/text/sanitize.ts';
import { waitFor } from '../cluster/waitFor.ts';
import { runBin, tempDir } from './helpers.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cluster(t: { after(fn: () => Promise<void>): void }, replicas = 3): Promise<{ sim: SimServer; kubeConfig: KubeConfig; pods: [string, string, string, ...string[]] }> {
  const sim = await startSim({ scenario: fanoutScenario({ name: 'web', replicas, containers: ['app', 'sidecar'], nowMs: Date.now() }) });
  t.after(() => sim.close());
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(sim.kubeconfigYaml({ namespace: 'default' }));
  const names = sim.control
    .list<V1Pod>('pods', 'default')
    .map((p) => p.metadata!.name!)
    .sort();
  const [a, b, c, ...rest] = names;
  if (a === undefined || b === undefined || c === undefined) throw new Error(`the scenario made ${names.length} Pods, not ${replicas}`);
  const pods: [string, string, string, ...string[]] = [a, b, c, ...rest];
  // A Pod with the Deployment's label and a matching name that the Deployment does not own.
  const lone = structuredClone(sim.control.get<V1Pod>('pods', 'default', pods[0])!);
  lone.metadata = { name: 'web-lone', namespace: 'default', labels: { app: 'web' } };
  sim.control.create('pods', lone);
  for (const pod of [...pods, 'web-lone']) {
    sim.control.logs.emit('default', pod, 'app', [`${pod} app 1`, `${pod} app ERROR 2`]);
    sim.control.logs.emit('default', pod, 'sidecar', [`${pod} sidecar 1`]);
  }
  return { sim, kubeConfig, pods };
}

function streams(): { stdout: PassThrough; stderr: PassThrough; out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { stdout, stderr, out: () => out, err: () => err };
}

/** `logs` in namespace default without timestamps, previous instances or colour, into `s`. */
function plainLogs(kubeConfig: KubeConfig, s: ReturnType<typeof streams>) {
  return { kubeConfig, namespace: 'default', allContainers: false, timestamps: false, previous: false, logColors: false, color: false, stdout: s.stdout, stderr: s.stderr };
}

async function run(kubeConfig: KubeConfig, options: Partial<LogsMultiOptions>): Promise<Run> {
  const s = streams();
  try {
    const code = await runLogsMulti({ ...plainLogs(kubeConfig, s), pod: '', follow: false, ...options });
    return { code, out: s.out(), err: s.err() };
  } catch (err) {
    if (err instanceof UserError) return { code: 1, out: s.out(), err: `error: ${err.message}\n` };
    throw err;
  }
}

/** `logs deploy/web -c app -f` from now on (no history), until `stop()`. */
function following(kubeConfig: KubeConfig, options: Partial<LogsMultiOptions> = {}) {
  const s = streams();
  let stop!: () => void;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const done = runLogsMulti({ ...plainLogs(kubeConfig, s), pod: 'deploy/web', container: 'app', follow: true, tail: 0, until, pollMs: 50, ...options });
  return { s, stop, done };
}

const sorted = (text: string) => text.split('\n').filter(Boolean).sort();
const podsIn = (text: string) => [...new Set(sorted(text).map((l) => l.split(' ')[0]))];

test('logs QUERY: each query form means its Pods', async (t) => {
  const { kubeConfig, pods } = await cluster(t);
  const owned = await run(kubeConfig, { pod: 'deploy/web' });
  assert.equal(owned.code, 0, owned.err);
  assert.deepEqual(podsIn(owned.out), pods, 'deploy/NAME: the Pods of its ReplicaSet, not the look-alike');
  assert.deepEqual(sorted(owned.out), pods.flatMap((p) => [`${p} app │ ${p} app 1`, `${p} app │ ${p} app ERROR 2`, `${p} sidecar │ ${p} sidecar 1`]).sort());
  assert.deepEqual(sorted(owned.err), pods.flatMap((p) => [`+ ${p}/app`, `+ ${p}/sidecar`]).sort(), 'a start mark per stream');

  const rsName = pods[0].split('-').slice(0, 2).join('-');
  assert.deepEqual(podsIn((await run(kubeConfig, { pod: `rs/${rsName}` })).out), pods);
  assert.deepEqual(podsIn((await run(kubeConfig, { pod: 'web' })).out), [...pods, 'web-lone'], 'a pattern on names');
  assert.deepEqual(podsIn((await run(kubeConfig, { pod: '^web-l' })).out), ['web-lone'], 'a regular expression');
  assert.deepEqual(podsIn((await run(kubeConfig, { labelSelector: 'app=web' })).out), [...pods, 'web-lone'], '-l alone');
  assert.deepEqual(podsIn((await run(kubeConfig, { fieldSelector: `metadata.name=${pods[1]}` })).out), [pods[1]], '--field-selector');
  assert.deepEqual(podsIn((await run(kubeConfig, { pod: `pod/${pods[2]}` })).out), [pods[2]]);
  const everywhere = await run(kubeConfig, { pod: 'lone', namespace: undefined });
  assert.deepEqual(podsIn(everywhere.out), ['default/web-lone'], '-A names the namespace in the prefix');

  assert.deepEqual(await run(kubeConfig, { pod: 'deploy/nope' }), { code: 1, out: '', err: 'error: Deployment default/nope not found\n' });
  assert.deepEqual(await run(kubeConfig, { pod: 'nothing-like-it' }), { code: 1, out: '', err: 'error: no Pod matches "nothing-like-it" in namespace default\n' });
  assert.equal((await run(kubeConfig, { pod: 'svc/web' })).err, 'error: unknown type "svc" in "svc/web": use deploy, rs, sts, ds or job (or a Pod name pattern)\n');
  assert.equal((await run(kubeConfig, { pod: 'web(' })).err, 'error: invalid Pod query "web(": not a regular expression\n');
  assert.equal((await run(kubeConfig, { pod: 'deploy/web', namespace: undefined })).code, 1, 'TYPE/NAME needs one namespace');
});

test('logs QUERY: container and line filters, output forms, --max-pods', async (t) => {
  const { kubeConfig, pods } = await cluster(t);
  const q = { pod: 'deploy/web' };
  assert.deepEqual(sorted((await run(kubeConfig, { ...q, container: '^side' })).out), pods.map((p) => `${p} sidecar │ ${p} sidecar 1`).sort(), '-c REGEX');
  assert.deepEqual(sorted((await run(kubeConfig, { ...q, excludeContainer: 'side' })).err), pods.map((p) => `+ ${p}/app`).sort(), '-E REGEX starts no stream for it');
  assert.deepEqual(sorted((await run(kubeConfig, { ...q, include: 'ERROR' })).out), pods.map((p) => `${p} app │ ${p} app ERROR 2`).sort(), '-i REGEX');
  assert.deepEqual(sorted((await run(kubeConfig, { ...q, exclude: 'ERROR|sidecar' })).out), pods.map((p) => `${p} app │ ${p} app 1`).sort(), '-e REGEX');
  assert.deepEqual(sorted((await run(kubeConfig, { ...q, prefix: false, container: 'app' })).out), pods.flatMap((p) => [`${p} app 1`, `${p} app ERROR 2`]).sort(), '--no-prefix');
  assert.deepEqual(sorted((await run(kubeConfig, { ...q, output: 'raw', container: 'side' })).out), pods.map((p) => `${p} sidecar 1`).sort(), '-o raw');

  const json = await run(kubeConfig, { ...q, output: 'json' });
  const objects = json.out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { namespace: string; pod: string; container: string; timestamp: string; message: string });
  assert.equal(objects.length, pods.length * 3);
  for (const o of objects) {
    assert.deepEqual(Object.keys(o), ['namespace', 'pod', 'container', 'timestamp', 'message']);
    assert.equal(o.namespace, 'default');
    assert.ok(o.message.startsWith(`${o.pod} ${o.container} `), o.message);
    assert.match(o.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  }

  const stamped = await run(kubeConfig, { ...q, timestamps: true, container: 'side' });
  for (const line of sorted(stamped.out)) assert.match(line, /^\S+ sidecar │ \d{4}-\d\d-\d\dT\S+Z \S+ sidecar 1$/);
  assert.deepEqual(sorted((await run(kubeConfig, { ...q, tail: 1, container: 'app' })).out), pods.map((p) => `${p} app │ ${p} app ERROR 2`).sort(), '--tail per container');

  assert.equal(sorted((await run(kubeConfig, { ...q, since: '1h' })).out).length, pods.length * 3, '--since takes the lines of the last hour');
  assert.equal((await run(kubeConfig, { ...q, since: 'soon' })).err, 'error: invalid value "soon" for --since: use a duration like 30s, 5m, 1h\n');
  assert.equal((await run(kubeConfig, { ...q, include: '(' })).err, 'error: invalid value "(" for -i/--include: not a regular expression\n');
  const coloured = await run(kubeConfig, { ...q, color: true, container: 'side' });
  const first = sorted(coloured.out)[0] ?? '';
  assert.match(first, /^\u001b\[\d+m\S+\u001b\[39m \u001b\[\d+msidecar\u001b\[39m │ /);
  assert.equal(sorted((await run(kubeConfig, { ...q, color: true, container: 'side' })).out)[0], first, 'the same colours every run');

  assert.deepEqual(await run(kubeConfig, { ...q, maxPods: 2 }), {
    code: 1,
    out: '',
    err: 'error: 3 Pods match deployment/web in namespace default, more than --max-pods 2: narrow the query (a longer name, -l SELECTOR, TYPE/NAME) or raise --max-pods\n',
  });
});

test('logs QUERY: lines from the cluster are sanitized like everywhere', async (t) => {
  const { sim, kubeConfig, pods } = await cluster(t);
  const hostile = 'evil \u001b]52;c;aGk=\u0007 \u001b[2J\u001b[31mred\u001b[0m end';
  sim.control.logs.emit('default', pods[0], 'app', [hostile]);
  const out = (await run(kubeConfig, { pod: pods[0], container: 'app', tail: 1, labelSelector: 'app=web' })).out;
  assert.equal(out, `${pods[0]} app │ ${sanitize(hostile)}\n`);
  assert.doesNotMatch(out, /\u001b|\u0007/, 'no control sequence reaches the terminal');
  const kept = (await run(kubeConfig, { pod: pods[0], container: 'app', tail: 1, labelSelector: 'app=web', logColors: true })).out;
  assert.match(kept, /\u001b\[31mred/);
  assert.doesNotMatch(kept, /\u001b\]|\u0007|\u001b\[2J/, '--log-colors keeps SGR only');
});

test('logs QUERY -f: Pods that join are followed, Pods that leave are marked', async (t) => {
  const { sim, kubeConfig, pods } = await cluster(t, 12);
  const { s, stop, done } = following(kubeConfig);
  await waitFor('a stream per Pod', () => sim.control.logs.followers('default') === pods.length);
  for (const pod of pods) sim.control.logs.emit('default', pod, 'app', [`${pod} live`]);
  await waitFor('live lines', () => pods.every((p) => s.out().includes(`${p} app │ ${p} live\n`)));

  // A new replica of the ReplicaSet joins.
  const replica = structuredClone(sim.control.get<V1Pod>('pods', 'default', pods[0])!);
  replica.metadata = { ...replica.metadata, name: 'web-new-replica', uid: undefined, resourceVersion: undefined, creationTimestamp: undefined };
  sim.control.create('pods', replica);
  await waitFor('the join mark', () => s.err().includes('+ web-new-replica/app\n'));
  await waitFor('its stream', () => sim.control.logs.followers('default', 'web-new-replica') === 1);
  sim.control.logs.emit('default', 'web-new-replica', 'app', ['hello from the new one']);
  await waitFor('its line', () => s.out().includes('web-new-replica app │ hello from the new one\n'));

  // A Pod that is not the Deployment's does not join, even with its label.
  const stranger = structuredClone(replica);
  stranger.metadata = { name: 'web-stranger', namespace: 'default', labels: { app: 'web' } };
  sim.control.create('pods', stranger);

  // A deleted one leaves with a mark; the replacement its ReplicaSet makes joins.
  sim.control.delete('pods', 'default', pods[1]);
  await waitFor('the leave mark', () => s.err().includes(`- ${pods[1]}/app\n`));
  const replacements = () =>
    sim.control
      .list<V1Pod>('pods', 'default')
      .map((p) => p.metadata!.name!)
      .filter((n) => !pods.includes(n) && n.startsWith('web-') && !['web-lone', 'web-new-replica', 'web-stranger'].includes(n));
  await waitFor('the replacement', () => replacements().length > 0);
  await waitFor('its join mark', () => replacements().every((n) => s.err().includes(`+ ${n}/app\n`)));
  // A restart goes on with the new instance.
  sim.control.restartContainer('default', pods[2], 'app');
  await waitFor('the restart notice', () => s.err().includes(`${pods[2]}/app: ── container app restarted`));
  await waitFor('the new instance streamed', () => sim.control.logs.followers('default', pods[2]) === 1);
  sim.control.logs.emit('default', pods[2], 'app', ['after the restart']);
  await waitFor('its line', () => s.out().includes(`${pods[2]} app │ after the restart\n`));

  stop();
  assert.equal(await done, 0);
  assert.doesNotMatch(s.err(), /web-stranger/);
  // The watch's first list fills the store bit by bit: no Pod "leaves" meanwhile, only the deleted one.
  assert.deepEqual(
    s
      .err()
      .split('\n')
      .filter((l) => l.startsWith('- ')),
    [`- ${pods[1]}/app`],
  );
  assert.deepEqual(
    s
      .err()
      .split('\n')
      .filter((l) => l.startsWith('+ '))
      .sort(),
    [...pods, 'web-new-replica', ...replacements()].map((p) => `+ ${p}/app`).sort(),
  );
  assert.equal(
    s
      .out()
      .split('\n')
      .filter((l) => l.includes('live')).length,
    pods.length,
    'no line twice',
  );
});

test('the binary: one exact Pod name keeps the single-Pod output; a query prefixes every line', async (t) => {
  const { sim, pods } = await cluster(t);
  const dir = tempDir(t);
  const kubeconfig = path.join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfig, { namespace: 'default' });
  const one = await runBin(['logs', pods[0], '-c', 'app', '--kubeconfig', kubeconfig]);
  assert.deepEqual(one, { code: 0, stdout: `${pods[0]} app 1\n${pods[0]} app ERROR 2\n`, stderr: '' });
  const query = await runBin(['logs', 'deploy/web', '-c', 'app', '-i', 'ERROR', '--kubeconfig', kubeconfig]);
  assert.equal(query.code, 0, query.stderr);
  assert.deepEqual(sorted(query.stdout), pods.map((p) => `${p} app │ ${p} app ERROR 2`).sort());
  assert.deepEqual(sorted(query.stderr), pods.map((p) => `+ ${p}/app`).sort());
  assert.deepEqual(await runBin(['logs', 'svc/web', '--kubeconfig', kubeconfig]), {
    code: 1,
    stdout: '',
    stderr: 'error: unknown type "svc" in "svc/web": use deploy, rs, sts, ds or job (or a Pod name pattern)\n',
  });
  const json = await runBin(['logs', '-l', 'app=web', '-o', 'json', '--kubeconfig', kubeconfig]);
  assert.equal(
    json.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { pod: string }).length,
    (pods.length + 1) * 3,
  );
});

test('logs QUERY -f: a Pod beyond --max-pods is not followed, and a line says so', async (t) => {
  const { sim, kubeConfig, pods } = await cluster(t);
  const { s, stop, done } = following(kubeConfig, { maxPods: 3 });
  await waitFor('three streams', () => sim.control.logs.followers('default') === 3);
  const replica = structuredClone(sim.control.get<V1Pod>('pods', 'default', pods[0])!);
  replica.metadata = { ...replica.metadata, name: 'web-fourth', uid: undefined, resourceVersion: undefined, creationTimestamp: undefined };
  sim.control.create('pods', replica);
  await waitFor('the overflow line', () => s.err().includes('4 Pods match deployment/web now, more than --max-pods 3: the 1 beyond it are not followed (narrow the query or raise --max-pods)\n'));
  // Room again: the one left out is followed.
  sim.control.delete('pods', 'default', pods[0]);
  await waitFor('the fourth joins', () => s.err().includes('+ web-fourth/app\n'));
  stop();
  assert.equal(await done, 0);
});

test('logs QUERY -f: a watch that becomes forbidden is one line, and the open streams go on', async (t) => {
  const { sim, kubeConfig, pods } = await cluster(t);
  const { s, stop, done } = following(kubeConfig);
  await waitFor('three streams', () => sim.control.logs.followers('default') === 3);
  await waitFor('the watch', () => sim.control.stats().watches > 0);
  sim.control.deny({ verb: 'watch', resource: 'pods' });
  sim.control.deny({ verb: 'list', resource: 'pods' });
  sim.control.dropWatches();
  await waitFor('the trouble line', () => /^watching Pods for deployment\/web: .*forbidden.*; the streams already open go on$/m.test(s.err()));
  sim.control.logs.emit('default', pods[0], 'app', ['still here']);
  await waitFor('the line', () => s.out().includes(`${pods[0]} app │ still here\n`));
  stop();
  assert.equal(await done, 0);
});
