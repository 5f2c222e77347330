// The demo's Pod with the volume kinds a reader meets least: projected (a ConfigMap, a Secret
// and the downward API in one), downwardAPI with a resourceFieldRef, a Memory-backed emptyDir
// with a sizeLimit.
import type { V1Container } from '@kubernetes/client-node';
import { deploymentApp, HOUR, listen, type Part } from './demoKit.ts';
import { res, running } from './demoProblems.ts';
import { MiB, runtimeOf, SHELLS_DISTROLESS, waveUsage, workerLog } from './profiles.ts';

/** projected + downwardAPI volumes and a Memory-backed emptyDir with a sizeLimit. */
export function exoticVolumes(nowMs: number): Part {
  const created = nowMs - 9 * HOUR;
  const spec: V1Container = {
    name: 'config-reloader',
    image: 'ghcr.io/jimmidyson/configmap-reload:v0.13.1',
    args: ['--volume-dir=/etc/config', '--webhook-url=http://127.0.0.1:9093/-/reload'],
    resources: res('10m', '16Mi', '32Mi'),
    volumeMounts: [
      { name: 'bundle', mountPath: '/etc/config', readOnly: true },
      { name: 'podinfo', mountPath: '/etc/podinfo', readOnly: true },
      { name: 'scratch', mountPath: '/tmp' },
    ],
  };
  return deploymentApp({
    namespace: 'platform',
    name: 'config-reloader',
    replicas: 1,
    createdMs: created,
    labels: { app: 'config-reloader', team: 'platform' },
    volumes: [
      {
        name: 'bundle',
        projected: {
          defaultMode: 420,
          sources: [
            { configMap: { name: 'alertmanager-config' } },
            { secret: { name: 'alertmanager-webhooks', items: [{ key: 'slack-url', path: 'slack-url' }] } },
            { downwardAPI: { items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }] } },
          ],
        },
      },
      {
        name: 'podinfo',
        downwardAPI: {
          defaultMode: 420,
          items: [
            { path: 'annotations', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.annotations' } },
            { path: 'cpu_limit', resourceFieldRef: { containerName: 'config-reloader', resource: 'limits.cpu', divisor: '1m' } },
          ],
        },
      },
      { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    ],
    containers: () => [running(spec, created + 6000)],
    runtime: (pod) => ({
      sockets: [listen('config-reloader', 9533)],
      containers: {
        'config-reloader': runtimeOf(SHELLS_DISTROLESS, workerLog('configmap-reload', 0.05, ['config map updated', 'successfully triggered reload']), waveUsage(0.001, 9 * MiB, pod.metadata!.name!)),
      },
    }),
  });
}
