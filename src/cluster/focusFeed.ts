// The one writer of the open Pod's record (store/focusedPod): it follows the UI's intent there
// (which Pod is open, a port probe asked for) and writes back what it learns: events, owner
// chain and usage, polled every few seconds while the Pod is open (one Pod at a time: what is
// on screen), and the probe's outcome. The PodStore keeps every Pod lean; the open one's whole
// object is read here on focus (getPod) and kept current from the watch (cluster/focusWhole).
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import type { FocusedPodStore } from '../store/focusedPod.ts';
import type { PodStore } from '../store/podStore.ts';
import type { LogRequest, LogSession, PortProbeResult } from '../store/requests.ts';
import { openLogSession } from './logs.ts';
import { followPreviousLines } from './previousLines.ts';
import { followProbeRequests } from './focusProbe.ts';
import { followWholePod, offerWhole } from './focusWhole.ts';
import type { PodKey } from '../store/types.ts';
import { probePorts } from './portProbe.ts';
import { sleep } from './backoff.ts';
import { getPod } from './getPod.ts';
import { listEvents, listMetrics, notesFor, resolveOwners, usageFromMetrics } from './detailSources.ts';
import type { OwnerCache } from './detailSources.ts';

export interface DetailsFeedOptions {
  kubeConfig: KubeConfig;
  store: PodStore;
  /** The open Pod's record: the intent read here, what is learnt written back. */
  focused: FocusedPodStore;
  /** How often the focused Pod's details are re-read (ms). */
  pollMs?: number;
  /** Runs the port probe (cluster/portProbe by default). */
  probe?: (pod: PodKey) => Promise<PortProbeResult>;
  /** Opens the short reads of previous instances' lines (cluster/logs by default). */
  openLogs?: (request: LogRequest) => LogSession;
}

export interface DetailsFeed {
  /** Reads the focused Pod's details now (also what each poll does). */
  refresh(): Promise<boolean>;
  stop(): Promise<void>;
}

function fieldSelectorFor(key: PodKey, uid: string | undefined): string {
  const parts = [`involvedObject.kind=Pod`, `involvedObject.namespace=${key.namespace}`, `involvedObject.name=${key.name}`];
  if (uid) parts.push(`involvedObject.uid=${uid}`);
  return parts.join(',');
}

export function startDetailsFeed(options: DetailsFeedOptions): DetailsFeed {
  const { kubeConfig, store, focused: record } = options;
  const probe = options.probe ?? ((pod: PodKey) => probePorts(kubeConfig, pod));
  const pollMs = options.pollMs ?? 5000;
  const stopper = new AbortController();
  let focused: PodKey | null = null;
  let generation = 0;
  let owners: OwnerCache = new Map();
  let wake: AbortController = new AbortController();

  const readPod = (key: PodKey): Promise<V1Pod> => getPod(kubeConfig, key.namespace, key.name, { signal: stopper.signal });

  /** The open Pod whole: from the record (read on focus, kept current by the watch), else read again now. */
  async function wholePod(key: PodKey, uid: string, mine: number): Promise<V1Pod | undefined> {
    const held = record.current?.pod;
    if (held?.metadata?.uid === uid) return held;
    let pod: V1Pod;
    try {
      pod = await readPod(key);
    } catch {
      return undefined; // gone or forbidden: the view shows the lean Pod; the next poll retries
    }
    if (mine !== generation || pod.metadata?.uid !== uid) return undefined;
    store.tapWhole(uid, (p) => void offerWhole(record, store, key, p, true));
    offerWhole(record, store, key, pod, false);
    // A newer copy the watch brought meanwhile wins; either way the record's is the one to use.
    const now = record.current?.pod;
    return now?.metadata?.uid === uid ? now : undefined;
  }

  /** Returns false when the focused Pod is not in the store yet (the list is still loading). */
  async function refresh(): Promise<boolean> {
    const key = focused;
    const mine = generation;
    if (!key) return true;
    const entry = store.find(key.namespace, key.name);
    const uid = entry?.pod.metadata?.uid;
    if (!entry || !uid) return false;
    // Events and usage need only the Pod's name: they go out with the whole Pod's read (both
    // degrade to a note, never reject), and only the owner chain waits for the Pod.
    const eventsRead = listEvents(kubeConfig, key.namespace, fieldSelectorFor(key, uid));
    const metricsRead = listMetrics(kubeConfig, key.namespace, key.name);
    const whole = await wholePod(key, uid, mine);
    const [events, metrics, chain] = await Promise.all([
      eventsRead,
      metricsRead,
      // A lean Pod names no owners: without the whole one, say nothing rather than "none".
      whole ? resolveOwners(kubeConfig, whole, owners) : Promise.resolve(undefined),
    ]);
    if (mine !== generation || stopper.signal.aborted) return true; // focus moved on meanwhile
    const sample = metrics.items[0];
    record.write(key, {
      details: {
        events: events.note === undefined ? events.items : undefined,
        owners: chain,
        usage: sample ? usageFromMetrics(sample) : undefined,
        notes: notesFor([events, metrics]),
      },
    });
    return true;
  }

  const loop = (async () => {
    while (!stopper.signal.aborted) {
      // A failed poll leaves the last details; the next one retries.
      const found = await refresh().catch(() => true);
      // While the list is still loading, look again soon: `podview POD` waits on nothing else.
      await sleep(found ? pollMs : Math.min(pollMs, 50), AbortSignal.any([stopper.signal, wake.signal]));
      if (wake.signal.aborted) wake = new AbortController();
    }
  })();

  function focus(pod: PodKey | null): void {
    const same = pod && focused && pod.namespace === focused.namespace && pod.name === focused.name;
    if (same || (!pod && !focused)) return;
    focused = pod ? { namespace: pod.namespace, name: pod.name } : null;
    generation++;
    owners = new Map(); // owner chains are re-read for a newly focused Pod
    wake.abort();
  }

  const stopWhole = followWholePod(record, store);
  const stopProbes = followProbeRequests(record, probe);
  const stopPrevious = followPreviousLines(record, store, options.openLogs ?? ((request) => openLogSession(kubeConfig, request)));
  const unsubscribe = record.subscribe(() => focus(record.current ? record.current.key : null));
  const opened = record.current;
  // Opened with its details already read (tui.ts reads a named Pod's with the Pod, before the
  // screen starts): no read on focus, the first poll comes at its time.
  if (opened?.details) focused = { namespace: opened.key.namespace, name: opened.key.name };
  else focus(opened ? opened.key : null);

  return {
    refresh,
    async stop() {
      unsubscribe();
      stopWhole();
      stopProbes();
      stopPrevious();
      stopper.abort();
      await loop;
    },
  };
}
