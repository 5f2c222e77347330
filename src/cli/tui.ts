// TUI mode, started so that the cluster and the terminal UI load at the same time: the access
// check and the Pod list go out first, and Ink, React and the views (a fifth of a second of
// parsing and running on a small machine) load while the server answers. The screen itself
// is tuiView's job.
import { readNamedPod } from '../cluster/onePod.ts';
import { isOwnerArg, resolvePodArg } from '../cluster/resolvePod.ts';
import { canListPods, startPodWatch } from '../cluster/podWatch.ts';
import type { ListAccess, PodWatch } from '../cluster/podWatch.ts';
import { followScopeRequests, type ScopeFeed } from '../cluster/scopeFeed.ts';
import { findingTimeline } from '../model/findingTimeline.ts';
import { PodStore } from '../store/podStore.ts';
import { ScopeStore } from '../store/scopeSwitch.ts';
import type { ViewArgs } from './commandTypes.ts';
import { onFirstList } from './firstList.ts';
import { openTarget } from './target.ts';
import type { Target } from './target.ts';
import { bufferTrimmer } from './runtime/heapTrim.ts';
import { steadyOldGenerationGrowth } from './runtime/oldGeneration.ts';
import { holdYoungGenerationSmall } from './runtime/youngGeneration.ts';

/** The Pods the screen shows: a live store fed by one list+watch over `scope`. */
function watchInto(target: Target, scope: string | undefined, startAfter?: Promise<void>): { store: PodStore; watch: PodWatch } {
  const store = new PodStore({ findingOf: findingTimeline });
  const watch = startPodWatch({
    kubeConfig: target.kubeConfig,
    namespace: scope,
    labelSelector: target.labelSelector,
    fieldSelector: target.fieldSelector,
    store,
    requestTimeoutMs: target.requestTimeoutMs,
    ...(startAfter ? { startAfter } : {}),
  });
  return { store, watch };
}

export async function startTui(viewArgs: ViewArgs): Promise<number> {
  // The list's parse is a burst of allocation that V8 would answer by growing its young
  // generation to 64 MB for good (10,000 Pods: ~30 MB of the peak RSS); the live screen after it
  // allocates little, so V8's own sizing comes back once the list is in.
  const releaseYoungGeneration = holdYoungGenerationSmall();
  let cancelRelease = () => {};
  let args = viewArgs;
  let target = await openTarget(args).catch((error: unknown) => {
    releaseYoungGeneration();
    throw error;
  });
  let live: { store: PodStore; watch: PodWatch } | undefined;
  let scopeFeed: ScopeFeed | undefined;
  try {
    // -A is checked with an access review; the list starts at the same time, on the bet that
    // it is allowed, and is thrown away if it is not.
    const access: Promise<ListAccess> | undefined = target.scope === undefined && !target.demo ? canListPods(target.kubeConfig, undefined) : undefined;
    // A Pod that does not exist is a user error before the screen changes, like kubectl's.
    // TYPE/NAME opens the list narrowed to the workload's Pods: its selector must be known before the watch starts.
    if (args.pod && isOwnerArg(args.pod)) {
      const owned = await resolvePodArg(target.kubeConfig, target.namespace, args.pod, { timeoutMs: target.requestTimeoutMs });
      target = { ...target, scope: target.namespace, labelSelector: owned.selector };
      args = { ...args, pod: undefined };
    }
    // NAME or a unique prefix: the Pod it names, with its events, usage and owner chain (the
    // reads `--once` makes), is read while the UI loads, and the screen opens on it drawn whole.
    const podCheck = args.pod ? readNamedPod(target.kubeConfig, target.namespace, args.pod, { timeoutMs: target.requestTimeoutMs }) : undefined;
    access?.catch(() => undefined);
    podCheck?.catch(() => undefined);
    // A named Pod's screen is drawn from its own reads: the list (the namespace's Pods, behind
    // its host view) is read once that first frame is out, not in its way.
    let drawn = () => {};
    const firstFrame = podCheck ? new Promise<void>((resolve) => (drawn = resolve)) : undefined;
    live = watchInto(target, target.scope, firstFrame);
    // One answer back means the other requests are on the wire too; only then may loading the
    // UI hold the thread.
    if (access) await access.catch(() => undefined);
    // A named Pod's reads are on the wire after one turn of the event loop (the first one's
    // connection is made in it); loading the UI would hold them back by its whole length.
    else if (podCheck) await new Promise((resolve) => setImmediate(resolve));
    const view = await import('./tuiView.tsx');
    const opened = await podCheck;
    if (opened) args = { ...args, pod: opened.pod.metadata?.name ?? args.pod };
    let scope = target.scope;
    let notice: string | undefined;
    const allowed = access ? await access : undefined;
    if (allowed && !allowed.allowed) {
      scope = target.namespace;
      notice = `${allowed.reason}; showing namespace "${target.namespace}" instead`;
      const denied = live;
      live = undefined;
      await denied.watch.stop();
      denied.store.close();
      live = watchInto(target, scope);
    }
    // `:ns` replaces the watch in place: same store, new namespace (cluster/scopeFeed).
    const scopeStore = new ScopeStore(target.contextName, scope);
    const { store } = live;
    // In the store before the list: the host view needs its entry; the list keeps it (same uid).
    if (opened) store.apply([{ type: 'ADDED', pod: opened.pod }]);
    const watchTarget = target;
    scopeFeed = followScopeRequests({
      scope: scopeStore,
      store,
      kubeConfig: target.kubeConfig,
      watch: live.watch,
      startWatch: (namespace) =>
        startPodWatch({
          kubeConfig: watchTarget.kubeConfig,
          namespace,
          labelSelector: watchTarget.labelSelector,
          fieldSelector: watchTarget.fieldSelector,
          store,
          requestTimeoutMs: watchTarget.requestTimeoutMs,
        }),
    });
    // While the list loads V8 sizes the heap its own way (a burst wants room), but for the
    // buffers its pages leave behind; the live screen after it, steadily.
    const trimBuffers = bufferTrimmer();
    const stopTrimming = store.subscribe(() => {
      if (store.connection.kind === 'loading') trimBuffers();
    });
    cancelRelease = onFirstList(live.store, () => {
      stopTrimming();
      releaseYoungGeneration();
      steadyOldGenerationGrowth();
    });
    return await view.runTui(args, target, { store: live.store, scope, notice, scopeStore, ...(opened ? { opened, drawn } : {}) });
  } finally {
    cancelRelease();
    releaseYoungGeneration();
    await scopeFeed?.stop();
    await live?.watch.stop();
    await target.close();
  }
}
