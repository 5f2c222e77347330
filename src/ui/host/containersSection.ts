// Containers as the host's processes, in start order: init, sidecar, app, ephemeral.
import type { PodHost } from '../../model/types.ts';
import { cut, fit } from '../fit.ts';
import { seg, type Line } from '../lines.tsx';
import { clean, KIND_BADGE, stateText, stateTone } from './format.ts';

export function containersLines(host: PodHost, width: number, selected: number): Line[] {
  if (host.containers.length === 0) return [[seg('  no containers', 'dim')]];
  const nameWidth = Math.min(24, Math.max(...host.containers.map((c) => c.name.length)));
  const lines: Line[] = [];
  host.containers.forEach((c, i) => {
    const isSelected = i === selected;
    lines.push([
      seg(isSelected ? '> ' : '  '),
      seg(fit(KIND_BADGE[c.kind], 10), 'badge'),
      seg(fit(clean(c.name), nameWidth), isSelected ? 'selected' : 'header'),
      seg('  '),
      seg(stateText(c.state), stateTone(c.state, c.ready)),
      // A finished init container is done, not "not ready".
      c.state.state === 'terminated' ? seg('') : seg(c.ready ? '  ready' : '  not ready', c.ready ? 'ok' : 'warn'),
      seg(`  restarts ${c.restarts}`, c.restarts > 0 ? 'warn' : 'dim'),
    ]);
    const detail: Line = [seg(`      image ${cut(clean(c.image), Math.max(10, width - 14))}`, 'dim')];
    lines.push(detail);
    const last = c.lastTermination;
    if (last) {
      const parts = [clean(last.reason) || 'terminated'];
      if (last.exitCode !== undefined) parts.push(`exit ${last.exitCode}`);
      if (last.finishedAt) parts.push(`at ${clean(last.finishedAt)}`);
      lines.push([seg('      last termination: ', 'dim'), seg(parts.join(', '), last.exitCode === 0 ? 'dim' : 'error')]);
    }
    if (c.state.message) lines.push([seg(`      ${clean(c.state.message)}`, 'dim')]);
    if (c.probes.length > 0) lines.push([seg(`      probes: ${c.probes.map(clean).join('; ')}`, 'dim')]);
  });
  return lines;
}
