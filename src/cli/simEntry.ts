// `kubectl podview sim`: the simulated API server alone with the demo scenario, until interrupted.
import { runSimCommand } from '../sim/main.ts';
import { demoScenario } from '../sim/scenario/demo.ts';

export async function runSim(kubeconfigOut?: string): Promise<number> {
  await runSimCommand({ kubeconfigOut, scenario: demoScenario(Date.now()) });
  return 0;
}
