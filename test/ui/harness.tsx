// Rendering App in ink-testing-library with a real PodStore and fake services, and waiting
// for frames (Ink renders asynchronously; waiting is bounded by turns, not by wall time).
import { render } from 'ink-testing-library';
import type { V1Pod } from '@kubernetes/client-node';
import { followProbeRequests } from '../../src/cluster/focusProbe.ts';
import { followWholePod, offerWhole } from '../../src/cluster/focusWhole.ts';
import { podYaml } from '../../src/model/podYaml.ts';
import type { PodYamlRequest, RestartCheck, RestartOutcome, RestartRequest } from '../../src/store/actionRequests.ts';
import { serveForwards, type ForwardHandle } from '../../src/cluster/forwardFeed.ts';
import type { PortForwardEvent, PortForwardRequest } from '../../src/cluster/portForward.ts';
import { ForwardStore } from '../../src/store/forwards.ts';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { LogBuffer } from '../../src/store/logBuffer.ts';
import { findingTimeline } from '../../src/model/findingTimeline.ts';
import { PodStore } from '../../src/store/podStore.ts';
import { App, type AppProps } from '../../src/ui/App.tsx';
import type { ExecOutcome, ExecRequest, LogRequest, PodviewServices, PortProbeResult } from '../../src/ui/services.ts';
import type { PodKey, WatchDelta } from '../../src/store/types.ts';
import type { VolumeListOutcome, VolumeListRequest } from '../../src/store/actionRequests.ts';
import type { ReplicaOutcome } from '../../src/store/replicaRequests.ts';
import { NOW } from './fixtures.ts';

export interface FakeServices extends PodviewServices {
  /** Every Pod the UI opened (null: closed), as written into the open Pod's record. */
  focused: (PodKey | null)[];
  logs: LogRequest[];
  execs: ExecRequest[];
  debugs: (PodKey & { target: string; image: string })[];
  debugOutcome: ExecOutcome;
  execOutcome: ExecOutcome;
  /** What the port probe answers (run through cluster/focusProbe, as the focus feed runs it). */
  probeResult: PortProbeResult;
  /** The Pods services.podYaml and services.readPod read (by namespace/name); a Pod not here is an error. */
  yamlPods: V1Pod[];
  yamlRequests: PodYamlRequest[];
  /** What the access review answers; by default allowed, with the Pod from yamlPods. */
  restartCheck?: RestartCheck;
  restartChecks: PodKey[];
  restarts: RestartRequest[];
  restartOutcome: RestartOutcome;
  saved: { name: string; text: string }[];
  volumeLists: VolumeListRequest[];
  /** What listVolume answers; a promise to hold the screen in its pending state. */
  volumeOutcome: VolumeListOutcome | Promise<VolumeListOutcome>;
  /** The Pods `d` asked a sibling for, and what pickReplica answers. */
  replicaAsks: V1Pod[];
  replicaOutcome: ReplicaOutcome | Promise<ReplicaOutcome>;
  /** Every forward the feed started (through store/forwards and cluster/forwardFeed, as in the TUI). */
  forwardsStarted: FakeForward[];
  /** Set: the next forwards fail to listen with this message. */
  forwardFailure?: string;
  /** Everything copyText sent; clipboard false: the terminal does not allow it. */
  copies: string[];
  clipboard: boolean;
}

export interface FakeForward extends ForwardHandle {
  request: PortForwardRequest;
  stopped: boolean;
  open: number;
  /** A connection event, as the real forward would report it. */
  emit(event: PortForwardEvent): void;
}

/** A forward that listens nowhere: 127.0.0.1:(40000 + n), events pushed by the test. */
function fakeForward(request: PortForwardRequest, n: number): FakeForward {
  const listeners = new Set<(event: PortForwardEvent) => void>();
  const f: FakeForward = {
    request,
    stopped: false,
    open: 0,
    localAddress: `127.0.0.1:${40000 + n}`,
    openConnections: () => f.open,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of [...listeners]) l(event);
    },
    async stop() {
      f.stopped = true;
    },
  };
  return f;
}

export function fakeServices(): FakeServices {
  const s: FakeServices = {
    focused: [],
    logs: [],
    execs: [],
    debugs: [],
    debugOutcome: { kind: 'exited', exitCode: 0 },
    execOutcome: { kind: 'exited', exitCode: 0 },
    probeResult: { ok: false, reason: 'no shell with cat in any container' },
    yamlPods: [],
    yamlRequests: [],
    restartChecks: [],
    restarts: [],
    restartOutcome: { kind: 'deleted', terminating: true, gracePeriodSeconds: 30 },
    saved: [],
    forwardsStarted: [],
    copies: [],
    clipboard: true,
    copyText(text) {
      if (!s.clipboard) return false;
      s.copies.push(text);
      return true;
    },
    openLogs(request) {
      s.logs.push(request);
      const buffer = new LogBuffer({ frameMs: 0 });
      buffer.setState({ kind: 'streaming' });
      return { buffer, close() {} };
    },
    async exec(request) {
      s.execs.push(request);
      return s.execOutcome;
    },
    async debug(request) {
      s.debugs.push(request);
      return s.debugOutcome;
    },
    async saveText(name, text) {
      s.saved.push({ name, text });
      return `/tmp/${name}`;
    },
    volumeLists: [],
    volumeOutcome: { kind: 'error', message: 'no listing faked' },
    replicaAsks: [],
    replicaOutcome: { kind: 'error', message: 'no sibling faked' },
    async podYaml(request) {
      s.yamlRequests.push(request);
      const pod = s.yamlPods.find((p) => p.metadata?.namespace === request.namespace && p.metadata?.name === request.name);
      if (!pod) return { kind: 'error', message: `pod "${request.name}" not found in namespace "${request.namespace}"` };
      return { kind: 'yaml', yaml: podYaml(pod, { managedFields: request.managedFields }) };
    },
    async readPod(request) {
      return s.yamlPods.find((p) => p.metadata?.namespace === request.namespace && p.metadata?.name === request.name);
    },
    async checkRestart(request) {
      s.restartChecks.push(request);
      if (s.restartCheck) return s.restartCheck;
      const pod = s.yamlPods.find((p) => p.metadata?.namespace === request.namespace && p.metadata?.name === request.name);
      return pod ? { kind: 'allowed', pod } : { kind: 'error', message: `pod "${request.name}" not found in namespace "${request.namespace}"` };
    },
    async restartPod(request) {
      s.restarts.push(request);
      return s.restartOutcome;
    },
    async listVolume(request) {
      s.volumeLists.push(request);
      return s.volumeOutcome;
    },
    async pickReplica(pod) {
      s.replicaAsks.push(pod);
      return s.replicaOutcome;
    },
  };
  return s;
}

/** A live store of these Pods, every one lean and with its worst finding, as the TUI keeps them. */
export function storeWith(pods: V1Pod[]): PodStore {
  const store = new PodStore({ frameMs: 0, deletedLingerMs: 60_000, now: () => NOW, findingOf: findingTimeline });
  store.replaceAll(pods, '1');
  store.setConnection({ kind: 'live' });
  return store;
}

const servedKey = (p: { metadata?: { namespace?: string; name?: string } }) => `${p.metadata?.namespace}/${p.metadata?.name}`;

/** A store (made by wholeStoreWith) that also remembers each Pod whole as the watch last brought it: what the focus feed's read of an opened Pod would answer. */
class ServedStore extends PodStore {
  readonly served = new Map<string, V1Pod>();
  override apply(deltas: readonly WatchDelta[]): void {
    for (const d of deltas) {
      if (d.type === 'DELETED') this.served.delete(servedKey(d.pod));
      else this.served.set(servedKey(d.pod), d.pod);
    }
    super.apply(deltas);
  }
  override replaceAll(pods: readonly V1Pod[], resourceVersion?: string): void {
    this.served.clear();
    for (const p of pods) this.served.set(servedKey(p), p);
    super.replaceAll(pods, resourceVersion);
  }
}

/** For tests of the open Pod's view: an opened Pod's record gets it whole, as once the focus feed has read it. */
export function wholeStoreWith(pods: V1Pod[]): PodStore {
  const store = new ServedStore({ frameMs: 0, deletedLingerMs: 60_000, now: () => NOW });
  store.replaceAll(pods, '1');
  store.setConnection({ kind: 'live' });
  return store;
}

/** The focus feed's whole-Pod part for tests: the watch's tap (cluster/focusWhole) and, on focus, the read. */
export function feedWholePods(focused: FocusedPodStore, store: PodStore): () => void {
  const stop = followWholePod(focused, store);
  let open: object | undefined;
  // At once, as the keepWhole store these tests were written for did: a view test reads its
  // first frame of the opened Pod whole.
  const follow = () => {
    const key = focused.current?.key;
    if (key === open) return;
    open = key;
    const pod = key && store instanceof ServedStore ? store.served.get(servedKey({ metadata: key })) : undefined;
    if (key && pod) offerWhole(focused, store, key, pod, false);
  };
  const off = focused.subscribe(follow);
  follow();
  return () => {
    off();
    stop();
  };
}

export type Rendered = ReturnType<typeof render>;

/** Renders App; with a size, resolves once a frame at that size has been written. */
export async function renderApp(overrides: Partial<AppProps> & { store: PodStore }, size?: { columns: number; rows: number }) {
  const services = (overrides.services as FakeServices | undefined) ?? fakeServices();
  const focused = overrides.focused ?? new FocusedPodStore();
  // The focus feed's part in these tests: record what the UI opens, and run the probe it asks for.
  let last: PodKey | undefined;
  focused.subscribe(() => {
    const key = focused.current?.key;
    if (key === last) return;
    last = key;
    services.focused.push(key ? { namespace: key.namespace, name: key.name } : null);
  });
  followProbeRequests(focused, async () => services.probeResult);
  feedWholePods(focused, overrides.store);
  // The forward feed's part: the real feed over fake forwards.
  const forwards = overrides.forwards ?? new ForwardStore();
  const forwardFeed = serveForwards(forwards, async (request) => {
    if (services.forwardFailure) throw new Error(services.forwardFailure);
    const forward = fakeForward(request, services.forwardsStarted.length + 1);
    services.forwardsStarted.push(forward);
    return forward;
  });
  let exited = 0;
  const props: AppProps = {
    services,
    focused,
    allNamespaces: false,
    context: 'kind-demo',
    namespace: 'shop',
    color: false,
    now: () => NOW,
    onExit: () => {
      exited++;
    },
    ...overrides,
    forwards,
  };
  const app = render(<App {...props} />);
  if (size) {
    const before = app.frames.length;
    resize(app, size.columns, size.rows);
    // ink-testing-library starts at 100 columns (rows unset: App assumes 24); an unchanged
    // layout writes no new frame, so only wait when the size really changed.
    const changed = size.columns !== 100 || size.rows !== 24;
    if (changed) await frameWhere(app, (f) => app.frames.length > before && f.split('\n').length === size.rows, `a ${size.columns}x${size.rows} frame`);
  }
  return { app, services, exits: () => exited, props, forwards, forwardFeed };
}

/** Gives the fake stdout a size and tells listeners, as a terminal resize would. */
export function resize(app: Rendered, columns: number, rows: number): void {
  Object.defineProperty(app.stdout, 'columns', { configurable: true, get: () => columns });
  Object.defineProperty(app.stdout, 'rows', { configurable: true, get: () => rows });
  app.stdout.emit('resize');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits (up to a number of event-loop turns, not a time) until the last frame satisfies `ok`. */
export async function frameWhere(app: Rendered, ok: (frame: string) => boolean, what = 'expected frame'): Promise<string> {
  // Ink flushes a lone ESC after a short timer, so poll with small sleeps, bounded in count.
  for (let i = 0; i < 400; i++) {
    const frame = app.lastFrame() ?? '';
    if (ok(frame)) return frame;
    await (i < 20 ? turn() : sleep(5));
  }
  throw new Error(`${what} never appeared; last frame:\n${app.lastFrame()}`);
}

export const frameWith = (app: Rendered, text: string | RegExp) => frameWhere(app, (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), `frame with ${String(text)}`);

export async function press(app: Rendered, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    app.stdin.write(key);
    // A lone ESC is held by Ink for ~20 ms in case an escape sequence follows.
    if (key === KEY.esc) await sleep(40);
    await turn();
    await turn();
  }
}

export const KEY = { down: '\u001b[B', up: '\u001b[A', right: '\u001b[C', left: '\u001b[D', esc: '\u001b', enter: '\r', tab: '\t', pageDown: '\u001b[6~', pageUp: '\u001b[5~' };

/** The frame row that contains `text`, for asserting what is on the same line. */
export function rowWith(frame: string, text: string): string {
  return frame.split('\n').find((line) => line.includes(text)) ?? '';
}

/** Waits (bounded in turns) until `check` holds; effects run after a frame is written. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await (i < 20 ? turn() : sleep(5));
  }
  throw new Error(`${what} never happened`);
}
