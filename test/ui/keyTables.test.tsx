// Every screen's key table both dispatches its keys and draws its `?`: walk each table, press
// each key it names, and check that the screen's help lists exactly the table's rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { LogBuffer } from '../../src/store/logBuffer.ts';
import { helpLines } from '../../src/ui/help/HelpView.tsx';
import { FORWARD_KEYS } from '../../src/ui/forwards/forwardKeys.ts';
import { HELP_KEYS } from '../../src/ui/help/helpKeys.ts';
import { HOST_KEYS } from '../../src/ui/host/hostKeys.ts';
import { bindingFor, dispatchKey, keySample, keysText, type KeyTable } from '../../src/ui/keys/keyTable.ts';
import { fit } from '../../src/ui/fit.ts';
import { lineText } from '../../src/ui/lines.tsx';
import { LIST_KEYS } from '../../src/ui/list/listKeys.ts';
import { LogView } from '../../src/ui/logs/LogView.tsx';
import { LOG_KEYS } from '../../src/ui/logs/logKeys.ts';
import { RESTART_CONFIRM_KEYS } from '../../src/ui/restart/restartKeys.ts';
import { YAML_KEYS } from '../../src/ui/yaml/yamlKeys.ts';
import { DIFF_KEYS } from '../../src/ui/diff/diffKeys.ts';
import { VOLUME_KEYS } from '../../src/ui/volume/volumeKeys.ts';
import { userMsvc, simplePod } from './fixtures.ts';
import { fakeServices, frameWhere, frameWith, KEY, press, renderApp, storeWith, wholeStoreWith } from './harness.tsx';

const TABLES: Record<string, KeyTable<unknown>> = { list: LIST_KEYS, host: HOST_KEYS, logs: LOG_KEYS, help: HELP_KEYS, yaml: YAML_KEYS, diff: DIFF_KEYS, volume: VOLUME_KEYS, forwards: FORWARD_KEYS };

test('every key a table names dispatches its own row, and no two rows claim one key', () => {
  for (const [screen, table] of Object.entries(TABLES)) {
    const seen = new Set<string>();
    for (const row of table) {
      assert.ok(row.help.length > 0, `${screen}: ${keysText(row)} has help text`);
      for (const name of row.keys) {
        assert.ok(!seen.has(name), `${screen}: ${name} is in one row only`);
        seen.add(name);
        const [input, key] = keySample(name);
        assert.equal(bindingFor(table, input, key), row, `${screen}: ${name} dispatches "${row.help}"`);
        assert.notEqual(dispatchKey(table, input, key), undefined);
      }
    }
  }
});

test('q and ctrl-c quit, esc goes back (or closes), ? opens help: one meaning on every screen', () => {
  const meaning = (table: KeyTable<unknown>, name: string) => {
    const [input, key] = keySample(name);
    return (dispatchKey(table, input, key) as { type: string } | undefined)?.type;
  };
  for (const [screen, table] of Object.entries(TABLES)) {
    assert.equal(meaning(table, 'q'), 'quit', `${screen}: q`);
    assert.equal(meaning(table, 'ctrl-c'), 'quit', `${screen}: ctrl-c`);
    assert.ok(meaning(table, '?') !== undefined, `${screen}: ?`);
  }
  assert.equal(meaning(HOST_KEYS, 'esc'), 'back');
  assert.equal(meaning(LOG_KEYS, 'esc'), 'back');
  assert.equal(meaning(YAML_KEYS, 'esc'), 'back');
  assert.equal(meaning(DIFF_KEYS, 'esc'), 'back');
  assert.equal(meaning(VOLUME_KEYS, 'esc'), 'back');
  assert.equal(meaning(HELP_KEYS, 'esc'), 'close');
  assert.equal(meaning(FORWARD_KEYS, 'esc'), 'back');
  assert.equal(meaning(LIST_KEYS, 'esc'), 'clearFilter', 'the list is the first screen: esc clears its filter, never quits');
  for (const table of [LIST_KEYS, HOST_KEYS, LOG_KEYS, YAML_KEYS, DIFF_KEYS, VOLUME_KEYS, FORWARD_KEYS]) assert.equal(meaning(table, '?'), 'help');
  // A diagnosis line's evidence, and the list's `:` prompt (:ns, :ctx).
  assert.deepEqual([meaning(HOST_KEYS, 'n'), meaning(HOST_KEYS, 'N'), meaning(HOST_KEYS, 'enter')], ['nextFinding', 'prevFinding', 'evidence']);
  assert.equal(meaning(LIST_KEYS, ':'), 'command');
  assert.equal(meaning(LIST_KEYS, '0'), 'allNamespaces');
});

test('a key no row names does nothing', () => {
  for (const [screen, table] of Object.entries(TABLES)) {
    for (const name of ['x', 'Z', 'ctrl-z', '~']) {
      if (table.some((row) => row.keys.includes(name))) continue;
      const [input, key] = keySample(name);
      assert.equal(dispatchKey(table, input, key), undefined, `${screen}: ${name}`);
    }
  }
});

/** The help's key lines: from the line after the title's blank line to the next blank line. */
function keyLines(frame: string): string[] {
  const lines = frame.split('\n').map((l) => l.trimEnd());
  const from = lines.findIndex((l) => l.startsWith('Keys: ')) + 2;
  const to = lines.indexOf('', from);
  return lines.slice(from, to < 0 ? lines.length : to);
}

function checkHelp(frame: string, table: KeyTable<unknown>) {
  // Exactly the table: one line per row, in its order, each with the row's keys and help text.
  assert.deepEqual(
    keyLines(frame),
    table.map((row) => `${fit(keysText(row), 16)}${row.help}`.trimEnd()),
  );
}

test('? on the list lists exactly the list table, with the CTRS legend', async () => {
  assert.deepEqual(
    helpLines({ title: 'x', keys: LIST_KEYS })
      .slice(2)
      .map(lineText)
      .map((l) => l.trimEnd().split(/\s{2,}/)[0]),
    LIST_KEYS.map(keysText),
  );
  const { app } = await renderApp({ store: storeWith([simplePod('shop', 'web-1')]) }, { columns: 160, rows: 44 });
  await frameWith(app, 'web-1');
  await press(app, '?');
  const frame = await frameWith(app, 'Keys: Pod list');
  checkHelp(frame, LIST_KEYS);
  for (const other of ['P', 'tab', 'shift-tab', '1-9']) assert.ok(!keyLines(frame).some((l) => l.startsWith(`${other} `)), `the list does not answer ${other}`);
  assert.match(frame, /CTRS column/);
  for (const [glyph, what] of [
    ['▪', 'init container'],
    ['◆', 'sidecar'],
    ['●', 'app container'],
    ['◇', 'ephemeral'],
  ])
    assert.match(frame, new RegExp(`${glyph}\\s+${what}`), `legend: ${glyph}`);
  for (const [colour, what] of [
    ['green', 'running'],
    ['yellow', 'waiting'],
    ['red', 'failing'],
    ['grey', 'exited 0'],
  ])
    assert.match(frame, new RegExp(`●\\s+${colour}:\\s+${what}`), `legend: ${colour}`);
  await press(app, '?');
  await frameWith(app, 'NAME');
  app.unmount();
});

test('? on the Pod view lists exactly the Pod view table; esc closes it, esc again goes back', async () => {
  const { app } = await renderApp({ store: wholeStoreWith([userMsvc()]), initialPod: { namespace: 'shop', name: 'user-msvc' } }, { columns: 160, rows: 40 });
  await frameWith(app, '1 Containers');
  await press(app, '?');
  const frame = await frameWith(app, 'Keys: Pod view');
  checkHelp(frame, HOST_KEYS);
  assert.ok(
    keyLines(frame).some((l) => /^P\s+probe/.test(l)),
    'P is the Pod view’s',
  );
  assert.ok(!frame.includes('CTRS column'), 'the legend is the list’s');
  await press(app, KEY.esc);
  await frameWith(app, '1 Containers');
  await press(app, KEY.esc);
  await frameWith(app, 'NAME');
  app.unmount();
});

test('q quits from the list, the Pod view, help and the log view alike', async () => {
  for (const keys of [[], [KEY.enter], ['?'], [KEY.enter, '?'], ['l'], [KEY.enter, 'l']]) {
    const { app, exits } = await renderApp({ store: wholeStoreWith([userMsvc()]) }, { columns: 120, rows: 30 });
    await frameWith(app, 'user-msvc');
    await press(app, ...keys);
    if (keys.at(-1) === 'l') await frameWith(app, 'logs shop/user-msvc');
    await press(app, 'q');
    await frameWhere(app, () => exits() === 1, `q after ${JSON.stringify(keys)} quits`);
    app.unmount();
  }
});

test('the log view: ? lists exactly its table, esc goes back, q quits', async () => {
  const buffer = new LogBuffer({ frameMs: 0 });
  buffer.setState({ kind: 'streaming' });
  buffer.push({ text: 'hello' });
  let closed = 0;
  let quits = 0;
  const view = render(
    <LogView session={{ buffer, close() {} }} title="logs shop/web" color={false} onClose={() => closed++} onQuit={() => quits++} saveText={async () => ''} width={120} height={30} />,
  );
  await frameWith(view, 'hello');
  await press(view, '?');
  const frame = await frameWith(view, 'Keys: logs');
  checkHelp(frame, LOG_KEYS);
  await press(view, KEY.esc);
  await frameWith(view, 'hello');
  assert.equal(closed, 0, 'esc in help closes the help, not the logs');
  await press(view, KEY.esc);
  assert.equal(closed, 1);
  await press(view, 'q');
  assert.equal(quits, 1);
  view.unmount();
});

test('the YAML screen: ? lists exactly its table, esc closes the help, esc again goes back', async () => {
  const services = fakeServices();
  services.yamlPods.push(userMsvc());
  const { app } = await renderApp({ store: wholeStoreWith([userMsvc()]), services, initialPod: { namespace: 'shop', name: 'user-msvc' } }, { columns: 160, rows: 40 });
  await frameWith(app, '1 Containers');
  await press(app, 'y');
  await frameWith(app, 'kind: Pod');
  await press(app, '?');
  checkHelp(await frameWith(app, 'Keys: YAML'), YAML_KEYS);
  await press(app, KEY.esc);
  await frameWith(app, 'kind: Pod');
  await press(app, KEY.esc);
  await frameWith(app, '1 Containers');
  app.unmount();
});

test('the restart question answers only y/enter (delete), n/esc (keep) and ctrl-c (quit)', () => {
  const meaning = (name: string) => {
    const [input, key] = keySample(name);
    return (dispatchKey(RESTART_CONFIRM_KEYS, input, key) as { type: string } | undefined)?.type;
  };
  for (const name of ['y', 'enter']) assert.equal(meaning(name), 'confirm', name);
  for (const name of ['n', 'esc']) assert.equal(meaning(name), 'cancel', name);
  assert.equal(meaning('ctrl-c'), 'quit');
  for (const name of ['Y', 'x', 'q', 'space', 'd', 'ctrl-d']) assert.equal(meaning(name), undefined, `${name} is no answer`);
});

test('? on the replica diff and on a volume listing lists exactly their tables', async () => {
  for (const [keys, open, title, table] of [
    [['d'], 'cannot pick a sibling', 'Keys: replica diff', DIFF_KEYS],
    [['v', KEY.enter], 'volume logs:', 'Keys: volume listing', VOLUME_KEYS],
  ] as const) {
    const { app } = await renderApp({ store: wholeStoreWith([userMsvc()]), initialPod: { namespace: 'shop', name: 'user-msvc' } }, { columns: 160, rows: 40 });
    await frameWith(app, '1 Containers');
    await press(app, ...keys);
    await frameWith(app, open);
    await press(app, '?');
    checkHelp(await frameWith(app, title), table);
    await press(app, KEY.esc);
    await frameWith(app, open);
    await press(app, KEY.esc);
    await frameWith(app, '1 Containers');
    app.unmount();
  }
});

test('? on the port-forwards lists exactly its table; esc closes it, esc again goes back', async () => {
  const { app } = await renderApp({ store: wholeStoreWith([userMsvc()]) }, { columns: 160, rows: 40 });
  await frameWith(app, 'user-msvc');
  await press(app, 'F');
  await frameWith(app, 'Port-forwards (0)');
  await press(app, '?');
  checkHelp(await frameWith(app, 'Keys: port-forwards'), FORWARD_KEYS);
  await press(app, KEY.esc);
  await frameWith(app, 'Port-forwards (0)');
  await press(app, KEY.esc);
  await frameWith(app, 'NAME');
  app.unmount();
});
