// Floors beside the first-frame rows, each run in tmux as podview's first frame is, until the
// screen shows every Pod's count: Node alone (bench/nodeFloor.mjs), and the required
// stack, client-node and Ink, reading the Pods whole or the server's table
// (bench/firstFrameFloorEntry.tsx). They show how much of the gap to `kubectl get pods -A` at a
// small cluster is the runtime's, the stack's and the shape of what is read, and how much is
// podview's own work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './measure.ts';
import { bareAccess, buildFloor, nodeFloorArgs } from './floors.ts';
import { fullCount, shq, type Tmux, waitForScreen } from './tmux.ts';

/**
 * The floors run at a small cluster only, where podview's first frame is mostly start-up. Read
 * whole, a bigger list is no floor: at 10,000 Pods podview's pages, streamed item by item, drew
 * in 2,941 ms where the stack's floor took 3,248 (`npm run bench -- --quick`).
 */
export const FRAME_FLOORS_MAX_PODS = 1_000;

export interface FrameFloorsMs {
  /** Node and node:https: the whole list read and parsed, its count printed. */
  node: number;
  /** Node, client-node and Ink: the Pods read whole, a screenful drawn over their count. */
  pods: number;
  /** The same with the server's table (`kubectl get pods`' request) instead of the Pods. */
  table: number;
}

export class FrameFloors {
  private constructor(
    private readonly dir: string,
    private readonly commands: Record<keyof FrameFloorsMs, string>,
    private readonly env: Record<string, string>,
  ) {}

  static async build(kubeconfig: string): Promise<FrameFloors> {
    const dir = mkdtempSync(join(tmpdir(), 'podview-bench-frame-floor-'));
    const [node, launcher] = await buildFloor(new URL('firstFrameFloorEntry.tsx', import.meta.url), dir);
    // One run to write the floor's compile cache, as the product's is written by earlier runs.
    await runMeasured(node, [launcher, kubeconfig, 'pods']);
    const bare = bareAccess(kubeconfig, dir);
    const stack = (shape: string) => `exec ${[node, launcher, kubeconfig, shape].map(shq).join(' ')}`;
    const nodeFloor = [node, ...nodeFloorArgs(bare, '/api/v1/pods')];
    // The Node floor prints and exits: the session must outlive it for its screen to be read.
    const commands = { node: `${nodeFloor.map(shq).join(' ')}; sleep 5`, pods: stack('pods'), table: stack('table') };
    return new FrameFloors(dir, commands, { PODVIEW_FLOOR_TOKEN: bare.env.PODVIEW_FLOOR_TOKEN ?? '' });
  }

  /** Runs each floor once, in the same kind of terminal as podview's first frame. */
  async once(tmux: Tmux, pods: number): Promise<FrameFloorsMs> {
    const ms = { node: 0, pods: 0, table: 0 };
    for (const kind of Object.keys(ms) as (keyof FrameFloorsMs)[]) {
      const startedAt = performance.now();
      const { session } = await tmux.start(this.commands[kind], kind === 'node' ? this.env : {});
      ms[kind] = await waitForScreen(tmux, session, startedAt, (screen) => fullCount(pods).test(screen), 60_000);
      await tmux.quit(session, 'C-c', 5_000);
    }
    return ms;
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
