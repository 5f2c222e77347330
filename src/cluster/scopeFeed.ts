// Serves the `:ns` wish written into the ScopeStore: checks the user may list Pods there (a
// forbidden namespace is one line and the old watch goes on), then replaces the Pod watch with
// one over the new namespace feeding the same store. The old Pods stay in the store (the list
// marks them as switching) until the new watch's list replaces them.
import type { KubeConfig } from '@kubernetes/client-node';
import type { PodStore } from '../store/podStore.ts';
import type { Namespace, ScopeRequest, ScopeStore } from '../store/scopeSwitch.ts';
import { switchContext } from './config.ts';
import { describeError } from './errors.ts';
import { namespaceNames } from './namespaceNames.ts';
import { canListPods, type PodWatch } from './podWatch.ts';

export interface ScopeFeedOptions {
  scope: ScopeStore;
  store: PodStore;
  kubeConfig: KubeConfig;
  /** The watch running now over scope.state.namespace. */
  watch: PodWatch;
  /** Starts the Pod watch over a namespace (undefined: all) into `store`. */
  startWatch(namespace: Namespace): PodWatch;
}

export interface ScopeFeed {
  /** Stops the feed and whichever watch it runs now. */
  stop(): Promise<void>;
}

const scopeText = (namespace: Namespace) => (namespace === undefined ? 'every namespace' : `namespace "${namespace}"`);

export function followScopeRequests(o: ScopeFeedOptions): ScopeFeed {
  let watch = o.watch;
  let stopped = false;
  let stopWaiting = () => {};
  // One switch at a time, in the order asked: a later wish waits for the earlier to settle.
  let queue = Promise.resolve();

  // `:ctx` switches the shared kubeconfig's current context (every request reads it anew), and
  // back again when the new one cannot list Pods there.
  async function serve(request: ScopeRequest): Promise<void> {
    const before = o.kubeConfig.getCurrentContext();
    let namespace = request.namespace;
    let notice: string | undefined;
    if (request.context !== undefined) {
      try {
        const next = switchContext(o.kubeConfig, request.context);
        namespace = next.namespace;
        notice = next.notice;
      } catch (err) {
        return o.scope.failed(err instanceof Error ? err.message : String(err));
      }
    }
    const access = await canListPods(o.kubeConfig, namespace).catch((err: unknown) => ({ allowed: false as const, reason: describeError(err, `list pods in ${scopeText(namespace)}`) }));
    if (stopped) return;
    if (!access.allowed) {
      o.kubeConfig.setCurrentContext(before);
      return o.scope.failed(request.context !== undefined ? `context "${request.context}": ${access.reason}` : access.reason);
    }
    stopWaiting();
    await watch.stop();
    if (stopped) return;
    watch = o.startWatch(namespace);
    // Switched once the new list is in and the watch live; a failure now is the new scope's.
    const settle = () => {
      const connection = o.store.connection;
      if (connection.kind === 'live') {
        stopWaiting();
        if (request.context === undefined) return o.scope.switched(namespace);
        o.scope.switchedContext(request.context, namespace);
        if (notice) o.scope.failed(notice);
      } else if (connection.kind === 'forbidden' || connection.kind === 'unreachable') {
        stopWaiting();
        o.scope.failed(connection.message);
      }
    };
    stopWaiting = o.store.subscribe(settle);
    settle();
  }

  const onScope = () => {
    if (o.scope.takeNamesRequest()) {
      // Completion is a help, not a need: without the names the prompt still takes any name.
      namespaceNames(o.kubeConfig).then(
        (names) => o.scope.setNames(names),
        () => undefined,
      );
    }
    const request = o.scope.take();
    if (request)
      queue = queue
        .then(() => serve(request))
        .catch((err: unknown) => o.scope.failed(describeError(err, request.context !== undefined ? `switch to context "${request.context}"` : `switch to ${scopeText(request.namespace)}`)));
  };
  const unsubscribe = o.scope.subscribe(onScope);
  onScope();
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      stopWaiting();
      await queue;
      await watch.stop();
    },
  };
}
