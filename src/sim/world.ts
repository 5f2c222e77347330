// The seam inside the simulated API server: the core (objects, watch, auth, faults) implements
// SimWorld; the pod subresources (pods/log in src/sim/logs/, pods/exec in src/sim/exec/) are
// handlers that only use it. Imports API types only, never product code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { V1ConfigMap, V1Pod, V1Secret, V1Status } from '@kubernetes/client-node';
import type { PodRuntime } from './scenario/types.ts';

export type PodChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** The Pod a change was about; pod() parses it, so a listener that does not care pays nothing. */
export interface PodRef {
  namespace: string;
  name: string;
  pod(): V1Pod;
}

export interface SimWorld {
  pod(namespace: string, name: string): V1Pod | undefined;
  runtime(namespace: string, name: string): PodRuntime | undefined;
  /** Changes a Pod as the API server would: new resourceVersion, a MODIFIED watch event. */
  updatePod(namespace: string, name: string, mutate: (pod: V1Pod) => V1Pod): V1Pod | undefined;
  /** Undefined when allowed; otherwise the 403 Status to send (fault injection / RBAC). */
  authorize(request: { verb: string; resource: string; subresource?: string; namespace?: string; name?: string }): V1Status | undefined;
  /** Hears every Pod change, after it is stored. Returns an unsubscribe function. */
  onPodChange(listener: (type: PodChangeType, ref: PodRef) => void): () => void;
  /** Stored ConfigMap / Secret (optional: pods/exec fills configMap and secret volumes from them). */
  configMap?(namespace: string, name: string): V1ConfigMap | undefined;
  secret?(namespace: string, name: string): V1Secret | undefined;
  /** A private temp directory for this server (container roots, volumes). */
  dataDir: string;
  now(): number;
}

export interface PodRoute {
  namespace: string;
  name: string;
  url: URL;
}

export type PodHttpHandler = (world: SimWorld, req: IncomingMessage, res: ServerResponse, route: PodRoute) => void | Promise<void>;

export type PodUpgradeHandler = (world: SimWorld, req: IncomingMessage, socket: Duplex, head: Buffer, route: PodRoute) => void;
