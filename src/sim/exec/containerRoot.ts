// A container's filesystem as the sandbox builds it: one private directory per container (its
// root) and one directory per Pod volume, bound at each container's own mount path, so two
// containers mounting the same volume see the same files, as they do on a node. ConfigMap,
// Secret and downward API volumes hold one file per key, as the kubelet writes them.
import { chmodSync, existsSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { realDir, realFile, staysInside, writeOwnFile } from './rootPaths.ts';
import { dirname, join, normalize, sep } from 'node:path';
import type { V1ConfigMap, V1Container, V1DownwardAPIVolumeFile, V1KeyToPath, V1Pod, V1Secret, V1Volume } from '@kubernetes/client-node';
import type { SimWorld } from '../world.ts';
import type { ContainerPlan, PlannedMount } from './containerPlan.ts';
import { SANDBOX_PATH } from './sandbox.ts';

/** Keeps a mount or key path inside its directory whatever the spec says ("../../etc"). */
function inside(base: string, relative: string): string {
  const cleaned = normalize(relative.replace(/^\/+/, ''))
    .split(sep)
    .filter((part) => part !== '..' && part !== '.' && part !== '')
    .join(sep);
  return join(base, cleaned);
}

function podDir(world: SimWorld, pod: V1Pod): string {
  const meta = pod.metadata ?? {};
  return join(world.dataDir, 'pods', meta.namespace ?? 'default', `${meta.name ?? 'pod'}-${meta.uid ?? 'nouid'}`);
}

function writeKeys(dir: string, entries: Record<string, Buffer>, items: V1KeyToPath[] | undefined): void {
  const wanted = items && items.length > 0 ? items : Object.keys(entries).map((key) => ({ key, path: key }));
  for (const item of wanted) {
    const value = entries[item.key];
    if (value === undefined) continue;
    const file = inside(dir, item.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, value);
  }
}

function configMapEntries(cm: V1ConfigMap | undefined): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(cm?.data ?? {})) out[k] = Buffer.from(v, 'utf8');
  for (const [k, v] of Object.entries(cm?.binaryData ?? {})) out[k] = Buffer.from(v, 'base64');
  return out;
}

function secretEntries(secret: V1Secret | undefined): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(secret?.data ?? {})) out[k] = Buffer.from(v, 'base64');
  for (const [k, v] of Object.entries(secret?.stringData ?? {})) out[k] = Buffer.from(v, 'utf8');
  return out;
}

/** A downward API field as the kubelet writes it into a file (labels/annotations: key="value" lines). */
function fieldValue(pod: V1Pod, fieldPath: string): string | undefined {
  const meta = pod.metadata ?? {};
  const pairs = (map: Record<string, string> | undefined): string =>
    Object.entries(map ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join('\n');
  const fields: Record<string, string | undefined> = {
    'metadata.name': meta.name,
    'metadata.namespace': meta.namespace,
    'metadata.uid': meta.uid,
    'metadata.labels': pairs(meta.labels),
    'metadata.annotations': pairs(meta.annotations),
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.podIP': pod.status?.podIP,
    'status.hostIP': pod.status?.hostIP,
  };
  return fields[fieldPath];
}

function downwardEntries(pod: V1Pod, items: V1DownwardAPIVolumeFile[] | undefined): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const item of items ?? []) {
    const value = item.fieldRef ? fieldValue(pod, item.fieldRef.fieldPath) : undefined;
    if (value !== undefined) out[item.path] = Buffer.from(value, 'utf8');
  }
  return out;
}

/** Fills a new volume directory the way the kubelet would: one file per key or field. */
function populateVolume(world: SimWorld, pod: V1Pod, volume: V1Volume, dir: string): void {
  const namespace = pod.metadata?.namespace ?? 'default';
  if (volume.configMap?.name) {
    writeKeys(dir, configMapEntries(world.configMap?.(namespace, volume.configMap.name)), volume.configMap.items);
  } else if (volume.secret?.secretName) {
    writeKeys(dir, secretEntries(world.secret?.(namespace, volume.secret.secretName)), volume.secret.items);
  } else if (volume.downwardAPI) {
    writeKeys(dir, downwardEntries(pod, volume.downwardAPI.items), undefined);
  } else if (volume.projected?.sources) {
    for (const source of volume.projected.sources) {
      if (source.configMap?.name) writeKeys(dir, configMapEntries(world.configMap?.(namespace, source.configMap.name)), source.configMap.items);
      if (source.secret?.name) writeKeys(dir, secretEntries(world.secret?.(namespace, source.secret.name)), source.secret.items);
      if (source.downwardAPI) writeKeys(dir, downwardEntries(pod, source.downwardAPI.items), undefined);
    }
  }
}

export function findContainer(pod: V1Pod, name: string): V1Container | undefined {
  const spec = pod.spec;
  return spec?.containers.find((c) => c.name === name) ?? spec?.initContainers?.find((c) => c.name === name) ?? (spec?.ephemeralContainers?.find((c) => c.name === name) as V1Container | undefined);
}

// The kubelet mounts these read-only whatever the volumeMount says: writing gets EROFS.
const alwaysReadOnly = (volume: V1Volume): boolean => Boolean(volume.secret || volume.configMap || volume.downwardAPI || volume.projected);

/**
 * Plans the container's sandbox, creating its root and volume directories on first use. Every
 * mount point is made on the host side beforehand (in the root, or in the volume that holds it),
 * so bwrap never has to create one inside a read-only bind. Ephemeral containers with a
 * targetContainerName also get the target's mounts (as `kubectl debug --target` shares them).
 */
export function planContainer(world: SimWorld, pod: V1Pod, containerName: string): ContainerPlan {
  const base = podDir(world, pod);
  const root = join(base, 'roots', containerName);
  const _namespace = pod.metadata?.namespace ?? 'default';
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const container = findContainer(pod, containerName);
  const ephemeral = pod.spec?.ephemeralContainers?.find((c) => c.name === containerName);
  const requested = [...(container?.volumeMounts ?? [])];
  if (ephemeral?.targetContainerName) requested.push(...(findContainer(pod, ephemeral.targetContainerName)?.volumeMounts ?? []));
  const hostname = (pod.metadata?.name ?? 'pod').slice(0, 63);
  mkdirSync(root, { recursive: true });
  for (const dir of ['tmp', 'root', 'etc', 'var', 'home']) realDir(root, dir);
  chmodSync(join(root, 'tmp'), 0o1777);
  writeOwnFile(root, 'etc/hostname', `${hostname}\n`);
  writeOwnFile(root, 'etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${pod.status?.podIP ?? '127.0.0.1'}\t${hostname}\n`);
  const mounts: PlannedMount[] = [];
  const withTargets = requested.map((mount) => ({ mount, target: inside('/', mount.mountPath) }));
  withTargets.sort((a, b) => a.target.split('/').length - b.target.split('/').length);
  for (const { mount, target } of withTargets) {
    const volume = volumes.get(mount.name);
    if (!volume || target === '/' || mounts.some((m) => m.target === target)) continue;
    const volumeDir = join(base, 'volumes', mount.name);
    if (!existsSync(volumeDir)) {
      mkdirSync(volumeDir, { recursive: true });
      populateVolume(world, pod, volume, volumeDir);
    }
    const subPath = mount.subPath ? inside('/', mount.subPath).slice(1) : '';
    const source = subPath ? join(volumeDir, subPath) : volumeDir;
    // A subPath naming a key of a ConfigMap or Secret is a file mounted over a file; one that
    // a container turned into a link out of its volume is refused, as the kubelet refuses it.
    if (subPath && existsSync(source) && !staysInside(volumeDir, source)) continue;
    const isFile = existsSync(source) && !lstatSync(source).isDirectory();
    if (!isFile && subPath) realDir(volumeDir, subPath);
    const holder = [...mounts].reverse().find((m) => target.startsWith(`${m.target}/`));
    const [under, rest] = holder ? [holder.source, target.slice(holder.target.length)] : [root, target];
    if (isFile) realFile(under, rest);
    else realDir(under, rest);
    mounts.push({ source, target, readOnly: mount.readOnly === true || alwaysReadOnly(volume) });
  }
  return { root, mounts, hostname, workingDir: container?.workingDir ? inside('/', container.workingDir) : '/' };
}

/** The container's environment: literal, ConfigMap-backed and downward API values; never Secret-backed. */
export function containerEnv(world: SimWorld, pod: V1Pod, containerName: string, tty: boolean): NodeJS.ProcessEnv {
  const namespace = pod.metadata?.namespace ?? 'default';
  const container = findContainer(pod, containerName);
  const env: NodeJS.ProcessEnv = {
    PATH: SANDBOX_PATH,
    HOME: '/root',
    HOSTNAME: pod.metadata?.name ?? '',
  };
  if (tty) env.TERM = 'xterm';
  for (const from of container?.envFrom ?? []) {
    if (!from.configMapRef?.name) continue;
    const data = world.configMap?.(namespace, from.configMapRef.name)?.data ?? {};
    for (const [k, v] of Object.entries(data)) env[`${from.prefix ?? ''}${k}`] = v;
  }
  for (const variable of container?.env ?? []) {
    if (variable.value !== undefined) env[variable.name] = variable.value;
    const ref = variable.valueFrom?.configMapKeyRef;
    if (ref?.name) {
      const value = world.configMap?.(namespace, ref.name)?.data?.[ref.key];
      if (value !== undefined) env[variable.name] = value;
    }
    // The downward API: POD_NAME from metadata.name and the like.
    const field = variable.valueFrom?.fieldRef?.fieldPath;
    const fromField = field ? fieldValue(pod, field) : undefined;
    if (fromField !== undefined) env[variable.name] = fromField;
  }
  // The image's own PATH would name directories the sandbox does not have: keep the system's.
  env.PATH = SANDBOX_PATH;
  return env;
}
