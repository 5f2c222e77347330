// The volume matrix: each volume, what backs it, and where each container mounts it.

import { specContainers } from './kinds.ts';
import { bool, obj, objs, text } from './read.ts';
import type { VolumeMountView, VolumeView } from './types.ts';
import { volumeSource, volumeSummary } from './volumeSource.ts';

// The kubelet mounts these read-only whatever the volumeMount says (since 1.9.4/1.10):
// the matrix shows what the container gets, not what the manifest asked for.
export const KUBELET_READ_ONLY = new Set(['configMap', 'secret', 'downwardAPI', 'projected']);

export function volumeViews(pod: unknown): VolumeView[] {
  const spec = obj(obj(pod).spec);
  const views: VolumeView[] = [];
  const byName = new Map<string, VolumeView>();
  for (const v of objs(spec.volumes)) {
    const name = text(v.name) ?? '';
    if (byName.has(name)) continue;
    const source = volumeSource(v);
    const view: VolumeView = { name, source, summary: volumeSummary(source), mounts: [], shared: false };
    views.push(view);
    byName.set(name, view);
  }
  for (const c of specContainers(pod)) {
    const container = text(c.name) ?? '';
    for (const m of objs(c.spec.volumeMounts)) {
      const name = text(m.name) ?? '';
      let view = byName.get(name);
      if (!view) {
        // A mount of an undeclared volume (a manifest the API server would reject) still shows.
        view = { name, source: { kind: 'missing' }, summary: 'not declared in spec.volumes', mounts: [], shared: false };
        views.push(view);
        byName.set(name, view);
      }
      const mount: VolumeMountView = { container, mountPath: text(m.mountPath) ?? '', readOnly: bool(m.readOnly) === true || KUBELET_READ_ONLY.has(view.source.kind) };
      const subPath = text(m.subPath) || text(m.subPathExpr);
      if (subPath) mount.subPath = subPath;
      view.mounts.push(mount);
    }
  }
  for (const view of views) view.shared = new Set(view.mounts.map((m) => m.container)).size >= 2;
  return views;
}
