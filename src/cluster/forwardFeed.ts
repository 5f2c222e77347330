// Serves the TUI's forward requests (store/forwards): starts a port-forward for each one the
// UI asks for, writes back its address, open connections and last event (sanitized: a
// connection error carries the API server's words), and stops the ones the UI lets go.
// stopAll() is the TUI's way out: it resolves when no forward's socket is left.
import type { Forward, ForwardStore } from '../store/forwards.ts';
import { sanitize } from '../text/sanitize.ts';
import type { ActivePortForward, PortForwardRequest } from './portForward.ts';

/** What the feed needs of a running forward (startPortForward's answer, or a test's fake). */
export type ForwardHandle = Pick<ActivePortForward, 'localAddress' | 'openConnections' | 'onEvent' | 'stop'>;

export type StartForward = (request: PortForwardRequest) => Promise<ForwardHandle>;

export interface ForwardFeed {
  /** Stops every forward and the feed; resolves once every listener and connection is closed. */
  stopAll(): Promise<void>;
}

interface Running {
  /** Settles once the forward listens or has failed. */
  started?: Promise<void>;
  handle?: ForwardHandle;
  off?: () => void;
  stopping?: Promise<void>;
}

const oneLine = (text: string): string => sanitize(text).replace(/\s+/g, ' ').trim();

export function serveForwards(store: ForwardStore, start: StartForward): ForwardFeed {
  const running = new Map<number, Running>();
  let closed = false;

  const stopOne = (id: number): Promise<void> => {
    const entry = running.get(id);
    if (!entry?.handle) return Promise.resolve();
    entry.stopping ??= (async () => {
      entry.off?.();
      await entry.handle!.stop();
      running.delete(id);
      store.remove(id);
    })();
    return entry.stopping;
  };

  const launch = (forward: Forward): void => {
    const entry: Running = {};
    running.set(forward.id, entry);
    entry.started = start({ namespace: forward.namespace, pod: forward.pod, remotePort: forward.remotePort }).then(
      (handle) => {
        entry.handle = handle;
        // Asked to stop while it was starting, or the TUI is leaving: it goes at once.
        if (closed || store.get(forward.id)?.state !== 'starting') return void stopOne(forward.id);
        // The count is read a microtask later: a connection is reported opened before the
        // forward counts it.
        entry.off = handle.onEvent((event) => {
          const lastEvent = oneLine(event.text);
          queueMicrotask(() => store.update(forward.id, { openConnections: handle.openConnections(), lastEvent }));
        });
        store.update(forward.id, { state: 'active', localAddress: handle.localAddress });
      },
      (error: unknown) => {
        running.delete(forward.id);
        store.update(forward.id, { state: 'failed', lastEvent: oneLine(error instanceof Error ? error.message : String(error)) });
      },
    );
  };

  const follow = (): void => {
    if (closed) return;
    for (const forward of store.all) {
      if (forward.state === 'starting' && !running.has(forward.id)) launch(forward);
      else if (forward.state === 'stopping') void stopOne(forward.id);
    }
  };
  const off = store.subscribe(follow);
  follow();

  return {
    async stopAll() {
      closed = true;
      off();
      // A forward still starting is waited for, then stopped like the others.
      await Promise.all(
        [...running].map(async ([id, entry]) => {
          await entry.started;
          await stopOne(id);
        }),
      );
    },
  };
}
