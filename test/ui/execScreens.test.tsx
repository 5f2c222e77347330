// The exec pre-session line and the distroless debug offer: what the user reads, and that
// only an explicit "y" starts a container that can never be removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { makeTheme } from '../../src/ui/theme.ts';
import { DebugOffer, ExecOpening } from '../../src/ui/exec/ExecScreens.tsx';
import { outcomeLine } from '../../src/ui/exec/execText.ts';

const theme = makeTheme(false);
const tick = () => new Promise((r) => setTimeout(r, 10));

test('the opening line names the container and the detach key before the session starts', () => {
  const view = render(<ExecOpening theme={theme} container="user-msvc" detach="ctrl-]" />);
  assert.equal(view.lastFrame(), 'Opening a shell in user-msvc (detach: ctrl-]) …');
  view.unmount();
});

for (const [key, expected] of [
  ['y', true],
  ['Y', true],
  ['n', false],
  ['\r', false],
  ['x', false],
] as const) {
  test(`the debug offer answers ${expected ? 'yes' : 'no'} to ${JSON.stringify(key)}`, async () => {
    const answers: boolean[] = [];
    const view = render(<DebugOffer theme={theme} container="cloudsql-proxy" image="busybox:1.36" onAnswer={(a) => answers.push(a)} />);
    const text = (view.lastFrame() ?? '').replace(/\s+/g, ' '); // Ink wraps at the test terminal's width
    assert.match(text, /no shell in cloudsql-proxy \(distroless\)\. Start an ephemeral debug container busybox:1\.36 targeting cloudsql-proxy\?/);
    assert.match(text, /cannot be removed from the Pod afterwards\. \[y\/N\]/);
    await tick();
    view.stdin.write(key);
    await tick();
    assert.deepEqual(answers, [expected]);
    view.unmount();
  });
}

test('outcomes read as one line, with names from the cluster sanitized', () => {
  assert.equal(outcomeLine('app', { kind: 'exited', exitCode: 0 }), 'shell in app exited');
  assert.equal(outcomeLine('app', { kind: 'exited', exitCode: 130 }), 'shell in app exited with code 130');
  assert.equal(outcomeLine('app', { kind: 'detached' }), 'detached from app (its shell was ended)');
  assert.equal(outcomeLine('app', { kind: 'no-shell', tried: ['bash', 'sh'] }), 'no shell in app: tried bash, sh');
  assert.equal(outcomeLine('a\u001b[2Jpp', { kind: 'error', message: 'boom\u001b]0;x\u0007' }), 'boom\ufffd');
  assert.equal(outcomeLine('a\u001b[2Jpp', { kind: 'detached' }), 'detached from a\ufffdpp (its shell was ended)');
});
