import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictingPorts, simplePod, userMsvc } from './fixtures.ts';
import { fakeServices, frameWhere, frameWith, KEY, press, renderApp, resize, rowWith, storeWith, wholeStoreWith, until } from './harness.tsx';
import { FocusedPodStore } from '../../src/store/focusedPod.ts';
import { offerWhole } from '../../src/cluster/focusWhole.ts';
import { heldField } from '../store/fixtures.ts';

const USER_MSVC = { namespace: 'shop', name: 'user-msvc' };

test('the seed Pod opens as a host: shared emptyDir in two containers, read-only Secret, both ports', async () => {
  const store = wholeStoreWith([userMsvc(), simplePod('shop', 'web-1')]);
  const { app } = await renderApp({ store, initialPod: USER_MSVC }, { columns: 100, rows: 40 });
  const frame = await frameWith(app, '3 Volumes');
  assert.match(frame.split('\n')[0]!, /shop\/user-msvc\s+Running\s+ready 3\/3/);
  assert.match(frame, /node node-2\s+IP 10\.1\.2\.3/);
  // Containers as processes, in start order.
  const lines = frame.split('\n');
  const at = (name: string) => lines.findIndex((l) => /^[> ] app\s/.test(l) && l.includes(name));
  assert.ok(at('user-msvc') < at('cloudsql-proxy') && at('cloudsql-proxy') < at('datadog-agent'));
  assert.match(rowWith(frame, 'datadog-agent   running'), /restarts 2/);
  // The volume matrix: one row per volume, a column per mounting container.
  const header = rowWith(frame, 'VOLUME');
  assert.ok(header.indexOf('user-msvc') < header.indexOf('datadog-agent'));
  const logs = rowWith(frame, '* logs');
  assert.match(logs, /emptyDir\s+\/var\/log rw\s+\/var\/log\/monitor rw/);
  const secret = rowWith(frame, '* secret');
  assert.match(secret, /secret user-msvc\s+\/etc\/user-msvc\/secret ro\s+\/etc\/datadog-agent\/secret ro/);
  // The localhost port map.
  assert.match(rowWith(frame, '127.0.0.1:443/TCP'), /→ user-msvc \(https\)/);
  assert.match(rowWith(frame, '127.0.0.1:3306/TCP'), /→ cloudsql-proxy \(mysql\)/);
  assert.ok(!frame.includes('CONFLICT'));
  app.unmount();
});

test('config wiring names the secret and key, never a value', async () => {
  const store = wholeStoreWith([userMsvc()]);
  const { app } = await renderApp({ store, initialPod: USER_MSVC }, { columns: 100, rows: 24 });
  await frameWith(app, '1 Containers');
  await press(app, '6');
  const frame = await frameWith(app, 'DB_PASSWORD');
  assert.match(rowWith(frame, 'DB_PASSWORD'), /← secret user-msvc\/db-password/);
  assert.match(rowWith(frame, 'DB_HOST'), /= 127\.0\.0\.1:3306/);
  assert.match(frame, /envFrom configMap user-msvc/);
  app.unmount();
});

test('two containers declaring the same port are a conflict', async () => {
  const store = wholeStoreWith([conflictingPorts()]);
  const { app } = await renderApp({ store, initialPod: { namespace: 'shop', name: 'clash' } }, { columns: 100, rows: 24 });
  await frameWith(app, '1 Containers');
  await press(app, '4');
  const frame = await frameWith(app, '8080');
  assert.match(rowWith(frame, '127.0.0.1:8080/TCP'), /web, metrics\s+CONFLICT/);
  app.unmount();
});

test('requests, limits and usage draw as bars when usage is known', async () => {
  const store = wholeStoreWith([userMsvc()]);
  // What the focus feed writes into the open Pod's record.
  const focused = new FocusedPodStore();
  focused.focus(USER_MSVC);
  focused.write(USER_MSVC, {
    details: {
      usage: { 'user-msvc': { cpuCores: 0.45, memoryBytes: 128 * 1024 * 1024 } },
      owners: [
        { kind: 'ReplicaSet', name: 'user-msvc-7d9f', resolved: true },
        { kind: 'Deployment', name: 'user-msvc', resolved: true },
      ],
      events: [{ type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', count: 3 }],
      notes: ['metrics: partial'],
    },
  });
  const { app } = await renderApp({ store, focused, initialPod: USER_MSVC }, { columns: 100, rows: 24 });
  await frameWith(app, 'ReplicaSet user-msvc-7d9f ← Deployment user-msvc');
  await press(app, '5');
  let frame = await frameWith(app, 'use 450m');
  assert.match(rowWith(frame, 'use 450m'), /lim 500m\s+use 450m\s+\[█+░*\]/);
  await press(app, '7');
  frame = await frameWith(app, 'BackOff');
  assert.match(rowWith(frame, 'BackOff'), /×3\s+Back-off restarting failed container/);
  assert.match(frame, /\(metrics: partial\)/);
  app.unmount();
});

test('the view updates live and, when the Pod is deleted, keeps its last state under a banner', async () => {
  const pod = userMsvc();
  const store = wholeStoreWith([pod, simplePod('shop', 'web-1')]);
  const { app, services } = await renderApp({ store, initialPod: USER_MSVC }, { columns: 100, rows: 30 });
  await frameWith(app, '1 Containers');
  await until(() => services.focused.at(-1)?.name === 'user-msvc', 'focus on user-msvc');
  assert.deepEqual(services.focused.at(-1), USER_MSVC);
  const changed = userMsvc();
  changed.metadata!.resourceVersion = '101';
  changed.status!.containerStatuses![0]!.restartCount = 7;
  store.apply([{ type: 'MODIFIED', pod: changed }]);
  await frameWhere(app, (f) => /user-msvc\s+running\s+ready\s+restarts 7/.test(f), 'restart count 7');
  store.apply([{ type: 'DELETED', pod: changed }]);
  await frameWith(app, 'Pod deleted');
  store.replaceAll([simplePod('shop', 'web-1')]); // the store lets it go entirely
  const frame = await frameWhere(app, (f) => f.includes('Pod deleted') && f.includes('│ 1 pods'), 'banner after eviction');
  assert.match(frame, /restarts 7/);
  assert.match(frame, /\* logs/);
  app.unmount();
});

test('esc goes back to the list with the same Pod selected', async () => {
  const store = wholeStoreWith([simplePod('shop', 'a-1'), userMsvc(), simplePod('shop', 'z-1')]);
  const { app, services } = await renderApp({ store }, { columns: 80, rows: 24 });
  await frameWith(app, '> a-1');
  await press(app, 'j', KEY.enter);
  await frameWith(app, '1 Containers');
  await press(app, 'j', 'j', KEY.esc);
  const frame = await frameWith(app, 'NAME');
  assert.match(frame, /> user-msvc/);
  await until(() => services.focused.at(-1) === null, 'focus released with the view');
  app.unmount();
});

test('containers can be selected; l opens the log view on it and esc returns', async () => {
  const store = wholeStoreWith([userMsvc()]);
  const { app, services } = await renderApp({ store, initialPod: USER_MSVC }, { columns: 100, rows: 24 });
  await frameWith(app, '> app       user-msvc');
  await press(app, KEY.right);
  await frameWith(app, '> app       cloudsql-proxy');
  await press(app, 'l');
  await frameWith(app, 'logs shop/user-msvc · cloudsql-proxy');
  assert.equal(services.logs.at(-1)!.container, 'cloudsql-proxy');
  assert.equal(services.logs.at(-1)!.follow, true);
  await press(app, KEY.esc);
  await frameWith(app, '> app       cloudsql-proxy');
  await press(app, 'a');
  await frameWith(app, 'logs shop/user-msvc · all containers');
  assert.equal(services.logs.at(-1)!.allContainers, true);
  await press(app, KEY.esc);
  await frameWith(app, '1 Containers');
  await press(app, KEY.left, KEY.left, 'p');
  await frameWith(app, 'logs shop/user-msvc · datadog-agent · previous');
  assert.equal(services.logs.at(-1)!.previous, true);
  app.unmount();
});

test('s hands the terminal to a shell in the selected container and says how it ended', async () => {
  const store = wholeStoreWith([userMsvc()]);
  const services = fakeServices();
  services.execOutcome = { kind: 'exited', exitCode: 2 };
  const { app } = await renderApp({ store, services, initialPod: USER_MSVC }, { columns: 120, rows: 24 });
  await frameWith(app, '1 Containers');
  await press(app, 'c', 's');
  await frameWith(app, 'shell in cloudsql-proxy exited with code 2');
  assert.deepEqual(services.execs, [{ namespace: 'shop', name: 'user-msvc', container: 'cloudsql-proxy' }]);
  assert.ok(
    app.frames.some((f) => f.includes('Opening a shell in cloudsql-proxy (detach: ctrl-])')),
    'the way out is shown first',
  );
  app.unmount();
});

test('no shell: the debug container is offered, and only y starts it', async () => {
  const store = wholeStoreWith([userMsvc()]);
  const services = fakeServices();
  services.execOutcome = { kind: 'no-shell', tried: ['bash', 'sh', '/busybox/sh'] };
  const { app } = await renderApp({ store, services, initialPod: USER_MSVC }, { columns: 120, rows: 24 });
  await frameWith(app, '1 Containers');
  await press(app, 's');
  let frame = await frameWith(app, '[y/N]');
  assert.equal(frame.split('\n').length, 24, 'the offer fits in the screen');
  await press(app, 'n');
  await frameWith(app, 'no debug container started');
  assert.equal(services.debugs.length, 0);
  await press(app, 's');
  await frameWith(app, '[y/N]');
  await press(app, 'y');
  frame = await frameWith(app, 'shell in user-msvc exited');
  assert.deepEqual(services.debugs, [{ namespace: 'shop', name: 'user-msvc', target: 'user-msvc', image: 'busybox:1.36' }]);
  assert.match(frame, /1 Containers/);
  app.unmount();
});

test('P probes ports: a skipped probe says why, a run marks what listens', async () => {
  const store = wholeStoreWith([userMsvc()]);
  const services = fakeServices();
  const { app } = await renderApp({ store, services, initialPod: USER_MSVC }, { columns: 120, rows: 24 });
  await frameWith(app, '1 Containers');
  await press(app, '4', 'P');
  await frameWith(app, 'probe: skipped: no shell with cat in any container');
  services.probeResult = {
    ok: true,
    container: 'user-msvc',
    tables: '  sl  local_address rem_address   st\n   0: 00000000:01BB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n',
  };
  await press(app, 'P');
  const frame = await frameWith(app, 'probe: ran in user-msvc');
  assert.match(rowWith(frame, '127.0.0.1:443/TCP'), /listening/);
  assert.match(rowWith(frame, '127.0.0.1:3306/TCP'), /NOT listening/);
  app.unmount();
});

test('the view re-lays out on resize: narrow cuts paths, wide shows them whole', async () => {
  const store = wholeStoreWith([userMsvc()]);
  const { app } = await renderApp({ store, initialPod: USER_MSVC }, { columns: 80, rows: 24 });
  await frameWith(app, '1 Containers');
  await press(app, '3');
  let frame = await frameWith(app, '* secret');
  assert.ok(frame.split('\n').every((l) => l.length <= 80));
  // Section 3 is focused, so its volume cursor takes a column: one cell less for the paths.
  assert.match(rowWith(frame, '>* logs'), /^>\* logs/);
  assert.match(rowWith(frame, '* secret'), /\/etc\/datadog-agent\/se…/);
  resize(app, 140, 30);
  frame = await frameWhere(app, (f) => rowWith(f, '* secret').includes('/etc/datadog-agent/secret ro'), 'wide matrix');
  assert.ok(frame.split('\n').some((l) => l.length > 100));
  assert.equal(frame.split('\n').length, 30);
  app.unmount();
});

test('in a lean store the open Pod shows whole once its focus brings the whole object, and goes lean when closed', async () => {
  const store = storeWith([userMsvc(), simplePod('shop', 'web-1')]);
  const uid = 'uid-user-msvc';
  assert.equal(heldField(store.get(uid)!.pod.spec, 'volumes'), undefined, 'listed lean');
  const services = fakeServices();
  const focused = new FocusedPodStore();
  // What the focus feed does: once the Pod is open, hand over the whole one it reads.
  focused.subscribe(() => {
    const key = focused.current?.key;
    if (key && !focused.current?.pod) setImmediate(() => offerWhole(focused, store, key, userMsvc(), false));
  });
  const { app } = await renderApp({ store, services, focused }, { columns: 100, rows: 40 });
  await frameWith(app, 'web-1');
  await press(app, KEY.enter);
  // Until the whole Pod arrives the lean one is drawn (no volumes, no ports); then the whole one.
  const frame = await frameWith(app, '127.0.0.1:443/TCP');
  assert.match(rowWith(frame, '127.0.0.1:443/TCP'), /→ user-msvc \(https\)/);
  assert.match(rowWith(frame, '* secret'), /secret user-msvc/);
  assert.equal(focused.current?.pod?.metadata?.uid, uid, 'the open Pod is whole in its record');
  assert.equal(heldField(store.get(uid)!.pod.spec, 'volumes'), undefined, 'the store keeps it lean');
  await press(app, KEY.esc);
  await until(() => services.focused.at(-1) === null, 'focus released');
  assert.equal(focused.current, undefined, 'no open Pod, nothing whole');
  assert.equal(heldField(store.get(uid)!.pod.spec, 'volumes'), undefined, 'lean again once closed');
  app.unmount();
});

test("P with the containers' fd tables: whose each port is, the Pod's traffic, and the finding", async () => {
  const store = wholeStoreWith([userMsvc()]);
  const services = fakeServices();
  const { app } = await renderApp({ store, services, initialPod: USER_MSVC }, { columns: 140, rows: 40 });
  await frameWith(app, '1 Containers');
  const row = (sl: number, local: string, remote: string, state: string, inode: number): string =>
    `${String(sl).padStart(4)}: ${local} ${remote} ${state} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0 20 4 30 10 -1`;
  services.probeResult = {
    ok: true,
    container: 'user-msvc',
    tables: [
      '  sl  local_address rem_address   st',
      row(0, '00000000:01BB', '00000000:0000', '0A', 11),
      row(1, '0100007F:0CEA', '00000000:0000', '0A', 12),
      row(2, '0100007F:B8DA', '0100007F:0CEA', '01', 13),
      row(3, '0100007F:0CEA', '0100007F:B8DA', '01', 14),
    ].join('\n'),
    // The sidecar holds the app's :443; the proxy is distroless (unread).
    fds: {
      'user-msvc': '/proc/1/fd:\nlrwx------ 1 root root 64 Dec  4 05:00 3 -> socket:[13]\n',
      'cloudsql-proxy': undefined,
      'datadog-agent': '/proc/1/fd:\nlrwx------ 1 root root 64 Dec  4 05:00 3 -> socket:[11]\n',
    },
  };
  await press(app, '4', 'P');
  const frame = await frameWith(app, 'traffic (P refreshes)');
  assert.match(rowWith(frame, '127.0.0.1:443/TCP'), /listening +held by datadog-agent/);
  assert.match(rowWith(frame, '127.0.0.1:3306/TCP'), /owner unknown/);
  assert.match(frame, /user-msvc → 127\.0\.0\.1:3306 cloudsql-proxy \(declared; owner unread\) \(1 connection\)/);
  await press(app, '1');
  await frameWith(app, 'port 443/TCP is declared by user-msvc but held by datadog-agent');
  app.unmount();
});

test('a wide terminal gives the volume matrix room where its caps cut: a projected volume reads whole at 200 columns', async () => {
  const pod = userMsvc();
  // Another version of the Pod: views are kept per uid and resourceVersion.
  pod.metadata!.resourceVersion = 'with-token-volume';
  pod.spec!.volumes!.push({ name: 'kube-api-access-wvxhc', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }, { downwardAPI: {} }] } });
  pod.spec!.containers[0]!.volumeMounts!.push({ name: 'kube-api-access-wvxhc', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true });
  const { app } = await renderApp({ store: wholeStoreWith([pod]), initialPod: USER_MSVC }, { columns: 200, rows: 60 });
  const frame = await frameWith(app, 'kube-api-access');
  assert.match(
    rowWith(frame, 'kube-api-access'),
    /kube-api-access-wvxhc projected \(serviceAccountToken, configMap kube-root-ca\.crt, downwardAPI\) \/var\/run\/secrets\/kubernetes\.io\/serviceaccount ro/,
  );
  // The mount cells stay a path and a gap wide, not a screen apart.
  assert.match(rowWith(frame, '* secret'), /\/etc\/user-msvc\/secret ro {2,30}\/etc\/datadog-agent\/secret ro/);
  app.unmount();
});
