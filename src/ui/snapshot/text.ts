// The `-o text` snapshot: one readable plain-text report per Pod, made for pasting into an
// incident channel. Pure string building; every value from the cluster is sanitized again
// here so that no caller can forget it.

import { humanDuration } from '../../text/age.ts';
import { formatCpu, formatMemory } from '../../text/quantity.ts';
import { sanitize } from '../../text/sanitize.ts';
import { truncate } from '../../text/width.ts';
import { fractionOf } from '../../model/resources.ts';
import type { ContainerView, Diagnosis, PodHost, PortEntry, ResourceAmounts, Usage } from '../../model/types.ts';
import { truncateColored } from './ansi.ts';
import { CELL_MAX, table } from './table.ts';
import { volumesSection } from './volumes.ts';
import { trafficLine } from '../../model/traffic.ts';

export interface SnapshotTextOptions {
  color: boolean;
  /** Lines are cut to this width unless `whole`; the volume matrix turns per container beyond it. */
  width: number;
  /** Not on a terminal (a ticket, a file): never cut a fact; `width` only chooses the layout. */
  whole?: boolean;
}

const SGR = { bold: '1', dim: '2', red: '31', yellow: '33', green: '32', cyan: '36' } as const;
type Style = keyof typeof SGR;
type Paint = (text: string, style: Style) => string;

const s = (value: unknown): string => sanitize(typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

function ago(seconds: number | undefined): string {
  return seconds === undefined ? '?' : humanDuration(seconds);
}

function restartsText(h: PodHost): string {
  return h.lastRestartAgeSeconds !== undefined && h.restarts > 0 ? `${h.restarts} (${ago(h.lastRestartAgeSeconds)} ago)` : String(h.restarts);
}

function statusStyle(status: string): Style {
  if (status === 'Running' || status === 'Completed' || status === 'Succeeded') return 'green';
  if (/Err|BackOff|Failed|Evicted|OOM|Error|Unknown|NodeLost/.test(status)) return 'red';
  return 'yellow';
}

function header(h: PodHost, paint: Paint): string {
  const parts = [
    paint(`${s(h.namespace)}/${s(h.name)}`, 'bold'),
    paint(s(h.status), statusStyle(h.status)),
    `ready ${s(h.ready)}`,
    `restarts ${restartsText(h)}`,
    `age ${ago(h.ageSeconds)}`,
    `node ${s(h.node) || '<none>'}`,
    `qos ${s(h.resources.qos)}${h.resources.qosSource === 'computed' ? ' (computed)' : ''}`,
  ];
  if (h.podIP) parts.push(`ip ${s(h.podIP)}`);
  if (h.deleted) parts.push(paint('DELETED (last known state)', 'red'));
  return parts.join('  ');
}

function stateText(c: ContainerView): string {
  const st = c.state;
  const detail = [s(st.reason), st.state === 'terminated' && st.exitCode !== undefined ? `exit ${st.exitCode}` : ''].filter(Boolean).join(' ');
  return detail ? `${st.state} (${detail})` : st.state;
}

function lastTerminationText(c: ContainerView): string {
  const t = c.lastTermination;
  if (!t) return '-';
  return [s(t.reason), t.exitCode !== undefined ? `exit ${t.exitCode}` : '', s(t.finishedAt)].filter(Boolean).join(' ');
}

function containersSection(h: PodHost, cellMax: number): string[] {
  const rows = [['#', 'KIND', 'NAME', 'STATE', 'READY', 'RESTARTS', 'LAST TERMINATION', 'IMAGE']];
  for (const c of h.containers) {
    rows.push([String(c.order + 1), c.kind, s(c.name), stateText(c), c.ready ? 'yes' : 'no', String(c.restarts), lastTerminationText(c), s(c.image)]);
  }
  const probes = h.containers.flatMap((c) => c.probes.map((p) => `  ${s(c.name)}: ${s(p)}`));
  return ['Containers (start order)', ...table(rows, '  ', cellMax), ...(probes.length ? ['Probes', ...probes] : [])];
}

/** Whose processes hold the port, when the probe read the containers' fds. */
function ownersNote(p: PortEntry): string {
  if (!p.owners || !p.listening?.length) return '';
  const held = p.owners.heldBy.length ? `held by ${p.owners.heldBy.map(s).join(',')}` : '';
  return [held, p.owners.unknown ? 'owner unknown' : ''].filter(Boolean).join(', ');
}

function portsSection(h: PodHost, paint: Paint, cellMax: number): string[] {
  if (h.ports.length === 0) return ['Ports: none declared'];
  const rows = [['PORT', 'PROTO', 'CONTAINERS', 'NAMES', 'NOTE']];
  for (const p of h.ports) {
    const notes = [
      p.conflict ? 'CONFLICT' : '',
      p.hostPorts?.length ? `hostPort ${p.hostPorts.join(',')}` : '',
      p.probe ?? '',
      p.listening?.length ? `on ${p.listening.map((l) => s(l.address)).join(' ')}` : '',
      ownersNote(p),
    ];
    rows.push([String(p.port), s(p.protocol), p.containers.map(s).join(',') || '?', p.names.map(s).join(',') || '-', notes.filter(Boolean).join(' ')]);
  }
  const traffic = h.traffic ? ['Traffic (probed)', ...(h.traffic.length ? h.traffic.map((t) => `  ${s(trafficLine(t))}`) : ['  no connections'])] : [];
  return ['Ports (shared localhost)', ...table(rows, '  ', cellMax).map((line) => (line.includes('CONFLICT') ? paint(line, 'red') : line)), ...traffic];
}

function amount(a: ResourceAmounts, key: 'cpu' | 'memory'): string {
  return s(a[key]) || '-';
}

/** Usage with its share of the limit (else of the request), e.g. "250Mi (98%)". */
function usageText(u: Usage | undefined, key: 'cpuCores' | 'memoryBytes', req?: ResourceAmounts, lim?: ResourceAmounts): string {
  const v = u?.[key];
  if (v === undefined) return '-';
  const used = key === 'cpuCores' ? formatCpu(v) : formatMemory(v);
  const limit = fractionOf(v, lim?.[key]);
  const request = fractionOf(v, req?.[key]);
  if (limit !== undefined) return `${used} (${Math.round(limit * 100)}% of limit)`;
  if (request !== undefined) return `${used} (${Math.round(request * 100)}% of request)`;
  return used;
}

function resourcesSection(h: PodHost, cellMax: number): string[] {
  const rows = [['CONTAINER', 'CPU REQ', 'CPU LIM', 'CPU USED', 'MEM REQ', 'MEM LIM', 'MEM USED']];
  const line = (name: string, req: ResourceAmounts, lim: ResourceAmounts, use: Usage | undefined) =>
    rows.push([name, amount(req, 'cpu'), amount(lim, 'cpu'), usageText(use, 'cpuCores', req, lim), amount(req, 'memory'), amount(lim, 'memory'), usageText(use, 'memoryBytes', req, lim)]);
  for (const c of h.containers) if (c.kind !== 'ephemeral') line(s(c.name), c.requests, c.limits, c.usage);
  line('(pod)', h.resources.requests, h.resources.limits, h.resources.usage);
  if (h.resources.podLevel) line('(pod spec.resources)', h.resources.podLevel.requests, h.resources.podLevel.limits, undefined);
  return ['Resources', ...table(rows, '  ', cellMax)];
}

function configSection(h: PodHost): string[] {
  const lines: string[] = [];
  for (const c of h.containers) {
    for (const e of c.env) lines.push(`  ${s(c.name)}: ${s(e.name)}${e.source ? ` <- ${s(e.value)}` : `=${s(e.value)}`}`);
    for (const e of c.envFrom) lines.push(`  ${s(c.name)}: envFrom ${e.kind} ${s(e.name)}${e.prefix ? ` prefix ${s(e.prefix)}` : ''}${e.optional ? ' (optional)' : ''}`);
  }
  for (const v of h.volumes) {
    if (['secret', 'configMap', 'projected'].includes(v.source.kind)) lines.push(`  volume ${s(v.name)}: ${s(v.summary)}`);
  }
  return lines.length ? ['Config wiring', ...lines] : ['Config wiring: none'];
}

function diagnosisLine(d: Diagnosis, paint: Paint): string {
  const style: Style = d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan';
  return `  ${paint(d.severity.toUpperCase().padEnd(7), style)} ${s(d.code)}: ${s(d.message)}`;
}

/** The previous instance's last lines (host.previousLogs) under the first line about that container. */
function diagnosisSection(h: PodHost, paint: Paint): string[] {
  const previous = h.previousLogs ?? {};
  const pending = new Set(Object.keys(previous));
  const under = (name: string): string[] => {
    const p = previous[name]!;
    const lines = p.lines.length ? [`      previous instance, last ${p.lines.length} line${p.lines.length === 1 ? '' : 's'}:`, ...p.lines.map((l) => `      | ${s(l).replace(/\t/g, '  ')}`)] : [];
    if (p.error !== undefined) lines.push(`      previous logs: ${s(p.error)}`);
    return lines.map((l) => paint(l, 'dim'));
  };
  const lines: string[] = [];
  for (const d of h.diagnosis) {
    lines.push(diagnosisLine(d, paint));
    if (d.container !== undefined && pending.delete(d.container)) lines.push(...under(d.container));
  }
  for (const name of pending) lines.push(`  ${paint('INFO'.padEnd(7), 'cyan')} Restarted: ${s(name)} restarted; previous instance:`, ...under(name));
  return lines.length ? ['Diagnosis', ...lines] : ['Diagnosis: nothing found'];
}

const MAX_EVENTS = 10;

function eventsSection(h: PodHost, whole: boolean): string[] {
  if (h.events.length === 0) return ['Events: none'];
  const rows = [['AGE', 'TYPE', 'REASON', 'COUNT', 'MESSAGE']];
  for (const e of h.events.slice(0, MAX_EVENTS)) rows.push([ago(e.ageSeconds), s(e.type), s(e.reason), String(e.count), s(e.message)]);
  return [`Events (newest first${h.events.length > MAX_EVENTS ? `, ${MAX_EVENTS} of ${h.events.length}` : ''})`, ...table(rows, '  ', whole ? Infinity : 200)];
}

export function renderPodText(h: PodHost, opts: SnapshotTextOptions): string {
  const paint: Paint = opts.color ? (t, style) => `\u001b[${SGR[style]}m${t}\u001b[0m` : (t) => t;
  const width = Number.isFinite(opts.width) && opts.width >= 20 ? Math.floor(opts.width) : 80;
  const whole = opts.whole === true;
  const cellMax = whole ? Infinity : CELL_MAX;
  const owners = h.owners.length ? h.owners.map((o) => `${s(o.kind)}/${s(o.name)}${o.resolved ? '' : ' (unresolved)'}`).join(' <- ') : 'none';
  const diagnosis = diagnosisSection(h, paint);
  const lines = [
    header(h, paint),
    ...containersSection(h, cellMax),
    ...volumesSection(h, width, cellMax),
    ...portsSection(h, paint, cellMax),
    ...resourcesSection(h, cellMax),
    ...configSection(h),
    `Owners: ${owners}`,
    ...diagnosis,
    ...eventsSection(h, whole),
  ];
  if (whole) return lines.join('\n');
  return lines.map((l) => (opts.color ? truncateColored(l, width) : truncate(l, width))).join('\n');
}

export function renderSnapshotText(hosts: PodHost[], opts: SnapshotTextOptions): string {
  const list = Array.isArray(hosts) ? hosts : [];
  if (list.length === 0) return 'No pods.\n';
  return `${list.map((h) => renderPodText(h, opts)).join('\n\n')}\n`;
}
