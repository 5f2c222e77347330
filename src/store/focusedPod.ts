// The Pod the user has open, as one record with one writer. The UI states intent here (focus
// this Pod, probe its ports); cluster/focusFeed is the only writer of what is learnt about it
// (the whole Pod, details, previous instances' lines, the probe's result); the UI reads the record back through one hook.
//
//   focused.focus({ namespace: 'shop', name: 'web-1' })   // ui: open a Pod (null: none)
//   focused.askProbe()                                      // ui: P
//   focused.write(key, { details })                         // cluster: lands only while key is open
//   focused.subscribe(() => ...)                            // both: hear every change
import type { V1Pod } from '@kubernetes/client-node';
import type { ProcSocket } from '../model/procNet.ts';
import type { FdSockets } from '../model/portOwners.ts';
import type { ProcConnection } from '../model/traffic.ts';
import type { PreviousLogs } from '../model/types.ts';
import type { PodDetails, PodKey } from './types.ts';

/** The port probe of the open Pod: asked, running, or its outcome. */
export type ProbeRun =
  | { state: 'running' }
  | { state: 'ran'; container?: string; sockets: readonly ProcSocket[]; connections?: readonly ProcConnection[]; fds?: FdSockets }
  | { state: 'skipped'; reason: string };

export interface FocusedPod {
  readonly key: PodKey;
  /** The whole Pod (trimPod), once read or brought by the watch; until then views show the lean one. */
  readonly pod?: V1Pod;
  /** Events, owners and usage, with notes on what could not be read. */
  readonly details?: PodDetails;
  /** The last lines of each crashed container's previous instance, by container name. */
  readonly previous?: Readonly<Record<string, PreviousLogs>>;
  /** How many times the user asked for a probe of this Pod; the feed runs one per request. */
  readonly probeAsked: number;
  readonly probe?: ProbeRun;
}

type Listener = () => void;

const sameKey = (a: PodKey, b: PodKey): boolean => a.namespace === b.namespace && a.name === b.name;

export class FocusedPodStore {
  private record: FocusedPod | undefined;
  private readonly listeners = new Set<Listener>();

  /** The open Pod's record; a new object on every change, the same one otherwise. */
  get current(): FocusedPod | undefined {
    return this.record;
  }

  /** Opens a Pod (a fresh record: nothing learnt yet), or none with null. The same Pod again changes nothing. */
  focus(key: PodKey | null): void {
    if (key === null ? this.record === undefined : this.record !== undefined && sameKey(this.record.key, key)) return;
    this.record = key === null ? undefined : { key: { namespace: key.namespace, name: key.name }, probeAsked: 0 };
    this.notify();
  }

  /** The user asks for a port probe of the open Pod. */
  askProbe(): void {
    if (!this.record) return;
    this.record = { ...this.record, probeAsked: this.record.probeAsked + 1 };
    this.notify();
  }

  /** What the feed learnt about `key`; dropped (false) when another Pod, or none, is open now. */
  write(key: PodKey, patch: { pod?: V1Pod; details?: PodDetails; previous?: Readonly<Record<string, PreviousLogs>> | undefined; probe?: ProbeRun }): boolean {
    if (!this.record || !sameKey(this.record.key, key)) return false;
    this.record = { ...this.record, ...patch };
    this.notify();
    return true;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
