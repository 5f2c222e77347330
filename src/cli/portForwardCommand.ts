// `kubectl podview port-forward POD [LOCAL:]PORT...`: reads the Pod (it must be running, and a
// named PORT is looked up in its spec, as kubectl does), starts one forward per PORT, prints
// kubectl's lines, and runs until asked to stop. A connection's failure is one line on stderr
// and the forward goes on; only a forward that cannot start ends the command (exit 1).
import type { KubeConfig } from '@kubernetes/client-node';
import type { Writable } from 'node:stream';
import { getPod } from '../cluster/getPod.ts';
import { resolvePodArg } from '../cluster/resolvePod.ts';
import { UserError } from '../cluster/errors.ts';
import { startPortForward, type ActivePortForward } from '../cluster/portForward.ts';
import { resolvePortForwardSpec, type PortForwardSpec, type ResolvedForward } from '../model/portForwardSpec.ts';
import { clipboardWanted, osc52 } from '../text/osc52.ts';
import { sanitize } from '../text/sanitize.ts';

export interface PortForwardCommandOptions {
  kubeConfig: KubeConfig;
  namespace: string;
  pod: string;
  ports: PortForwardSpec[];
  /** false: --no-clipboard. */
  clipboard?: boolean;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the user asks to stop (the entry point: SIGINT or SIGTERM). */
  stopRequested: Promise<void>;
  /** Called once every forward listens (tests wait for it). */
  onListening?: (forwards: readonly ActivePortForward[]) => void;
}

async function resolvedPorts(options: PortForwardCommandOptions): Promise<{ name: string; ports: ResolvedForward[] }> {
  // NAME, TYPE/NAME (the Pod kubectl would pick) or a unique prefix, as every command takes it.
  const { name } = await resolvePodArg(options.kubeConfig, options.namespace, options.pod, { timeoutMs: 30_000 });
  const pod = await getPod(options.kubeConfig, options.namespace, name, { timeoutMs: 30_000 });
  const phase = pod.status?.phase ?? 'Unknown';
  if (phase !== 'Running') throw new UserError(`unable to forward port because pod is not running. Current status=${sanitize(phase)}`);
  const ports = options.ports.map((spec) => {
    const resolved = resolvePortForwardSpec(spec, pod);
    if (typeof resolved === 'string') throw new UserError(resolved);
    return resolved;
  });
  return { name, ports };
}

/** Starts every forward or none: a port that cannot listen stops those already started. */
async function startAll(options: PortForwardCommandOptions, pod: string, ports: ResolvedForward[]): Promise<ActivePortForward[]> {
  const started: ActivePortForward[] = [];
  try {
    for (const port of ports) {
      started.push(await startPortForward(options.kubeConfig, { namespace: options.namespace, pod, remotePort: port.remote, localPort: port.local }));
    }
  } catch (err) {
    await Promise.all(started.map((f) => f.stop()));
    throw err;
  }
  return started;
}

export async function runPortForwardCommand(options: PortForwardCommandOptions): Promise<number> {
  const { name, ports } = await resolvedPorts(options);
  const forwards = await startAll(options, name, ports);
  for (const forward of forwards) {
    options.stdout.write(`Forwarding from ${forward.localAddress} -> ${forward.remotePort}\n`);
    forward.onEvent((event) => {
      if (event.kind === 'opened') options.stdout.write(`${event.text}\n`);
      else if (event.kind === 'error') options.stderr.write(`${event.text}\n`);
    });
  }
  if (clipboardWanted(options.clipboard, options.stdout, options.env)) options.stdout.write(osc52(forwards[0]!.localAddress));
  options.onListening?.(forwards);
  await options.stopRequested;
  await Promise.all(forwards.map((f) => f.stop()));
  return 0;
}
