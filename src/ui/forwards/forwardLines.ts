// The active port-forwards as lines: one row per forward (local address, target, open
// connections), its last event beneath it, the selected one marked.
import type { Forward } from '../../store/forwards.ts';
import { seg, type Line } from '../lines.tsx';
import { clean } from '../host/format.ts';

const STATE: Record<Forward['state'], string> = { starting: 'starting…', active: '', stopping: 'stopping…', failed: 'FAILED' };

/** "shop/user-msvc:15000 (envoy)": where a forward goes. */
export function forwardTarget(f: Forward): string {
  return `${clean(f.namespace)}/${clean(f.pod)}:${f.remotePort} (${clean(f.container)})`;
}

export function forwardLines(forwards: readonly Forward[], selected: number): Line[] {
  const lines: Line[] = [[seg(`Port-forwards (${forwards.length})`, 'header')], []];
  if (forwards.length === 0) lines.push([seg('  no forward: f on a Pod view forwards the selected container’s port', 'dim')]);
  forwards.forEach((f, i) => {
    const mark = i === selected ? '▸ ' : '  ';
    const local = f.localAddress ?? '127.0.0.1:?';
    const state = STATE[f.state];
    lines.push([
      seg(mark, 'accent'),
      seg(local, f.state === 'failed' ? 'error' : 'accent'),
      seg(' -> ', 'dim'),
      seg(forwardTarget(f)),
      seg(`  ${f.openConnections} open`, 'dim'),
      ...(state ? [seg(`  ${state}`, f.state === 'failed' ? 'error' : 'warn')] : []),
    ]);
    if (f.lastEvent) lines.push([seg(`    ${f.lastEvent}`, f.state === 'failed' || /error/i.test(f.lastEvent) ? 'error' : 'dim')]);
  });
  return lines;
}
