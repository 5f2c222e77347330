// Snapshot mode (--once, a stdout that is not a terminal, -f FILE): read the Pods once, build
// the Pod-as-host view-model and print it as text, JSON or YAML, then exit.
import { dumpYaml } from '@kubernetes/client-node';
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { UserError } from '../cluster/errors.ts';
import { getPod } from '../cluster/getPod.ts';
import { canListPods } from '../cluster/podWatch.ts';
import { probePorts } from '../cluster/portProbe.ts';
import { detailsForPods, listPodsOnce } from '../cluster/snapshot.ts';
import { parseProcNet, mergeProbe } from '../model/procNet.ts';
import { toPodHost } from '../model/memo.ts';
import { toSnapshotJson } from '../model/snapshotJson.ts';
import type { PodHost } from '../model/types.ts';
import type { PodDetails } from '../store/types.ts';
import { renderSnapshotText } from '../ui/snapshot/text.ts';
import type { ViewArgs } from './commandTypes.ts';
import type { OutputFormat } from './flags.ts';
import { podsFromManifests, readSource } from './manifests.ts';
import { openTarget } from './target.ts';
import type { Target } from './target.ts';

/** Above this many Pods a snapshot skips events, owners and usage: one request per owner does not scale. */
export const DETAILS_LIMIT = 500;

export interface SnapshotIO {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** One-line notices (e.g. the namespace fallback), never the snapshot itself. */
  notice(line: string): void;
  color: boolean;
  readStdin?: () => string;
}

interface Loaded {
  pods: V1Pod[];
  details: Map<string, PodDetails>;
  kubeConfig?: KubeConfig;
}

async function fromCluster(args: ViewArgs, target: Target, io: SnapshotIO): Promise<Loaded> {
  const { kubeConfig } = target;
  const timeoutMs = target.requestTimeoutMs;
  if (args.pod) {
    const pod = await getPod(kubeConfig, target.namespace, args.pod, { timeoutMs });
    return { pods: [pod], details: await detailsForPods(kubeConfig, [pod], target.namespace), kubeConfig };
  }
  let scope = target.scope;
  if (scope === undefined && !target.demo) {
    const access = await canListPods(kubeConfig, undefined);
    if (!access.allowed) {
      io.notice(`${access.reason}; showing namespace "${target.namespace}" instead`);
      scope = target.namespace;
    }
  }
  const pods: V1Pod[] = [];
  for await (const page of listPodsOnce({ kubeConfig, namespace: scope, labelSelector: target.labelSelector, fieldSelector: target.fieldSelector, timeoutMs })) {
    pods.push(...page);
  }
  const details = pods.length > 0 && pods.length <= DETAILS_LIMIT ? await detailsForPods(kubeConfig, pods, scope) : new Map<string, PodDetails>();
  return { pods, details, kubeConfig };
}

function fromFile(args: ViewArgs, io: SnapshotIO): Loaded {
  if (args.selector !== undefined || args.fieldSelector !== undefined) throw new UserError('-l/--selector and --field-selector select from a cluster; they cannot be used with -f');
  const file = args.filename as string;
  const label = file === '-' ? 'stdin' : file;
  let pods = podsFromManifests(readSource(file, io.readStdin), label, args.namespace ?? 'default');
  if (args.pod) {
    pods = pods.filter((p) => p.metadata?.name === args.pod);
    if (pods.length === 0) throw new UserError(`pod "${args.pod}" not found in ${label}`);
  }
  return { pods, details: new Map() };
}

async function probed(host: PodHost, kubeConfig: KubeConfig, io: SnapshotIO): Promise<PodHost> {
  const result = await probePorts(kubeConfig, { namespace: host.namespace, name: host.name });
  if (!result.ok || result.tables === undefined) {
    io.notice(`probe ${host.namespace}/${host.name}: skipped: ${result.reason ?? 'no result'}`);
    return host;
  }
  return { ...host, ports: mergeProbe(host.ports, parseProcNet(result.tables)) };
}

export function formatSnapshot(hosts: PodHost[], format: OutputFormat, io: Pick<SnapshotIO, 'stdout' | 'color'>): string {
  if (format === 'json') return `${JSON.stringify(toSnapshotJson(hosts), null, 2)}\n`;
  if (format === 'yaml') return dumpYaml(toSnapshotJson(hosts));
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 160;
  return renderSnapshotText(hosts, { color: io.color, width });
}

/** Builds the snapshot's text; the caller writes it. */
export async function snapshot(args: ViewArgs, io: SnapshotIO): Promise<string> {
  let loaded: Loaded;
  if (args.filename !== undefined) {
    loaded = fromFile(args, io);
  } else {
    const target = await openTarget(args);
    try {
      loaded = await fromCluster(args, target, io);
      if (args.probe && loaded.kubeConfig) {
        const now = Date.now();
        const hosts = await Promise.all(loaded.pods.map((pod) => probed(hostOf(pod, loaded.details, now), target.kubeConfig, io)));
        return formatSnapshot(hosts, args.output ?? 'text', io);
      }
    } finally {
      await target.close();
    }
  }
  const now = Date.now();
  return formatSnapshot(loaded.pods.map((pod) => hostOf(pod, loaded.details, now)), args.output ?? 'text', io);
}

function hostOf(pod: V1Pod, details: Map<string, PodDetails>, now: number): PodHost {
  const d = details.get(pod.metadata?.uid ?? '');
  return toPodHost(pod, { now, events: d?.events, owners: d?.owners, usage: d?.usage });
}
