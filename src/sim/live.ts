// A living scenario: now and then one running container restarts, as in any real cluster.
// Metrics move by themselves (usage is a function of time) and log lines are the log hub's job.
import { seededRandom } from './churn.ts';
import { restartContainer } from './kubelet.ts';
import type { KObject } from './kObject.ts';
import { storedResource } from './resources.ts';
import type { SimCore } from './simCore.ts';

export function startLiveScenario(core: SimCore, options: { intervalMs?: number; seed?: number } = {}): () => void {
  const rand = seededRandom(options.seed ?? 7);
  const pods = storedResource('pods');
  const timer = setInterval(() => {
    const c = core.store.collection(pods);
    const running: KObject[] = [];
    for (const e of c.byKey.values()) {
      const pod = e.object();
      if (pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp) running.push(pod);
    }
    if (!running.length) return;
    const pod = running[Math.floor(rand() * running.length)];
    const containers: KObject[] = (pod!.status?.containerStatuses ?? []).filter((cs: KObject) => cs.state?.running);
    if (!containers.length) return;
    const name = containers[Math.floor(rand() * containers.length)]!.name;
    const next = restartContainer(pod!, name, core.now(), { reason: 'Error', exitCode: 1 });
    if (next) core.store.update(pods, next);
  }, options.intervalMs ?? 45_000);
  timer.unref();
  return () => clearInterval(timer);
}
