// A Pod flattened into the facts that make it the host it is: one (section, container, field)
// -> text per fact, every text sanitized. diffPods compares two such lists key by key, so a
// Pod compared with itself can only come out equal, and swapping the two only swaps columns.
// Secret values never appear: env from a Secret reads "secret NAME/KEY" (model/env.ts).

import { containerState } from './containers.ts';
import { envFromViews, envViews } from './env.ts';
import { probeLines } from './probes.ts';
import { obj, objs, quantityText, stringMap, text, int, type Obj } from './read.ts';
import { volumeSource, volumeSummary } from './volumeSource.ts';

export type FacetSection = 'pod' | 'container' | 'volume' | 'label' | 'annotation';

export interface Facet {
  section: FacetSection;
  /** The container the fact belongs to ("" for the Pod's own facts). */
  container: string;
  field: string;
  value: string;
  /** True for facts that differ between any two replicas by nature (name, uid, IPs, start times). */
  expected: boolean;
}

/**
 * Labels that differ between two replicas of one owner by nature: a StatefulSet's and an
 * indexed Job's per-Pod identity. pod-template-hash and controller-revision-hash are NOT
 * here: they are equal within one revision, so a difference there means the two Pods run
 * different revisions (a rollout under way or stuck), which is worth seeing.
 */
export const EXPECTED_LABELS: ReadonlySet<string> = new Set(['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'batch.kubernetes.io/job-completion-index']);

/** Annotations written per Pod by the network plugin or the kubelet: they differ between any two Pods. */
export const EXPECTED_ANNOTATIONS: ReadonlySet<string> = new Set([
  'cni.projectcalico.org/podIP',
  'cni.projectcalico.org/podIPs',
  'cni.projectcalico.org/containerID',
  'k8s.v1.cni.cncf.io/network-status',
  'k8s.v1.cni.cncf.io/networks-status',
  'kubernetes.io/config.seen',
  'kubernetes.io/config.hash',
  'ovn.kubernetes.io/ip_address',
  'ovn.kubernetes.io/mac_address',
  'k8s.ovn.org/pod-networks',
  'batch.kubernetes.io/job-completion-index',
]);

/**
 * The service account token volume the admission plugin adds is named with a random suffix
 * per Pod (kube-api-access-4gj4n): it is compared as "kube-api-access-*", the name itself is
 * an expected difference.
 */
const TOKEN_VOLUME = /^kube-api-access-[a-z0-9]{5}$/;
export const tokenVolumeName = (name: string): string => (TOKEN_VOLUME.test(name) ? 'kube-api-access-*' : name);

type Add = (section: FacetSection, container: string, field: string, value: string | undefined, expected?: boolean) => void;

/** "registry/app@sha256:abcd…" or "docker-pullable://x@sha256:…" -> "sha256:abcd…"; other ids as they are. */
export function imageDigest(imageID: string): string {
  const at = imageID.lastIndexOf('@');
  return at >= 0 ? imageID.slice(at + 1) : imageID;
}

function stateText(field: unknown): string {
  const s = containerState(field);
  if (s.state === 'terminated') return `terminated ${s.reason ?? ''} (exit ${s.exitCode ?? '?'})`.replace('  ', ' ');
  return s.reason ? `${s.state} ${s.reason}` : s.state;
}

function resourceFacets(add: Add, name: string, container: Obj): void {
  const resources = obj(container.resources);
  for (const side of ['requests', 'limits'] as const) {
    for (const [resource, amount] of Object.entries(obj(resources[side]))) add('container', name, `${side}.${text(resource) ?? ''}`, quantityText(amount));
  }
}

function containerFacets(add: Add, kind: string, container: Obj, status: Obj | undefined): void {
  const name = text(container.name) ?? '';
  add('container', name, 'kind', kind);
  add('container', name, 'image', text(container.image));
  for (const field of ['command', 'args'] as const) {
    const list = Array.isArray(container[field]) ? (container[field] as unknown[]).map((v) => text(v) ?? '') : undefined;
    if (list) add('container', name, field, JSON.stringify(list));
  }
  for (const e of envViews(container)) add('container', name, `env ${e.name}`, e.value ?? '');
  for (const e of envFromViews(container)) add('container', name, `envFrom ${e.kind} ${e.name}`, e.prefix ? `prefix ${e.prefix}` : 'all keys');
  for (const m of objs(container.volumeMounts)) {
    const sub = text(m.subPath);
    add('container', name, `mount ${text(m.mountPath) ?? ''}`, `${tokenVolumeName(text(m.name) ?? '')}${sub ? ` subPath ${sub}` : ''}${m.readOnly === true ? ' (ro)' : ''}`);
  }
  for (const p of objs(container.ports)) add('container', name, `port ${int(p.containerPort)}/${text(p.protocol) ?? 'TCP'}`, text(p.name) ?? '');
  resourceFacets(add, name, container);
  for (const line of probeLines(container)) {
    const space = line.indexOf(' ');
    add('container', name, `${line.slice(0, space)} probe`, line.slice(space + 1));
  }
  if (status === undefined) return;
  const imageID = text(status.imageID);
  if (imageID) add('container', name, 'image digest', imageDigest(imageID));
  add('container', name, 'state', stateText(status.state));
  add('container', name, 'ready', String(status.ready === true));
  add('container', name, 'restarts', String(int(status.restartCount)));
  if (status.lastState != null && obj(status.lastState).terminated != null) add('container', name, 'last termination', stateText(status.lastState));
  const started = obj(obj(status.state).running).startedAt;
  add('container', name, 'started', text(started), true);
}

/** "ReplicaSet/web-7c9d (uid)" of the controller owner, or undefined for a bare Pod. */
export function controllerOwner(pod: unknown): { kind: string; name: string; uid: string } | undefined {
  const refs = objs(obj(obj(pod).metadata).ownerReferences);
  const ref = refs.find((r) => r.controller === true) ?? refs[0];
  if (!ref) return undefined;
  return { kind: text(ref.kind) ?? '', name: text(ref.name) ?? '', uid: text(ref.uid) ?? '' };
}

/** The Pod's facts in a stable order: Pod, volumes, containers (init, app, ephemeral), labels, annotations. */
export function podFacets(pod: unknown): Facet[] {
  const out: Facet[] = [];
  const seen = new Map<string, Facet>();
  // A key met twice (two env entries or containers of one name, as a broken manifest may
  // have) keeps one fact with both values, so each key is compared once, whole.
  const add: Add = (section, container, field, value, expected = false) => {
    if (value === undefined) return;
    const key = `${section}\u0000${container}\u0000${field}`;
    const known = seen.get(key);
    if (known) known.value = `${known.value}; ${value}`;
    else {
      const fact = { section, container, field, value, expected };
      seen.set(key, fact);
      out.push(fact);
    }
  };
  const p = obj(pod);
  const meta = obj(p.metadata);
  const spec = obj(p.spec);
  const status = obj(p.status);
  const podName = text(meta.name) ?? '';
  const owner = controllerOwner(pod);
  add('pod', '', 'owner', owner ? `${owner.kind}/${owner.name}` : 'none (bare Pod)');
  add('pod', '', 'node', text(spec.nodeName) ?? '(not scheduled)');
  add('pod', '', 'phase', text(status.phase));
  add('pod', '', 'qos', text(status.qosClass));
  add('pod', '', 'service account', text(spec.serviceAccountName));
  add('pod', '', 'priority class', text(spec.priorityClassName));
  add('pod', '', 'runtime class', text(spec.runtimeClassName));
  add('pod', '', 'name', podName, true);
  add('pod', '', 'uid', text(meta.uid), true);
  add('pod', '', 'pod IP', text(status.podIP), true);
  add('pod', '', 'host IP', text(status.hostIP), true);
  add('pod', '', 'created', text(meta.creationTimestamp), true);
  add('pod', '', 'started', text(status.startTime), true);
  for (const v of objs(spec.volumes)) {
    const source = volumeSource(v);
    // A StatefulSet's claim is named after its Pod (data-web-0, data-web-1): that part is expected to differ.
    const summary = text(volumeSummary(source)) ?? '';
    const perPod = source.kind === 'persistentVolumeClaim' && podName !== '' && summary.includes(`-${podName}`);
    const name = text(v.name) ?? '';
    if (perPod) add('volume', '', `claim of ${name}`, summary, true);
    if (tokenVolumeName(name) !== name) add('volume', '', 'token volume name', name, true);
    add('volume', '', `volume ${tokenVolumeName(name)}`, perPod ? summary.replace(`-${podName}`, '-<pod>') : summary);
  }
  const statuses = (field: string): Map<string, Obj> => new Map(objs(status[field]).map((s) => [text(s.name) ?? '', s]));
  const groups = [
    ['init', spec.initContainers, statuses('initContainerStatuses')],
    ['app', spec.containers, statuses('containerStatuses')],
    ['ephemeral', spec.ephemeralContainers, statuses('ephemeralContainerStatuses')],
  ] as const;
  for (const [kind, containers, byName] of groups) {
    for (const c of objs(containers)) {
      const sidecar = kind === 'init' && c.restartPolicy === 'Always';
      containerFacets(add, sidecar ? 'sidecar' : kind, c, byName.get(text(c.name) ?? ''));
    }
  }
  for (const [k, v] of Object.entries(stringMap(meta.labels))) add('label', '', k, v, EXPECTED_LABELS.has(k));
  for (const [k, v] of Object.entries(stringMap(meta.annotations))) add('annotation', '', k, v, EXPECTED_ANNOTATIONS.has(k));
  return out;
}
