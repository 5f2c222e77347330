// `kubectl-podview sim`: the simulated API server alone, for people and other clients (kubectl,
// k9s) to point at, until interrupted; optionally changing (churn) and failing (faults).
import { join, resolve } from 'node:path';
import { startFaults } from './faults.ts';
import { startSim } from './index.ts';
import type { Scenario } from './scenario/types.ts';
import { makeSimTempDir } from './tempDir.ts';

export interface SimCommandOptions {
  kubeconfigOut?: string;
  /** May replace an existing regular file at kubeconfigOut (never a link). */
  replace?: boolean;
  scenario: Scenario;
  port?: number;
  tls?: boolean;
  /** Changes per second on top of the scenario's own life (0/absent: none). */
  churn?: number;
  /** Seeds the churn and the fault schedule. */
  seed?: number;
  /** Runs the soak's fault schedule, one line per fault. */
  faults?: boolean;
  /** Where the hint goes (default: stdout). */
  print?: (line: string) => void;
}

export async function runSimCommand(options: SimCommandOptions): Promise<void> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sim = await startSim({ scenario: options.scenario, port: options.port, tls: options.tls ?? true, live: true });
  // Without --kubeconfig-out the file lives in a podview-sim-<pid>-* directory removed at exit.
  const path = resolve(options.kubeconfigOut ?? join(makeSimTempDir(), 'kubeconfig'));
  sim.writeKubeconfig(path, { replace: options.replace === true });
  const seed = options.seed ?? 1;
  const churn = options.churn ? sim.control.churn({ changesPerSecond: options.churn, seed }) : undefined;
  const faults = options.faults ? startFaults(sim.control, seed, (line) => print(`podview sim: ${line}`)) : undefined;
  print(`podview sim: a simulated Kubernetes API server is listening on ${sim.url}`);
  print(`kubeconfig written to ${path}`);
  if (churn) print(`churn: ${options.churn} changes per second`);
  if (faults) print('faults: one every 2 to 8 seconds (dropped watches, stalls, 410 Gone, 403 flaps, slow responses)');
  print(`try: kubectl --kubeconfig ${path} get pods -A`);
  print('press Ctrl-C to stop');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      faults?.stop();
      churn?.stop();
      void sim.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
