// Snapshot mode (--once, a stdout that is not a terminal, -f FILE): read the Pods once, build
// the Pod-as-host view-model and print it as text, JSON or YAML, then exit. Pods from a cluster
// go page by page (list page -> view-models -> bytes on stdout -> dropped), so peak memory
// follows the page size, not the cluster; the order is the server's (namespace, then name,
// as kubectl prints it).
import { dump as dumpYaml } from 'js-yaml';
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { UserError } from '../cluster/errors.ts';
import { readNamedPod } from '../cluster/onePod.ts';
import { canListPods } from '../cluster/podWatch.ts';
import { probePorts } from '../cluster/portProbe.ts';
import { detailsForPods, listPodsOnce } from '../cluster/snapshot.ts';
import { parseProcNet } from '../model/procNet.ts';
import { applyProbe } from '../model/probeHost.ts';
import { fdSocketsOf } from '../model/portOwners.ts';
import { parseConnections } from '../model/traffic.ts';
import { toPodHost } from '../model/memo.ts';
import { toSnapshotJson } from '../model/snapshotJson.ts';
import type { PodHost } from '../model/types.ts';
import type { PodDetails } from '../store/types.ts';
import { renderSnapshotText } from '../ui/snapshot/text.ts';
import type { ViewArgs } from './commandTypes.ts';
import type { OutputFormat } from './flags.ts';
import { podsFromManifests, readSource } from './manifests.ts';
import { snapshotWriter } from './snapshotOutput.ts';
import type { SnapshotSink } from './snapshotOutput.ts';
import { heapTrimmer } from './runtime/heapTrim.ts';
import { textLayout } from './snapshotWidth.ts';
import { withTarget } from './target.ts';
import type { Target } from './target.ts';
import { holdYoungGenerationSmall } from './runtime/youngGeneration.ts';

/** Above this many Pods a snapshot skips events, owners and usage: one request per owner does not scale. */
export const DETAILS_LIMIT = 500;

export interface SnapshotIO {
  stdout: SnapshotSink;
  /** One-line notices (e.g. the namespace fallback), never the snapshot itself. */
  notice(line: string): void;
  color: boolean;
  readStdin?: () => string;
}

/**
 * Pods per list request. Smaller pages keep less alive while a page is turned into output
 * (measured at 10,000 Pods with the heap trimmer and the young generation held small, see
 * youngGeneration.ts: peak RSS 127 MB with 100 a page, 132 with 150, 141 with 250, 166 with
 * 500; wall time within noise).
 */
export const SNAPSHOT_PAGE_SIZE = 100;

const NO_DETAILS = new Map<string, PodDetails>();

/** Turns Pods into view-models (probing their ports when asked); `now` is one instant for the whole snapshot. */
type ToHosts = (pods: readonly V1Pod[], details: Map<string, PodDetails>) => Promise<PodHost[]>;

function hostConverter(now: number, probe: ((host: PodHost) => Promise<PodHost>) | undefined): ToHosts {
  return async (pods, details) => {
    const hosts = pods.map((pod) => hostOf(pod, details, now));
    return probe ? Promise.all(hosts.map(probe)) : hosts;
  };
}

/**
 * The cluster's Pods as pages of view-models. Details (events, owners, usage) need to know that
 * there are at most DETAILS_LIMIT Pods, so the first pages are held until that is settled;
 * past the limit every page goes straight through.
 */
async function* fromCluster(args: ViewArgs, target: Target, io: SnapshotIO, toHosts: ToHosts): AsyncGenerator<PodHost[]> {
  const { kubeConfig } = target;
  const timeoutMs = target.requestTimeoutMs;
  if (args.pod) {
    // NAME, TYPE/NAME (the one of its Pods kubectl would pick) or a unique prefix.
    const { pod, details } = await readNamedPod(kubeConfig, target.namespace, args.pod, { timeoutMs });
    yield toHosts([pod], new Map([[pod.metadata?.uid ?? '', details]]));
    return;
  }
  let scope = target.scope;
  if (scope === undefined && !target.demo) {
    const access = await canListPods(kubeConfig, undefined);
    if (!access.allowed) {
      io.notice(`${access.reason}; showing namespace "${target.namespace}" instead`);
      scope = target.namespace;
    }
  }
  let held: V1Pod[] | undefined = [];
  for await (const page of listPodsOnce({
    pageSize: SNAPSHOT_PAGE_SIZE,
    kubeConfig,
    namespace: scope,
    labelSelector: target.labelSelector,
    fieldSelector: target.fieldSelector,
    timeoutMs,
    notice: io.notice,
  })) {
    if (held === undefined) {
      yield toHosts(page, NO_DETAILS);
      continue;
    }
    held.push(...page);
    if (held.length > DETAILS_LIMIT) {
      const pods = held;
      held = undefined;
      // Page by page, as the rest will go: one batch of all the held Pods set the run's peak memory.
      for (let at = 0; at < pods.length; at += SNAPSHOT_PAGE_SIZE) yield toHosts(pods.slice(at, at + SNAPSHOT_PAGE_SIZE), NO_DETAILS);
    }
  }
  if (held !== undefined && held.length > 0) yield toHosts(held, await detailsForPods(kubeConfig, held, scope));
}

function fromFile(args: ViewArgs, io: SnapshotIO): V1Pod[] {
  if (args.selector !== undefined || args.fieldSelector !== undefined) throw new UserError('-l/--selector and --field-selector select from a cluster; they cannot be used with -f');
  const file = args.filename as string;
  const label = file === '-' ? 'stdin' : file;
  let pods = podsFromManifests(readSource(file, io.readStdin), label, args.namespace ?? 'default');
  if (args.pod) {
    pods = pods.filter((p) => p.metadata?.name === args.pod);
    if (pods.length === 0) throw new UserError(`pod "${args.pod}" not found in ${label}`);
  }
  return pods;
}

async function probed(host: PodHost, kubeConfig: KubeConfig, io: SnapshotIO): Promise<PodHost> {
  const result = await probePorts(kubeConfig, { namespace: host.namespace, name: host.name });
  if (!result.ok || result.tables === undefined) {
    io.notice(`probe ${host.namespace}/${host.name}: skipped: ${result.reason ?? 'no result'}`);
    return host;
  }
  return applyProbe(host, { sockets: parseProcNet(result.tables), connections: parseConnections(result.tables), ...(result.fds ? { fds: fdSocketsOf(result.fds) } : {}) });
}

/** The whole snapshot as one string, from view-models already in memory; writeSnapshot streams the same bytes. */
export function formatSnapshot(hosts: PodHost[], format: OutputFormat, io: Pick<SnapshotIO, 'stdout' | 'color'>): string {
  if (format === 'json') return `${JSON.stringify(toSnapshotJson(hosts), null, 2)}\n`;
  if (format === 'yaml') return dumpYaml(toSnapshotJson(hosts));
  return renderSnapshotText(hosts, { color: io.color, ...textLayout(io.stdout) });
}

/** Reads the Pods and writes the snapshot to io.stdout as it goes; resolves once all of it is flushed. */
export async function writeSnapshot(args: ViewArgs, io: SnapshotIO): Promise<void> {
  const writer = snapshotWriter(args.output ?? 'text', io.stdout, io.color);
  const now = Date.now();
  if (args.filename !== undefined) {
    await writer.add(await hostConverter(now, undefined)(fromFile(args, io), NO_DETAILS));
    return writer.end();
  }
  // Never released: nothing in a snapshot lives long enough to gain from a larger young
  // generation (10,000 Pods: peak RSS 163 -> 127 MB with the page size above).
  holdYoungGenerationSmall();
  await withTarget(args, async (target) => {
    const toHosts = hostConverter(now, args.probe ? (host) => probed(host, target.kubeConfig, io) : undefined);
    const trim = heapTrimmer();
    for await (const hosts of fromCluster(args, target, io, toHosts)) {
      await writer.add(hosts);
      trim();
    }
  });
  return writer.end();
}

function hostOf(pod: V1Pod, details: Map<string, PodDetails>, now: number): PodHost {
  const d = details.get(pod.metadata?.uid ?? '');
  return toPodHost(pod, { now, events: d?.events, owners: d?.owners, usage: d?.usage });
}
