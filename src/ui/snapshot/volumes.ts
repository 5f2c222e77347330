// The snapshot's Volumes section: a volume x container matrix when it fits the width, else one
// block per container (the same facts, read down the page), so no container is ever dropped.
import { sanitize } from '../../text/sanitize.ts';
import { displayWidth } from '../../text/width.ts';
import type { PodHost, VolumeView } from '../../model/types.ts';
import { table } from './table.ts';

const s = (value: string | undefined): string => sanitize(value ?? '');

function mountText(v: VolumeView, container: string): string {
  return v.mounts
    .filter((m) => m.container === container)
    .map((m) => `${s(m.mountPath)}${m.subPath ? `[${s(m.subPath)}]` : ''} ${m.readOnly ? 'ro' : 'rw'}`)
    .join(', ');
}

function matrix(h: PodHost, names: string[], cellMax: number): string[] {
  const rows = [['VOLUME', 'SOURCE', ...names.map(s), '']];
  for (const v of h.volumes) rows.push([s(v.name), s(v.summary), ...names.map((n) => mountText(v, n) || '-'), v.shared ? 'shared' : '']);
  return ['Volumes (volume x container -> path)', ...table(rows, '  ', cellMax)];
}

function perContainer(h: PodHost, names: string[], cellMax: number): string[] {
  const lines = ['Volumes (container -> volume, source, path)'];
  for (const n of names) {
    const rows = h.volumes.filter((v) => v.mounts.some((m) => m.container === n)).map((v) => [s(v.name), s(v.summary), mountText(v, n), v.shared ? 'shared' : '']);
    lines.push(`  ${s(n)}`, ...(rows.length ? table(rows, '    ', cellMax) : ['    (no volumes)']));
  }
  const unmounted = h.volumes.filter((v) => v.mounts.length === 0).map((v) => [s(v.name), s(v.summary)]);
  if (unmounted.length) lines.push('  (mounted by no container)', ...table(unmounted, '    ', cellMax));
  return lines;
}

/** The section's lines; the matrix when its widest line fits `width`, else per container. */
export function volumesSection(h: PodHost, width: number, cellMax: number): string[] {
  if (h.volumes.length === 0) return ['Volumes: none'];
  const names = [...new Set(h.containers.map((c) => c.name))];
  const wide = matrix(h, names, cellMax);
  return wide.every((line) => displayWidth(line) <= width) ? wide : perContainer(h, names, cellMax);
}
