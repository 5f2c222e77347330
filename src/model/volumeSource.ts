// What backs a volume: the API field name as kind, its details, and a one-line summary.

import { arr, bool, num, obj, objs, quantityText, str, text, type Obj } from './read.ts';

export type VolumeSource = { kind: string; [detail: string]: unknown };

const NOT_SOURCES = new Set(['name']);

function items(value: unknown): { key: string; path: string; mode?: number }[] {
  return objs(value).map((i) => {
    const item: { key: string; path: string; mode?: number } = { key: text(i.key) ?? '', path: text(i.path) ?? '' };
    const mode = num(i.mode);
    if (mode !== undefined) item.mode = mode;
    return item;
  });
}

function octal(mode: number): string {
  return `0${Math.trunc(mode).toString(8)}`;
}

function setIf(target: Obj, key: string, value: unknown): void {
  if (value !== undefined && value !== '') target[key] = value;
}

function projectedSources(value: unknown): VolumeSource[] {
  return objs(value).map((s) => {
    if (s.secret != null) return { kind: 'secret', name: text(obj(s.secret).name) ?? '', items: items(obj(s.secret).items) };
    if (s.configMap != null) return { kind: 'configMap', name: text(obj(s.configMap).name) ?? '', items: items(obj(s.configMap).items) };
    if (s.downwardAPI != null) return { kind: 'downwardAPI', items: objs(obj(s.downwardAPI).items).map((i) => text(i.path) ?? '') };
    if (s.serviceAccountToken != null) {
      const t = obj(s.serviceAccountToken);
      const out: VolumeSource = { kind: 'serviceAccountToken', path: text(t.path) ?? '' };
      setIf(out, 'audience', text(t.audience));
      setIf(out, 'expirationSeconds', num(t.expirationSeconds));
      return out;
    }
    if (s.clusterTrustBundle != null) return { kind: 'clusterTrustBundle', path: text(obj(s.clusterTrustBundle).path) ?? '' };
    if (s.podCertificate != null) return { kind: 'podCertificate' };
    const other = Object.keys(s)[0];
    return { kind: text(other) ?? 'unknown' };
  });
}

/** Reads the volume's one source field (the first that is not `name`). */
export function volumeSource(volume: Obj): VolumeSource {
  const kind = Object.keys(volume).find((k) => !NOT_SOURCES.has(k) && volume[k] != null && typeof volume[k] === 'object');
  if (!kind) return { kind: 'unknown' };
  const s = obj(volume[kind]);
  const out: VolumeSource = { kind: text(kind) ?? 'unknown' };
  switch (kind) {
    case 'emptyDir':
      setIf(out, 'medium', text(s.medium));
      setIf(out, 'sizeLimit', quantityText(s.sizeLimit));
      break;
    case 'secret':
      out.secretName = text(s.secretName) ?? '';
      out.items = items(s.items);
      setIf(out, 'defaultMode', num(s.defaultMode));
      setIf(out, 'optional', bool(s.optional));
      break;
    case 'configMap':
      out.name = text(s.name) ?? '';
      out.items = items(s.items);
      setIf(out, 'defaultMode', num(s.defaultMode));
      setIf(out, 'optional', bool(s.optional));
      break;
    case 'projected':
      out.sources = projectedSources(s.sources);
      setIf(out, 'defaultMode', num(s.defaultMode));
      break;
    case 'persistentVolumeClaim':
      out.claimName = text(s.claimName) ?? '';
      out.readOnly = bool(s.readOnly) === true;
      break;
    case 'hostPath':
      out.path = text(s.path) ?? '';
      setIf(out, 'type', text(s.type));
      break;
    case 'downwardAPI':
      out.items = objs(s.items).map((i) => ({
        path: text(i.path) ?? '',
        field: text(obj(i.fieldRef).fieldPath) ?? text(obj(i.resourceFieldRef).resource) ?? '',
      }));
      break;
    case 'csi':
      out.driver = text(s.driver) ?? '';
      setIf(out, 'readOnly', bool(s.readOnly));
      break;
    case 'image':
      out.reference = text(s.reference) ?? '';
      setIf(out, 'pullPolicy', text(s.pullPolicy));
      break;
    case 'ephemeral': {
      const claim = obj(obj(s.volumeClaimTemplate).spec);
      setIf(out, 'storageClassName', text(claim.storageClassName));
      setIf(out, 'storage', quantityText(obj(obj(claim.resources).requests).storage));
      setIf(
        out,
        'accessModes',
        arr(claim.accessModes)
          .filter((m) => typeof m === 'string')
          .map((m) => text(m)),
      );
      break;
    }
    case 'nfs':
      out.server = text(s.server) ?? '';
      out.path = text(s.path) ?? '';
      setIf(out, 'readOnly', bool(s.readOnly));
      break;
    default:
      // Other kinds keep their scalar fields, which are never secret material in a volume source.
      for (const [k, v] of Object.entries(s)) {
        if (typeof v === 'string') out[text(k) ?? k] = text(v);
        else if (typeof v === 'number' || typeof v === 'boolean') out[text(k) ?? k] = v;
      }
  }
  return out;
}

function itemsText(value: unknown): string {
  const list = Array.isArray(value) ? (value as { key?: string; path?: string }[]) : [];
  return list.length ? ` [${list.map((i) => (i.key && i.key !== i.path ? `${i.key}->${i.path}` : (i.path ?? i.key))).join(', ')}]` : '';
}

export function volumeSummary(source: VolumeSource): string {
  const s = source as Record<string, unknown>;
  const mode = typeof s.defaultMode === 'number' ? ` mode ${octal(s.defaultMode)}` : '';
  switch (source.kind) {
    case 'emptyDir': {
      const details = [str(s.medium), str(s.sizeLimit)].filter(Boolean);
      return details.length ? `emptyDir (${details.join(', ')})` : 'emptyDir';
    }
    case 'secret':
      return `secret ${str(s.secretName) ?? ''}${itemsText(s.items)}${mode}`;
    case 'configMap':
      return `configMap ${str(s.name) ?? ''}${itemsText(s.items)}${mode}`;
    case 'projected': {
      const parts = (Array.isArray(s.sources) ? (s.sources as VolumeSource[]) : []).map((p) => (p.kind === 'secret' || p.kind === 'configMap' ? `${p.kind} ${String(p.name ?? '')}` : p.kind));
      return `projected (${parts.join(', ')})`;
    }
    case 'persistentVolumeClaim':
      return `pvc ${str(s.claimName) ?? ''}${s.readOnly === true ? ' (ro)' : ''}`;
    case 'hostPath':
      return `hostPath ${str(s.path) ?? ''}${str(s.type) ? ` (${str(s.type)})` : ''}`;
    case 'downwardAPI':
      return `downwardAPI (${(Array.isArray(s.items) ? (s.items as { path: string }[]) : []).map((i) => i.path).join(', ')})`;
    case 'csi':
      return `csi ${str(s.driver) ?? ''}`;
    case 'image':
      return `image ${str(s.reference) ?? ''}`;
    case 'ephemeral':
      return `ephemeral pvc${str(s.storage) ? ` ${str(s.storage)}` : ''}${str(s.storageClassName) ? ` (${str(s.storageClassName)})` : ''}`;
    case 'nfs':
      return `nfs ${str(s.server) ?? ''}:${str(s.path) ?? ''}`;
    default:
      return source.kind;
  }
}
