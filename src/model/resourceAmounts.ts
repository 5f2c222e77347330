import { parseQuantity } from '../text/quantity.ts';
import type { ResourceAmounts } from './types.ts';
import { obj, quantityText } from './read.ts';

// A cluster's Pods repeat a few dozen quantities ("500m", "512Mi"): parsing one exactly (in
// BigInt) costs more than looking it up, and the list's FINDING reads every arriving Pod's limits.
const parsed = new Map<string, number | undefined>();
function amount(quantity: string): number | undefined {
  if (parsed.has(quantity)) return parsed.get(quantity);
  const value = parseQuantity(quantity);
  if (parsed.size < 1024) parsed.set(quantity, value);
  return value;
}

/** cpu and memory of a resource list, as written and parsed. */
export function resourceAmounts(list: unknown): ResourceAmounts {
  const l = obj(list);
  const out: ResourceAmounts = {};
  const cpu = quantityText(l.cpu);
  const memory = quantityText(l.memory);
  if (cpu !== undefined) {
    out.cpu = cpu;
    const v = amount(cpu);
    if (v !== undefined) out.cpuCores = v;
  }
  if (memory !== undefined) {
    out.memory = memory;
    const v = amount(memory);
    if (v !== undefined) out.memoryBytes = v;
  }
  return out;
}
