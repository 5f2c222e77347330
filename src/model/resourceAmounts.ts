import { parseQuantity } from '../text/quantity.ts';
import type { ResourceAmounts } from './types.ts';
import { obj, quantityText } from './read.ts';

/** cpu and memory of a resource list, as written and parsed. */
export function resourceAmounts(list: unknown): ResourceAmounts {
  const l = obj(list);
  const out: ResourceAmounts = {};
  const cpu = quantityText(l.cpu);
  const memory = quantityText(l.memory);
  if (cpu !== undefined) {
    out.cpu = cpu;
    const v = parseQuantity(cpu);
    if (v !== undefined) out.cpuCores = v;
  }
  if (memory !== undefined) {
    out.memory = memory;
    const v = parseQuantity(memory);
    if (v !== undefined) out.memoryBytes = v;
  }
  return out;
}
