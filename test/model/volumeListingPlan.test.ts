import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdsSecrets, listingCommand, planVolumeListing } from '../../src/model/volumeListingPlan.ts';
import { jsonPod } from './jsonPod.ts';

const running = (name: string) => ({ name, state: { running: {} } });
const waiting = (name: string) => ({ name, state: { waiting: { reason: 'CrashLoopBackOff' } } });

function pod(mounts: Record<string, { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[]>, statuses: object[], volumes: object[]) {
  return jsonPod({
    spec: { volumes, containers: Object.entries(mounts).map(([name, volumeMounts]) => ({ name, volumeMounts })) },
    status: { containerStatuses: statuses },
  });
}

const cache = { name: 'cache', emptyDir: { sizeLimit: '500Mi' } };

test('a read-only whole-volume mount in a running container is preferred; the command takes the path as an argument', () => {
  const p = pod(
    {
      app: [{ name: 'cache', mountPath: '/cache' }],
      reader: [{ name: 'cache', mountPath: '/mnt/cache', readOnly: true }],
      partial: [{ name: 'cache', mountPath: '/part', readOnly: true, subPath: 'x' }],
    },
    [running('app'), running('reader'), running('partial')],
    [cache],
  );
  const planned = planVolumeListing(p, 'cache');
  assert.ok(planned.ok);
  assert.deepEqual(
    { container: planned.plan.container, mountPath: planned.plan.mountPath, readOnly: planned.plan.readOnly, namesOnly: planned.plan.namesOnly, sizeLimit: planned.plan.sizeLimit },
    { container: 'reader', mountPath: '/mnt/cache', readOnly: true, namesOnly: false, sizeLimit: '500Mi' },
  );
  assert.deepEqual(planned.plan.command.slice(-2), ['/mnt/cache', '4']);
  assert.doesNotMatch(planned.plan.command[2] ?? '', /mnt/, 'the path is never pasted into the script');
});

test('a container that is not running is passed over; only a subPath mount lists that part and says so', () => {
  const p = pod({ down: [{ name: 'cache', mountPath: '/c', readOnly: true }], app: [{ name: 'cache', mountPath: '/s', subPath: 'tenant-a' }] }, [waiting('down'), running('app')], [cache]);
  const planned = planVolumeListing(p, 'cache');
  assert.ok(planned.ok);
  assert.equal(planned.plan.container, 'app');
  assert.equal(planned.plan.subPath, 'tenant-a');
});

test('no running container, no mount or no such volume: one line why', () => {
  assert.deepEqual(planVolumeListing(pod({ down: [{ name: 'cache', mountPath: '/c' }] }, [waiting('down')], [cache]), 'cache'), { ok: false, reason: 'no running container mounts volume cache' });
  assert.deepEqual(planVolumeListing(pod({ app: [] }, [running('app')], [cache]), 'cache'), { ok: false, reason: 'no container mounts volume cache' });
  assert.deepEqual(planVolumeListing(pod({ app: [] }, [running('app')], [cache]), 'x\u001b[2J'), { ok: false, reason: 'volume x\ufffd is not declared in the Pod' });
});

test('Secret volumes, Secret or token projections and CSI secret stores are listed by name only', () => {
  assert.equal(holdsSecrets({ name: 's', secret: { secretName: 's' } }), true);
  assert.equal(holdsSecrets({ name: 't', projected: { sources: [{ configMap: { name: 'c' } }, { serviceAccountToken: { path: 'token' } }] } }), true);
  assert.equal(holdsSecrets({ name: 'p', projected: { sources: [{ secret: { name: 's' } }] } }), true);
  assert.equal(holdsSecrets({ name: 'v', csi: { driver: 'secrets-store.csi.k8s.io' } }), true);
  assert.equal(holdsSecrets({ name: 'c', configMap: { name: 'c' } }), false);
  assert.equal(holdsSecrets({ name: 'p', projected: { sources: [{ configMap: { name: 'c' } }, { downwardAPI: { items: [] } }] } }), false);
  assert.equal(holdsSecrets(cache), false);
  const p = pod({ app: [{ name: 's', mountPath: '/etc/s' }] }, [running('app')], [{ name: 's', secret: { secretName: 's' } }]);
  const planned = planVolumeListing(p, 's');
  assert.ok(planned.ok);
  assert.equal(planned.plan.namesOnly, true);
  assert.equal(planned.plan.readOnly, true, 'the kubelet mounts a Secret read-only whatever the mount says');
  assert.doesNotMatch(planned.plan.command[2] ?? '', /stat|du|cat/, 'names only: nothing reads sizes or contents');
  assert.deepEqual(planned.plan.command, listingCommand('/etc/s', true));
});
