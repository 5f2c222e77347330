// Benchmark 1 of the scale issue: a full snapshot of every Pod as JSON, podview vs kubectl,
// both to /dev/null: wall time (median of several runs) and peak RSS (GNU time).
// kubectl runs under the bench's memory ceiling (bench/rssCap.ts). Where `-o json` goes over it
// (at 150,000 Pods it needs more memory than this machine has), that is reported as its figure
// and the peer becomes `kubectl get pods -A`, the server-side table: less work than podview's
// JSON of every Pod, so the ratio then favours kubectl.
import { median, runMeasured } from './measure.ts';
import { BIN } from './firstFrame.ts';
import { type CapKill, PEER_CAP_MB } from './rssCap.ts';

export interface SnapshotFigures {
  wallMs: number;
  peakRssMb: number;
}

export interface SnapshotResult {
  pods: number;
  runs: number;
  podview: SnapshotFigures;
  kubectl: SnapshotFigures;
  /** Set when `kubectl get pods -A -o json` went over the ceiling: then `kubectl` is the table's figures. */
  kubectlJsonKilled?: CapKill;
}

export async function benchSnapshot(kubeconfig: string, pods: number, runs: number): Promise<SnapshotResult> {
  const podview: SnapshotFigures[] = [];
  const kubectl: SnapshotFigures[] = [];
  let jsonKilled: CapKill | undefined;
  for (let i = 0; i < runs; i++) {
    // Alternate the two so neither always runs on a warmer machine.
    const p = await runMeasured(process.execPath, [BIN, '--once', '-o', 'json', '-A', '--kubeconfig', kubeconfig]);
    if (p.exitCode !== 0) throw new Error(`podview --once failed at ${pods} pods: ${p.stderr.trim()}`);
    podview.push({ wallMs: p.wallMs, peakRssMb: p.peakRssMb });
    // Once -o json has been killed at this size, later runs measure the table alone.
    const k = jsonKilled ? undefined : await runMeasured('kubectl', ['get', 'pods', '-A', '-o', 'json', '--kubeconfig', kubeconfig], { capMb: PEER_CAP_MB });
    if (k?.capKill) {
      jsonKilled = k.capKill;
      kubectl.length = 0; // every figure of the peer is then the table's
    }
    const peer = k && !k.capKill ? k : await runMeasured('kubectl', ['get', 'pods', '-A', '--kubeconfig', kubeconfig], { capMb: PEER_CAP_MB });
    if (peer.capKill) throw new Error(`kubectl get pods -A went over the bench's ${PEER_CAP_MB} MB ceiling at ${pods} pods`);
    if (peer.exitCode !== 0) throw new Error(`kubectl get pods failed at ${pods} pods: ${peer.stderr.trim()}`);
    kubectl.push({ wallMs: peer.wallMs, peakRssMb: peer.peakRssMb });
  }
  const summary = (r: SnapshotFigures[]): SnapshotFigures => ({ wallMs: median(r.map((x) => x.wallMs)), peakRssMb: Math.max(...r.map((x) => x.peakRssMb)) });
  return { pods, runs, podview: summary(podview), kubectl: summary(kubectl), ...(jsonKilled ? { kubectlJsonKilled: jsonKilled } : {}) };
}
