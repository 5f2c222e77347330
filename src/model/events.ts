// Events newest first, with the count and age kubectl would show.

import { timestampMs, timestampText } from '../text/age.ts';
import { int, obj, text } from './read.ts';
import type { EventLike, EventView } from './types.ts';

function lastSeenOf(e: EventLike): unknown {
  const series = obj(e.series);
  return series.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
}

export function eventViews(events: EventLike[] | undefined, now: number): EventView[] {
  if (!Array.isArray(events)) return [];
  const views: { view: EventView; at: number }[] = [];
  for (const raw of events) {
    if (raw === null || typeof raw !== 'object') continue;
    const e = raw as EventLike;
    const seriesCount = int(obj(e.series).count);
    const view: EventView = {
      type: text(e.type) || 'Normal',
      reason: text(e.reason) ?? '',
      message: (text(e.message) ?? '').trim(),
      count: Math.max(1, int(e.count), seriesCount),
    };
    const seen = lastSeenOf(e);
    const at = timestampMs(seen);
    const lastSeen = timestampText(seen);
    if (lastSeen) view.lastSeen = lastSeen;
    if (at !== undefined && Number.isFinite(now)) view.ageSeconds = Math.floor((now - at) / 1000);
    const source = obj(e.source);
    const component = text(source.component);
    if (component) view.source = text(source.host) ? `${component}, ${text(source.host)}` : component;
    views.push({ view, at: at ?? -Infinity });
  }
  return views.sort((a, b) => b.at - a.at).map((v) => v.view);
}
