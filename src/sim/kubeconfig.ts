// The kubeconfig that points any client (kubectl, k9s, podview) at a running sim.
import { lstatSync, renameSync, writeFileSync } from 'node:fs';

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
  const cluster = input.caPem ? `    certificate-authority-data: ${q(Buffer.from(input.caPem).toString('base64'))}\n` : '';
  return `${[
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
    .join('\n')}\n`;
}

/**
 * Writes it readable by the owner only (it holds the sim's bearer token) as a new file: O_EXCL
 * refuses an existing file and any symbolic link, dangling or not, so nothing of the user's is
 * overwritten or written through. `replace` may replace a regular file: the new one is created
 * beside it and renamed over it, which replaces the entry itself and never follows a link.
 */
export function writeKubeconfigFile(path: string, input: KubeconfigInput, options: { replace?: boolean } = {}): void {
  const text = kubeconfigYaml(input);
  const existing = options.replace ? lstatSync(path, { throwIfNoEntry: false }) : undefined;
  if (!existing) {
    writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
    return;
  }
  if (!existing.isFile()) throw new Error(`${path}: not a regular file, not replaced`);
  const beside = `${path}.${process.pid}.new`;
  writeFileSync(beside, text, { mode: 0o600, flag: 'wx' });
  renameSync(beside, path);
}
