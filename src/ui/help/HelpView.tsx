// `?`: the keys of the view it was opened from, drawn from that view's key table (the same
// rows that dispatch its keys), then anything the view adds (the list's CTRS legend).
import { fit } from '../fit.ts';
import { keysText, type KeyTable } from '../keys/keyTable.ts';
import { Lines, seg, type Line } from '../lines.tsx';
import type { Theme } from '../theme.ts';
import { HELP_KEYS } from './helpKeys.ts';

export interface HelpTopic {
  /** The view's name, as the help's title says it. */
  title: string;
  keys: KeyTable<unknown>;
  /** Lines after the keys (a legend). */
  extra?: readonly Line[];
}

export function helpLines(topic: HelpTopic): Line[] {
  const own = HELP_KEYS.map((b) => `${keysText(b)} ${b.help}`).join(' · ');
  const lines: Line[] = [[seg(`Keys: ${topic.title}`, 'header'), seg(`   (${own})`, 'dim')], []];
  for (const binding of topic.keys) lines.push([seg(fit(keysText(binding), 16), 'accent'), seg(binding.help)]);
  if (topic.extra && topic.extra.length > 0) lines.push([], ...topic.extra);
  return lines;
}

export function HelpView({ topic, theme, height, offset = 0 }: { topic: HelpTopic; theme: Theme; height: number; offset?: number }) {
  return <Lines lines={helpLines(topic)} theme={theme} height={height} offset={offset} />;
}
