// Config wiring: env and envFrom as the spec states them. Secret values are never
// resolved: a secretKeyRef is shown as "secret NAME/KEY".

import type { EnvFromView, EnvView } from './types.ts';
import { bool, obj, objs, text, type Obj } from './read.ts';

function keyRef(kind: 'secret' | 'configMap', ref: Obj): EnvView['source'] {
  const source: NonNullable<EnvView['source']> = { kind, name: text(ref.name) ?? '', key: text(ref.key) ?? '' };
  const optional = bool(ref.optional);
  if (optional !== undefined) source.optional = optional;
  return source;
}

function fromSource(valueFrom: Obj): Pick<EnvView, 'value' | 'source'> {
  if (valueFrom.secretKeyRef != null) {
    const source = keyRef('secret', obj(valueFrom.secretKeyRef));
    return { value: `secret ${source?.name}/${source?.key}`, source };
  }
  if (valueFrom.configMapKeyRef != null) {
    const source = keyRef('configMap', obj(valueFrom.configMapKeyRef));
    return { value: `configMap ${source?.name}/${source?.key}`, source };
  }
  if (valueFrom.fieldRef != null) {
    const path = text(obj(valueFrom.fieldRef).fieldPath) ?? '';
    return { value: `field ${path}`, source: { kind: 'field', key: path } };
  }
  if (valueFrom.resourceFieldRef != null) {
    const r = obj(valueFrom.resourceFieldRef);
    const resource = text(r.resource) ?? '';
    const container = text(r.containerName);
    return { value: `resource ${container ? `${container}/` : ''}${resource}`, source: { kind: 'resource', name: container, key: resource } };
  }
  if (valueFrom.fileKeyRef != null) {
    const f = obj(valueFrom.fileKeyRef);
    return { value: `file ${text(f.volumeName) ?? ''}/${text(f.path) ?? ''}#${text(f.key) ?? ''}` };
  }
  return { value: 'valueFrom (unknown source)' };
}

export function envViews(container: Obj): EnvView[] {
  return objs(container.env).map((e) => {
    const view: EnvView = { name: text(e.name) ?? '' };
    if (e.valueFrom != null) Object.assign(view, fromSource(obj(e.valueFrom)));
    else view.value = text(e.value) ?? '';
    return view;
  });
}

export function envFromViews(container: Obj): EnvFromView[] {
  const out: EnvFromView[] = [];
  for (const e of objs(container.envFrom)) {
    const secret = e.secretRef != null;
    const ref = obj(secret ? e.secretRef : e.configMapRef);
    if (!secret && e.configMapRef == null) continue;
    const view: EnvFromView = { kind: secret ? 'secret' : 'configMap', name: text(ref.name) ?? '' };
    const prefix = text(e.prefix);
    if (prefix) view.prefix = prefix;
    const optional = bool(ref.optional);
    if (optional !== undefined) view.optional = optional;
    out.push(view);
  }
  return out;
}
