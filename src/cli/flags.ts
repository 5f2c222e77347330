// The flags podview understands, in one table: the parser, the help text and shell
// completion all read it, so they cannot disagree about what exists.

import { REORDER_WINDOW_MS } from '../cluster/logMerge.ts';

export type FlagType = 'string' | 'boolean' | 'number';

export interface FlagSpec {
  name: string;
  alias?: string;
  type: FlagType;
  /** Placeholder shown in help, e.g. "NAMESPACE". */
  value?: string;
  description: string;
  /** The flag alone means something (--diff: pick a sibling), so an empty value is accepted. */
  optionalValue?: boolean;
  /** Allowed values; anything else is a one-line error naming them. */
  choices?: readonly string[];
  /** What shell completion offers for the value. */
  completes?: 'pods' | 'containers' | 'namespaces' | 'contexts' | 'clusters' | 'users' | 'files' | 'choices';
}

export const OUTPUT_FORMATS = ['text', 'json', 'yaml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Flags every command that talks to a cluster accepts, as kubectl spells them. */
export const CLUSTER_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', alias: 'n', type: 'string', value: 'NAMESPACE', description: "the namespace to look in (default: the context's namespace)", completes: 'namespaces' },
  { name: 'all-namespaces', alias: 'A', type: 'boolean', description: 'look in every namespace' },
  { name: 'selector', alias: 'l', type: 'string', value: 'SELECTOR', description: 'label selector, e.g. app=web,tier!=db' },
  { name: 'field-selector', type: 'string', value: 'SELECTOR', description: 'field selector, e.g. spec.nodeName=node-1' },
  { name: 'context', type: 'string', value: 'NAME', description: 'the kubeconfig context to use', completes: 'contexts' },
  { name: 'cluster', type: 'string', value: 'NAME', description: 'the kubeconfig cluster to use', completes: 'clusters' },
  { name: 'user', type: 'string', value: 'NAME', description: 'the kubeconfig user to use', completes: 'users' },
  { name: 'kubeconfig', type: 'string', value: 'FILE', description: 'path to the kubeconfig file (only that file)', completes: 'files' },
  { name: 'request-timeout', type: 'string', value: 'DURATION', description: 'give up on a request after this long, e.g. 30s (0: never)' },
  { name: 'demo', type: 'boolean', description: 'run against a built-in simulated cluster' },
];

/** Selecting many Pods: the list view and logs (a query of Pods) do; exec takes one Pod, so its help and parser leave these out. */
const MANY_POD_FLAGS = new Set(['all-namespaces', 'selector', 'field-selector']);
const ONE_POD_CLUSTER_FLAGS = CLUSTER_FLAGS.filter((f) => !MANY_POD_FLAGS.has(f.name));

/** Flags of the default command (the Pod view). */
export const VIEW_FLAGS: readonly FlagSpec[] = [
  { name: 'output', alias: 'o', type: 'string', value: 'FORMAT', description: 'snapshot format: text, json or yaml', choices: OUTPUT_FORMATS, completes: 'choices' },
  { name: 'filename', alias: 'f', type: 'string', value: 'FILE', description: 'read Pod manifests from FILE (- for stdin) instead of a cluster', completes: 'files' },
  { name: 'once', type: 'boolean', description: 'print a snapshot and exit instead of starting the TUI' },
  {
    name: 'diff',
    type: 'string',
    value: '[OTHER]',
    optionalValue: true,
    description: 'compare POD with OTHER as hosts (no value: a healthy sibling of the same owner), print and exit',
    completes: 'pods',
  },
  { name: 'probe', type: 'boolean', description: 'probe listening sockets in the Pod (runs a read-only exec)' },
  { name: 'shell', type: 'string', value: '[CONTAINER=]PATH', description: 'shell for s: PATH for every container and/or CONTAINER=PATH, comma-separated' },
  { name: 'log-colors', type: 'boolean', description: 'in the log view, keep the colours a container writes' },
  { name: 'log-lines', type: 'number', value: 'N', description: 'lines the log view keeps per view (default 10000)' },
  { name: 'color', type: 'boolean', description: 'use colours (--no-color or NO_COLOR turns them off)' },
  { name: 'clipboard', type: 'boolean', description: 'do not copy a forward’s address (f) to the clipboard (OSC 52; PODVIEW_NO_CLIPBOARD=1 too)' },
];

export const LOGS_FLAGS: readonly FlagSpec[] = [
  { name: 'container', alias: 'c', type: 'string', value: 'NAME', description: 'the container to read (for a query of Pods: a regular expression)', completes: 'containers' },
  { name: 'exclude-container', alias: 'E', type: 'string', value: 'REGEX', description: 'query of Pods: leave out containers whose name matches' },
  { name: 'include', alias: 'i', type: 'string', value: 'REGEX', description: 'query of Pods: only lines that match' },
  { name: 'exclude', alias: 'e', type: 'string', value: 'REGEX', description: 'query of Pods: leave out lines that match' },
  { name: 'max-pods', type: 'number', value: 'N', description: 'query of Pods: follow at most N Pods (default 50)' },
  {
    name: 'output',
    alias: 'o',
    type: 'string',
    value: 'FORMAT',
    description: 'query of Pods: text (prefixed), raw (the lines only) or json (one object per line)',
    choices: ['text', 'raw', 'json'],
    completes: 'choices',
  },
  { name: 'prefix', type: 'boolean', description: 'query of Pods: no `pod container │` prefix' },
  { name: 'all-containers', type: 'boolean', description: `every container with a prefix, merged in time order (a line up to ${REORDER_WINDOW_MS} ms late is reordered)` },
  { name: 'follow', alias: 'f', type: 'boolean', description: 'keep streaming new lines' },
  { name: 'tail', type: 'number', value: 'N', description: 'lines of history to start with (-1: all)' },
  { name: 'since', type: 'string', value: 'DURATION', description: 'only lines newer than this, e.g. 5m' },
  { name: 'timestamps', type: 'boolean', description: 'prefix each line with its timestamp' },
  { name: 'previous', alias: 'p', type: 'boolean', description: 'the previous (crashed) instance of the container' },
  { name: 'log-colors', type: 'boolean', description: 'keep the colours a container writes' },
  { name: 'color', type: 'boolean', description: 'use colours (--no-color or NO_COLOR turns them off)' },
];

export const EXEC_FLAGS: readonly FlagSpec[] = [
  { name: 'container', alias: 'c', type: 'string', value: 'NAME', description: 'the container to run in', completes: 'containers' },
  { name: 'stdin', alias: 'i', type: 'boolean', description: 'pass stdin to the command' },
  { name: 'tty', alias: 't', type: 'boolean', description: 'allocate a terminal' },
  { name: 'shell', type: 'string', value: 'PATH', description: 'the shell to start when no command is given' },
];

export const PORT_FORWARD_FLAGS: readonly FlagSpec[] = [
  { name: 'address', type: 'string', value: 'ADDRESS', description: 'the local address to listen on: 127.0.0.1 (or localhost), the only one allowed' },
  { name: 'clipboard', type: 'boolean', description: 'do not copy the local address to the clipboard (OSC 52; PODVIEW_NO_CLIPBOARD=1 too)' },
];

export const SIM_FLAGS: readonly FlagSpec[] = [
  { name: 'kubeconfig-out', type: 'string', value: 'FILE', description: 'write the kubeconfig for the simulated cluster here', completes: 'files' },
  { name: 'pods', type: 'number', value: 'N', description: 'a seeded cluster of N Pods instead of the demo (up to 1,000,000)' },
  { name: 'namespaces', type: 'number', value: 'M', description: 'spread the --pods over M namespaces (default: one per 100 Pods)' },
  { name: 'churn', type: 'number', value: 'RATE', description: 'RATE changes per second: restarts, readiness flips, creations, deletions' },
  { name: 'seed', type: 'number', value: 'S', description: 'seed for the cluster, the churn and the faults (default 1): same seed, same run' },
  { name: 'faults', type: 'boolean', description: 'inject faults now and then: dropped watches, stalls, 410 Gone, 403 flaps, slow responses' },
  { name: 'force', type: 'boolean', description: 'let --kubeconfig-out replace an existing regular file (never a symbolic link)' },
];

export const HELP_FLAG: FlagSpec = { name: 'help', alias: 'h', type: 'boolean', description: 'show this help' };
export const VERSION_FLAG: FlagSpec = { name: 'version', type: 'boolean', description: 'print the version' };

export const COMMANDS = ['logs', 'exec', 'port-forward', 'version', 'completion', 'sim'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The flags a command accepts, for the parser and for completion. */
export function flagsFor(command: CommandName | 'view'): readonly FlagSpec[] {
  switch (command) {
    case 'view':
      return [...CLUSTER_FLAGS, ...VIEW_FLAGS, HELP_FLAG, VERSION_FLAG];
    case 'logs':
      return [...CLUSTER_FLAGS, ...LOGS_FLAGS, HELP_FLAG];
    case 'exec':
      return [...ONE_POD_CLUSTER_FLAGS, ...EXEC_FLAGS, HELP_FLAG];
    case 'port-forward':
      // One Pod in one namespace: no -A, no selectors.
      return [...ONE_POD_CLUSTER_FLAGS, ...PORT_FORWARD_FLAGS, HELP_FLAG];
    case 'sim':
      return [...SIM_FLAGS, HELP_FLAG];
    default:
      return [HELP_FLAG];
  }
}
