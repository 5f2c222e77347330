// The sim's pods/exec checked by the real kubectl: if kubectl accepts it, so would any client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { KUBECTL, noKubectl, startExecHarness, type ExecHarness } from './execHarness.ts';

const skip = noKubectl;

let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

function kubectl(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(KUBECTL!, ['--kubeconfig', sim.kubeconfigPath, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

test('kubectl exec passes output through and exits with the remote exit code', { skip }, async () => {
  const r = await kubectl(['exec', 'user-msvc', '-c', 'user-msvc', '--', 'sh', '-c', 'echo hi; echo oops >&2; exit 3']);
  assert.equal(r.stdout, 'hi\n');
  assert.match(r.stderr, /oops/);
  assert.equal(r.code, 3);
});

test('a file written in one container is read by another through the shared emptyDir', { skip }, async () => {
  const write = await kubectl(['exec', 'user-msvc', '-c', 'user-msvc', '--', 'sh', '-c', 'echo shared-line > var/log/x.log']);
  assert.equal(write.code, 0, write.stderr);
  const read = await kubectl(['exec', 'user-msvc', '-c', 'datadog-agent', '--', 'cat', 'var/log/monitor/x.log']);
  assert.equal(read.stdout, 'shared-line\n');
  assert.equal(read.code, 0);
});

test('stdin reaches the command with -i', { skip }, async () => {
  const r = await kubectl(['exec', '-i', 'user-msvc', '-c', 'user-msvc', '--', 'cat'], 'through stdin\n');
  assert.equal(r.stdout, 'through stdin\n');
  assert.equal(r.code, 0);
});

test('literal env is set, secret-backed env is not', { skip }, async () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, for the container's sh
  const r = await kubectl(['exec', 'user-msvc', '-c', 'user-msvc', '--', 'sh', '-c', 'echo "$GREETING|${DB_PASSWORD:-unset}"']);
  assert.equal(r.stdout, 'hello from env|unset\n');
});

test('a shell missing from the image fails the way a runtime does', { skip }, async () => {
  const r = await kubectl(['exec', 'user-msvc', '-c', 'cloudsql-proxy', '--', 'sh']);
  assert.match(r.stdout + r.stderr, /exec: "sh": executable file not found in \$PATH/);
  assert.equal(r.code, 126);
});

test('a forbidden exec is reported by kubectl as forbidden', { skip }, async () => {
  sim.denyExec(true);
  try {
    const r = await kubectl(['exec', 'user-msvc', '-c', 'user-msvc', '--', 'true']);
    assert.match(r.stderr, /cannot create resource "pods\/exec"/);
    assert.notEqual(r.code, 0);
  } finally {
    sim.denyExec(false);
  }
});

test('an unknown container is refused in kube-apiserver words', { skip }, async () => {
  const r = await kubectl(['exec', 'user-msvc', '-c', 'nope', '--', 'true']);
  assert.match(r.stderr, /container nope is not valid for pod user-msvc/);
  assert.notEqual(r.code, 0);
});
