// Small formatting pieces shared by the Pod view's sections.
import type { ContainerKind, ContainerState } from '../../model/types.ts';
import { sanitize } from '../../text/sanitize.ts';
import { seg, type Line } from '../lines.tsx';
import type { Tone } from '../theme.ts';

export const clean = (text: string | undefined): string => (text === undefined ? '' : sanitize(text));

export function title(name: string, index: number, width: number): Line {
  const label = `── ${index + 1} ${name} `;
  return [seg(label, 'header'), seg('─'.repeat(Math.max(0, width - label.length)), 'dim')];
}

export const KIND_BADGE: Record<ContainerKind, string> = {
  init: 'init',
  sidecar: 'sidecar',
  app: 'app',
  ephemeral: 'ephemeral',
};

export function stateText(state: ContainerState): string {
  let text = state.state;
  if (state.reason) text += `: ${clean(state.reason)}`;
  if (state.state === 'terminated' && state.exitCode !== undefined) text += ` (exit ${state.exitCode})`;
  return text;
}

export function stateTone(state: ContainerState, ready: boolean): Tone {
  if (state.state === 'running') return ready ? 'ok' : 'warn';
  if (state.state === 'terminated') return state.exitCode === 0 ? 'dim' : 'error';
  if (state.reason && /BackOff|Err|Invalid/.test(state.reason)) return 'error';
  return 'warn';
}

export function fmtCores(cores: number | undefined): string {
  if (cores === undefined || !Number.isFinite(cores)) return '-';
  if (cores >= 1) return `${Number(cores.toFixed(2))}`;
  return `${Math.round(cores * 1000)}m`;
}

export function fmtBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '-';
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${Number(value.toFixed(value >= 100 || i === 0 ? 0 : 1))}${units[i]}`;
}

/** A bar of `width` cells filled to `fraction` (clamped), toned by how full it is. */
export function bar(fraction: number, width: number): Line {
  const f = Math.max(0, Math.min(1, fraction));
  const filled = Math.round(f * width);
  const tone: Tone = fraction >= 0.9 ? 'error' : fraction >= 0.7 ? 'warn' : 'ok';
  return [seg('[', 'dim'), seg('█'.repeat(filled), tone), seg('░'.repeat(width - filled), 'dim'), seg(']', 'dim')];
}

export function ageText(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const s = Math.max(0, Math.floor(seconds));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}
