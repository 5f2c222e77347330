// The one stderr line that says how many merged lines came after the reorder window and were
// printed where they arrived, so a reader knows the output is not all in time order.
import { REORDER_WINDOW_MS } from '../cluster/logMerge.ts';

export function lateLinesNote(late: number): string {
  const [n, was, it] = late === 1 ? ['1 line', 'was', 'it'] : [`${late} lines`, 'were', 'they'];
  return `${n} came more than ${REORDER_WINDOW_MS} ms after a later line of another stream and ${was} printed where ${it} arrived, out of time order\n`;
}
