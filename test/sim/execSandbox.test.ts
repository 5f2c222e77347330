// The sandbox every exec runs in, seen through the real kubectl: volumes at their absolute mount
// paths shared between containers, read-only mounts that answer EROFS, the Pod's hostname, its
// own PID namespace, and nothing written inside reaching the host. Without a sandbox, a clear
// Status and no command run (kubectl and `kubectl podview exec` each show it in one line).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { homedir, tmpdir } from 'node:os';
import { PassThrough, Writable } from 'node:stream';
import { KUBECTL, noKubectl, startExecHarness, type ExecHarness } from './execHarness.ts';
import { ensureBubblewrap } from './bubblewrap.ts';
import { runExecCommand } from '../../src/cli/execCommand.ts';
import { sandboxSupport } from '../../src/sim/exec/sandbox.ts';

/** Sets environment variables for a while; returns the undo. */
function setEnv(env: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

function withEnv<T>(env: Record<string, string>, run: () => T): T {
  const restore = setEnv(env);
  try {
    return run();
  } finally {
    restore();
  }
}

const bwrapMissing = ensureBubblewrap();

let sim: ExecHarness;
before(async () => {
  sim = await startExecHarness();
});
after(() => sim.close());

function kubectl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(KUBECTL!, ['--kubeconfig', sim.kubeconfigPath, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
const sh = (container: string, script: string) => kubectl(['exec', 'user-msvc', '-c', container, '--', 'sh', '-c', script]);

// The same container seen through each tool: bwrap where installed, unshare where it is not.
for (const [tool, env] of [
  ['bwrap', {}],
  ['unshare', { PODVIEW_SIM_BWRAP: '' }],
] as const) {
  const skip = noKubectl || (tool === 'bwrap' ? bwrapMissing : withEnv(env, () => sandboxSupport()).ok ? false : 'unshare may not make namespaces here (needs root)');
  describe(`exec in a ${tool} sandbox`, () => {
    let restore: () => void = () => {};
    before(() => (restore = setEnv(env)));
    after(() => restore());
    test('a volume shared by two containers is one directory at each absolute mount path', { skip }, async () => {
      const write = await sh('user-msvc', 'echo hi > /var/log/x.log');
      assert.equal(write.code, 0, write.stderr);
      const read = await kubectl(['exec', 'user-msvc', '-c', 'datadog-agent', '--', 'cat', '/var/log/monitor/x.log']);
      assert.equal(read.stdout, 'hi\n');
      const back = await sh('datadog-agent', 'echo from-agent >> /var/log/monitor/x.log');
      assert.equal(back.code, 0, back.stderr);
      assert.equal((await sh('user-msvc', 'cat /var/log/x.log')).stdout, 'hi\nfrom-agent\n');
    });

    test('a Secret volume holds its keys and is read-only: writing gets EROFS', { skip }, async () => {
      assert.equal((await sh('user-msvc', 'cat /etc/user-msvc/secret/password')).stdout, 's3cret');
      const write = await sh('user-msvc', 'echo stolen > /etc/user-msvc/secret/password');
      assert.notEqual(write.code, 0);
      assert.match(write.stderr, /Read-only file system/);
      const create = await sh('user-msvc', 'touch /etc/user-msvc/secret/new');
      assert.match(create.stderr, /Read-only file system/);
      // No capabilities inside: the read-only bind cannot be remounted writable.
      const remount = await sh('user-msvc', 'mount -o remount,rw /etc/user-msvc/secret; mount -o remount,bind,rw /usr; echo stolen > /etc/user-msvc/secret/password');
      assert.match(remount.stderr, /Read-only file system/);
      assert.equal((await sh('user-msvc', 'cat /etc/user-msvc/secret/password')).stdout, 's3cret');
    });

    test('the hostname is the Pod name, and the container has its own PID namespace', { skip }, async () => {
      const r = await sh('user-msvc', 'hostname; cat /etc/hostname; echo "$HOSTNAME"; echo "$$"');
      const [hostname, file, variable, pid] = r.stdout.trim().split('\n');
      assert.deepEqual([hostname, file, variable], ['user-msvc', 'user-msvc', 'user-msvc']);
      assert.ok(Number(pid) < 10, `the shell is one of the first processes of its namespace (pid ${pid})`);
      const procs = await sh('user-msvc', 'ls /proc | grep -c "^[0-9]"');
      assert.ok(Number(procs.stdout) < 10, `only the sandbox's processes are visible (${procs.stdout.trim()})`);
    });

    test("the root is the container's own: the host's top-level directories are not there", { skip }, async () => {
      const r = await kubectl(['exec', 'user-msvc', '-c', 'user-msvc', '--', 'ls', '/']);
      const inside = new Set(r.stdout.trim().split('\n'));
      assert.ok(inside.has('usr') && inside.has('etc') && inside.has('var'));
      const hostOnly = readdirSync('/').filter((name) => !['usr', 'bin', 'sbin', 'lib', 'lib64', 'lib32', 'libx32', 'etc', 'var', 'tmp', 'root', 'home', 'dev', 'proc'].includes(name));
      assert.ok(hostOnly.length > 0, 'the host has directories a container would not');
      for (const name of hostOnly) assert.ok(!inside.has(name), `the host's /${name} is not in the container`);
    });

    test('nothing a session writes reaches the host: /var/log, /etc and the home directory unchanged', { skip }, async () => {
      const tag = `podview-sandbox-${process.pid}`;
      const passwd = createHash('sha256').update(readFileSync('/etc/passwd')).digest('hex');
      const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort().join('\n') : '');
      const before = { varLog: listing('/var/log'), etc: listing('/etc'), home: listing(homedir()) };
      const r = await sh(
        'datadog-agent',
        `echo x > /var/log/${tag}; echo x > /etc/${tag}; echo x > "$HOME/${tag}"; echo x > ${homedir()}/${tag}; ` +
          `echo x >> /etc/passwd; echo x > /usr/${tag}; rm -f /etc/passwd; mkdir -p /var/lib/${tag}; echo done`,
      );
      assert.match(r.stdout, /done/, r.stderr);
      assert.match(r.stderr, /Read-only file system/, 'the system directories refuse writes');
      assert.equal(createHash('sha256').update(readFileSync('/etc/passwd')).digest('hex'), passwd);
      assert.deepEqual({ varLog: listing('/var/log'), etc: listing('/etc'), home: listing(homedir()) }, before);
      for (const path of [`/var/log/${tag}`, `/etc/${tag}`, `${homedir()}/${tag}`, `/usr/${tag}`, `/var/lib/${tag}`]) assert.equal(existsSync(path), false, path);
      // The writes that succeeded landed in the container's own root, where the next exec sees them.
      assert.equal((await sh('datadog-agent', `cat /etc/${tag}`)).stdout, 'x\n');
    });

    test("links a session leaves in the container's root never lead the sim's own writes onto the host", { skip }, async (t) => {
      const trap = mkdtempSync(join(tmpdir(), 'podview-escape-'));
      t.after(() => rmSync(trap, { recursive: true, force: true }));
      // /etc, /usr and /var/log's parent swapped for links to a host directory: the next exec's
      // /etc/hostname, mount points and binds must not land there.
      const r = await sh('datadog-agent', `mv /etc /etc.moved && ln -s ${trap} /etc; mv /var /var.moved && ln -s ${trap} /var; ln -s ${trap} /dev.link; echo moved`);
      assert.match(r.stdout, /moved/, r.stderr);
      const next = await sh('datadog-agent', 'cat /etc/hostname; ls /var/log/monitor');
      assert.equal(next.code, 0, next.stderr);
      assert.match(next.stdout, /^user-msvc\n/);
      assert.deepEqual(readdirSync(trap), [], 'nothing was written through the links');
    });

    test('a distroless container has no shell in the sandbox either', { skip }, async () => {
      const r = await kubectl(['exec', 'distroless', '--', 'sh', '-c', 'echo should-not-run']);
      assert.doesNotMatch(r.stdout, /should-not-run/);
      assert.match(r.stdout + r.stderr, /executable file not found/);
    });
  });
}

test('without a sandbox nothing runs: a clear Status, one line in kubectl and in podview exec', { skip: noKubectl }, async () => {
  const restore = setEnv({ PODVIEW_SIM_BWRAP: '', PODVIEW_SIM_UNSHARE: '' });
  try {
    const r = await sh('user-msvc', 'echo ran > /var/log/should-not-exist; echo ran');
    assert.notEqual(r.code, 0);
    assert.doesNotMatch(r.stdout, /ran/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /no sandbox for exec here: install bubblewrap \(apt-get install bubblewrap\)/);
    const chunks: Buffer[] = [];
    const sink = () =>
      new Writable({
        write: (c: Buffer, _e, done) => {
          chunks.push(Buffer.from(c));
          done();
        },
      });
    const io = { input: new PassThrough(), output: sink(), error: sink() } as never;
    const code = await runExecCommand({ kubeConfig: sim.kubeConfig, namespace: 'shop', pod: 'user-msvc', container: 'user-msvc', command: ['true'], stdin: false, tty: false, io });
    const text = Buffer.concat(chunks).toString();
    assert.notEqual(code, 0);
    assert.equal(text.trim().split('\n').length, 1, text);
    assert.match(text, /^error: .*no sandbox for exec here: install bubblewrap/);
    // The port probe's read of /proc/net needs no process, so it still answers.
    const probe = await kubectl(['exec', 'user-msvc', '-c', 'user-msvc', '--', 'cat', '/proc/net/tcp']);
    assert.equal(probe.code, 0, probe.stderr);
  } finally {
    restore();
  }
  assert.equal((await sh('user-msvc', 'test -e /var/log/should-not-exist || echo absent')).stdout, 'absent\n');
});
