// A container's filesystem as the sim fakes it: one directory per container (its "root"),
// in which each volume mount is a symlink to one per-Pod volume directory, so two containers
// mounting the same volume see the same files, as they do on a node.
import { existsSync, mkdirSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { V1ConfigMap, V1Container, V1KeyToPath, V1Pod, V1Secret, V1Volume } from '@kubernetes/client-node';
import type { SimWorld } from '../world.ts';

/** Keeps a mount or key path inside its directory whatever the spec says ("../../etc"). */
function inside(base: string, relative: string): string {
  const cleaned = normalize(relative.replace(/^\/+/, '')).split(sep).filter((part) => part !== '..' && part !== '.' && part !== '').join(sep);
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

/** Fills a new volume directory the way the kubelet would: one file per key for ConfigMaps and Secrets. */
function populateVolume(world: SimWorld, namespace: string, volume: V1Volume, dir: string): void {
  if (volume.configMap?.name) {
    writeKeys(dir, configMapEntries(world.configMap?.(namespace, volume.configMap.name)), volume.configMap.items);
  } else if (volume.secret?.secretName) {
    writeKeys(dir, secretEntries(world.secret?.(namespace, volume.secret.secretName)), volume.secret.items);
  } else if (volume.projected?.sources) {
    for (const source of volume.projected.sources) {
      if (source.configMap?.name) writeKeys(dir, configMapEntries(world.configMap?.(namespace, source.configMap.name)), source.configMap.items);
      if (source.secret?.name) writeKeys(dir, secretEntries(world.secret?.(namespace, source.secret.name)), source.secret.items);
    }
  }
}

export function findContainer(pod: V1Pod, name: string): V1Container | undefined {
  const spec = pod.spec;
  return (
    spec?.containers.find((c) => c.name === name) ??
    spec?.initContainers?.find((c) => c.name === name) ??
    (spec?.ephemeralContainers?.find((c) => c.name === name) as V1Container | undefined)
  );
}

/**
 * Returns the container's root directory, creating it and its volume links on first use.
 * Ephemeral containers with a targetContainerName share the target's mounts (as `kubectl debug
 * --target` shares its process namespace: the sim has no /proc/PID/root, so this is the nearest).
 */
export function ensureContainerRoot(world: SimWorld, pod: V1Pod, containerName: string): string {
  const base = podDir(world, pod);
  const root = join(base, 'roots', containerName);
  if (existsSync(root)) return root;
  const namespace = pod.metadata?.namespace ?? 'default';
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const container = findContainer(pod, containerName);
  const ephemeral = pod.spec?.ephemeralContainers?.find((c) => c.name === containerName);
  const mounts = [...(container?.volumeMounts ?? [])];
  if (ephemeral?.targetContainerName) mounts.push(...(findContainer(pod, ephemeral.targetContainerName)?.volumeMounts ?? []));
  mkdirSync(root, { recursive: true });
  // Shallow mounts first, so a deeper mount lands inside its parent like an overlay would.
  mounts.sort((a, b) => a.mountPath.split('/').length - b.mountPath.split('/').length);
  for (const mount of mounts) {
    const volume = volumes.get(mount.name);
    if (!volume) continue;
    const volumeDir = join(base, 'volumes', mount.name);
    if (!existsSync(volumeDir)) {
      mkdirSync(volumeDir, { recursive: true });
      populateVolume(world, namespace, volume, volumeDir);
    }
    const target = mount.subPath ? inside(volumeDir, mount.subPath) : volumeDir;
    mkdirSync(target, { recursive: true });
    const at = inside(root, mount.mountPath);
    if (at === root || lstatExists(at)) continue;
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(target, at, 'dir');
  }
  return root;
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The container's environment: literal values, and ConfigMap-backed ones; never Secret-backed. */
export function containerEnv(world: SimWorld, pod: V1Pod, containerName: string, root: string, tty: boolean): NodeJS.ProcessEnv {
  const namespace = pod.metadata?.namespace ?? 'default';
  const container = findContainer(pod, containerName);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: root,
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
  }
  // The image's own PATH would point at directories the sim does not have: keep the host's tools.
  env.PATH = process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  return env;
}
