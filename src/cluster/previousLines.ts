// The last lines a crashed container's previous instance wrote, so the Diagnosis section can
// show why it died without a key press. One short, non-following read per container and
// restart: a new restart reads again, leaving the view or changing Pod closes every read.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ContainerView, PodHost, PreviousLogs } from '../model/types.ts';
import type { LogBuffer } from '../store/logBuffer.ts';
import { sanitize } from '../text/sanitize.ts';
import type { LogSession, PodviewServices } from '../ui/services.ts';

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

const same = (a: PreviousLogs | undefined, b: PreviousLogs): boolean =>
  a !== undefined && a.error === b.error && a.lines.length === b.lines.length && a.lines.every((l, i) => l === b.lines[i]);

const NOTHING: ReadonlyMap<string, PreviousLogs> = new Map();

export function usePreviousLines(
  services: Pick<PodviewServices, 'openLogs'> | undefined,
  host: PodHost | undefined,
): Record<string, PreviousLogs> | undefined {
  const wanted = services ? wantedOf(host) : [];
  const wantedKey = JSON.stringify(wanted);
  const open = useRef(new Map<string, () => void>());
  const [found, setFound] = useState(NOTHING);

  useEffect(() => {
    const specs: Wanted[] = JSON.parse(wantedKey);
    const keys = new Set(specs.map((w) => w.key));
    for (const [key, stop] of open.current) {
      if (keys.has(key)) continue;
      stop();
      open.current.delete(key);
    }
    setFound((prev) => {
      if (![...prev.keys()].some((k) => !keys.has(k))) return prev;
      return new Map([...prev].filter(([k]) => keys.has(k)));
    });
    if (!services) return;
    for (const w of specs) {
      if (open.current.has(w.key)) continue;
      let stopped = false;
      const publish = (value: PreviousLogs) => {
        if (stopped) return;
        setFound((prev) => (same(prev.get(w.key), value) ? prev : new Map(prev).set(w.key, value)));
      };
      let session: LogSession | undefined;
      let unsubscribe = (): void => {};
      try {
        session = services.openLogs({ namespace: w.namespace, name: w.name, container: w.container, previous: true, follow: false, tailLines: PREVIOUS_LINES });
        const buffer = session.buffer;
        const read = () => {
          const value = readPrevious(buffer);
          if (value) publish(value);
        };
        unsubscribe = buffer.subscribe(read);
        read();
      } catch (err) {
        publish({ lines: [], error: previousLogsReason(err instanceof Error ? err.message : String(err)) });
      }
      open.current.set(w.key, () => {
        stopped = true;
        unsubscribe();
        session?.close();
      });
    }
  }, [wantedKey, services]);

  // Leaving the view unmounts nothing when the hook lives in App, but the key set empties;
  // this covers the App itself going away.
  useEffect(() => {
    const sessions = open.current;
    return () => {
      for (const stop of sessions.values()) stop();
      sessions.clear();
    };
  }, []);

  return useMemo(() => {
    const out: Record<string, PreviousLogs> = {};
    let any = false;
    for (const w of JSON.parse(wantedKey) as Wanted[]) {
      const value = found.get(w.key);
      if (!value) continue;
      out[w.container] = value;
      any = true;
    }
    return any ? out : undefined;
  }, [found, wantedKey]);
}
