// argv -> ParsedCommand. yargs does the tokenising; every complaint it has is rewritten
// into one line that names the flag as the user typed it, because yargs' own messages
// are multi-line, name flags without dashes and come with the whole help text.
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { UserError } from '../cluster/errors.ts';
import { COMMANDS, OUTPUT_FORMATS, flagsFor } from './flags.ts';
import type { CommandName, FlagSpec, OutputFormat } from './flags.ts';
import { SHELLS } from './commandTypes.ts';
import type { ClusterArgs, ParsedCommand, ShellName } from './commandTypes.ts';
import { logsQueryArgs } from './logsQueryArgs.ts';
import { parseShellChoice } from './shellChoice.ts';
import { parseSimArgs } from './simArgs.ts';
import { parsePortForwardSpec, type PortForwardSpec } from '../model/portForwardSpec.ts';

const HINT = "see 'kubectl podview --help'";

type Raw = Record<string, unknown>;

function declare(y: Argv, flags: readonly FlagSpec[]): Argv {
  for (const flag of flags) {
    if (flag.name === 'help' || flag.name === 'version') continue;
    y.option(flag.name, {
      alias: flag.alias,
      type: flag.type,
      requiresArg: flag.type !== 'boolean' && flag.optionalValue !== true,
      global: false,
    });
  }
  return y;
}

function spelled(flag: FlagSpec): string {
  return flag.alias ? `-${flag.alias}/--${flag.name}` : `--${flag.name}`;
}

function findFlag(command: CommandName | 'view', key: string): FlagSpec | undefined {
  return flagsFor(command).find((f) => f.name === key || f.alias === key);
}

/** The token the user typed for an option yargs calls `name` (yargs drops the dashes). */
function typedToken(argv: readonly string[], name: string): string | undefined {
  for (const token of argv) {
    if (token === '--') break;
    if (token === `--${name}` || token.startsWith(`--${name}=`) || token === `--no-${name}`) return token.split('=')[0];
    if (name.length === 1 && /^-[^-]/.test(token) && token.includes(name)) return token.length === 2 ? token : `-${name} (in ${token})`;
  }
  return undefined;
}

function rewriteFailure(message: string, argv: readonly string[], command: CommandName | 'view'): string {
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (unknown) {
    const names = unknown[1]!.split(', ').map((s) => s.trim());
    const flags = names.map((n) => typedToken(argv, n)).filter((t): t is string => t !== undefined);
    if (flags.length > 0) return `unknown flag ${flags.join(', ')} for ${commandLabel(command)} (${HINT})`;
    return `unexpected argument "${names[0]}" for ${commandLabel(command)} (${HINT})`;
  }
  const needsValue = /^Not enough arguments following: (.*)$/.exec(message);
  if (needsValue) {
    const flag = findFlag(command, needsValue[1]!);
    return `flag ${flag ? spelled(flag) : `--${needsValue[1]}`} needs a value${flag?.choices ? `: one of ${flag.choices.join(', ')}` : flag?.value ? ` (${flag.value})` : ''}`;
  }
  if (/^Not enough non-option arguments/.test(message)) {
    if (command === 'completion') return `completion needs a shell: one of ${SHELLS.join(', ')}`;
    if (command === 'port-forward') return 'port-forward needs a Pod and a port: kubectl podview port-forward POD [LOCAL:]PORT';
    return `${commandLabel(command)} needs a Pod name: kubectl podview ${command} POD`;
  }
  if (/^Too many non-option arguments/.test(message)) return `too many arguments for ${commandLabel(command)} (${HINT})`;
  return `${message.split('\n')[0]} (${HINT})`;
}

function commandLabel(command: CommandName | 'view'): string {
  return command === 'view' ? 'kubectl podview' : `kubectl podview ${command}`;
}

/** The command named in argv, found the way yargs will find it: the first positional word. */
export function commandOf(argv: readonly string[]): CommandName | 'view' {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') break;
    if (token!.startsWith('-')) {
      const flag = findFlag('view', token!.replace(/^--?/, '').split('=')[0]!);
      if (flag && flag.type !== 'boolean' && !token!.includes('=') && !/^-[^-]{2,}/.test(token!)) i++;
      continue;
    }
    return (COMMANDS as readonly string[]).includes(token!) ? (token as CommandName) : 'view';
  }
  return 'view';
}

function beforeDashDash(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

function wantsHelp(argv: readonly string[]): boolean {
  return beforeDashDash(argv).some((t) => t === '-h' || t === '--help');
}

function optionalString(raw: Raw, key: string): string | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  return String(value);
}

function clusterArgs(raw: Raw): ClusterArgs {
  return {
    namespace: optionalString(raw, 'namespace'),
    allNamespaces: raw['all-namespaces'] === true,
    selector: optionalString(raw, 'selector'),
    fieldSelector: optionalString(raw, 'field-selector'),
    context: optionalString(raw, 'context'),
    cluster: optionalString(raw, 'cluster'),
    user: optionalString(raw, 'user'),
    kubeconfig: optionalString(raw, 'kubeconfig'),
    requestTimeout: optionalString(raw, 'request-timeout'),
    demo: raw.demo === true,
  };
}

function outputFormat(raw: Raw): OutputFormat | undefined {
  const value = optionalString(raw, 'output');
  if (value === undefined) return undefined;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
    throw new UserError(`invalid value "${value}" for -o/--output: valid values are ${OUTPUT_FORMATS.join(', ')}`);
  }
  return value as OutputFormat;
}

function colorFlag(raw: Raw): boolean | undefined {
  return raw.color === undefined ? undefined : raw.color === true;
}

function tailLines(raw: Raw): number | undefined {
  if (raw.tail === undefined) return undefined;
  const value = raw.tail as number;
  if (!Number.isInteger(value) || value < -1) throw new UserError(`invalid value for --tail: want a whole number of lines (-1 for all)`);
  return value;
}

/** Checked now, so a bad --shell is a one-line error before the screen changes. */
function shellFlag(raw: Raw): string | undefined {
  const text = optionalString(raw, 'shell');
  parseShellChoice(text);
  return text;
}

function logLines(raw: Raw): number | undefined {
  if (raw['log-lines'] === undefined) return undefined;
  const value = raw['log-lines'] as number;
  if (!Number.isInteger(value) || value < 100) throw new UserError('invalid value for --log-lines: want a whole number of lines, at least 100');
  return value;
}

function portSpecs(raw: Raw): PortForwardSpec[] {
  return ((raw.ports as unknown[] | undefined) ?? []).map((text) => {
    const spec = parsePortForwardSpec(String(text));
    if (typeof spec === 'string') throw new UserError(spec);
    return spec;
  });
}

/** A forward listens on loopback only: anything else would open the Pod to the network. */
function checkAddress(raw: Raw): void {
  const address = optionalString(raw, 'address');
  if (address === undefined) return;
  if (!address.split(',').every((a) => a.trim() === '127.0.0.1' || a.trim() === 'localhost')) {
    throw new UserError(`invalid value "${address}" for --address: podview forwards from 127.0.0.1 only`);
  }
}

function rejectEmpty(raw: Raw, command: CommandName | 'view'): void {
  for (const flag of flagsFor(command)) {
    if (flag.type === 'string' && flag.optionalValue !== true && raw[flag.name] === '') throw new UserError(`flag ${spelled(flag)} needs a value${flag.value ? ` (${flag.value})` : ''}`);
  }
}

/** Parses argv (without node and the script); throws UserError for anything it cannot accept. */
export function parseArgs(argv: readonly string[]): ParsedCommand {
  if (argv[0] === '__complete') return { kind: 'complete', words: argv.slice(1) };
  const command = commandOf(argv);
  if (wantsHelp(argv)) return { kind: 'help', topic: command };
  if (command === 'view' && beforeDashDash(argv).includes('--version')) return { kind: 'version' };

  let result: ParsedCommand | undefined;
  const parser = yargs([...argv])
    .scriptName('kubectl podview')
    .strict()
    .help(false)
    .version(false)
    .showHelpOnFail(false)
    .exitProcess(false)
    .parserConfiguration({ 'duplicate-arguments-array': false, 'populate--': true, 'greedy-arrays': false })
    .fail((message, err) => {
      throw new UserError(rewriteFailure(message ?? err?.message ?? 'invalid arguments', argv, command));
    })
    .command(
      '$0 [pod]',
      'view Pods',
      (y) => declare(y.positional('pod', { type: 'string' }), flagsFor('view')),
      (raw: Raw) => {
        rejectEmpty(raw, 'view');
        const args = {
          ...clusterArgs(raw),
          pod: optionalString(raw, 'pod'),
          output: outputFormat(raw),
          filename: optionalString(raw, 'filename'),
          once: raw.once === true,
          ...(raw.diff === undefined ? {} : { diff: String(raw.diff) }),
          probe: raw.probe === true,
          logColors: raw['log-colors'] === true,
          logLines: logLines(raw),
          shell: shellFlag(raw),
          color: colorFlag(raw),
          ...(raw.clipboard === undefined ? {} : { clipboard: raw.clipboard === true }),
        };
        if (args.pod && args.allNamespaces) throw new UserError('a Pod name cannot be combined with -A/--all-namespaces: use -n NAMESPACE');
        if (args.diff !== undefined && (args.selector !== undefined || args.fieldSelector !== undefined || args.allNamespaces))
          throw new UserError('--diff compares two named Pods of one namespace; it cannot be used with -l, --field-selector or -A');
        result = { kind: 'view', args };
      },
    )
    .command(
      'logs [pod]',
      'print logs',
      (y) => declare(y.positional('pod', { type: 'string' }), flagsFor('logs')),
      (raw: Raw) => {
        rejectEmpty(raw, 'logs');
        if (raw.container !== undefined && raw['all-containers'] === true) throw new UserError('-c/--container and --all-containers cannot be used together');
        if (raw.pod === undefined && raw.selector === undefined && raw['field-selector'] === undefined)
          throw new UserError('kubectl podview logs needs a Pod name or a query: logs POD|REGEX|TYPE/NAME, or -l SELECTOR');
        result = {
          kind: 'logs',
          args: {
            ...clusterArgs(raw),
            ...logsQueryArgs(raw),
            pod: optionalString(raw, 'pod') ?? '',
            container: optionalString(raw, 'container'),
            allContainers: raw['all-containers'] === true,
            follow: raw.follow === true,
            tail: tailLines(raw),
            since: optionalString(raw, 'since'),
            timestamps: raw.timestamps === true,
            previous: raw.previous === true,
            logColors: raw['log-colors'] === true,
            color: colorFlag(raw),
          },
        };
      },
    )
    .command(
      'exec <pod>',
      'run a command in a container',
      (y) => declare(y.positional('pod', { type: 'string' }), flagsFor('exec')),
      (raw: Raw) => {
        rejectEmpty(raw, 'exec');
        const rest = (raw['--'] as unknown[] | undefined) ?? [];
        result = {
          kind: 'exec',
          args: {
            ...clusterArgs(raw),
            pod: String(raw.pod),
            container: optionalString(raw, 'container'),
            stdin: raw.stdin === true,
            tty: raw.tty === true,
            shell: optionalString(raw, 'shell'),
            command: rest.map(String),
          },
        };
      },
    )
    .command(
      'port-forward <pod> <ports..>',
      'forward local ports to a Pod',
      // Without duplicate-arguments-array yargs keeps only the last of several PORTs; with it, a
      // repeated flag becomes an array, so each flag is brought back to its last value (kubectl's rule).
      (y) =>
        declare(
          y
            .parserConfiguration({ 'duplicate-arguments-array': true, 'populate--': true, 'greedy-arrays': false })
            .positional('pod', { type: 'string' })
            .positional('ports', { type: 'string', array: true }),
          flagsFor('port-forward'),
        ),
      (all: Raw) => {
        const raw = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, k !== 'ports' && k !== '_' && Array.isArray(v) ? v[v.length - 1] : v]));
        rejectEmpty(raw, 'port-forward');
        checkAddress(raw);
        result = { kind: 'port-forward', args: { ...clusterArgs(raw), pod: String(raw.pod), ports: portSpecs(raw), clipboard: raw.clipboard === undefined ? undefined : raw.clipboard === true } };
      },
    )
    .command(
      'version',
      'print the version',
      (y) => y,
      () => {
        result = { kind: 'version' };
      },
    )
    .command(
      'completion <shell>',
      'print a shell completion script',
      (y) => y.positional('shell', { type: 'string' }),
      (raw: Raw) => {
        const shell = String(raw.shell);
        if (!(SHELLS as readonly string[]).includes(shell)) throw new UserError(`invalid shell "${shell}" for completion: valid values are ${SHELLS.join(', ')}`);
        result = { kind: 'completion', shell: shell as ShellName };
      },
    )
    .command(
      'sim',
      'run the simulated cluster',
      (y) => declare(y, flagsFor('sim')),
      (raw: Raw) => {
        rejectEmpty(raw, 'sim');
        result = { kind: 'sim', args: parseSimArgs(raw, beforeDashDash(argv)) };
      },
    );
  parser.parseSync();
  if (!result) throw new UserError(`nothing to do (${HINT})`);
  return result;
}
