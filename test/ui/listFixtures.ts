// Pods for the list's filter and sort tests: a restart count, the last restart 4 minutes
// before NOW, and optionally a waiting reason, node, container, image and labels.
import type { V1Pod } from '@kubernetes/client-node';
import { NOW, simplePod } from './fixtures.ts';

export function restarting(
  namespace: string,
  name: string,
  restarts: number,
  extra: { node?: string; waiting?: string; container?: string; image?: string; labels?: Record<string, string> } = {},
): V1Pod {
  const pod = simplePod(namespace, name, { node: extra.node ?? 'node-1', labels: extra.labels ?? {} });
  const container = extra.container ?? 'app';
  const image = extra.image ?? 'nginx:1.27';
  pod.spec!.containers = [{ name: container, image }];
  pod.status!.containerStatuses = [
    {
      name: container,
      image,
      imageID: '',
      ready: extra.waiting === undefined,
      started: extra.waiting === undefined,
      restartCount: restarts,
      state: extra.waiting ? { waiting: { reason: extra.waiting } } : { running: { startedAt: new Date(NOW - 60_000) } },
      ...(restarts > 0 ? { lastState: { terminated: { exitCode: 1, finishedAt: new Date(NOW - 4 * 60_000) } } } : {}),
    },
  ];
  return pod;
}
