// The always-visible bottom line: where we are, whether the data is live, how many Pods,
// and what to press.
import type { ConnectionState } from '../store/types.ts';
import { shortAge } from './fit.ts';
import { sanitize } from '../text/sanitize.ts';
import { LineView, seg, type Line, type Seg } from './lines.tsx';
import type { Theme } from './theme.ts';

export function connectionSeg(state: ConnectionState): Seg {
  switch (state.kind) {
    case 'connecting':
      return seg('connecting…', 'warn');
    case 'loading':
      return seg(`loading ${state.loaded}…`, 'warn');
    case 'live':
      return state.skipped ? seg(`● live (${sanitize(state.skipped)})`, 'warn') : seg('● live', 'ok');
    case 'reconnecting':
      return seg(`reconnecting (attempt ${state.attempt}): ${sanitize(state.reason)}`, 'warn');
    case 'forbidden':
      // The message usually says "forbidden: ..." (or "unauthorized: ...") itself already.
      return seg(/^(forbidden|unauthorized)\b/i.test(state.message) ? sanitize(state.message) : `forbidden: ${sanitize(state.message)}`, 'error');
    case 'unreachable':
      return seg(`unreachable: ${sanitize(state.message)}`, 'error');
  }
}

export interface StatusBarProps {
  context: string;
  /** The namespace, or undefined for all namespaces. */
  namespace: string | undefined;
  /** Where a namespace switch is going ('all' for every namespace) while the old Pods are still shown. */
  switchingTo?: string;
  connection: ConnectionState;
  /** Since when the rows are the server's last word (ms), with the time now; absent while live. */
  stale?: { since: number; now: number };
  shown: number;
  total: number;
  /** The list's filter and sort while active: said beside the count, so they are never forgotten on another screen. */
  filter?: string;
  sort?: string;
  hint: string;
  /** A one-off message (an exec outcome, a probe that was skipped); replaces the hint. */
  message?: { text: string; tone: 'ok' | 'warn' | 'error' | 'dim' };
  /** Pod objects dropped as malformed (no string name); said when there are any. */
  malformed?: number;
  theme: Theme;
}

export function statusLine(p: Omit<StatusBarProps, 'theme'>): Line {
  const sep = seg(' │ ', 'dim');
  const count = p.shown === p.total ? `${p.total} pods` : `${p.shown}/${p.total} pods`;
  return [
    seg(sanitize(p.context), 'accent'),
    sep,
    seg(p.namespace === undefined ? 'all' : sanitize(p.namespace)),
    ...(p.switchingTo !== undefined ? [seg(` → ${sanitize(p.switchingTo)} (switching…)`, 'warn')] : []),
    sep,
    connectionSeg(p.connection),
    ...(p.stale ? [seg(` · stale since ${clockTime(p.stale.since)} (${shortAge((p.stale.now - p.stale.since) / 1000)} ago)`, 'warn')] : []),
    sep,
    seg(count),
    ...(p.filter ? [seg(' · filter ', 'dim'), seg(sanitize(p.filter), 'accent')] : []),
    ...(p.sort ? [seg(` · sort ${p.sort}`, 'dim')] : []),
    sep,
    ...(p.malformed ? [seg(`${p.malformed} malformed Pod object${p.malformed === 1 ? '' : 's'} dropped`, 'warn'), sep] : []),
    p.message ? seg(p.message.text, p.message.tone) : seg(p.hint, 'dim'),
  ];
}

/** A wall-clock time, HH:MM:SS in the terminal's time zone: when the data was last current. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export function StatusBar(props: StatusBarProps) {
  return <LineView line={statusLine(props)} theme={props.theme} />;
}
