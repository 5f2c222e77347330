// pods/attach through the real kubectl and client-node's Attach: the container's output as it
// writes it, from the moment of attaching, until its process ends with a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { Attach, type V1Status } from '@kubernetes/client-node';
import { hubFor } from '../../src/sim/logs/hub.ts';
import { restartContainer } from '../../src/sim/kubelet.ts';
import { KUBECTL, noKubectl, startExecHarness, type ExecHarness } from './execHarness.ts';

let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

const emit = (container: string, lines: string[]) => hubFor(sim.world).emit('shop', 'user-msvc', container, lines);
const followers = (container: string) => hubFor(sim.world).logs('shop', 'user-msvc', container).current.followers.size;
const attached = async (container: string) => {
  for (let i = 0; i < 250 && followers(container) === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(followers(container) > 0, `attached to ${container}`);
};

test('kubectl attach shows what the container writes after attaching', { skip: noKubectl }, async (t) => {
  emit('user-msvc', ['before attaching']);
  const child = spawn(KUBECTL!, ['--kubeconfig', sim.kubeconfigPath, 'attach', 'user-msvc', '-c', 'user-msvc'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await attached('user-msvc');
  emit('user-msvc', ['first line after attaching', 'second line']);
  for (let i = 0; i < 250 && !out.includes('second line'); i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(out, 'first line after attaching\nsecond line\n');
});

test("client-node's Attach: output on stdout, and a Success Status when the process ends with a restart", async () => {
  let out = '';
  const stdout = new Writable({
    write: (c: Buffer, _e, done) => {
      out += c.toString();
      done();
    },
  });
  const status = new Promise<V1Status>((resolve) => {
    void new Attach(sim.kubeConfig).attach('shop', 'user-msvc', 'datadog-agent', stdout, null, null, false).then((ws) => {
      ws.on('message', (data: Buffer) => {
        if (data[0] === 3) resolve(JSON.parse(data.subarray(1).toString()) as V1Status);
      });
    });
  });
  await attached('datadog-agent');
  emit('datadog-agent', ['agent says hi']);
  for (let i = 0; i < 250 && !out.includes('agent says hi'); i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(out, 'agent says hi\n');
  sim.world.updatePod('shop', 'user-msvc', (pod) => restartContainer(pod, 'datadog-agent', sim.world.now()) ?? pod);
  assert.equal((await status).status, 'Success');
});
