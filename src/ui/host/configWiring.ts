// Where each container's configuration comes from: env (literal values, or their source),
// envFrom, and ConfigMap/Secret volumes. Secret values are never shown, only their names.
import type { EnvView, PodHost } from '../../model/types.ts';
import { seg, type Line } from '../lines.tsx';
import { clean } from './format.ts';

function envSource(e: EnvView): string {
  const s = e.source;
  if (!s) return '';
  if (s.kind === 'secret' || s.kind === 'configMap') return `${s.kind} ${clean(s.name)}/${clean(s.key)}${s.optional ? ' (optional)' : ''}`;
  return e.value !== undefined ? clean(e.value) : `${s.kind} ${clean(s.key ?? s.name)}`;
}

export function configLines(host: PodHost): Line[] {
  const lines: Line[] = [];
  for (const c of host.containers) {
    if (c.env.length === 0 && c.envFrom.length === 0) continue;
    lines.push([seg(`  ${clean(c.name)}`, 'header')]);
    for (const f of c.envFrom) {
      lines.push([
        seg('    envFrom ', 'dim'),
        seg(`${f.kind} ${clean(f.name)}`, f.kind === 'secret' ? 'warn' : 'accent'),
        seg(`${f.prefix ? ` prefix ${clean(f.prefix)}` : ''}${f.optional ? ' (optional)' : ''}`, 'dim'),
      ]);
    }
    for (const e of c.env) {
      if (e.source) lines.push([seg(`    ${clean(e.name)} `), seg('← ', 'dim'), seg(envSource(e), e.source.kind === 'secret' ? 'warn' : 'accent')]);
      else lines.push([seg(`    ${clean(e.name)}`), seg(' = ', 'dim'), seg(clean(e.value ?? ''))]);
    }
  }
  for (const v of host.volumes) {
    if (v.source.kind !== 'secret' && v.source.kind !== 'configMap' && v.source.kind !== 'projected') continue;
    const where = v.mounts.map((m) => `${clean(m.container)}:${clean(m.mountPath)}`).join(', ') || 'not mounted';
    lines.push([seg('  volume ', 'dim'), seg(clean(v.name)), seg(`  ${clean(v.summary)}`, v.source.kind === 'secret' ? 'warn' : 'accent'), seg(` → ${where}`, 'dim')]);
  }
  if (lines.length === 0) lines.push([seg('  no env, envFrom, ConfigMap or Secret volumes', 'dim')]);
  return lines;
}
