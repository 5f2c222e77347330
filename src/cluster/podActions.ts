// The cluster side of store/actionRequests.ts's PodActionServices, for the CLI to wire.
import type { KubeConfig } from '@kubernetes/client-node';
import type { PodActionServices } from '../store/actionRequests.ts';
import { restartPod } from './podDelete.ts';
import { checkRestart } from './restartCheck.ts';
import { readPodYaml } from './podYamlRead.ts';
import { listVolume } from './volumeListing.ts';

export function podActionServices(kubeConfig: KubeConfig): PodActionServices {
  return {
    podYaml: (request) => readPodYaml(kubeConfig, request),
    checkRestart: (request) => checkRestart(kubeConfig, request),
    restartPod: (request) => restartPod(kubeConfig, request),
    listVolume: (request) => listVolume(kubeConfig, request),
  };
}
