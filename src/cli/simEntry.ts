// `kubectl podview sim`: the simulated API server alone, with the demo scenario or a seeded
// cluster of --pods Pods, churning and failing as asked, until interrupted.
import { runSimCommand } from '../sim/main.ts';
import { demoScenario } from '../sim/scenario/demo.ts';
import { scaleScenario } from '../sim/scenario/scale.ts';
import { checkNewFilePath } from './newFile.ts';
import { tuneSimHeap } from './runtime/simHeap.ts';
import type { SimArgs } from './simArgs.ts';

/** One namespace per hundred Pods unless asked: 100,000 Pods over 1,000 namespaces. */
const defaultNamespaces = (pods: number): number => Math.max(1, Math.min(10_000, Math.ceil(pods / 100)));

export async function runSim(args: SimArgs): Promise<number> {
  if (args.kubeconfigOut !== undefined) checkNewFilePath(args.kubeconfigOut, { force: args.force, what: '--kubeconfig-out' });
  tuneSimHeap();
  const nowMs = Date.now();
  const scenario = args.pods === undefined ? demoScenario(nowMs) : scaleScenario({ pods: args.pods, namespaces: args.namespaces ?? defaultNamespaces(args.pods), seed: args.seed, nowMs });
  await runSimCommand({ kubeconfigOut: args.kubeconfigOut, replace: args.force, scenario, churn: args.churn, seed: args.seed, faults: args.faults });
  return 0;
}
