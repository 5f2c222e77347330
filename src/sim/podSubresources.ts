// Which handler serves which Pod subresource: the one place the logs and exec parts plug in.
import { handlePodLog } from './logs/index.ts';
import { handleEphemeralContainers, handlePodAttach, handlePodExec } from './exec/index.ts';
import { handlePodPortForward } from './portforward/index.ts';
import type { PodHttpHandler, PodUpgradeHandler } from './world.ts';

export const podHttpHandlers: Record<string, PodHttpHandler | undefined> = {
  log: handlePodLog,
  ephemeralcontainers: handleEphemeralContainers,
};

export const podUpgradeHandlers: Record<string, PodUpgradeHandler | undefined> = {
  exec: handlePodExec,
  portforward: handlePodPortForward,
  attach: handlePodAttach,
};
