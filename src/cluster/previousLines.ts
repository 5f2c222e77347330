// The last lines a crashed container's previous instance wrote, so the Diagnosis section can
// show why it died without a key press: part of the focus feed, written into the open Pod's
// record. One short, non-following read per container and restart: a new restart reads again,
// closing the Pod or opening another closes every read.
import type { V1Pod } from '@kubernetes/client-node';
import { buildPodHost } from '../model/podHost.ts';
import type { ContainerView, PodHost, PreviousLogs } from '../model/types.ts';
import type { FocusedPodStore } from '../store/focusedPod.ts';
import type { LogBuffer } from '../store/logBuffer.ts';
import type { PodStore } from '../store/podStore.ts';
import type { LogRequest, LogSession } from '../store/requests.ts';
import { sanitize } from '../text/sanitize.ts';

export const PREVIOUS_LINES = 5;
// Far wider than any terminal; the line view cuts to the width, this only bounds the work.
const MAX_CHARS = 500;

/** Crash-looping, or restarted after an instance that did not simply complete. */
export function wantsPreviousLines(c: ContainerView): boolean {
  if (c.kind === 'ephemeral') return false;
  if (c.state.state === 'waiting' && c.state.reason === 'CrashLoopBackOff') return true;
  return c.restarts > 0 && c.lastTermination !== undefined && c.lastTermination.reason !== 'Completed';
}

/** One line fit for a single row: no controls, no colours, tabs as spaces, bounded. */
export function previousLineText(text: string): string {
  const clean = sanitize(text).replace(/\t/g, '  ');
  return clean.length > MAX_CHARS ? `${clean.slice(0, MAX_CHARS)}…` : clean;
}

/** "forbidden" or "not found" when that is what the API said; otherwise its words. */
export function previousLogsReason(message: string): string {
  if (/forbidden/i.test(message)) return 'forbidden';
  if (/not found|has no previous instance/i.test(message)) return 'not found';
  return previousLineText(message);
}

/** What the buffer holds now, or undefined while nothing is known yet. */
export function readPrevious(buffer: LogBuffer): PreviousLogs | undefined {
  const held = buffer.slice(Math.max(0, buffer.size - PREVIOUS_LINES * 2)).filter((l) => !l.notice);
  const lines = held.slice(-PREVIOUS_LINES).map((l) => previousLineText(l.text));
  const state = buffer.state;
  if (state.kind === 'error') return { lines, error: previousLogsReason(state.message) };
  if (lines.length > 0) return { lines };
  if (state.kind === 'ended') return { lines, error: 'empty' };
  return undefined;
}

interface Wanted {
  key: string;
  namespace: string;
  name: string;
  container: string;
}

function wantedOf(host: PodHost | undefined): Wanted[] {
  if (!host) return [];
  return host.containers.filter(wantsPreviousLines).map((c) => ({
    // The uid and restart count are in the key: another Pod or a new crash means a new read.
    key: JSON.stringify([host.uid, host.namespace, host.name, c.name, c.restarts]),
    namespace: host.namespace,
    name: host.name,
    container: c.name,
  }));
}

const same = (a: PreviousLogs | undefined, b: PreviousLogs): boolean => a !== undefined && a.error === b.error && a.lines.length === b.lines.length && a.lines.every((l, i) => l === b.lines[i]);

/**
 * Reads the previous lines of the open Pod's crashed containers into its record, following the
 * record (which Pod is open) and the store (a new restart). Returns how to stop (closing every read).
 */
export function followPreviousLines(record: FocusedPodStore, store: PodStore, openLogs: (request: LogRequest) => LogSession, now: () => number = Date.now): () => void {
  const open = new Map<string, { container: string; stop(): void }>();
  const found = new Map<string, PreviousLogs>();
  let seenPod: object | undefined;
  let wanted: Wanted[] = [];

  const publish = () => {
    const current = record.current;
    if (!current) return;
    const out: Record<string, PreviousLogs> = {};
    let any = false;
    for (const w of wanted) {
      const value = found.get(w.key);
      if (!value) continue;
      out[w.container] = value;
      any = true;
    }
    const before = current.previous;
    if (!any && before === undefined) return;
    if (before && any && Object.keys(out).length === Object.keys(before).length && Object.entries(out).every(([k, v]) => same(before[k], v))) return;
    record.write(current.key, { previous: any ? out : undefined });
  };

  // The open Pod's uid, looked up once per focus: the store is heard every frame, and a search
  // by name walks the namespace.
  let lookup: { key: object; uid: string | undefined } | undefined;
  const uidOf = (key: { namespace: string; name: string }): string | undefined => {
    if (lookup?.key !== key || lookup.uid === undefined) lookup = { key, uid: store.find(key.namespace, key.name)?.pod.metadata?.uid };
    return lookup.uid !== undefined && store.get(lookup.uid) ? lookup.uid : undefined;
  };
  // What is wanted reads each container's last termination (its reason: a Completed one is not
  // wanted), which only the whole Pod holds: the record's, once the feed has it and while the
  // store still lists that Pod; until then nothing is read.
  const wholeOf = (key: { namespace: string; name: string }): V1Pod | undefined => {
    const uid = uidOf(key);
    const pod = record.current?.pod;
    return uid !== undefined && pod?.metadata?.uid === uid ? pod : undefined;
  };

  const sync = () => {
    const key = record.current?.key;
    const pod = key ? wholeOf(key) : undefined;
    // Only a new Pod object can change what is wanted (another Pod, a new restart).
    if (pod === seenPod && (pod !== undefined || key === undefined)) return;
    seenPod = pod;
    if (pod === undefined && key !== undefined) return; // not whole yet, or gone from the store: keep what was read
    wanted = pod ? wantedOf(buildPodHost(pod, { now: now() })) : [];
    const keys = new Set(wanted.map((w) => w.key));
    for (const [k, session] of open) {
      if (keys.has(k)) continue;
      session.stop();
      open.delete(k);
      found.delete(k);
    }
    for (const w of wanted) {
      if (open.has(w.key)) continue;
      let stopped = false;
      const put = (value: PreviousLogs) => {
        if (stopped || same(found.get(w.key), value)) return;
        found.set(w.key, value);
        publish();
      };
      let session: LogSession | undefined;
      let unsubscribe = (): void => {};
      try {
        session = openLogs({ namespace: w.namespace, name: w.name, container: w.container, previous: true, follow: false, tailLines: PREVIOUS_LINES });
        const buffer = session.buffer;
        const read = () => {
          const value = readPrevious(buffer);
          if (value) put(value);
        };
        unsubscribe = buffer.subscribe(read);
        read();
      } catch (err) {
        put({ lines: [], error: previousLogsReason(err instanceof Error ? err.message : String(err)) });
      }
      open.set(w.key, {
        container: w.container,
        stop: () => {
          stopped = true;
          unsubscribe();
          session?.close();
        },
      });
    }
    publish();
  };

  const offRecord = record.subscribe(sync);
  const offStore = store.subscribe(sync);
  sync();
  return () => {
    offRecord();
    offStore();
    for (const session of open.values()) session.stop();
    open.clear();
  };
}
