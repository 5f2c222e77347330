// Owner objects (Deployment -> ReplicaSet, StatefulSet, DaemonSet, CronJob -> Job) and the config
// objects Pods refer to, with the metadata and status their controllers leave on them.
import type { V1ConfigMap, V1CronJob, V1DaemonSet, V1Deployment, V1Job, V1Namespace, V1OwnerReference, V1Pod, V1PodTemplateSpec, V1ReplicaSet, V1Secret, V1StatefulSet } from '@kubernetes/client-node';
import { fieldSet, managed, nameSuffix, objectMeta, ownerRef, ts, uidFor } from './meta.ts';

const specFields = (keys: string[]) => ({ 'f:metadata': { 'f:labels': {} }, 'f:spec': fieldSet(keys) });
const statusFields = (keys: string[]) => ({ 'f:status': fieldSet(keys) });

export function namespace(name: string, createdMs: number): V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: objectMeta({
      kind: 'Namespace',
      name,
      createdMs,
      labels: { 'kubernetes.io/metadata.name': name },
      managedFields: [managed('kubectl-create', 'v1', createdMs, { 'f:metadata': { 'f:labels': { '.': {}, 'f:kubernetes.io/metadata.name': {} } } })],
    }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function configMap(ns: string, name: string, data: Record<string, string>, createdMs: number): V1ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta({ kind: 'ConfigMap', namespace: ns, name, createdMs, managedFields: [managed('kubectl-client-side-apply', 'v1', createdMs, { 'f:data': fieldSet(Object.keys(data)) })] }),
    data,
  };
}

/** A Secret object; values are base64 as stored. podview never reads them, the sim only serves them. */
export function secret(ns: string, name: string, plain: Record<string, string>, createdMs: number): V1Secret {
  const data = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: objectMeta({
      kind: 'Secret',
      namespace: ns,
      name,
      createdMs,
      managedFields: [managed('kubectl-client-side-apply', 'v1', createdMs, { 'f:data': fieldSet(Object.keys(data)), 'f:type': {} })],
    }),
    data,
  };
}

/** A Pod template as the controller holds it: no node, no injected token volume. */
export function templateOf(pod: V1Pod, labels: Record<string, string>): V1PodTemplateSpec {
  const isToken = (name: string) => name.startsWith('kube-api-access-');
  const strip = <T extends { volumeMounts?: { name: string }[] }>(c: T): T => ({ ...c, volumeMounts: c.volumeMounts?.filter((m) => !isToken(m.name)) });
  const { nodeName: _node, serviceAccount: _sa, tolerations: _t, priority: _p, preemptionPolicy: _pp, enableServiceLinks: _e, ...spec } = pod.spec!;
  return {
    metadata: { labels },
    spec: { ...spec, containers: spec.containers.map(strip), initContainers: spec.initContainers?.map(strip), volumes: spec.volumes?.filter((v) => !isToken(v.name)) },
  };
}

export interface DeploymentChain {
  deployment: V1Deployment;
  replicaSet: V1ReplicaSet;
  /** Owner reference for the Pods (the ReplicaSet). */
  owner: V1OwnerReference;
  /** Labels every Pod carries, pod-template-hash included. */
  podLabels: Record<string, string>;
  podName(i: number): string;
}

/** Deployment and its current ReplicaSet; call `finish(template, ready)` once the Pods exist. */
export function deploymentChain(
  ns: string,
  name: string,
  labels: Record<string, string>,
  replicas: number,
  createdMs: number,
): DeploymentChain & { finish(template: V1PodTemplateSpec, ready: number): void } {
  const hash = nameSuffix(`rs:${ns}/${name}`, 9).replace(/^./, (c) => (/\d/.test(c) ? c : '7'));
  const rsName = `${name}-${hash}`;
  const podLabels = { ...labels, 'pod-template-hash': hash };
  const deployment: V1Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta({
      kind: 'Deployment',
      namespace: ns,
      name,
      createdMs,
      labels,
      generation: 1,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      managedFields: [
        managed('kubectl-client-side-apply', 'apps/v1', createdMs, specFields(['progressDeadlineSeconds', 'replicas', 'revisionHistoryLimit', 'selector', 'strategy', 'template'])),
        managed(
          'kube-controller-manager',
          'apps/v1',
          createdMs + 30_000,
          statusFields(['availableReplicas', 'conditions', 'observedGeneration', 'readyReplicas', 'replicas', 'updatedReplicas']),
          'status',
        ),
      ],
    }),
  };
  const dOwner = ownerRef('apps/v1', 'Deployment', name, deployment.metadata!.uid!);
  const replicaSet: V1ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: objectMeta({
      kind: 'ReplicaSet',
      namespace: ns,
      name: rsName,
      createdMs,
      labels: podLabels,
      generation: 1,
      owner: dOwner,
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1), 'deployment.kubernetes.io/revision': '1' },
      managedFields: [
        managed('kube-controller-manager', 'apps/v1', createdMs, {
          'f:metadata': { 'f:annotations': {}, 'f:labels': {}, 'f:ownerReferences': {} },
          'f:spec': fieldSet(['replicas', 'selector', 'template']),
        }),
        managed('kube-controller-manager', 'apps/v1', createdMs + 30_000, statusFields(['availableReplicas', 'fullyLabeledReplicas', 'observedGeneration', 'readyReplicas', 'replicas']), 'status'),
      ],
    }),
  };
  return {
    deployment,
    replicaSet,
    owner: ownerRef('apps/v1', 'ReplicaSet', rsName, replicaSet.metadata!.uid!),
    podLabels,
    podName: (i) => `${rsName}-${nameSuffix(`pod:${ns}/${rsName}/${i}`, 5)}`,
    finish(template, ready) {
      const selector = { matchLabels: labels };
      deployment.spec = {
        replicas,
        selector,
        template: { ...template, metadata: { labels } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      };
      replicaSet.spec = { replicas, selector: { matchLabels: podLabels }, template: { ...template, metadata: { labels: podLabels } } };
      const when = ts(createdMs + 30_000);
      deployment.status = {
        observedGeneration: 1,
        replicas,
        updatedReplicas: replicas,
        readyReplicas: ready,
        availableReplicas: ready,
        ...(ready < replicas ? { unavailableReplicas: replicas - ready } : {}),
        conditions: [
          {
            type: 'Available',
            status: ready === replicas ? 'True' : 'False',
            reason: ready === replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
            message: ready === replicas ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
            lastUpdateTime: when,
            lastTransitionTime: when,
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${rsName}" has successfully progressed.`,
            lastUpdateTime: when,
            lastTransitionTime: ts(createdMs),
          },
        ],
      };
      replicaSet.status = { replicas, fullyLabeledReplicas: replicas, readyReplicas: ready, availableReplicas: ready, observedGeneration: 1 };
    },
  };
}

const controllerFields = (createdMs: number, apiVersion: string) => [
  managed('kubectl-client-side-apply', apiVersion, createdMs, specFields(['selector', 'template'])),
  managed('kube-controller-manager', apiVersion, createdMs + 30_000, statusFields(['observedGeneration', 'replicas']), 'status'),
];

export function statefulSet(ns: string, name: string, labels: Record<string, string>, replicas: number, ready: number, template: V1PodTemplateSpec, createdMs: number): V1StatefulSet {
  const revision = `${name}-${nameSuffix(`sts:${ns}/${name}`, 10)}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: objectMeta({ kind: 'StatefulSet', namespace: ns, name, createdMs, labels, generation: 1, managedFields: controllerFields(createdMs, 'apps/v1') }),
    spec: {
      replicas,
      serviceName: name,
      selector: { matchLabels: labels },
      template,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      volumeClaimTemplates: [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, volumeMode: 'Filesystem' },
        },
      ],
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    },
    status: {
      observedGeneration: 1,
      replicas,
      readyReplicas: ready,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      availableReplicas: ready,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
    },
  };
}

export function daemonSet(ns: string, name: string, labels: Record<string, string>, nodes: number, template: V1PodTemplateSpec, createdMs: number): V1DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: objectMeta({
      kind: 'DaemonSet',
      namespace: ns,
      name,
      createdMs,
      labels,
      generation: 1,
      annotations: { 'deprecated.daemonset.template.generation': '1' },
      managedFields: controllerFields(createdMs, 'apps/v1'),
    }),
    spec: { selector: { matchLabels: labels }, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }, revisionHistoryLimit: 10 },
    status: { currentNumberScheduled: nodes, desiredNumberScheduled: nodes, numberAvailable: nodes, numberMisscheduled: 0, numberReady: nodes, observedGeneration: 1, updatedNumberScheduled: nodes },
  };
}

export function cronJob(ns: string, name: string, schedule: string, template: V1PodTemplateSpec, createdMs: number, lastMs: number): V1CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: objectMeta({ kind: 'CronJob', namespace: ns, name, createdMs, generation: 1, managedFields: controllerFields(createdMs, 'batch/v1') }),
    spec: { schedule, concurrencyPolicy: 'Forbid', successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, suspend: false, jobTemplate: { spec: { backoffLimit: 2, template } } },
    status: { lastScheduleTime: ts(lastMs), lastSuccessfulTime: ts(lastMs + 40_000) },
  };
}

/** A Job a CronJob created at `startMs`, finished after `tookMs`. */
export function jobOf(cron: V1CronJob, startMs: number, tookMs: number): V1Job {
  const ns = cron.metadata!.namespace!;
  const name = `${cron.metadata!.name}-${Math.floor(startMs / 60_000)}`;
  const uid = uidFor('Job', ns, name);
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  const template = cron.spec!.jobTemplate.spec!.template;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: objectMeta({
      kind: 'Job',
      namespace: ns,
      name,
      createdMs: startMs,
      labels,
      generation: 1,
      owner: ownerRef('batch/v1', 'CronJob', cron.metadata!.name!, cron.metadata!.uid!),
      managedFields: controllerFields(startMs, 'batch/v1'),
    }),
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 2,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { ...template, metadata: { labels } },
    },
    status: {
      startTime: ts(startMs),
      completionTime: ts(startMs + tookMs),
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
      conditions: [
        {
          type: 'SuccessCriteriaMet',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: ts(startMs + tookMs),
          lastTransitionTime: ts(startMs + tookMs),
        },
        {
          type: 'Complete',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: ts(startMs + tookMs),
          lastTransitionTime: ts(startMs + tookMs),
        },
      ],
    },
  };
}
