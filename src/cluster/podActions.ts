// The cluster side of store/actionRequests.ts's PodActionServices, for the CLI to wire.
import type { KubeConfig } from '@kubernetes/client-node';
import type { PodActionServices } from '../store/actionRequests.ts';
import { getPod } from './getPod.ts';
import { restartPod } from './podDelete.ts';
import { checkRestart } from './restartCheck.ts';
import { readPodYaml } from './podYamlRead.ts';
import { listVolume } from './volumeListing.ts';

const READ_POD_TIMEOUT_MS = 5000;

export function podActionServices(kubeConfig: KubeConfig): PodActionServices {
  return {
    podYaml: (request) => readPodYaml(kubeConfig, request),
    checkRestart: (request) => checkRestart(kubeConfig, request),
    restartPod: (request) => restartPod(kubeConfig, request),
    listVolume: (request) => listVolume(kubeConfig, request),
    // A key waits on this read: bounded, and any failure leaves the caller to what it knows.
    readPod: (request) => getPod(kubeConfig, request.namespace, request.name, { timeoutMs: READ_POD_TIMEOUT_MS }).catch(() => undefined),
  };
}
