// Counts V8's full collections in a fresh process while Buffers go through a ring, as the sim's
// watch history does, beside a set it holds, as the sim's stored objects are. Run by
// simHeap.test.ts once with V8's defaults and once tuned, so neither run inherits the other's heap.
import v8 from 'node:v8';
import vm from 'node:vm';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { tuneSimHeap } from '../../../src/cli/runtime/simHeap.ts';

const [mode, heldMb, throughMb, ringMb] = process.argv.slice(2);
const size = 5_000; // one Pod's JSON

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const held = Array.from({ length: (Number(heldMb) * 1e6) / size }, () => Buffer.allocUnsafeSlow(size));
if (mode === 'tuned') tuneSimHeap();
gc(); // the next limits are set at a full collection

let majors = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
});
observer.observe({ entryTypes: ['gc'] });
const ring: Buffer[] = new Array(Math.round((Number(ringMb) * 1e6) / size));
for (let i = 0; i < (Number(throughMb) * 1e6) / size; i++) {
  ring[i % ring.length] = Buffer.allocUnsafeSlow(size);
  if (i % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve)); // V8 starts a collection it asked for in a task
}
await new Promise((resolve) => setTimeout(resolve, 50)); // the observer hears of the last collections
observer.disconnect();
process.stdout.write(`${JSON.stringify({ majors, held: held.length })}\n`);
