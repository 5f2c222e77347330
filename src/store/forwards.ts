// The TUI's port-forwards, as one record with two sides. The UI asks (start this container
// port, stop that forward); cluster/forwardFeed is the only writer of what became of each ask
// (its local address, its open connections, its last event, why it failed). Forwards live
// here, not in a screen, so they survive the views changing under them.
//
//   forwards.start({ namespace: 'shop', pod: 'user-msvc', container: 'envoy', remotePort: 15000 })  // ui: f
//   forwards.stop(id)                                                                              // ui: x in F
//   forwards.update(id, { state: 'active', localAddress: '127.0.0.1:40123' })                      // cluster
//   forwards.subscribe(() => ...)                                                                  // both

export interface ForwardTarget {
  namespace: string;
  pod: string;
  container: string;
  remotePort: number;
}

export interface Forward extends ForwardTarget {
  readonly id: number;
  /** starting: asked; active: listening; stopping: asked to stop; failed: never listened (error says why). */
  readonly state: 'starting' | 'active' | 'stopping' | 'failed';
  /** "127.0.0.1:PORT" once active. */
  readonly localAddress?: string;
  readonly openConnections: number;
  /** The last connection event or failure, one printable line. */
  readonly lastEvent?: string;
}

type Listener = () => void;

export class ForwardStore {
  private list: readonly Forward[] = [];
  private nextId = 1;
  private readonly listeners = new Set<Listener>();

  /** Every forward, oldest first; a new array on every change, the same one otherwise. */
  get all(): readonly Forward[] {
    return this.list;
  }

  get(id: number): Forward | undefined {
    return this.list.find((f) => f.id === id);
  }

  /** Asks for a forward of a container port to a free local port; returns its id. */
  start(target: ForwardTarget): number {
    const id = this.nextId++;
    const { namespace, pod, container, remotePort } = target;
    this.list = [...this.list, { id, namespace, pod, container, remotePort, state: 'starting', openConnections: 0 }];
    this.notify();
    return id;
  }

  /** Asks for a forward to stop; a failed one (nothing to stop) goes at once. */
  stop(id: number): void {
    const forward = this.get(id);
    if (!forward || forward.state === 'stopping') return;
    if (forward.state === 'failed') return this.remove(id);
    this.update(id, { state: 'stopping' });
  }

  /** The feed's side: what became of a forward. */
  update(id: number, change: Partial<Pick<Forward, 'state' | 'localAddress' | 'openConnections' | 'lastEvent'>>): void {
    if (!this.get(id)) return;
    this.list = this.list.map((f) => (f.id === id ? { ...f, ...change } : f));
    this.notify();
  }

  /** The feed's side: the forward is gone (stopped, no socket left). */
  remove(id: number): void {
    if (!this.get(id)) return;
    this.list = this.list.filter((f) => f.id !== id);
    this.notify();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
