// services.checkRestart: what `ctrl-d` asks before its confirmation is shown. The access review
// first, so a user without the right hears one line and is never asked a question whose "yes"
// would fail; then the Pod read fresh, for its owner and uid.
import type { KubeConfig } from '@kubernetes/client-node';
import type { RestartCheck } from '../store/actionRequests.ts';
import type { PodKey } from '../store/types.ts';
import { sanitize } from '../text/sanitize.ts';
import { getPod } from './getPod.ts';
import { canDeletePod } from './podDelete.ts';

const oneLine = (text: string): string => sanitize(text).replace(/\s+/g, ' ').trim();

export async function checkRestart(kubeConfig: KubeConfig, key: PodKey): Promise<RestartCheck> {
  const access = await canDeletePod(kubeConfig, key);
  if (access.allowed === false) return { kind: /^forbidden/.test(access.reason) ? 'forbidden' : 'error', message: oneLine(access.reason) };
  try {
    return { kind: 'allowed', pod: await getPod(kubeConfig, key.namespace, key.name) };
  } catch (err) {
    return { kind: 'error', message: oneLine(err instanceof Error ? err.message : String(err)) };
  }
}
