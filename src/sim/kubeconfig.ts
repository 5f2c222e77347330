// The kubeconfig that points any client (kubectl, k9s, podview) at a running sim.
import { writeFileSync } from 'node:fs';

export interface KubeconfigInput {
  url: string;
  token: string;
  caPem?: string;
  context?: string;
  namespace?: string;
}

// Every value is quoted as a JSON string, which is valid YAML, so no name can break the file.
const q = (s: string): string => JSON.stringify(s);

export function kubeconfigYaml(input: KubeconfigInput): string {
  const context = input.context ?? 'podview-sim';
  const cluster = input.caPem
    ? `    certificate-authority-data: ${q(Buffer.from(input.caPem).toString('base64'))}\n`
    : '';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${q(context)}`,
    '  cluster:',
    `    server: ${q(input.url)}`,
    cluster.trimEnd(),
    'users:',
    `- name: ${q(context)}`,
    '  user:',
    `    token: ${q(input.token)}`,
    'contexts:',
    `- name: ${q(context)}`,
    '  context:',
    `    cluster: ${q(context)}`,
    `    user: ${q(context)}`,
    `    namespace: ${q(input.namespace ?? 'default')}`,
    `current-context: ${q(context)}`,
    'preferences: {}',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n') + '\n';
}

/** Writes it readable by the owner only: it holds the sim's bearer token. */
export function writeKubeconfigFile(path: string, input: KubeconfigInput): void {
  writeFileSync(path, kubeconfigYaml(input), { mode: 0o600 });
}
