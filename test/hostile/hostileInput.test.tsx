// The hostile-input suite: hostile strings (hostileStrings.ts) in every field a cluster or a
// kubeconfig controls, checked on every output path: the TUI's frames, `--once -o text`,
// `-o json` and `-o yaml` (valid, and each value exactly the sanitized one), the `logs`
// subcommand, the saved log file's text, and error lines. Completion is completionShells.test.ts.
// Each test prints its counts (cases tried, passed) as a diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { load as loadYaml } from 'js-yaml';
import { render } from 'ink-testing-library';
import { KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { formatSnapshot } from '../../src/cli/snapshot.ts';
import { reportFor } from '../../src/cli/failure.ts';
import { runLogsCommand } from '../../src/cli/logsCommand.ts';
import { ApiError, describeError, RequestError, UserError } from '../../src/cluster/errors.ts';
import { openLogSession } from '../../src/cluster/logs.ts';
import { toPodHost } from '../../src/model/memo.ts';
import type { EventLike } from '../../src/model/types.ts';
import { sanitize, PLACEHOLDER } from '../../src/text/sanitize.ts';
import { displayWidth } from '../../src/text/width.ts';
import { LogView } from '../../src/ui/logs/LogView.tsx';
import { frameWith, KEY, press, renderApp, wholeStoreWith } from '../ui/harness.tsx';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { NOW } from '../ui/fixtures.ts';
import { assertTerminalSafe, CaseCounts, hostilePiece, hostileString, INVALID_UTF8, oneMiB, stringsIn, terminalHazard } from './hostileStrings.ts';

const counts = new CaseCounts();
const SEED = Number(process.env.PODVIEW_HOSTILE_SEED ?? 22);

interface HostileFields {
  namespace: string;
  name: string;
  labelKey: string;
  labelValue: string;
  annotation: string;
  container: string;
  image: string;
  envValue: string;
  command: string;
  volume: string;
  reason: string;
  message: string;
  termination: string;
  eventReason: string;
  eventMessage: string;
  node: string;
}

const fieldsArb: fc.Arbitrary<HostileFields> = fc.record({
  namespace: hostileString,
  name: hostileString,
  labelKey: hostileString,
  labelValue: hostileString,
  annotation: hostileString,
  container: hostileString,
  image: hostileString,
  envValue: hostileString,
  command: hostileString,
  volume: hostileString,
  reason: hostileString,
  message: hostileString,
  termination: hostileString,
  eventReason: hostileString,
  eventMessage: hostileString,
  node: hostileString,
});

function hostilePod(f: HostileFields): V1Pod {
  const created = new Date(NOW - 3_600_000).toISOString();
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: f.namespace,
      name: f.name,
      uid: 'uid-hostile',
      resourceVersion: '1',
      creationTimestamp: created as never,
      labels: { [f.labelKey]: f.labelValue },
      annotations: { note: f.annotation },
    },
    spec: {
      nodeName: f.node,
      volumes: [{ name: f.volume, emptyDir: {} }],
      containers: [
        { name: f.container, image: f.image, command: [f.command], env: [{ name: 'E', value: f.envValue }], volumeMounts: [{ name: f.volume, mountPath: '/data' }] },
        { name: 'second', image: 'busybox', volumeMounts: [{ name: f.volume, mountPath: '/shared' }] },
      ],
    },
    status: {
      phase: 'Running',
      reason: f.reason,
      message: f.message,
      containerStatuses: [
        {
          name: f.container,
          image: f.image,
          imageID: '',
          ready: false,
          restartCount: 3,
          state: { waiting: { reason: f.reason, message: f.message } },
          lastState: { terminated: { exitCode: 137, reason: f.reason, message: f.termination, finishedAt: new Date(NOW - 60_000).toISOString() as never } },
        },
        { name: 'second', image: 'busybox', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: created as never } } },
      ],
    },
  };
}

function eventsFor(f: HostileFields): EventLike[] {
  return [{ type: 'Warning', reason: f.eventReason, message: f.eventMessage, count: 2, lastTimestamp: new Date(NOW - 30_000).toISOString() } as EventLike];
}

const runs = (n: number) => ({ numRuns: n, seed: SEED, endOnFailure: true });

test('sanitize: nothing hazardous survives, what was removed is marked, and it is idempotent', (t) => {
  let tried = 0;
  fc.assert(
    fc.property(hostileString, (text) => {
      tried++;
      const clean = sanitize(text);
      assert.equal(terminalHazard(clean), undefined, JSON.stringify(text));
      assert.equal(sanitize(clean), clean, 'idempotent');
      // Anything other than colour (SGR) that was taken out leaves a mark.
      const withoutSgr = text.replace(/\u001b\[[0-9;:]*m/g, '');
      if (terminalHazard(withoutSgr.replace(/[\n\r\u000b\u000c]/g, ' ')) !== undefined) assert.ok(clean.includes(PLACEHOLDER), `${JSON.stringify(text)} -> ${JSON.stringify(clean)}`);
      const colours = sanitize(text, { keepColors: true });
      assert.equal(terminalHazard(colours, { allowSgr: true }), undefined, JSON.stringify(text));
    }),
    runs(2000),
  );
  t.diagnostic(`sanitize (the helper every path uses): ${tried} cases tried, ${tried} passed`);
});

test('--once -o text, -o json and -o yaml: safe text; valid documents holding exactly the sanitized values', async (t) => {
  await fc.assert(
    fc.asyncProperty(fieldsArb, async (f) => {
      const host = toPodHost(hostilePod(f), { now: NOW, events: eventsFor(f) });
      const sink = { stdout: { isTTY: false, columns: undefined } as never, color: false };
      await counts.run('--once -o text', () => assertTerminalSafe(formatSnapshot([host], 'text', sink), 'text'));
      for (const format of ['json', 'yaml'] as const) {
        await counts.run(`-o ${format}`, () => {
          const out = formatSnapshot([host], format, sink);
          assertTerminalSafe(out.replace(/\\u00[0-9a-f]{2}|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/gi, ''), format);
          const doc = (format === 'json' ? JSON.parse(out) : loadYaml(out)) as { pods: Record<string, unknown>[] };
          for (const s of stringsIn(doc)) assert.equal(terminalHazard(s), undefined, `${format} value ${JSON.stringify(s)}`);
          const [pod] = doc.pods as {
            namespace: string;
            name: string;
            status: string;
            labels: Record<string, string>;
            containers: { name: string; image: string; env: { value: string }[]; reason: string | null }[];
            volumes: { name: string }[];
            events: { reason: string; message: string }[];
          }[];
          assert.equal(pod!.namespace, sanitize(f.namespace), 'namespace');
          assert.equal(pod!.name, sanitize(f.name), 'name');
          assert.deepEqual(pod!.labels, { [sanitize(f.labelKey)]: sanitize(f.labelValue) }, 'labels');
          const container = pod!.containers.find((c) => c.name === sanitize(f.container));
          assert.ok(container, 'the hostile container, by its sanitized name');
          assert.equal(container.image, sanitize(f.image), 'image');
          assert.equal(container.env[0]!.value, sanitize(f.envValue), 'env value');
          assert.equal(pod!.volumes[0]!.name, sanitize(f.volume), 'volume name');
          assert.equal(pod!.events[0]!.message, sanitize(f.eventMessage).trim(), 'event message (the model trims the ends of a message)');
          assert.equal(pod!.status, sanitize(pod!.status), 'status');
        });
      }
    }),
    runs(60),
  );
  for (const line of counts.lines()) t.diagnostic(line);
});

test('the TUI: list, Pod view and status bar frames carry nothing hazardous, and fit the width', async (t) => {
  const COLUMNS = 120;
  await fc.assert(
    fc.asyncProperty(fieldsArb, hostileString, async (f, context) => {
      await counts.run('TUI frames', async () => {
        const pod = hostilePod(f);
        const store = wholeStoreWith([pod]);
        // What the focus feed writes into the open Pod's record once the Pod is opened.
        const focused = new FocusedPodStore();
        const key = { namespace: f.namespace, name: f.name };
        focused.focus(key);
        focused.write(key, { details: { events: eventsFor(f), notes: [f.message], owners: [{ kind: 'ReplicaSet', name: f.name, resolved: false }] } });
        const { app } = await renderApp({ store, focused, color: false, context, namespace: f.namespace }, { columns: COLUMNS, rows: 30 });
        try {
          await frameWith(app, /CTRS/);
          await press(app, KEY.enter);
          await frameWith(app, /Containers/);
          await press(app, 'e'); // the events pane when the view has one; harmless otherwise
          for (const frame of app.frames) {
            assertTerminalSafe(frame, 'frame');
            for (const line of frame.split('\n')) assert.ok(displayWidth(line) <= COLUMNS, `a frame line wider than the terminal (${displayWidth(line)}): ${JSON.stringify(line)}`);
          }
        } finally {
          app.unmount();
          store.close();
        }
      });
    }),
    runs(30),
  );
  for (const line of counts.lines().filter((l) => l.startsWith('TUI'))) t.diagnostic(line);
});

/** A loopback API that serves one Pod and its log as raw bytes (so invalid UTF-8 reaches the client as it would). */
async function logServer(pod: V1Pod, body: () => Buffer): Promise<{ kubeConfig: KubeConfig; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url?.includes('/log')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(body());
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(pod));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return { kubeConfig, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const logLine = fc.array(fc.oneof(hostilePiece, fc.constantFrom(...INVALID_UTF8.map((b) => b.toString('latin1')))), { minLength: 1, maxLength: 6 }).map((p) => p.join('').replace(/[\n]/g, ' '));

function bytesOf(lines: string[]): Buffer {
  // Pieces from INVALID_UTF8 are latin1 stand-ins: write them as the raw bytes they stand for.
  return Buffer.concat(
    lines.map((l) =>
      Buffer.concat([...Array.from(l, (ch) => (ch.charCodeAt(0) < 0x100 && /[\u0080-\u00ff]/.test(ch) ? Buffer.from([ch.charCodeAt(0)]) : Buffer.from(ch, 'utf8'))), Buffer.from('\n')]),
    ),
  );
}

test('the logs subcommand and the saved log text: every line safe, invalid UTF-8 and 1 MiB lines included', async (t) => {
  const pod = hostilePod(fc.sample(fieldsArb, { numRuns: 1, seed: SEED })[0]!);
  pod.metadata!.name = 'web';
  pod.metadata!.namespace = 'default';
  pod.spec!.containers = [{ name: 'app', image: 'i' }];
  pod.status!.containerStatuses = [{ name: 'app', image: 'i', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: new Date() as never } } }];
  let lines: string[] = [];
  const api = await logServer(pod, () => bytesOf(lines));
  t.after(() => api.close());
  const cases = [...fc.sample(fc.array(logLine, { minLength: 1, maxLength: 20 }), { numRuns: 25, seed: SEED }), [oneMiB(SEED), 'after the long line']];
  for (const batch of cases) {
    lines = batch;
    await counts.run('logs subcommand', async () => {
      let out = '';
      let err = '';
      const stdout = Object.assign(new (await import('node:stream')).PassThrough(), { isTTY: false });
      const stderr = new (await import('node:stream')).PassThrough();
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await runLogsCommand({
        kubeConfig: api.kubeConfig,
        namespace: 'default',
        pod: 'web',
        allContainers: false,
        follow: false,
        timestamps: false,
        previous: false,
        logColors: false,
        stdout,
        stderr,
      });
      assert.equal(code, 0, err);
      assertTerminalSafe(out, 'logs stdout');
      assertTerminalSafe(err, 'logs stderr');
      assert.equal(out.split('\n').length - 1, batch.length, 'one output line per log line');
    });
    await counts.run('logs --log-colors', async () => {
      let out = '';
      const stdout = Object.assign(new (await import('node:stream')).PassThrough(), { isTTY: false });
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      await runLogsCommand({
        kubeConfig: api.kubeConfig,
        namespace: 'default',
        pod: 'web',
        allContainers: false,
        follow: false,
        timestamps: false,
        previous: false,
        logColors: true,
        stdout,
        stderr: new (await import('node:stream')).PassThrough(),
      });
      assertTerminalSafe(out, 'logs --log-colors stdout', { allowSgr: true });
    });
    await counts.run('saved log file (w)', async () => {
      const session = openLogSession(api.kubeConfig, { namespace: 'default', name: 'web', follow: false });
      await session.done;
      const saved: string[] = [];
      const view = render(
        <LogView
          session={session}
          title="logs default/web · app"
          color={false}
          onClose={() => undefined}
          onQuit={() => undefined}
          saveText={async (_name, text) => {
            saved.push(text);
            return '/tmp/x.log';
          }}
          width={100}
          height={10}
        />,
      );
      try {
        view.stdin.write('w');
        for (let i = 0; i < 100 && saved.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
        assert.equal(saved.length, 1, 'w saved');
        assertTerminalSafe(saved[0]!, 'saved text');
        for (const frame of view.frames) assertTerminalSafe(frame, 'log view frame');
      } finally {
        view.unmount();
        session.close();
      }
    });
  }
  for (const line of counts.lines().filter((l) => /logs|saved/.test(l))) t.diagnostic(line);
});

test('error lines: one line, nothing hazardous, whatever the server, the namespace or the context says', (t) => {
  return fc
    .assert(
      fc.asyncProperty(hostileString, hostileString, hostileString, async (message, namespace, name) => {
        await counts.run('error lines', () => {
          const errors: unknown[] = [
            new ApiError(500, 'https://api', { message }),
            new ApiError(403, 'https://api', { message: `pods "${name}" is forbidden: ${message}` }),
            new ApiError(404, 'https://api', { message }),
            new UserError(`pod "${name}" not found in namespace "${namespace}"`),
            new RequestError(`https://${name}:6443`, Object.assign(new Error(message), { code: 'ECONNRESET' })),
            new Error(message),
          ];
          for (const err of errors) {
            for (const text of [describeError(err, `list pods in namespace "${namespace}"`), reportFor(err, false).text]) {
              assert.ok(!text.includes('\n'), `one line: ${JSON.stringify(text)}`);
              assertTerminalSafe(text, 'error line');
            }
          }
        });
      }),
      runs(300),
    )
    .then(() => {
      for (const line of counts.lines().filter((l) => l.startsWith('error'))) t.diagnostic(line);
    });
});

test('1 MiB of hostile text in every field: the snapshot in each format is safe', async (t) => {
  const big = oneMiB(SEED + 1);
  const f = Object.fromEntries(Object.keys(fc.sample(fieldsArb, { numRuns: 1, seed: SEED })[0]!).map((k) => [k, big])) as unknown as HostileFields;
  const host = toPodHost(hostilePod(f), { now: NOW, events: eventsFor(f) });
  const sink = { stdout: { isTTY: false } as never, color: false };
  for (const format of ['text', 'json', 'yaml'] as const) {
    await counts.run(`1 MiB fields -o ${format}`, () => {
      const out = formatSnapshot([host], format, sink);
      if (format === 'text') assertTerminalSafe(out, 'text');
      else for (const s of stringsIn(format === 'json' ? JSON.parse(out) : loadYaml(out))) assert.equal(terminalHazard(s), undefined);
    });
  }
  for (const line of counts.lines().filter((l) => l.startsWith('1 MiB'))) t.diagnostic(line);
});
