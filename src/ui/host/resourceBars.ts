// Requests, limits and usage per container and for the Pod, with a bar of usage against the
// limit (or the request when there is no limit).
import type { PodHost, ResourceAmounts, Usage } from '../../model/types.ts';
import { fit } from '../fit.ts';
import { seg, type Line } from '../lines.tsx';
import { bar, clean, fmtBytes, fmtCores } from './format.ts';

type Which = 'cpu' | 'memory';

function amountLine(label: string, labelWidth: number, which: Which, requests: ResourceAmounts, limits: ResourceAmounts, usage: Usage | undefined, width: number): Line {
  const req = clean(requests[which]) || '-';
  const lim = clean(limits[which]) || '-';
  const used = which === 'cpu' ? usage?.cpuCores : usage?.memoryBytes;
  const ceiling = which === 'cpu' ? (limits.cpuCores ?? requests.cpuCores) : (limits.memoryBytes ?? requests.memoryBytes);
  const line: Line = [seg(`${fit(label, labelWidth)} `), seg(which === 'cpu' ? 'cpu ' : 'mem ', 'dim'), seg(`req ${fit(req, 7)} lim ${fit(lim, 7)}`)];
  if (used !== undefined) {
    line.push(seg(` use ${fit(which === 'cpu' ? fmtCores(used) : fmtBytes(used), 7)} `));
    if (ceiling) line.push(...bar(used / ceiling, Math.max(5, Math.min(20, width - 60))));
    else line.push(seg('(no request or limit)', 'dim'));
  }
  return line;
}

export function resourceLines(host: PodHost, width: number): Line[] {
  const lines: Line[] = [];
  const r = host.resources;
  const w = Math.min(26, Math.max(11, ...host.containers.map((c) => c.name.length + 2)));
  lines.push([seg(`  QoS ${r.qos}`, 'accent'), seg(r.qosSource === 'computed' ? ' (computed from the spec)' : '', 'dim')]);
  for (const c of host.containers) {
    if (c.kind === 'ephemeral') continue;
    lines.push(amountLine(`  ${clean(c.name)}`, w, 'cpu', c.requests, c.limits, c.usage, width));
    lines.push(amountLine('', w, 'memory', c.requests, c.limits, c.usage, width));
  }
  lines.push(amountLine('  Pod total', w, 'cpu', r.requests, r.limits, r.usage, width));
  lines.push(amountLine('', w, 'memory', r.requests, r.limits, r.usage, width));
  if (r.podLevel) {
    lines.push(amountLine('  pod-level', w, 'cpu', r.podLevel.requests, r.podLevel.limits, undefined, width));
    lines.push(amountLine('', w, 'memory', r.podLevel.requests, r.podLevel.limits, undefined, width));
  }
  if (!host.containers.some((c) => c.usage) && !r.usage) lines.push([seg('  no usage (metrics API not available or not yet reported)', 'dim')]);
  return lines;
}
