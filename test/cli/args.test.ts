import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../src/cli/args.ts';
import { UserError } from '../../src/cluster/errors.ts';

function failure(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (err) {
    assert.ok(err instanceof UserError, `expected a UserError for ${argv.join(' ')}`);
    assert.ok(!err.message.includes('\n'), 'one line');
    return err.message;
  }
  assert.fail(`expected ${argv.join(' ')} to be rejected`);
}

test('the default command takes a Pod name and kubectl-style flags; the last repeated flag wins', () => {
  const parsed = parseArgs([
    'user-msvc',
    '-n',
    'a',
    '--namespace',
    'shop',
    '-l',
    'app=web',
    '--field-selector',
    'status.phase=Running',
    '--context',
    'dev',
    '--request-timeout',
    '5s',
    '-o',
    'json',
    '--once',
    '--no-color',
    '--log-colors',
    '--log-lines',
    '5000',
  ]);
  assert.deepEqual(parsed, {
    kind: 'view',
    args: {
      pod: 'user-msvc',
      namespace: 'shop',
      allNamespaces: false,
      selector: 'app=web',
      fieldSelector: 'status.phase=Running',
      context: 'dev',
      cluster: undefined,
      user: undefined,
      kubeconfig: undefined,
      requestTimeout: '5s',
      demo: false,
      output: 'json',
      filename: undefined,
      once: true,
      probe: false,
      logColors: true,
      logLines: 5000,
      shell: undefined,
      color: false,
    },
  });
  assert.match(failure(['--log-lines', '10']), /--log-lines/);
});

test('--no-clipboard reaches the TUI (f copies no address); without it the terminal decides', () => {
  const off = parseArgs(['--no-clipboard']);
  assert.equal(off.kind === 'view' ? off.args.clipboard : 'not a view', false);
  const unset = parseArgs([]);
  assert.equal(unset.kind === 'view' ? unset.args.clipboard : 'not a view', undefined);
});

test('logs and exec take their own flags; -f means --follow for logs and everything after -- is the command', () => {
  const logs = parseArgs(['logs', 'p', '-c', 'app', '-f', '--tail', '20', '--previous']);
  assert.equal(logs.kind, 'logs');
  if (logs.kind === 'logs') assert.deepEqual([logs.args.pod, logs.args.container, logs.args.follow, logs.args.tail, logs.args.previous], ['p', 'app', true, 20, true]);
  const exec = parseArgs(['exec', 'p', '-it', '-c', 'app', '--', 'sh', '-c', 'exit 3']);
  assert.equal(exec.kind, 'exec');
  if (exec.kind === 'exec') assert.deepEqual([exec.args.stdin, exec.args.tty, exec.args.container, exec.args.command], [true, true, 'app', ['sh', '-c', 'exit 3']]);
});

test('version, help and completion commands', () => {
  assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
  assert.deepEqual(parseArgs(['version']), { kind: 'version' });
  assert.deepEqual(parseArgs(['-h']), { kind: 'help', topic: 'view' });
  assert.deepEqual(parseArgs(['logs', '--help']), { kind: 'help', topic: 'logs' });
  const query = parseArgs(['logs', 'deploy/web', '-c', '^app', '-E', 'proxy', '-i', 'ERROR', '-e', 'health', '--max-pods', '80', '-o', 'json', '--no-prefix', '-A']);
  assert.equal(query.kind, 'logs');
  if (query.kind === 'logs') {
    const a = query.args;
    assert.deepEqual(
      [a.pod, a.container, a.excludeContainer, a.include, a.exclude, a.maxPods, a.output, a.prefix, a.allNamespaces],
      ['deploy/web', '^app', 'proxy', 'ERROR', 'health', 80, 'json', false, true],
    );
  }
  const bySelector = parseArgs(['logs', '-l', 'app=web', '-f']);
  if (bySelector.kind === 'logs') assert.deepEqual([bySelector.args.pod, bySelector.args.selector, bySelector.args.prefix], ['', 'app=web', undefined]);
  assert.deepEqual(parseArgs(['completion', 'zsh']), { kind: 'completion', shell: 'zsh' });
  assert.deepEqual(parseArgs(['__complete', 'logs', '']), { kind: 'complete', words: ['logs', ''] });
  assert.deepEqual(parseArgs(['exec', 'p', '--', 'grep', '--version']).kind, 'exec', '--version after -- belongs to the command');
});

test('every mistake is one line naming the flag and, where there are any, the valid values', () => {
  assert.match(failure(['--frobnicate']), /unknown flag --frobnicate/);
  assert.match(failure(['-z']), /unknown flag -z/);
  assert.match(failure(['-o', 'xml']), /invalid value "xml" for -o\/--output: valid values are text, json, yaml/);
  assert.match(failure(['-o']), /-o\/--output needs a value: one of text, json, yaml/);
  assert.match(failure(['-n']), /-n\/--namespace needs a value/);
  assert.match(failure(['--namespace=']), /-n\/--namespace needs a value/);
  assert.match(failure(['a', 'b']), /unexpected argument "b"/);
  assert.match(failure(['logs']), /needs a Pod name/);
  assert.match(failure(['logs', 'p', '--tail', 'many']), /--tail/);
  assert.match(failure(['logs', 'p', '-c', 'a', '--all-containers']), /cannot be used together/);
  assert.match(failure(['completion', 'tcsh']), /valid values are bash, zsh, fish/);
  assert.match(failure(['p', '-A']), /-A\/--all-namespaces/);
  assert.match(failure(['logs', 'p', '-o', 'yaml']), /invalid value "yaml" for -o\/--output: valid values for logs are text, raw, json/);
  assert.match(failure(['logs', 'p', '--max-pods', '0']), /--max-pods/);
  assert.match(failure(['logs', 'p', '--bogus']), /unknown flag --bogus/);
});

test('exec help lists only flags that work for one Pod: no -l, -A or --field-selector (they are rejected); logs, a query of Pods, takes them', async () => {
  const { helpText } = await import('../../src/cli/help.ts');
  const logs = helpText('logs');
  for (const flag of ['-l, --selector', '-A, --all-namespaces', '--field-selector', '-E, --exclude-container', '-i, --include', '-e, --exclude', '--max-pods', '-o, --output', '--no-prefix'])
    assert.ok(logs.includes(flag), `logs --help lists ${flag}`);
  assert.match(logs, /merged in time order \(a line up to 500 ms late is reordered\)/);
  for (const command of ['exec'] as const) {
    const help = helpText(command);
    assert.doesNotMatch(help, /--selector|--all-namespaces|--field-selector/, `${command} --help`);
    assert.match(help, /--namespace/);
    assert.match(failure([command, 'p', '-l', 'app=x']), /unknown flag -l/);
    assert.match(failure([command, 'p', '-A']), /unknown flag -A/);
    assert.match(failure([command, 'p', '--field-selector', 'a=b']), /unknown flag --field-selector/);
  }
});
