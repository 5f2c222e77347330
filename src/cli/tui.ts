// TUI mode, started so that the cluster and the terminal UI load at the same time: the access
// check and the Pod list go out first, and Ink, React and the views (a fifth of a second of
// parsing and running on a small machine) load while the server answers. The screen itself
// is tuiView's job.
import { isOwnerArg, resolvePodArg } from '../cluster/resolvePod.ts';
import { canListPods, startPodWatch } from '../cluster/podWatch.ts';
import type { ListAccess, PodWatch } from '../cluster/podWatch.ts';
import { followScopeRequests, type ScopeFeed } from '../cluster/scopeFeed.ts';
import { worstStatusFinding } from '../model/statusFindings.ts';
import { PodStore } from '../store/podStore.ts';
import { ScopeStore } from '../store/scopeSwitch.ts';
import type { ViewArgs } from './commandTypes.ts';
import { onFirstList } from './firstList.ts';
import { openTarget } from './target.ts';
import type { Target } from './target.ts';
import { steadyOldGenerationGrowth } from './runtime/oldGeneration.ts';
import { holdYoungGenerationSmall } from './runtime/youngGeneration.ts';

/** The Pods the screen shows: a live store fed by one list+watch over `scope`. */
function watchInto(target: Target, scope: string | undefined): { store: PodStore; watch: PodWatch } {
  const store = new PodStore({ findingOf: worstStatusFinding });
  const watch = startPodWatch({
    kubeConfig: target.kubeConfig,
    namespace: scope,
    labelSelector: target.labelSelector,
    fieldSelector: target.fieldSelector,
    store,
    requestTimeoutMs: target.requestTimeoutMs,
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
    // NAME or a unique prefix: the Pod it names opens straight away.
    const podCheck = args.pod ? resolvePodArg(target.kubeConfig, target.namespace, args.pod, { timeoutMs: target.requestTimeoutMs }) : undefined;
    access?.catch(() => undefined);
    podCheck?.catch(() => undefined);
    live = watchInto(target, target.scope);
    // One answer back means the other requests are on the wire too; only then may loading the
    // UI hold the thread.
    if (access) await access.catch(() => undefined);
    const view = await import('./tuiView.tsx');
    const named = await podCheck;
    if (named) args = { ...args, pod: named.name };
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
    // While the list loads V8 sizes the heap its own way (a burst wants room); the live screen after it, steadily.
    cancelRelease = onFirstList(live.store, () => {
      releaseYoungGeneration();
      steadyOldGenerationGrowth();
    });
    return await view.runTui(args, target, { store: live.store, scope, notice, scopeStore });
  } finally {
    cancelRelease();
    releaseYoungGeneration();
    await scopeFeed?.stop();
    await live?.watch.stop();
    await target.close();
  }
}
