// The open Pod's view-model, live from the store. When the Pod is deleted it stays on screen
// as it last was (marked deleted) even after the store lets it go. With services, a crashed
// container's previous instance's last lines ride along on the host (host.previousLogs).
// Until the whole Pod arrives (the store keeps unfocused Pods lean; the details feed reads the
// focused one), the view shows what the lean Pod says.
import { useRef } from 'react';
import { toPodHost } from '../../model/memo.ts';
import { buildPodHost } from '../../model/podHost.ts';
import type { PodContext, PodHost, PreviousLogs } from '../../model/types.ts';
import type { PodStore } from '../../store/podStore.ts';
import type { PodviewServices } from '../services.ts';
import { usePreviousLines } from './usePreviousLines.ts';

const NO_NOTES: readonly string[] = [];

export interface HostState {
  host: PodHost;
  deleted: boolean;
  notes: readonly string[];
}

type Last = { uid: string; state: HostState } | undefined;
type LeanMemo = { pod: object; second: number; ctx: PodContext; host: PodHost } | undefined;

/**
 * The shared toPodHost cache keys on uid@resourceVersion, which the lean and the whole copy of
 * one Pod share: a lean host must never enter it, or the whole Pod would be shown as lean.
 * So a lean Pod's host is built here and remembered only for the same object and inputs.
 */
function hostOf(store: PodStore, uid: string, pod: object, ctx: PodContext, lean: { current: LeanMemo }): PodHost {
  if (store.hasFull(uid)) {
    lean.current = undefined;
    return toPodHost(pod, ctx);
  }
  const second = Math.floor(ctx.now / 1000);
  const m = lean.current;
  if (m && m.pod === pod && m.second === second && m.ctx.events === ctx.events && m.ctx.owners === ctx.owners && m.ctx.usage === ctx.usage && m.ctx.deleted === ctx.deleted) return m.host;
  const host = buildPodHost(pod, ctx);
  lean.current = { pod, second, ctx, host };
  return host;
}

function liveState(store: PodStore, uid: string | undefined, now: number, last: { current: Last }, lean: { current: LeanMemo }): HostState | undefined {
  if (uid === undefined) {
    last.current = undefined;
    return undefined;
  }
  const entry = store.get(uid);
  if (!entry) {
    // Gone from the store: keep the last state, and say it is deleted.
    const kept = last.current?.uid === uid ? last.current.state : undefined;
    return kept ? { ...kept, deleted: true } : undefined;
  }
  const details = store.detailsOf(uid);
  const deleted = entry.deletedAt !== undefined;
  const host = hostOf(store, uid, entry.pod, {
    now,
    ...(details?.events ? { events: details.events } : {}),
    ...(details?.owners ? { owners: details.owners } : {}),
    ...(details?.usage ? { usage: details.usage } : {}),
    deleted,
  }, lean);
  const notes = details?.notes ?? NO_NOTES;
  const previous = last.current?.uid === uid ? last.current.state : undefined;
  // Same inputs, same object: the screen built from it stays memoized.
  if (previous && previous.host === host && previous.deleted === deleted && previous.notes === notes) return previous;
  const state: HostState = { host, deleted, notes };
  last.current = { uid, state };
  return state;
}

export function useHostView(
  store: PodStore,
  uid: string | undefined,
  now: number,
  services?: Pick<PodviewServices, 'openLogs'>,
): HostState | undefined {
  const last = useRef<Last>(undefined);
  const lean = useRef<LeanMemo>(undefined);
  const merged = useRef<{ base: HostState; logs: Record<string, PreviousLogs>; state: HostState } | undefined>(undefined);
  const base = liveState(store, uid, now, last, lean);
  const logs = usePreviousLines(services, base?.host);
  if (!base || !logs) return base;
  const m = merged.current;
  if (m && m.base === base && m.logs === logs) return m.state;
  const state: HostState = { ...base, host: { ...base.host, previousLogs: logs } };
  merged.current = { base, logs, state };
  return state;
}
