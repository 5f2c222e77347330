// A Pod's live use against its limits, for the list's CPU and MEM columns: the sum over the
// containers metrics-server sampled, and the sum of the limits of the containers that run
// beside each other (app containers and native sidecars; a plain init container is done
// before they start). A value that does not parse makes the Pod's figure unknown rather than
// a smaller, wrong one; so does a running container without a limit for the percentage
// (the Pod then has no ceiling to measure against).
import { parseQuantity } from '../text/quantity.ts';
import { isSidecar } from './kinds.ts';
import { obj, objs } from './read.ts';

/** Millicores and bytes; undefined when no sample (or a malformed one) says. */
export interface PodUsage {
  cpuMilli: number | undefined;
  memBytes: number | undefined;
}

/** The summed limits of the running containers; undefined when any of them has none. */
export interface PodLimits {
  cpuMilli: number | undefined;
  memBytes: number | undefined;
}

// metrics-server writes whole nanocores and Ki: read those without the exact (BigInt) parser,
// which costs most of a poll's time at 100,000 Pods. Anything else takes the exact path.
const PLAIN = /^(\d{1,12})(n|u|m|Ki|Mi|Gi|)$/;
const PLAIN_UNIT: Record<string, [multiplier: number, divisor: number]> = { n: [1, 1e9], u: [1, 1e6], m: [1, 1e3], '': [1, 1], Ki: [1024, 1], Mi: [2 ** 20, 1], Gi: [2 ** 30, 1] };

/** A usage or limit quantity: finite and not negative, or nothing. */
function amount(value: unknown, scale: number): number | undefined {
  const plain = typeof value === 'string' ? PLAIN.exec(value) : null;
  if (plain) {
    const [multiplier, divisor] = PLAIN_UNIT[plain[2]!]!;
    return (Number(plain[1]) * multiplier * scale) / divisor;
  }
  const v = parseQuantity(value);
  // Scaled (cores to millicores) a huge finite value can pass Number.MAX_VALUE.
  return v === undefined || !Number.isFinite(v * scale) || v < 0 ? undefined : v * scale;
}

/** a + b, or unknown when either is, or when the sum runs past what a number holds. */
const plus = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined || !Number.isFinite(a + b) ? undefined : a + b);

/** Sums each resource over `items`; one unreadable value makes that resource's sum unknown. */
function sum(items: readonly unknown[], read: (item: unknown) => { cpu: unknown; memory: unknown }): PodUsage {
  let cpu: number | undefined = 0;
  let mem: number | undefined = 0;
  for (const item of items) {
    const { cpu: c, memory: m } = read(item);
    const cv = amount(c, 1000);
    const mv = amount(m, 1);
    cpu = plus(cpu, cv);
    mem = plus(mem, mv);
  }
  return { cpuMilli: cpu, memBytes: mem };
}

/** A PodMetrics object's containers summed; undefined when it lists none. */
export function usageOfPodMetrics(metrics: unknown): PodUsage | undefined {
  const containers = objs(obj(metrics).containers);
  if (containers.length === 0) return undefined;
  return sum(containers, (c) => {
    const usage = obj(obj(c).usage);
    return { cpu: usage.cpu, memory: usage.memory };
  });
}

const limitsCache = new WeakMap<object, PodLimits>();

/** The Pod's ceiling: the limits of its app containers and native sidecars, summed. Cached per Pod object (stored Pods are replaced, never changed). */
export function podLimits(pod: unknown): PodLimits {
  const p = obj(pod);
  const known = limitsCache.get(p);
  if (known) return known;
  const spec = obj(p.spec);
  const running = [...objs(spec.initContainers).filter(isSidecar), ...objs(spec.containers)];
  const limits: PodLimits =
    running.length === 0
      ? { cpuMilli: undefined, memBytes: undefined }
      : sum(running, (c) => {
          const l = obj(obj(obj(c).resources).limits);
          return { cpu: l.cpu, memory: l.memory };
        });
  limitsCache.set(p, limits);
  return limits;
}

/** Whole percent of the limit, or undefined without a usable limit. */
export function percentOf(use: number | undefined, limit: number | undefined): number | undefined {
  if (use === undefined || limit === undefined || !(limit > 0)) return undefined;
  return Math.round((use / limit) * 100);
}
