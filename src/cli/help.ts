// Short help texts in kubectl's shape: one line of purpose, examples, flags, usage.
import { REORDER_WINDOW_MS } from '../cluster/logMerge.ts';
import { flagsFor } from './flags.ts';
import type { CommandName, FlagSpec } from './flags.ts';

interface Topic {
  summary: string;
  examples: [string, string][];
  usage: string[];
  commands?: [string, string][];
}

const TOPICS: Record<CommandName | 'view', Topic> = {
  view: {
    summary: 'See a Pod as the host it is: its containers, shared volumes, localhost ports,\nresources, logs and a shell, live.',
    examples: [
      ['Browse the Pods of the current namespace (interactive; press ? for keys)', 'kubectl podview'],
      ['Open one Pod straight away', 'kubectl podview user-msvc -n shop'],
      ['Print one Pod as text, e.g. for an incident ticket', 'kubectl podview user-msvc --once'],
      ['Every Pod in every namespace as JSON for scripts', 'kubectl podview -A -o json'],
      ['Inspect a manifest before applying it', 'kubectl podview -f pod.yaml'],
      ['Try it on a built-in simulated cluster', 'kubectl podview --demo'],
    ],
    usage: ['kubectl podview [POD] [flags]', 'kubectl podview COMMAND [flags]'],
    commands: [
      ['logs', "Print the logs of a Pod's containers"],
      ['exec', 'Run a command (or a shell) in a container'],
      ['port-forward', 'Forward a local port on 127.0.0.1 to a port of a Pod'],
      ['version', 'Print the version'],
      ['completion', 'Print a shell completion script (bash, zsh, fish)'],
      ['sim', 'Run the simulated cluster alone, for kubectl, k9s or podview'],
    ],
  },
  logs: {
    summary:
      "Print the logs of a Pod's containers to stdout, without the TUI. A query instead of one\nPod name (a regular expression on Pod names, TYPE/NAME, -l, --field-selector, -A) follows\nevery matching Pod and container, like stern: `+ pod/container` and `- pod/container` on\nstderr mark each stream that starts and each one whose Pod left. Several streams are merged\nin time order (a line up to " +
      `${REORDER_WINDOW_MS} ms late is reordered; a later one prints where it arrives\nand is counted on stderr).`,
    examples: [
      ['Follow one container', 'kubectl podview logs user-msvc-7d9f8b6c4-x2x7p -c user-msvc -f'],
      ['Every container merged in time order, prefixed with its name', 'kubectl podview logs user-msvc-7d9f8b6c4-x2x7p --all-containers --tail 50'],
      ['The instance that crashed before the current one', 'kubectl podview logs user-msvc-7d9f8b6c4-x2x7p -c cloudsql-proxy --previous'],
      ['Every replica of a Deployment, sidecars included, as Pods come and go', 'kubectl podview logs deploy/user-msvc -f'],
      ['Pods whose name matches, errors only, without the proxy', 'kubectl podview logs user-msvc -E istio-proxy -i "ERROR|WARN" --since 10m'],
      ['By label across namespaces, one JSON object per line', 'kubectl podview logs -A -l app=web -o json --tail 20'],
    ],
    usage: ['kubectl podview logs POD [-c CONTAINER | --all-containers] [flags]', 'kubectl podview logs REGEX|TYPE/NAME [-l SELECTOR] [-c REGEX] [-E REGEX] [-i REGEX] [-e REGEX] [flags]'],
  },
  exec: {
    summary: 'Run a command in a container, or a shell when no command is given.',
    examples: [
      ['A shell in the first container (bash, sh or /busybox/sh, whichever exists)', 'kubectl podview exec user-msvc -it'],
      ['One command; podview exits with its exit code', 'kubectl podview exec user-msvc -c datadog-agent -- ls /var/log/monitor'],
    ],
    usage: ['kubectl podview exec POD [-c CONTAINER] [-it] [-- COMMAND [ARGS...]]'],
  },
  'port-forward': {
    summary:
      'Forward local ports on 127.0.0.1 to ports of a Pod through the API server, like\nkubectl port-forward, until Ctrl-C. PORT is a container port or the name of one the\nPod declares; LOCAL is the same number when omitted, any free port when empty or 0.\nOn a terminal the first local address is copied to the clipboard (OSC 52).',
    examples: [
      ["envoy's admin page on http://127.0.0.1:15000", 'kubectl podview port-forward checkout-7d9f 15000'],
      ['The database through its sidecar, on a free local port', 'kubectl podview port-forward user-msvc :3306'],
      ['A named port, and a second one on 9090', 'kubectl podview port-forward user-msvc 8443:https 9090:metrics'],
    ],
    usage: ['kubectl podview port-forward POD [LOCAL:]PORT [...[LOCAL:]PORT] [flags]'],
  },
  version: { summary: 'Print the version of kubectl-podview.', examples: [['', 'kubectl podview version']], usage: ['kubectl podview version'] },
  completion: {
    summary: 'Print a shell completion script. kubectl 1.26+ also completes `kubectl podview`\nitself through the kubectl_complete-podview executable installed next to the plugin.',
    examples: [
      ['bash, for this shell', 'source <(kubectl podview completion bash)'],
      ['zsh', 'source <(kubectl podview completion zsh)'],
      ['fish', 'kubectl podview completion fish | source'],
    ],
    usage: ['kubectl podview completion bash|zsh|fish'],
  },
  sim: {
    summary:
      'Run the simulated API server until interrupted, and write a kubeconfig for it, so\nthat kubectl, k9s or podview can be pointed at it: the demo scenario, or a seeded\ncluster of any size, changing and failing as fast as you ask. exec runs each command\nin a Linux namespace sandbox built from the container (bubblewrap, or unshare as\nroot), never on this machine; port-forward reaches a listener for each declared port.',
    examples: [
      ['Start it and use it from kubectl', 'kubectl podview sim --kubeconfig-out /tmp/sim.yaml\n  kubectl --kubeconfig /tmp/sim.yaml get pods -A'],
      ['100,000 Pods', 'kubectl podview sim --pods 100000'],
      ['Over 50 namespaces', 'kubectl podview sim --pods 5000 --namespaces 50'],
      ['200 changes a second', 'kubectl podview sim --pods 10000 --churn 200'],
      ['Another cluster, the same every time', 'kubectl podview sim --pods 1000 --seed 42'],
      ['Dropped watches, stalls, 410s and 403s now and then', 'kubectl podview sim --pods 1000 --faults'],
    ],
    usage: ['kubectl podview sim [--kubeconfig-out NEW-FILE [--force]] [--pods N [--namespaces M]] [--churn RATE] [--seed S] [--faults]'],
  },
};

function flagLine(flag: FlagSpec): [string, string] {
  const short = flag.alias ? `-${flag.alias}, ` : '    ';
  // --color, --clipboard and --prefix are on by default: what a user types is their negation.
  const negated = flag.type === 'boolean' && (flag.name === 'color' || flag.name === 'clipboard' || flag.name === 'prefix');
  const name = negated ? `--no-${flag.name}` : `--${flag.name}`;
  return [`${short}${name}${flag.value ? `=${flag.value}` : ''}`, flag.name === 'color' ? 'no colours (NO_COLOR is honoured too)' : flag.description];
}

function columns(rows: [string, string][], indent: string): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}   ${right}`).join('\n');
}

export function helpText(topic: CommandName | 'view'): string {
  const t = TOPICS[topic];
  const parts = [t.summary, ''];
  parts.push('Examples:');
  for (const [what, how] of t.examples) {
    if (what) parts.push(`  # ${what}`);
    parts.push(`  ${how}`, '');
  }
  if (t.commands) parts.push('Commands:', columns(t.commands, '  '), '');
  const flags = flagsFor(topic).filter((f) => f.name !== 'help');
  if (flags.length > 0) parts.push('Options:', columns(flags.map(flagLine), '  '), '');
  parts.push('Usage:', ...t.usage.map((u) => `  ${u}`), '');
  if (topic === 'view') parts.push('Use "kubectl podview COMMAND --help" for more about a command.');
  return `${parts.join('\n')}\n`;
}
