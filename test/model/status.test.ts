import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podStatusColumns } from '../../src/model/status.ts';
import { toPodRow } from '../../src/model/podRow.ts';
import { jsonLeanPod } from './jsonPod.ts';

const running = { running: { startedAt: '2026-01-01T00:00:00Z' } };
const waiting = (reason: string) => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, signal?: number) => ({ terminated: { exitCode, reason, signal } });

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return jsonLeanPod({ metadata: { name: 'p', ...metadata }, spec, status });
}

const twoInits = { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'app' }] };
const appWaiting = [{ name: 'app', ready: false, restartCount: 0, state: waiting('PodInitializing') }];

test('STATUS as kubectl prints it', () => {
  const cases: [string, ReturnType<typeof pod>, string][] = [
    ['running', pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ name: 'a', ready: true, state: running }] }), 'Running'],
    ['pending, no statuses', pod({ containers: [{ name: 'a' }] }, { phase: 'Pending' }), 'Pending'],
    [
      'Init:1/2',
      pod(twoInits, {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i1', state: terminated(0, 'Completed') },
          { name: 'i2', state: running },
        ],
        containerStatuses: appWaiting,
      }),
      'Init:1/2',
    ],
    [
      'Init:0/2',
      pod(twoInits, {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i1', state: running },
          { name: 'i2', state: waiting('PodInitializing') },
        ],
      }),
      'Init:0/2',
    ],
    ['Init:CrashLoopBackOff', pod(twoInits, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: waiting('CrashLoopBackOff') }] }), 'Init:CrashLoopBackOff'],
    ['Init:Error', pod(twoInits, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: terminated(1, 'Error') }] }), 'Init:Error'],
    ['Init:ExitCode', pod(twoInits, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: terminated(3) }] }), 'Init:ExitCode:3'],
    ['Init:Signal', pod(twoInits, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: terminated(137, '', 9) }] }), 'Init:Signal:9'],
    [
      'PodInitializing',
      pod(twoInits, {
        phase: 'Pending',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [
          { name: 'i1', state: terminated(0, 'Completed') },
          { name: 'i2', state: terminated(0, 'Completed') },
        ],
        containerStatuses: appWaiting,
      }),
      'PodInitializing',
    ],
    ['CrashLoopBackOff', pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ name: 'a', restartCount: 5, state: waiting('CrashLoopBackOff') }] }), 'CrashLoopBackOff'],
    ['ImagePullBackOff', pod({ containers: [{ name: 'a' }] }, { phase: 'Pending', containerStatuses: [{ name: 'a', state: waiting('ImagePullBackOff') }] }), 'ImagePullBackOff'],
    ['Completed', pod({ containers: [{ name: 'a' }] }, { phase: 'Succeeded', containerStatuses: [{ name: 'a', state: terminated(0, 'Completed') }] }), 'Completed'],
    ['ExitCode', pod({ containers: [{ name: 'a' }] }, { phase: 'Failed', containerStatuses: [{ name: 'a', state: terminated(2) }] }), 'ExitCode:2'],
    ['Signal', pod({ containers: [{ name: 'a' }] }, { phase: 'Failed', containerStatuses: [{ name: 'a', state: terminated(0, '', 15) }] }), 'Signal:15'],
    [
      'Completed with a running one is Running when Ready',
      pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [
            { name: 'a', ready: true, state: running },
            { name: 'b', state: terminated(0, 'Completed') },
          ],
        },
      ),
      'Running',
    ],
    [
      'Completed with a running one is NotReady without Ready',
      pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        {
          phase: 'Running',
          containerStatuses: [
            { name: 'a', ready: true, state: running },
            { name: 'b', state: terminated(0, 'Completed') },
          ],
        },
      ),
      'NotReady',
    ],
    [
      'Terminating',
      pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ name: 'a', ready: true, state: running }] }, { deletionTimestamp: '2026-01-01T00:00:30Z' }),
      'Terminating',
    ],
    [
      'terminal phase is not Terminating',
      pod({ containers: [{ name: 'a' }] }, { phase: 'Succeeded', containerStatuses: [{ name: 'a', state: terminated(0, 'Completed') }] }, { deletionTimestamp: 'x' }),
      'Completed',
    ],
    ['NodeLost and deleted is Unknown', pod({ containers: [{ name: 'a' }] }, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2026-01-01T00:00:30Z' }), 'Unknown'],
    ['NodeLost', pod({ containers: [{ name: 'a' }] }, { phase: 'Running', reason: 'NodeLost' }), 'NodeLost'],
    ['Evicted', pod({ containers: [{ name: 'a' }] }, { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }), 'Evicted'],
    ['SchedulingGated', pod({ containers: [{ name: 'a' }] }, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), 'SchedulingGated'],
  ];
  for (const [label, p, want] of cases) assert.equal(podStatusColumns(p).status, want, label);
});

const withSidecar = {
  initContainers: [{ name: 'init' }, { name: 'proxy', restartPolicy: 'Always' }],
  containers: [{ name: 'app' }],
};

test('READY counts native sidecars like kubectl 1.29+', () => {
  const up = pod(withSidecar, {
    phase: 'Running',
    conditions: [{ type: 'Initialized', status: 'True' }],
    initContainerStatuses: [
      { name: 'init', state: terminated(0, 'Completed') },
      { name: 'proxy', started: true, ready: true, state: running },
    ],
    containerStatuses: [{ name: 'app', ready: true, state: running }],
  });
  assert.deepEqual([podStatusColumns(up).ready, podStatusColumns(up).status], ['2/2', 'Running']);

  const sidecarStarting = pod(withSidecar, {
    phase: 'Pending',
    initContainerStatuses: [
      { name: 'init', state: terminated(0, 'Completed') },
      { name: 'proxy', started: false, ready: false, state: running },
    ],
    containerStatuses: [{ name: 'app', ready: false, state: waiting('PodInitializing') }],
  });
  assert.deepEqual([podStatusColumns(sidecarStarting).ready, podStatusColumns(sidecarStarting).status], ['0/2', 'Init:1/2']);

  const sidecarStartedAppWaiting = pod(withSidecar, {
    phase: 'Pending',
    initContainerStatuses: [
      { name: 'init', state: terminated(0, 'Completed') },
      { name: 'proxy', started: true, ready: true, state: running },
    ],
    containerStatuses: [{ name: 'app', ready: false, state: waiting('PodInitializing') }],
  });
  assert.deepEqual([podStatusColumns(sidecarStartedAppWaiting).ready, podStatusColumns(sidecarStartedAppWaiting).status], ['1/2', 'PodInitializing']);
});

test('RESTARTS sums containers and remembers the latest restart', () => {
  const p = pod(
    { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'a' }, { name: 'b' }] },
    {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'proxy', started: true, ready: true, restartCount: 1, state: running, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T00:10:00Z' } } }],
      containerStatuses: [
        { name: 'a', ready: true, restartCount: 2, state: running, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T00:05:00Z' } } },
        { name: 'b', ready: true, restartCount: 0, state: running },
      ],
    },
    { creationTimestamp: '2026-01-01T00:00:00Z' },
  );
  const now = Date.parse('2026-01-01T00:13:00Z');
  const columns = podStatusColumns(p);
  assert.equal(columns.restarts, 3);
  assert.equal(columns.ready, '3/3');
  assert.equal(columns.lastRestartMs, Date.parse('2026-01-01T00:10:00Z'));
  const row = toPodRow(p, now);
  assert.equal(row.lastRestartAgeSeconds, 180);
  assert.equal(row.ageSeconds, 780);
  assert.deepEqual(
    row.glyphs.map((g) => `${g.kind}:${g.health}`),
    ['sidecar:ok', 'app:ok', 'app:ok'],
  );
});

test('a Pod row glyph per container shows failures', () => {
  const p = pod(
    { initContainers: [{ name: 'i' }], containers: [{ name: 'a' }, { name: 'b' }] },
    {
      phase: 'Running',
      initContainerStatuses: [{ name: 'i', state: terminated(0, 'Completed') }],
      containerStatuses: [
        { name: 'a', state: waiting('CrashLoopBackOff') },
        { name: 'b', ready: false, state: running },
      ],
    },
  );
  assert.deepEqual(
    toPodRow(p, 0, true).glyphs.map((g) => g.health),
    ['done', 'failed', 'waiting'],
  );
  assert.equal(toPodRow(p, 0, true).deleted, true);
  assert.equal(toPodRow(p, 0, false).deleted, false);
});

test('ages follow now even when the row comes from the cache', () => {
  const p = pod({ containers: [{ name: 'a' }] }, { phase: 'Running' }, { creationTimestamp: '2026-01-01T00:00:00Z' });
  assert.equal(toPodRow(p, Date.parse('2026-01-01T00:01:00Z')).ageSeconds, 60);
  assert.equal(toPodRow(p, Date.parse('2026-01-01T00:02:00Z')).ageSeconds, 120);
  assert.equal(toPodRow(p, NaN).ageSeconds, undefined);
});
