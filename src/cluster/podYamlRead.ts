// services.podYaml: the whole Pod read fresh (managedFields included, as the API returned it)
// and turned into its YAML by the model; any failure is one line.
import type { KubeConfig } from '@kubernetes/client-node';
import { podYaml } from '../model/podYaml.ts';
import type { PodYamlOutcome, PodYamlRequest } from '../store/actionRequests.ts';
import { describeError } from './errors.ts';
import { getPod } from './getPod.ts';

export async function readPodYaml(kubeConfig: KubeConfig, request: PodYamlRequest, options: { signal?: AbortSignal } = {}): Promise<PodYamlOutcome> {
  try {
    const pod = await getPod(kubeConfig, request.namespace, request.name, options);
    return { kind: 'yaml', yaml: podYaml(pod, { managedFields: request.managedFields }) };
  } catch (err) {
    return { kind: 'error', message: describeError(err, `get pod "${request.name}" in namespace "${request.namespace}"`) };
  }
}
