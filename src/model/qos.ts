// QoS class computed exactly as Kubernetes does (pkg/apis/core/v1/helper/qos ComputePodQOS),
// with exact quantity arithmetic so "1" equals "1000m" and "1Gi" equals "1073741824".

import { addExact, compareExact, parseQuantityExact, type ExactQuantity } from '../text/quantity.ts';
import { obj, objs, quantityText, type Obj } from './read.ts';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';
const QOS_RESOURCES = ['cpu', 'memory'] as const;
const ZERO: ExactQuantity = { num: 0n, scale: 0 };

function positive(list: Obj, name: string): ExactQuantity | undefined {
  const q = parseQuantityExact(quantityText(list[name]));
  return q && compareExact(q, ZERO) === 1 ? q : undefined;
}

/** The API server defaults a missing request to its limit; a manifest has not been defaulted yet. */
function defaultedRequests(resources: Obj): Obj {
  const requests = { ...obj(resources.requests) };
  const limits = obj(resources.limits);
  for (const name of QOS_RESOURCES) if (requests[name] === undefined && limits[name] !== undefined) requests[name] = limits[name];
  return requests;
}

export function computeQos(pod: unknown): QosClass {
  const spec = obj(obj(pod).spec);
  const requests = new Map<string, ExactQuantity>();
  const limits = new Map<string, ExactQuantity>();
  let guaranteed = true;
  const add = (into: Map<string, ExactQuantity>, name: string, q: ExactQuantity) => {
    const prev = into.get(name);
    into.set(name, prev ? addExact(prev, q) : q);
  };
  const podLevel = spec.resources != null ? obj(spec.resources) : undefined;
  if (podLevel && (Object.keys(obj(podLevel.requests)).length > 0 || Object.keys(obj(podLevel.limits)).length > 0)) {
    const req = defaultedRequests(podLevel);
    for (const name of QOS_RESOURCES) {
      const q = positive(req, name);
      if (q) requests.set(name, q);
    }
    const lim = obj(podLevel.limits);
    if (Object.keys(lim).length > 0) {
      const found = new Set<string>();
      for (const name of QOS_RESOURCES) {
        const q = positive(lim, name);
        if (q) {
          found.add(name);
          limits.set(name, q);
        }
      }
      if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
    }
  } else {
    // Ephemeral containers cannot set resources and do not count.
    for (const c of [...objs(spec.containers), ...objs(spec.initContainers)]) {
      const resources = obj(c.resources);
      const req = defaultedRequests(resources);
      const lim = obj(resources.limits);
      const found = new Set<string>();
      for (const name of QOS_RESOURCES) {
        const r = positive(req, name);
        if (r) add(requests, name, r);
        const l = positive(lim, name);
        if (l) {
          found.add(name);
          add(limits, name, l);
        }
      }
      if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareExact(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
