// Which slice of a long list is on screen: the selection stays visible and the window
// moves as little as possible, like a pager.
import type { UidList } from '../../store/podIndex.ts';

/** New index of the selection: the same Pod (by uid) if it is still listed, else the same place. */
export function resolveIndex(uids: UidList, selectedUid: string | undefined, lastIndex: number): number {
  if (uids.length === 0) return 0;
  if (selectedUid !== undefined) {
    if (uids.at(lastIndex) === selectedUid) return lastIndex;
    const at = uids.indexOf(selectedUid);
    if (at >= 0) return at;
  }
  return Math.min(Math.max(0, lastIndex), uids.length - 1);
}

/** First visible row so that `index` is inside a window of `height` rows. */
export function windowStart(index: number, previousStart: number, height: number, total: number): number {
  if (height <= 0 || total <= height) return 0;
  let start = Math.min(previousStart, total - height);
  if (index < start) start = index;
  if (index >= start + height) start = index - height + 1;
  return Math.max(0, start);
}
