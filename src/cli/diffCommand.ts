// `kubectl podview POD --diff [OTHER]`: compare POD with OTHER, or with the healthiest other
// Pod of its controller owner, print the comparison (text, JSON or YAML) and exit 0; a missing
// Pod, a bare Pod with no OTHER, or an owner with no other Pod is one line and exit 1.
// Whether the two differ is in the output (`verdict`), not in the exit code: 1 already means
// "could not compare".
import { dump as dumpYaml } from 'js-yaml';
import type { V1Pod } from '@kubernetes/client-node';
import { UserError } from '../cluster/errors.ts';
import { readOnePod } from '../cluster/onePod.ts';
import { listSiblings } from '../cluster/siblings.ts';
import { diffPods } from '../model/diffPods.ts';
import type { PodDiff } from '../model/diffPods.ts';
import { pickSibling } from '../model/pickSibling.ts';
import type { Usage } from '../model/types.ts';
import type { ViewArgs } from './commandTypes.ts';
import { renderDiffText } from './diffText.ts';
import type { OutputFormat } from './flags.ts';
import { writeAll } from './io.ts';
import { podsFromManifests, readSource } from './manifests.ts';
import type { Writable } from 'node:stream';
import { withTarget } from './target.ts';

/** The `-o json` document: stable keys, documented in README ("--diff"). */
export function toDiffJson(diff: PodDiff): { apiVersion: 'podview/v1'; kind: 'PodDiff' } & PodDiff {
  return { apiVersion: 'podview/v1', kind: 'PodDiff', ...diff };
}

export function formatDiff(diff: PodDiff, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(toDiffJson(diff), null, 2)}\n`;
  if (format === 'yaml') return dumpYaml(toDiffJson(diff));
  return renderDiffText(diff);
}

function pickOrFail(pod: V1Pod, candidates: readonly V1Pod[]): V1Pod {
  const pick = pickSibling(pod, candidates);
  if (!pick.ok) throw new UserError(pick.reason);
  return pick.pod;
}

export interface DiffIO {
  stdout: Writable;
  readStdin?: () => string;
}

function fromFile(args: ViewArgs, io: DiffIO): { a: V1Pod; b: V1Pod } {
  const file = args.filename as string;
  const label = file === '-' ? 'stdin' : file;
  const pods = podsFromManifests(readSource(file, io.readStdin), label, args.namespace ?? 'default');
  const named = (name: string): V1Pod => {
    const pod = pods.find((p) => p.metadata?.name === name);
    if (!pod) throw new UserError(`pod "${name}" not found in ${label}`);
    return pod;
  };
  const a = named(args.pod as string);
  return { a, b: args.diff ? named(args.diff) : pickOrFail(a, pods) };
}

interface Side {
  pod: V1Pod;
  usage?: Record<string, Usage>;
}

async function fromCluster(args: ViewArgs): Promise<{ a: Side; b: Side }> {
  return withTarget(args, async (target) => {
    const options = { timeoutMs: target.requestTimeoutMs };
    const read = async (name: string): Promise<Side> => {
      const { pod, details } = await readOnePod(target.kubeConfig, target.namespace, name, options);
      return { pod, usage: details.usage };
    };
    if (args.diff) {
      const [a, b] = await Promise.all([read(args.pod as string), read(args.diff)]);
      return { a, b };
    }
    const a = await read(args.pod as string);
    const sibling = pickOrFail(a.pod, await listSiblings(target.kubeConfig, a.pod, options));
    return { a, b: await read(sibling.metadata?.name ?? '') };
  });
}

export async function writeDiff(args: ViewArgs, io: DiffIO): Promise<void> {
  if (!args.pod) throw new UserError('--diff compares a Pod with another: kubectl podview POD --diff [OTHER]');
  if (args.diff === args.pod) throw new UserError(`--diff ${args.diff}: that is the Pod itself; name another Pod, or give --diff no value to pick a sibling`);
  const now = Date.now();
  let diff: PodDiff;
  if (args.filename !== undefined) {
    const { a, b } = fromFile(args, io);
    diff = diffPods(a, b, { now });
  } else {
    const { a, b } = await fromCluster(args);
    diff = diffPods(a.pod, b.pod, { now, usageA: a.usage, usageB: b.usage });
  }
  await writeAll(io.stdout, formatDiff(diff, args.output ?? 'text'));
}
