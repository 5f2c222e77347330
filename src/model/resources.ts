// Pod-level requests and limits as the scheduler sees them, the QoS class, and usage.

import { addExact, compareExact, formatCpu, formatMemory, parseQuantityExact, type ExactQuantity } from '../text/quantity.ts';
import { isSidecar } from './kinds.ts';
import { computeQos } from './qos.ts';
import { obj, objs, quantityText, str, type Obj } from './read.ts';
import { resourceAmounts } from './resourceAmounts.ts';
import type { ContainerView, PodResources, ResourceAmounts, Usage } from './types.ts';

type Totals = { cpu?: ExactQuantity; memory?: ExactQuantity };

function read(list: unknown): Totals {
  const l = obj(list);
  return { cpu: parseQuantityExact(quantityText(l.cpu)), memory: parseQuantityExact(quantityText(l.memory)) };
}

function sum(a: ExactQuantity | undefined, b: ExactQuantity | undefined): ExactQuantity | undefined {
  if (!a) return b;
  if (!b) return a;
  return addExact(a, b);
}

function max(a: ExactQuantity | undefined, b: ExactQuantity | undefined): ExactQuantity | undefined {
  if (!a) return b;
  if (!b) return a;
  return compareExact(a, b) >= 0 ? a : b;
}

function toNumber(q: ExactQuantity): number {
  return Number(q.num) / 10 ** q.scale;
}

function amounts(t: Totals): ResourceAmounts {
  const out: ResourceAmounts = {};
  if (t.cpu) {
    out.cpuCores = toNumber(t.cpu);
    out.cpu = formatCpu(out.cpuCores);
  }
  if (t.memory) {
    out.memoryBytes = toNumber(t.memory);
    out.memory = formatMemory(out.memoryBytes);
  }
  return out;
}

/**
 * Effective Pod totals like resourcehelper.PodRequests: app containers and sidecars add up;
 * each plain init container runs alone beside the sidecars started before it, so the Pod
 * needs the larger of the two.
 */
function effective(spec: Obj, field: 'requests' | 'limits'): Totals {
  const out: Totals = {};
  for (const c of objs(spec.containers)) {
    const r = read(obj(c.resources)[field]);
    out.cpu = sum(out.cpu, r.cpu);
    out.memory = sum(out.memory, r.memory);
  }
  const sidecars: Totals = {};
  const initPeak: Totals = {};
  for (const c of objs(spec.initContainers)) {
    const r = read(obj(c.resources)[field]);
    if (isSidecar(c)) {
      sidecars.cpu = sum(sidecars.cpu, r.cpu);
      sidecars.memory = sum(sidecars.memory, r.memory);
      out.cpu = sum(out.cpu, r.cpu);
      out.memory = sum(out.memory, r.memory);
    } else {
      initPeak.cpu = max(initPeak.cpu, sum(r.cpu, sidecars.cpu));
      initPeak.memory = max(initPeak.memory, sum(r.memory, sidecars.memory));
    }
  }
  return { cpu: max(out.cpu, initPeak.cpu), memory: max(out.memory, initPeak.memory) };
}

export function podResources(pod: unknown, containers: ContainerView[]): PodResources {
  const p = obj(pod);
  const spec = obj(p.spec);
  const statusQos = str(obj(p.status).qosClass);
  const known = statusQos === 'Guaranteed' || statusQos === 'Burstable' || statusQos === 'BestEffort';
  const out: PodResources = {
    qos: known ? statusQos : computeQos(p),
    qosSource: known ? 'status' : 'computed',
    requests: amounts(effective(spec, 'requests')),
    limits: amounts(effective(spec, 'limits')),
  };
  if (spec.resources != null) {
    const level = obj(spec.resources);
    out.podLevel = { requests: resourceAmounts(level.requests), limits: resourceAmounts(level.limits) };
    // Pod-level values, where set, are what the Pod is held to.
    out.requests = { ...out.requests, ...out.podLevel.requests };
    out.limits = { ...out.limits, ...out.podLevel.limits };
  }
  const usage = totalUsage(containers);
  if (usage) out.usage = usage;
  return out;
}

function totalUsage(containers: ContainerView[]): Usage | undefined {
  let any = false;
  const total: Usage = {};
  for (const c of containers) {
    if (!c.usage) continue;
    any = true;
    if (typeof c.usage.cpuCores === 'number') total.cpuCores = (total.cpuCores ?? 0) + c.usage.cpuCores;
    if (typeof c.usage.memoryBytes === 'number') total.memoryBytes = (total.memoryBytes ?? 0) + c.usage.memoryBytes;
  }
  return any ? total : undefined;
}

/** Usage as a fraction of a request or limit; undefined when either side is unknown or zero. */
export function fractionOf(used: number | undefined, of: number | undefined): number | undefined {
  if (used === undefined || of === undefined || !(of > 0)) return undefined;
  return used / of;
}
