// Shared volumes as a matrix: one row per volume, one column per container that mounts
// anything, each cell the mount path and ro/rw. Shared volumes stand out. When the terminal
// is too narrow for the columns, each volume becomes a list of its mounts instead. While the
// Volumes section is focused, a cursor (`>`) marks the volume `enter` lists.
import type { PodHost, VolumeMountView, VolumeView } from '../../model/types.ts';
import { cells, cut, fit } from '../fit.ts';
import { seg, type Line } from '../lines.tsx';
import { clean } from './format.ts';

const MIN_CELL = 14;

function mountText(m: VolumeMountView, width: number): string {
  const mode = m.readOnly ? 'ro' : 'rw';
  const path = clean(m.mountPath) + (m.subPath ? `[${clean(m.subPath)}]` : '');
  return `${cut(path, Math.max(1, width - 3))} ${mode}`;
}

/** The cursor's column, present only while there is a cursor so the unfocused matrix keeps its width. */
function mark(cursor: number | undefined, index: number): string {
  return cursor === undefined ? '' : cursor === index ? '>' : ' ';
}

/** `marked`: the volume a finding names, while its evidence is shown (`>` before the name). */
function volumeName(v: VolumeView, cursor: number | undefined, index: number, marked: boolean): string {
  return `${mark(cursor, index)}${v.shared ? '*' : ' '}${marked ? '>' : ' '}${clean(v.name)}`;
}

function listForm(host: PodHost, width: number, cursor: number | undefined, highlight: string | undefined): Line[] {
  const lines: Line[] = [];
  for (const [i, v] of host.volumes.entries()) {
    const marked = v.name === highlight;
    lines.push([seg(volumeName(v, cursor, i, marked), i === cursor || marked ? 'selected' : v.shared ? 'shared' : 'header'), seg(`  ${clean(v.summary)}`, 'dim')]);
    if (v.mounts.length === 0) lines.push([seg('      not mounted', 'warn')]);
    for (const m of v.mounts) {
      lines.push([seg(`      ${cut(clean(m.container), 20)}: `), seg(mountText(m, width - 30), v.shared ? 'shared' : undefined)]);
    }
  }
  return lines;
}

/**
 * `cursor`: the selected volume's index while the section is focused (undefined draws no cursor);
 * `highlight`: the volume a finding names while its evidence is shown.
 */
export function volumeLines(host: PodHost, width: number, cursor?: number, highlight?: string): Line[] {
  if (host.volumes.length === 0) return [[seg('  no volumes', 'dim')]];
  const mounting = host.containers.map((c) => c.name).filter((name) => host.volumes.some((v) => v.mounts.some((m) => m.container === name)));
  const longestName = Math.max(6, ...host.volumes.map((v) => cells(volumeName(v, cursor, -1, false))));
  const longestSummary = Math.max(7, ...host.volumes.map((v) => cells(clean(v.summary))));
  let nameWidth = Math.min(20 + mark(cursor, -1).length, longestName);
  let summaryWidth = Math.min(24, longestSummary);
  const cellFor = () => (mounting.length === 0 ? 0 : Math.floor((width - nameWidth - 1 - summaryWidth - 1) / mounting.length) - 1);
  let cellWidth = cellFor();
  if (mounting.length > 0 && cellWidth < MIN_CELL) return listForm(host, width, cursor, highlight);
  // On a wide terminal the mount cells get only what their longest path needs; the rest goes to
  // what the caps cut: what backs each volume first ("projected (serviceAccountToken, …)"), then
  // its name.
  const longestMount = Math.max(MIN_CELL, ...mounting.map((name) => cells(clean(name))), ...host.volumes.flatMap((v) => v.mounts.map((m) => cells(mountText(m, Infinity)))));
  let spare = mounting.length === 0 ? width - nameWidth - summaryWidth - 2 : (cellWidth - longestMount) * mounting.length;
  if (spare > 0) {
    const toSummary = Math.min(spare, longestSummary - summaryWidth);
    summaryWidth += toSummary;
    spare -= toSummary;
    nameWidth += Math.min(spare, longestName - nameWidth);
    // Columns a screen apart are hard to read across: a cell is its longest path and a gap.
    cellWidth = Math.min(cellFor(), longestMount + 2);
  }
  const lines: Line[] = [[seg(`${fit('VOLUME', nameWidth)} ${fit('BACKED BY', summaryWidth)} `, 'header'), seg(mounting.map((name) => fit(clean(name), cellWidth)).join(' '), 'header')]];
  for (const [i, v] of host.volumes.entries()) {
    const marked = v.name === highlight;
    const line: Line = [
      seg(fit(volumeName(v, cursor, i, marked), nameWidth), i === cursor || marked ? 'selected' : v.shared ? 'shared' : undefined),
      seg(' '),
      seg(fit(clean(v.summary), summaryWidth), 'dim'),
    ];
    for (const name of mounting) {
      const mount = v.mounts.find((m) => m.container === name);
      line.push(seg(' '));
      line.push(mount ? seg(fit(mountText(mount, cellWidth), cellWidth), v.shared ? 'shared' : undefined) : seg(fit('·', cellWidth), 'dim'));
    }
    if (v.mounts.length === 0) line.push(seg(' not mounted', 'warn'));
    lines.push(line);
  }
  if (host.volumes.some((v) => v.shared)) lines.push([seg('  * shared: mounted by two or more containers', 'dim')]);
  return lines;
}
