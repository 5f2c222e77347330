// `kubectl-podview sim`: the simulated API server alone, for people and other clients (kubectl,
// k9s) to point at, until interrupted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSim } from './index.ts';
import type { Scenario } from './scenario/types.ts';

export interface SimCommandOptions {
  kubeconfigOut?: string;
  /** May replace an existing regular file at kubeconfigOut (never a link). */
  replace?: boolean;
  scenario: Scenario;
  port?: number;
  tls?: boolean;
  /** Where the hint goes (default: stdout). */
  print?: (line: string) => void;
}

export async function runSimCommand(options: SimCommandOptions): Promise<void> {
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const sim = await startSim({ scenario: options.scenario, port: options.port, tls: options.tls ?? true, live: true });
  const path = resolve(options.kubeconfigOut ?? join(mkdtempSync(join(tmpdir(), 'podview-sim-')), 'kubeconfig'));
  sim.writeKubeconfig(path, { replace: options.replace === true });
  print(`podview sim: a simulated Kubernetes API server is listening on ${sim.url}`);
  print(`kubeconfig written to ${path}`);
  print(`try: kubectl --kubeconfig ${path} get pods -A`);
  print('press Ctrl-C to stop');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sim.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
