// The open Pod's view-model, live from the store and the open Pod's record (details, the
// previous instances' last lines as host.previousLogs, the port probe's sockets, owners and
// traffic applied by model/probeHost), cached on the identity of its inputs. When the Pod is deleted it stays on screen
// as it last was (marked deleted) even after the store lets it go.
// Until the whole Pod arrives (the store keeps unfocused Pods lean; the details feed reads the
// focused one), the view shows what the lean Pod says.
import { useRef } from 'react';
import { toPodHost } from '../../model/memo.ts';
import type { LeanPod } from '../../model/leanPodType.ts';
import { previewPodHost } from '../../model/podHost.ts';
import type { PodContext, PodHost, PreviousLogs } from '../../model/types.ts';
import { applyProbe, type ProbeFacts } from '../../model/probeHost.ts';
import type { FocusedPod } from '../../store/focusedPod.ts';
import type { PodStore } from '../../store/podStore.ts';
import type { WholePod } from '../../store/types.ts';

const NO_NOTES: readonly string[] = [];

export interface HostState {
  host: PodHost;
  deleted: boolean;
  notes: readonly string[];
}

type Last = { uid: string; base: PodHost; logs: unknown; probe: unknown; state: HostState } | undefined;
type LeanMemo = { pod: object; second: number; ctx: PodContext; host: PodHost } | undefined;

/**
 * The shared toPodHost cache keys on uid@resourceVersion, which the lean and the whole copy of
 * one Pod share: a lean host must never enter it, or the whole Pod would be shown as lean.
 * So a lean Pod's host is built here and remembered only for the same object and inputs.
 */
function hostOf(of: { whole: WholePod } | { lean: LeanPod }, ctx: PodContext, lean: { current: LeanMemo }): PodHost {
  if ('whole' in of) {
    lean.current = undefined;
    return toPodHost(of.whole, ctx);
  }
  const pod = of.lean;
  const second = Math.floor(ctx.now / 1000);
  const m = lean.current;
  if (m && m.pod === pod && m.second === second && m.ctx.events === ctx.events && m.ctx.owners === ctx.owners && m.ctx.usage === ctx.usage && m.ctx.deleted === ctx.deleted) return m.host;
  const host = previewPodHost(pod, ctx);
  lean.current = { pod, second, ctx, host };
  return host;
}

interface Base {
  host: PodHost;
  deleted: boolean;
  notes: readonly string[];
  probe: ProbeFacts | undefined;
  previous: Readonly<Record<string, PreviousLogs>> | undefined;
}

/** The host from the store's Pod and the record's details; undefined when the Pod is gone (the caller keeps the last state). */
function baseOf(store: PodStore, uid: string, now: number, record: FocusedPod | undefined, lean: { current: LeanMemo }): Base | undefined {
  const entry = store.get(uid);
  if (!entry) return undefined;
  // The record is the open Pod's only when it names this Pod (it follows the focus a moment later).
  const meta = entry.pod.metadata;
  const mine = record && record.key.namespace === meta?.namespace && record.key.name === meta?.name ? record : undefined;
  // The whole Pod once the feed has it; the store's lean one until then.
  const whole = mine?.pod?.metadata?.uid === uid ? mine.pod : undefined;
  const details = mine?.details;
  const deleted = entry.deletedAt !== undefined;
  const host = hostOf(
    whole ? { whole } : { lean: entry.pod },
    {
      now,
      ...(details?.events ? { events: details.events } : {}),
      ...(details?.owners ? { owners: details.owners } : {}),
      ...(details?.usage ? { usage: details.usage } : {}),
      deleted,
    },
    lean,
  );
  return { host, deleted, notes: details?.notes ?? NO_NOTES, probe: mine?.probe?.state === 'ran' ? mine.probe : undefined, previous: mine?.previous };
}

/** The host view: the base with the previous lines and the probe's sockets, one object per distinct input. */
function withExtras(uid: string, base: Base, last: { current: Last }): HostState {
  const logs = base.previous;
  const previous = last.current?.uid === uid ? last.current : undefined;
  if (previous && previous.base === base.host && previous.logs === logs && previous.probe === base.probe && previous.state.deleted === base.deleted && previous.state.notes === base.notes)
    return previous.state;
  let host = base.host;
  if (logs) host = { ...host, previousLogs: { ...logs } };
  if (base.probe) host = applyProbe(host, base.probe);
  const state: HostState = { host, deleted: base.deleted, notes: base.notes };
  last.current = { uid, base: base.host, logs, probe: base.probe, state };
  return state;
}

export function useHostView(store: PodStore, uid: string | undefined, now: number, record: FocusedPod | undefined): HostState | undefined {
  const last = useRef<Last>(undefined);
  const lean = useRef<LeanMemo>(undefined);
  if (uid === undefined) {
    last.current = undefined;
    return undefined;
  }
  const base = baseOf(store, uid, now, record, lean);
  if (!base) {
    // Gone from the store: keep the last state, and say it is deleted.
    const kept = last.current?.uid === uid ? last.current.state : undefined;
    return kept ? { ...kept, deleted: true } : undefined;
  }
  return withExtras(uid, base, last);
}
