// A Pod argument read like kubectl's, over the wire against the demo sim: the exact name,
// TYPE/NAME of a workload (a Pod it owns), and a unique prefix; several matches are named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { UserError } from '../../src/cluster/errors.ts';
import { resolvePodArg } from '../../src/cluster/resolvePod.ts';
import { runLogsCommand } from '../../src/cli/logsCommand.ts';
import { withSim } from './simHarness.ts';

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    assert.ok(err instanceof UserError, String(err));
    assert.ok(!err.message.includes('\n'), 'one line');
    return err.message;
  }
  assert.fail('expected a UserError');
}

test('NAME, pod/NAME, a unique prefix and TYPE/NAME for deploy, rs, sts, ds and job', async (t) => {
  const { config, sim } = await withSim(t, { live: false });
  const kc = config.kubeConfig;
  const resolve = (ns: string, arg: string) => resolvePodArg(kc, ns, arg);
  assert.deepEqual(await resolve('shop', 'user-msvc-7gk25nlwc-xwztt'), { name: 'user-msvc-7gk25nlwc-xwztt', pods: ['user-msvc-7gk25nlwc-xwztt'] });
  assert.equal((await resolve('shop', 'po/guestbook')).name, 'guestbook');
  assert.equal((await resolve('shop', 'user-msvc')).name, 'user-msvc-7gk25nlwc-xwztt');
  const deploy = await resolve('shop', 'deploy/storefront');
  assert.equal(deploy.owner, 'deployment/storefront');
  assert.deepEqual([...deploy.pods].sort(), ['storefront-7gxbwmkcf-84lzl', 'storefront-7gxbwmkcf-jnzkr', 'storefront-7gxbwmkcf-s8d6w', 'storefront-7gxbwmkcf-wj8fg']);
  assert.equal(deploy.name, deploy.pods[0]);
  assert.match(deploy.selector ?? '', /app=storefront/);
  assert.equal((await resolve('shop', 'rs/storefront-7gxbwmkcf')).pods.length, 4);
  assert.deepEqual((await resolve('shop', 'sts/orders-db')).pods.sort(), ['orders-db-0', 'orders-db-1']);
  assert.equal((await resolve('platform', 'ds/fluent-bit')).pods.length, 3);
  // The nightly Job is named for the hour it last ran, so its name moves with the clock.
  const job = sim.control.list<{ metadata: { name: string } }>('jobs', 'shop').find((j) => j.metadata.name.startsWith('nightly-report-'));
  assert.ok(job, 'the demo has the nightly Job');
  assert.deepEqual((await resolve('shop', `job/${job.metadata.name}`)).pods, [`${job.metadata.name}-r4v8q`]);
});

test('no match, several matches and unknown types are one clear line', async (t) => {
  const { config } = await withSim(t, { live: false });
  const kc = config.kubeConfig;
  assert.equal(await failure(resolvePodArg(kc, 'shop', 'nope')), 'pod "nope" not found in namespace "shop"');
  assert.equal(
    await failure(resolvePodArg(kc, 'shop', 'storefront')),
    '"storefront" matches 4 Pods in namespace "shop": storefront-7gxbwmkcf-84lzl, storefront-7gxbwmkcf-jnzkr, storefront-7gxbwmkcf-s8d6w, storefront-7gxbwmkcf-wj8fg; name one',
  );
  assert.equal(await failure(resolvePodArg(kc, 'shop', 'deploy/nope')), 'deployment "nope" not found in namespace "shop"');
  assert.match(await failure(resolvePodArg(kc, 'shop', 'svc/web')), /TYPE must be pod, deploy, rs, sts, ds or job/);
});

test('the help example `logs user-msvc` works against the demo', async (t) => {
  const { sim, config } = await withSim(t, { live: false });
  sim.control.logs.emit('shop', 'user-msvc-7gk25nlwc-xwztt', 'user-msvc', ['hello from user-msvc']);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runLogsCommand({
    kubeConfig: config.kubeConfig,
    namespace: 'shop',
    pod: 'user-msvc',
    container: 'user-msvc',
    allContainers: false,
    follow: false,
    timestamps: false,
    previous: false,
    logColors: false,
    stdout,
    stderr,
  });
  assert.equal(err, '');
  assert.equal(code, 0);
  assert.match(out, /hello from user-msvc\n$/);
  const several = await runLogsCommand({
    kubeConfig: config.kubeConfig,
    namespace: 'shop',
    pod: 'storefront',
    allContainers: false,
    follow: false,
    timestamps: false,
    previous: false,
    logColors: false,
    stdout,
    stderr,
  });
  assert.equal(several, 1);
  assert.match(err, /^error: "storefront" matches 4 Pods in namespace "shop": .+; name one\n$/);
});
