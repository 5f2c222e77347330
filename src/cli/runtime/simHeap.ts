// The simulated API server's heap, for serving a big cluster under churn on a small machine.
// Its scenario is built as objects that live until they are stored as JSON, so V8 learns that
// what the Pod builders allocate survives and allocates it in the old generation from then on
// ("allocation-site pretenuring"); the churn then makes each change's short-lived copies with
// the same builders. At 20,000 Pods and 1,000 changes/s a third of what the sim allocated went
// straight to the old generation (7 MB per young-generation collection, against 0.8 without),
// and at 150,000 Pods it ran a full collection every ~9 s, each holding its event loop, and so
// every watch it serves, 0.4-1 s. Without pretenuring, and with the old generation growing by
// a steady factor as the TUI's does (oldGeneration.ts), such collections come far apart.
import v8 from 'node:v8';
import { steadyOldGenerationGrowth } from './oldGeneration.ts';
import { userSetsV8Flag } from './userV8Flags.ts';

const PRETENURING_FLAG = /--(no[-_])?allocation[-_]site[-_]pretenuring/;
const EXTERNAL_LIMIT_FLAG = /--(no[-_])?external[-_]memory[-_]accounted[-_]in[-_]global[-_]limit|--external[-_]memory[-_]max[-_]growing/;

/** Call before the scenario is built: decisions V8 made about allocation sites stay made. */
export function tuneSimHeap(): void {
  if (!userSetsV8Flag(PRETENURING_FLAG)) v8.setFlagsFromString('--no-allocation-site-pretenuring');
  if (!userSetsV8Flag(EXTERNAL_LIMIT_FLAG)) v8.setFlagsFromString('--external-memory-accounted-in-global-limit');
  steadyOldGenerationGrowth();
}
