// What the CLI wires into PodviewServices for exec, debug and the port probe, one line each.
import type { KubeConfig } from '@kubernetes/client-node';
import type { PodKey } from '../store/types.ts';
import type { ExecOutcome, ExecRequest } from '../store/requests.ts';
import { runInteractiveExec, type ExecTerminal, type InteractiveOptions } from './execInteractive.ts';
import { createDebugContainer } from './debugContainer.ts';

export { runInteractiveExec, findShell, TERMINAL_RESET, type ExecTerminal, type InteractiveOptions } from './execInteractive.ts';
export { execCapture } from './execCapture.ts';
export { createDebugContainer } from './debugContainer.ts';

/** services.debug: add the ephemeral container (the UI asked the user first), then open a shell in it. */
export async function debugAndExec(kubeConfig: KubeConfig, request: PodKey & { target: string; image: string }, terminal: ExecTerminal, options: InteractiveOptions = {}): Promise<ExecOutcome> {
  const created = await createDebugContainer(kubeConfig, request);
  if (!created.ok) return { kind: 'error', message: created.message };
  const exec: ExecRequest = { namespace: request.namespace, name: request.name, container: created.container };
  return runInteractiveExec(kubeConfig, exec, terminal, { ...options, shells: options.shells ?? ['sh', '/busybox/sh', 'bash'] });
}
