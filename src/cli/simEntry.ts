// `kubectl podview sim`: the simulated API server alone with the demo scenario, until interrupted.
import { runSimCommand } from '../sim/main.ts';
import { demoScenario } from '../sim/scenario/demo.ts';
import { checkNewFilePath } from './newFile.ts';

export async function runSim(kubeconfigOut?: string, force = false): Promise<number> {
  if (kubeconfigOut !== undefined) checkNewFilePath(kubeconfigOut, { force, what: '--kubeconfig-out' });
  await runSimCommand({ kubeconfigOut, replace: force, scenario: demoScenario(Date.now()) });
  return 0;
}
