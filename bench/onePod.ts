// One named Pod, where an on-call engineer starts: `podview POD --once -o text` and the TUI's
// host view of POD fully drawn, each against `kubectl describe pod POD` in the same run.
// The Pod is one with an owner chain and usage, from the middle of the sim's first namespace.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, runMeasured } from './measure.ts';
import { BIN } from './firstFrame.ts';
import { bareAccess, buildFloor, nodeFloorArgs } from './floors.ts';
import { shq, Tmux, waitForScreen } from './tmux.ts';

export interface OnePodResult {
  pods: number;
  runs: number;
  snapshotMs: { podview: number; kubectl: number };
  /** bench/onePodFloorEntry.ts: Node, client-node and one GET, the least the required stack costs. */
  floorMs: number;
  /** bench/nodeFloor.mjs: Node and node:https, one GET, the least any Node program costs. */
  nodeFloorMs: number;
  snapshotRssMb: { podview: number; kubectl: number };
  tuiMs: { podview: number; kubectl: number };
}

/** A Pod owned by a Deployment, so that its owner chain takes two reads, as most Pods' do. */
function pickPod(kubeconfig: string): { namespace: string; name: string } {
  const namespace = execFileSync('kubectl', ['get', 'namespaces', '-o', 'jsonpath={.items[0].metadata.name}', '--kubeconfig', kubeconfig], { encoding: 'utf8' }).trim();
  const list = JSON.parse(execFileSync('kubectl', ['get', 'pods', '-n', namespace, '-o', 'json', '--kubeconfig', kubeconfig], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
    items: { metadata: { name: string; ownerReferences?: { kind: string }[] } }[];
  };
  const owned = list.items.filter((p) => p.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet'));
  const pod = owned[Math.floor(owned.length / 2)] ?? list.items[0];
  if (!pod) throw new Error(`no Pod in namespace ${namespace}`);
  return { namespace, name: pod.metadata.name };
}

/** bench/nodeFloor.mjs's arguments and environment for a GET of the Pod. */
function nodeFloorRun(dir: string, kubeconfig: string, pod: { namespace: string; name: string }): { args: string[]; env: NodeJS.ProcessEnv } {
  const bare = bareAccess(kubeconfig, dir);
  return { args: nodeFloorArgs(bare, `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`), env: bare.env };
}

/** The host view is whole once the owner chain is resolved and usage is drawn under Resources. */
const hostViewDrawn = (screen: string) => /← Deployment /.test(screen) && /── 5 Resources/.test(screen) && /\buse \d/.test(screen);

async function tuiOnce(tmux: Tmux, kubeconfig: string, pod: { namespace: string; name: string }): Promise<number> {
  const startedAt = performance.now();
  const { session } = await tmux.start(`exec ${shq(process.execPath)} ${shq(BIN)} ${shq(pod.name)} -n ${shq(pod.namespace)} --kubeconfig ${shq(kubeconfig)}`);
  const ms = await waitForScreen(tmux, session, startedAt, hostViewDrawn, 60_000);
  await tmux.quit(session);
  return ms;
}

/** `kubectl describe pod` in the same kind of terminal, until it exits (tmux's start in both). */
async function describeInTmux(tmux: Tmux, kubeconfig: string, pod: { namespace: string; name: string }): Promise<number> {
  const startedAt = performance.now();
  const { session } = await tmux.start(`kubectl describe pod ${shq(pod.name)} -n ${shq(pod.namespace)} --kubeconfig ${shq(kubeconfig)}; echo __DONE__; sleep 5`);
  const ms = await waitForScreen(tmux, session, startedAt, (screen) => screen.includes('__DONE__'), 60_000);
  await tmux.quit(session, 'C-c', 5_000);
  return ms;
}

export async function benchOnePod(kubeconfig: string, pods: number, runs: number): Promise<OnePodResult> {
  const pod = pickPod(kubeconfig);
  const describeArgs = ['describe', 'pod', pod.name, '-n', pod.namespace, '--kubeconfig', kubeconfig];
  const snapshot = { podview: [] as number[], kubectl: [] as number[] };
  const floor: number[] = [];
  const nodeFloor: number[] = [];
  const rss = { podview: 0, kubectl: 0 };
  const tui = { podview: [] as number[], kubectl: [] as number[] };
  const tmux = new Tmux();
  const floorDir = mkdtempSync(join(tmpdir(), 'podview-bench-floor-'));
  try {
    const [node, floorLauncher] = await buildFloor(new URL('onePodFloorEntry.ts', import.meta.url), floorDir);
    const floorArgs = [floorLauncher!, kubeconfig, pod.namespace, pod.name];
    // One run to write the floor's compile cache, as the product's is written by earlier runs.
    await runMeasured(node!, floorArgs);
    const bare = nodeFloorRun(floorDir, kubeconfig, pod);
    for (let i = 0; i < runs; i++) {
      // Alternate the two so neither always runs on a warmer machine.
      const p = await runMeasured(process.execPath, [BIN, pod.name, '-n', pod.namespace, '--once', '-o', 'text', '--kubeconfig', kubeconfig]);
      if (p.exitCode !== 0) throw new Error(`podview POD --once failed: ${p.stderr.trim()}`);
      const k = await runMeasured('kubectl', describeArgs);
      if (k.exitCode !== 0) throw new Error(`kubectl describe pod failed: ${k.stderr.trim()}`);
      const f = await runMeasured(node!, floorArgs);
      if (f.exitCode !== 0) throw new Error(`the one-Pod floor failed: ${f.stderr.trim()}`);
      floor.push(f.wallMs);
      const b = await runMeasured(process.execPath, bare.args, { env: bare.env });
      if (b.exitCode !== 0) throw new Error(`the Node floor failed: ${b.stderr.trim()}`);
      nodeFloor.push(b.wallMs);
      snapshot.podview.push(p.wallMs);
      snapshot.kubectl.push(k.wallMs);
      rss.podview = Math.max(rss.podview, p.peakRssMb);
      rss.kubectl = Math.max(rss.kubectl, k.peakRssMb);
      tui.podview.push(await tuiOnce(tmux, kubeconfig, pod));
      tui.kubectl.push(await describeInTmux(tmux, kubeconfig, pod));
    }
  } finally {
    await tmux.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  return {
    pods,
    runs,
    snapshotMs: { podview: median(snapshot.podview), kubectl: median(snapshot.kubectl) },
    floorMs: median(floor),
    nodeFloorMs: median(nodeFloor),
    snapshotRssMb: rss,
    tuiMs: { podview: median(tui.podview), kubectl: median(tui.kubectl) },
  };
}
