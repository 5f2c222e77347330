// Probes in one short line each, e.g. "liveness http GET :8080/healthz every 10s".

import { arr, int, obj, str, text, type Obj } from './read.ts';

function portText(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(Math.trunc(value));
  return text(value) ?? '?';
}

function handler(probe: Obj): string {
  if (probe.httpGet != null) {
    const h = obj(probe.httpGet);
    const scheme = str(h.scheme) === 'HTTPS' ? 'https' : 'http';
    const host = text(h.host) ?? '';
    const path = text(h.path) ?? '/';
    return `${scheme} GET ${host}:${portText(h.port)}${path.startsWith('/') ? path : `/${path}`}`;
  }
  if (probe.tcpSocket != null) {
    const t = obj(probe.tcpSocket);
    return `tcp ${text(t.host) ?? ''}:${portText(t.port)}`;
  }
  if (probe.grpc != null) {
    const g = obj(probe.grpc);
    const service = text(g.service);
    return `grpc :${portText(g.port)}${service ? ` ${service}` : ''}`;
  }
  if (probe.exec != null) {
    const command = arr(obj(probe.exec).command);
    return `exec ${command.map((c) => text(c) ?? '').join(' ')}`.trimEnd();
  }
  return 'unknown';
}

function timing(probe: Obj): string {
  const parts: string[] = [];
  if (typeof probe.periodSeconds === 'number') parts.push(`every ${int(probe.periodSeconds)}s`);
  if (typeof probe.initialDelaySeconds === 'number' && probe.initialDelaySeconds > 0) parts.push(`after ${int(probe.initialDelaySeconds)}s`);
  if (typeof probe.failureThreshold === 'number') parts.push(`fails after ${int(probe.failureThreshold)}`);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

export function probeLines(container: Obj): string[] {
  const out: string[] = [];
  for (const kind of ['startup', 'liveness', 'readiness'] as const) {
    const probe = container[`${kind}Probe`];
    if (probe == null || typeof probe !== 'object' || Array.isArray(probe)) continue;
    out.push(`${kind} ${handler(probe as Obj)}${timing(probe as Obj)}`);
  }
  return out;
}
