// Benchmark 1 of the scale issue: a full snapshot of every Pod as JSON, podview vs kubectl,
// both to /dev/null: wall time (median of several runs) and peak RSS (GNU time).
import { median, runMeasured } from './measure.ts';
import { BIN } from './firstFrame.ts';

export interface SnapshotFigures {
  wallMs: number;
  peakRssMb: number;
}

export interface SnapshotResult {
  pods: number;
  runs: number;
  podview: SnapshotFigures;
  kubectl: SnapshotFigures;
}

export async function benchSnapshot(kubeconfig: string, pods: number, runs: number): Promise<SnapshotResult> {
  const podview: SnapshotFigures[] = [];
  const kubectl: SnapshotFigures[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the two so neither always runs on a warmer machine.
    const p = await runMeasured(process.execPath, [BIN, '--once', '-o', 'json', '-A', '--kubeconfig', kubeconfig]);
    if (p.exitCode !== 0) throw new Error(`podview --once failed at ${pods} pods: ${p.stderr.trim()}`);
    podview.push({ wallMs: p.wallMs, peakRssMb: p.peakRssMb });
    const k = await runMeasured('kubectl', ['get', 'pods', '-A', '-o', 'json', '--kubeconfig', kubeconfig]);
    if (k.exitCode !== 0) throw new Error(`kubectl get pods failed at ${pods} pods: ${k.stderr.trim()}`);
    kubectl.push({ wallMs: k.wallMs, peakRssMb: k.peakRssMb });
  }
  const summary = (r: SnapshotFigures[]): SnapshotFigures => ({ wallMs: median(r.map((x) => x.wallMs)), peakRssMb: Math.max(...r.map((x) => x.peakRssMb)) });
  return { pods, runs, podview: summary(podview), kubectl: summary(kubectl) };
}
