// The owner chain and the Pod's last events, plus why either is missing when it is.
import type { PodHost } from '../../model/types.ts';
import { seg, type Line } from '../lines.tsx';
import { ageText, clean } from './format.ts';
import { ownersChain } from './headerSection.ts';

const MAX_EVENTS = 10;

/** `highlight`: indexes into host.events of the events that back the finding being looked at (marked `>`). */
export function ownersEventsLines(host: PodHost, notes: readonly string[], highlight?: ReadonlySet<number>): Line[] {
  const lines: Line[] = [[seg('  owners: ', 'dim'), seg(`Pod ← ${ownersChain(host)}`)]];
  if (host.events.length === 0) lines.push([seg('  no events', 'dim')]);
  host.events.slice(0, MAX_EVENTS).forEach((e, i) => {
    const warning = e.type === 'Warning';
    const marked = highlight?.has(i) === true;
    lines.push([
      seg(`${marked ? '>' : ' '} ${ageText(e.ageSeconds).padStart(4)} `, marked ? 'selected' : 'dim'),
      seg(clean(e.reason), warning ? 'warn' : 'accent'),
      seg(e.count > 1 ? ` ×${e.count}` : '', 'dim'),
      seg(`  ${clean(e.message)}`, warning ? 'warn' : undefined),
    ]);
  });
  if (host.events.length > MAX_EVENTS) lines.push([seg(`  … ${host.events.length - MAX_EVENTS} older events`, 'dim')]);
  for (const note of notes) lines.push([seg(`  (${clean(note)})`, 'dim')]);
  return lines;
}
