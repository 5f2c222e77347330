// kubectl's plugin completion protocol (kubectl 1.26+ runs `kubectl_complete-podview` with the
// words typed after `kubectl podview`, the last one being the word under the cursor). We answer
// as cobra's hidden __complete command does: candidates one per line, then `:<directive>`.
// Anything that goes wrong (no kubeconfig, unreachable server) yields no candidates and no
// noise: a shell prompt is no place for error messages.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { loadConfig, parseRequestTimeout } from '../../cluster/config.ts';
import { getPod } from '../../cluster/getPod.ts';
import { getJson } from '../../cluster/request.ts';
import { listPodsOnce } from '../../cluster/snapshot.ts';
import { sanitize } from '../../text/sanitize.ts';
import { COMMANDS, OUTPUT_FORMATS, flagsFor } from '../flags.ts';
import type { CommandName, FlagSpec } from '../flags.ts';
import { SHELLS } from '../commandTypes.ts';

/** cobra's ShellCompDirective bits. */
export const Directive = { Error: 1, NoSpace: 2, NoFileComp: 4, Default: 0 } as const;

export interface Completion {
  candidates: string[];
  directive: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

interface Scan {
  command: CommandName | 'view';
  positionals: string[];
  flags: Map<string, string>;
}

function lookup(command: CommandName | 'view', token: string): FlagSpec | undefined {
  const name = token.replace(/^--?/, '').split('=')[0];
  const long = token.startsWith('--');
  return flagsFor(command).find((f) => (long ? f.name === name : f.alias === name));
}

/** Reads the words before the cursor loosely: completion must never refuse to help. */
function scan(words: readonly string[]): Scan {
  let command: CommandName | 'view' = 'view';
  const positionals: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') break;
    if (word!.startsWith('-') && word!.length > 1) {
      const flag = lookup(command, word!) ?? lookup('view', word!);
      if (!flag || flag.type === 'boolean') {
        if (flag) flags.set(flag.name, 'true');
        continue;
      }
      const eq = word!.indexOf('=');
      if (eq >= 0) flags.set(flag.name, word!.slice(eq + 1));
      else if (i + 1 < words.length) flags.set(flag.name, words[++i]!);
      continue;
    }
    if (command === 'view' && positionals.length === 0 && (COMMANDS as readonly string[]).includes(word!)) command = word as CommandName;
    else positionals.push(word!);
  }
  return { command, positionals, flags };
}

interface Cluster {
  kubeConfig: KubeConfig;
  namespace: string;
  timeoutMs: number;
  contexts: string[];
  clusters: string[];
  users: string[];
}

function connect(flags: Map<string, string>): Cluster {
  const loaded = loadConfig({
    kubeconfig: flags.get('kubeconfig'),
    context: flags.get('context'),
    cluster: flags.get('cluster'),
    user: flags.get('user'),
    namespace: flags.get('namespace'),
  });
  const timeout = flags.get('request-timeout');
  const timeoutMs = (timeout !== undefined ? parseRequestTimeout(timeout) : undefined) ?? DEFAULT_TIMEOUT_MS;
  const kc = loaded.kubeConfig;
  return {
    kubeConfig: kc,
    namespace: loaded.namespace,
    timeoutMs,
    contexts: kc.getContexts().map((c) => c.name),
    clusters: kc.getClusters().map((c) => c.name),
    users: kc.getUsers().map((u) => u.name),
  };
}

async function podNames(cluster: Cluster): Promise<string[]> {
  for await (const page of listPodsOnce({ kubeConfig: cluster.kubeConfig, namespace: cluster.namespace, pageSize: 500, timeoutMs: cluster.timeoutMs })) {
    return page.map((p) => p.metadata?.name ?? '').filter(Boolean);
  }
  return [];
}

async function namespaceNames(cluster: Cluster): Promise<string[]> {
  const list = await getJson<{ items?: { metadata?: { name?: string } }[] }>(cluster.kubeConfig, '/api/v1/namespaces', { limit: 500 }, { timeoutMs: cluster.timeoutMs });
  return (list.items ?? []).map((n) => n.metadata?.name ?? '').filter(Boolean);
}

function containerNames(pod: V1Pod): string[] {
  const spec = pod.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])].map((c) => c.name);
}

async function flagValues(flag: FlagSpec, state: Scan): Promise<Completion> {
  const none = { candidates: [], directive: Directive.NoFileComp };
  switch (flag.completes) {
    case 'files':
      return { candidates: [], directive: Directive.Default };
    case 'choices':
      return { candidates: [...(flag.choices ?? OUTPUT_FORMATS)], directive: Directive.NoFileComp };
    case 'contexts':
      return { candidates: connectLocal(state).contexts, directive: Directive.NoFileComp };
    case 'clusters':
      return { candidates: connectLocal(state).clusters, directive: Directive.NoFileComp };
    case 'users':
      return { candidates: connectLocal(state).users, directive: Directive.NoFileComp };
    case 'namespaces':
      return { candidates: await namespaceNames(connect(state.flags)), directive: Directive.NoFileComp };
    case 'containers': {
      const pod = state.positionals[0];
      if (!pod) return none;
      const cluster = connect(state.flags);
      return { candidates: containerNames(await getPod(cluster.kubeConfig, cluster.namespace, pod, { timeoutMs: cluster.timeoutMs })), directive: Directive.NoFileComp };
    }
    default:
      return none;
  }
}

/** Contexts, clusters and users come from the kubeconfig alone, even when --context names a missing one. */
function connectLocal(state: Scan): Cluster {
  const flags = new Map(state.flags);
  flags.delete('context');
  flags.delete('cluster');
  flags.delete('user');
  return connect(flags);
}

async function positional(state: Scan): Promise<Completion> {
  const { command, positionals } = state;
  if (command === 'completion') return { candidates: positionals.length === 0 ? [...SHELLS] : [], directive: Directive.NoFileComp };
  if (command === 'version' || command === 'sim' || positionals.length > 0) return { candidates: [], directive: Directive.NoFileComp };
  const pods = state.flags.get('demo') === 'true' ? [] : await podNames(connect(state.flags));
  return { candidates: command === 'view' ? [...COMMANDS, ...pods] : pods, directive: Directive.NoFileComp };
}

function flagNames(command: CommandName | 'view', current: string): string[] {
  const out: string[] = [];
  for (const flag of flagsFor(command)) {
    out.push(flag.name === 'color' ? '--no-color' : `--${flag.name}`);
    if (flag.alias && current === '-') out.push(`-${flag.alias}`);
  }
  return out;
}

/** Completes the last word of `words`; never throws. */
export async function complete(words: readonly string[]): Promise<Completion> {
  const current = words.length > 0 ? words[words.length - 1] : '';
  const state = scan(words.slice(0, -1));
  try {
    let result: Completion;
    let prefix = '';
    const previous = words.length > 1 ? words[words.length - 2] : '';
    const previousFlag = previous!.startsWith('-') && !previous!.includes('=') ? (lookup(state.command, previous!) ?? undefined) : undefined;
    if (current!.startsWith('-') && current!.includes('=')) {
      const flag = lookup(state.command, current!);
      if (!flag || flag.type === 'boolean') return { candidates: [], directive: Directive.NoFileComp };
      prefix = current!.slice(0, current!.indexOf('=') + 1);
      result = await flagValues(flag, state);
    } else if (previousFlag && previousFlag.type !== 'boolean' && state.flags.get(previousFlag.name) === undefined) {
      result = await flagValues(previousFlag, state);
    } else if (current!.startsWith('-')) {
      result = { candidates: flagNames(state.command, current!), directive: Directive.NoFileComp };
    } else {
      result = await positional(state);
    }
    const typed = current!.slice(prefix.length);
    const candidates = result.candidates
      .map((c) => sanitize(c))
      .filter((c) => c.startsWith(typed))
      .map((c) => prefix + c);
    return { candidates, directive: result.directive };
  } catch {
    return { candidates: [], directive: Directive.NoFileComp };
  }
}

export function formatCompletion(result: Completion): string {
  return `${[...result.candidates, `:${result.directive}`].join('\n')}\n`;
}
