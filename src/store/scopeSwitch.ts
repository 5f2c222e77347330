// Which namespace the Pod list watches, and the user's wish to watch another (`:ns NAME`).
// The UI writes the wish (ask) and reads the state; cluster/scopeFeed.ts serves the wish by
// starting the new watch and writes back what happened (switched, failed) and the namespace
// names the prompt completes from.
//
//   scope.ask('payments')   // UI: intent
//   scope.take()            // cluster: { namespace: 'payments' }, once
//   scope.switched('payments') / scope.failed('forbidden: cannot list pods in namespace "x"')

/** A namespace, or undefined for every namespace (-A). */
export type Namespace = string | undefined;

/** A namespace in the current context, or (context set) another kubeconfig context at its own namespace. */
export type ScopeRequest = { namespace: Namespace; context?: undefined } | { context: string; namespace?: undefined };

export interface ScopeState {
  context: string;
  namespace: Namespace;
  /** Set while a switch is asked for and the new watch's first list has not arrived. */
  switching?: ScopeRequest;
  /** The last switch's failure, one line; the old namespace stays watched. */
  error?: string;
  /** Namespaces watched before, most recent first (all namespaces as undefined). */
  recent: readonly Namespace[];
  /** Namespace names for completion, once read (sanitized by the reader). */
  names: readonly string[];
}

const MAX_RECENT = 5;

export class ScopeStore {
  private current: ScopeState;
  private request: ScopeRequest | undefined;
  private namesAsked = false;
  private readonly listeners = new Set<() => void>();

  constructor(context: string, namespace: Namespace) {
    this.current = { context, namespace, recent: [], names: [] };
  }

  get state(): ScopeState {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** UI: watch this namespace instead. Asking for the one already watched does nothing. */
  ask(namespace: Namespace): void {
    if (namespace === this.current.namespace && !this.current.switching) return;
    this.request = { namespace };
    const { error: _dropped, ...rest } = this.current;
    this.set({ ...rest, switching: { namespace } });
  }

  /** UI: watch another kubeconfig context (at its namespace). */
  askContext(context: string): void {
    this.request = { context };
    const { error: _dropped, ...rest } = this.current;
    this.set({ ...rest, switching: { context } });
  }

  /** UI: the prompt opened; the names are read once per run (and again after a switch failed). */
  askNames(): void {
    if (this.namesAsked) return;
    this.namesAsked = true;
    this.notify();
  }

  /** Cluster: whether the names are wanted and not yet asked for; true once. */
  takeNamesRequest(): boolean {
    if (!this.namesAsked || this.namesTaken) return false;
    this.namesTaken = true;
    return true;
  }
  private namesTaken = false;

  /** Cluster: the pending switch, handed out once. */
  take(): ScopeRequest | undefined {
    const request = this.request;
    this.request = undefined;
    return request;
  }

  /** Cluster: the new context's first list is in; its namespaces are others, so their names are read again. */
  switchedContext(context: string, namespace: Namespace): void {
    const { switching: _done, error: _old, ...rest } = this.current;
    this.namesTaken = false;
    this.set({ ...rest, context, namespace, recent: [], names: [] });
  }

  /** Cluster: the new watch's first list is in. */
  switched(namespace: Namespace): void {
    const before = this.current.namespace;
    const recent = [before, ...this.current.recent.filter((n) => n !== before && n !== namespace)].slice(0, MAX_RECENT);
    const { switching: _done, error: _old, ...rest } = this.current;
    this.set({ ...rest, namespace, recent: before === namespace ? this.current.recent : recent });
  }

  /** Cluster: the switch did not happen; the old namespace is still watched. */
  failed(message: string): void {
    const { switching: _done, ...rest } = this.current;
    this.set({ ...rest, error: message });
  }

  setNames(names: readonly string[]): void {
    this.set({ ...this.current, names: [...names].sort() });
  }

  private set(state: ScopeState): void {
    this.current = state;
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
