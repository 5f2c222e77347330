// The list's selection as a reducer, so several keys pressed before a redraw each move
// from where the previous one left the selection, and the selection follows its Pod by uid.
import type { UidList } from '../../store/podIndex.ts';
import { resolveIndex } from './listWindow.ts';

export interface NavState {
  uid: string | undefined;
  index: number;
}

export type NavAction = { type: 'move'; delta: number; uids: UidList } | { type: 'to'; index: number; uids: UidList } | { type: 'select'; uid: string; uids: UidList };

export function navReducer(state: NavState, action: NavAction): NavState {
  const { uids } = action;
  if (uids.length === 0) return { uid: state.uid, index: 0 };
  const current = resolveIndex(uids, state.uid, state.index);
  let index: number;
  switch (action.type) {
    case 'move':
      index = current + action.delta;
      break;
    case 'to':
      index = action.index;
      break;
    case 'select': {
      const at = uids.indexOf(action.uid);
      if (at < 0) return { uid: action.uid, index: current };
      index = at;
      break;
    }
  }
  index = Math.max(0, Math.min(uids.length - 1, index));
  return { uid: uids.at(index), index };
}
