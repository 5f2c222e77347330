// `f` in the Pod view forwards the selected container's port; `F` lists the forwards, which
// outlive view changes; `x` stops one; the feed stops them all on exit. The real store and
// feed (store/forwards, cluster/forwardFeed) over fake forwards that listen nowhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userMsvc } from './fixtures.ts';
import { frameWith, KEY, press, renderApp, rowWith, until, wholeStoreWith } from './harness.tsx';

const SIZE = { columns: 160, rows: 40 };
const openUserMsvc = () => renderApp({ store: wholeStoreWith([userMsvc()]), initialPod: { namespace: 'shop', name: 'user-msvc' } }, SIZE);

test('f forwards the selected container’s port, says where, and copies the address', async () => {
  const { app, services } = await openUserMsvc();
  await frameWith(app, '1 Containers');
  await press(app, 'f');
  const frame = await frameWith(app, 'forwarding 127.0.0.1:40001 -> user-msvc:443 (address copied)');
  assert.deepEqual(
    services.forwardsStarted.map((f) => f.request),
    [{ namespace: 'shop', pod: 'user-msvc', remotePort: 443 }],
  );
  assert.deepEqual(services.copies, ['127.0.0.1:40001']);
  assert.ok(frame.includes('1 Containers'), 'the Pod view stays open');
  // The port map says where the port is forwarded.
  await press(app, '4');
  const ports = await frameWith(app, 'forwarded at 127.0.0.1:40001');
  assert.match(rowWith(ports, 'forwarded at'), /127\.0\.0\.1:443\/TCP.*user-msvc.*forwarded at 127\.0\.0\.1:40001/);
  // Its only port is forwarded: f again says so instead of a second forward of the same port.
  await press(app, 'f');
  await frameWith(app, 'every TCP port of user-msvc is forwarded already');
  assert.equal(services.forwardsStarted.length, 1);
  // The next container's port.
  await press(app, KEY.right, 'f');
  await frameWith(app, 'forwarding 127.0.0.1:40002 -> user-msvc:3306');
  assert.equal(services.forwardsStarted[1]?.request.remotePort, 3306);
  app.unmount();
});

test('without the clipboard the address is shown, not copied; a container without a TCP port says so', async () => {
  const { app, services } = await openUserMsvc();
  services.clipboard = false;
  await frameWith(app, '1 Containers');
  await press(app, 'f');
  const frame = await frameWith(app, 'forwarding 127.0.0.1:40001 -> user-msvc:443');
  assert.ok(!frame.includes('copied'));
  assert.deepEqual(services.copies, []);
  await press(app, KEY.right, KEY.right, 'f');
  await frameWith(app, 'datadog-agent declares no TCP port');
  assert.equal(services.forwardsStarted.length, 1);
  app.unmount();
});

test('a forward that cannot listen is one error line, and F shows it failed until x clears it', async () => {
  const { app, services, forwards } = await openUserMsvc();
  services.forwardFailure = '127.0.0.1:0 is in use';
  await frameWith(app, '1 Containers');
  await press(app, 'f');
  await frameWith(app, 'port-forward user-msvc:443: 127.0.0.1:0 is in use');
  await press(app, 'F');
  const list = await frameWith(app, 'Port-forwards (1)');
  assert.match(rowWith(list, 'shop/user-msvc:443'), /FAILED/);
  await press(app, 'x');
  await frameWith(app, 'Port-forwards (0)');
  assert.equal(forwards.all.length, 0);
  app.unmount();
});

test('F lists forwards with connections and their last event (one sanitized line); they survive view changes; x stops one', async () => {
  const { app, services, forwards, forwardFeed } = await openUserMsvc();
  await frameWith(app, '1 Containers');
  await press(app, 'f');
  await frameWith(app, 'forwarding 127.0.0.1:40001');
  await press(app, KEY.right, 'f');
  await frameWith(app, 'forwarding 127.0.0.1:40002');
  const [envoy, sql] = services.forwardsStarted;
  sql!.open = 1;
  sql!.emit({ kind: 'opened', connection: 1, text: 'Handling connection for 40002' });
  await press(app, 'F');
  let frame = await frameWith(app, 'Port-forwards (2)');
  assert.match(rowWith(frame, '127.0.0.1:40001'), /▸ 127\.0\.0\.1:40001 -> shop\/user-msvc:443 \(user-msvc\)\s+0 open/);
  assert.match(rowWith(frame, '127.0.0.1:40002'), /127\.0\.0\.1:40002 -> shop\/user-msvc:3306 \(cloudsql-proxy\)\s+1 open/);
  assert.ok(frame.includes('Handling connection for 40002'));
  // A connection error from the API server: control sequences stripped, one line.
  sql!.open = 0;
  sql!.emit({ kind: 'error', connection: 1, text: 'an error occurred forwarding 40002 -> 3306: \u001b[31mpod gone\u001b[0m\nsecond line' });
  frame = await frameWith(app, 'pod gone second line');
  assert.ok(!frame.includes('\u001b[31m'));
  // Out to the list and back: the forwards are still there.
  await press(app, KEY.esc);
  await frameWith(app, '1 Containers');
  await press(app, KEY.esc);
  await frameWith(app, 'NAME');
  await press(app, 'F');
  await frameWith(app, 'Port-forwards (2)');
  assert.equal(envoy!.stopped, false);
  // ? lists the screen's own keys.
  await press(app, '?');
  await frameWith(app, 'Keys: port-forwards');
  await press(app, KEY.esc);
  await frameWith(app, 'Port-forwards (2)');
  // j selects the second; x stops it.
  await press(app, 'j', 'x');
  frame = await frameWith(app, 'Port-forwards (1)');
  assert.equal(sql!.stopped, true);
  assert.equal(envoy!.stopped, false);
  assert.ok(frame.includes('127.0.0.1:40001'));
  // The TUI's way out stops what is left.
  await forwardFeed.stopAll();
  assert.equal(envoy!.stopped, true);
  assert.equal(forwards.all.length, 0);
  app.unmount();
});

test('a forward asked to stop while it is still starting is stopped once it listens', async () => {
  const { app, services, forwards, forwardFeed } = await openUserMsvc();
  await frameWith(app, '1 Containers');
  const id = forwards.start({ namespace: 'shop', pod: 'user-msvc', container: 'user-msvc', remotePort: 443 });
  forwards.stop(id);
  await until(() => services.forwardsStarted[0]?.stopped === true, 'the late forward stopped');
  await until(() => forwards.all.length === 0, 'the forward removed');
  await forwardFeed.stopAll();
  app.unmount();
});
