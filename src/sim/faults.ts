// The soak's fault schedule for a running sim: on a seeded random timetable, every few seconds
// one fault a real API server or its network inflicts on clients: watches dropped, watches
// stalled (no events, no bookmarks), history compacted so a re-watch gets 410 Gone, list or
// watch forbidden for a moment (a 403 flap), every response slowed. Each is undone by itself.
import { seededRandom } from './churn.ts';
import type { SimControl } from './control.ts';

export interface FaultSchedule {
  stop(): void;
  /** Faults started so far. */
  count(): number;
}

type Fault = (control: SimControl, random: () => number, later: (ms: number, undo: () => void) => void) => string;

export const FAULTS: Record<string, Fault> = {
  drop: (c) => `dropped ${c.dropWatches()} watches`,
  stall(c, random, later) {
    const ms = Math.round(300 + random() * 4000);
    later(ms, c.stallWatches());
    return `stalled every watch for ${ms} ms`;
  },
  gone(c) {
    c.compact();
    return `compacted history and dropped ${c.dropWatches()} watches: re-watching from before now gets 410 Gone`;
  },
  forbid(c, random, later) {
    const verb = random() < 0.5 ? 'watch' : 'list';
    const ms = Math.round(200 + random() * 2000);
    later(ms, c.deny({ resource: 'pods', verb }));
    c.dropWatches();
    return `forbade ${verb} pods for ${ms} ms (403)`;
  },
  slow(c, random, later) {
    const delay = 50 + Math.floor(random() * 300);
    const ms = Math.round(500 + random() * 2000);
    later(ms, c.delay(delay));
    return `slowed every response by ${delay} ms for ${ms} ms`;
  },
};

/** Starts the schedule: a fault every 2 to 8 seconds, each one reported through `report`. */
export function startFaults(control: SimControl, seed: number, report: (line: string) => void): FaultSchedule {
  const random = seededRandom(seed ^ 0x5eed);
  const names = Object.keys(FAULTS);
  const undos = new Map<NodeJS.Timeout, () => void>();
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const later = (ms: number, undo: () => void): void => {
    const t = setTimeout(() => {
      undos.delete(t);
      undo();
    }, ms);
    undos.set(t, undo);
  };
  const next = (): void => {
    timer = setTimeout(
      () => {
        if (stopped) return;
        const name = names[Math.floor(random() * names.length)]!;
        count++;
        report(`fault: ${FAULTS[name]!(control, random, later)}`);
        next();
      },
      2000 + random() * 6000,
    );
  };
  next();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      // Undo what is still in force, so a stopped schedule leaves a healthy server.
      for (const [t, undo] of undos) {
        clearTimeout(t);
        undo();
      }
      undos.clear();
    },
    count: () => count,
  };
}
