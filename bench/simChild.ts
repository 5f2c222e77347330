// The sim in its own process for the benchmarks, so that serving and churning 100,000 Pods
// never competes with the bench's own clock, screen polling and key presses on one event loop.
// Driven over IPC by bench/scaleSim.ts: {churn: rate} starts churn, {stopChurn} answers with
// the number of changes made, the number of Pods left (churn creates and deletes them) and how late the sim's own event loop ran meanwhile (a change it
// stamps waits that long before it is written, whoever reads it), {close} shuts down.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tuneSimHeap } from '../src/cli/runtime/simHeap.ts';
import { startScaleSim } from './scaleSim.ts';
import type { Churn } from '../src/sim/index.ts';

type Command = { churn: number; seed?: number } | { stopChurn: true } | { close: true };

tuneSimHeap(); // as `kubectl podview sim` does
const cluster = await startScaleSim(Number(process.argv[2]));
let churn: Churn | undefined;
let loop: ReturnType<typeof monitorEventLoopDelay> | undefined;
process.send!({ kubeconfig: cluster.kubeconfig });
process.on('message', async (command: Command) => {
  if ('churn' in command) {
    churn = cluster.sim.control.churn({ changesPerSecond: command.churn, seed: command.seed ?? 6 });
    loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    process.send!({ churning: true });
  } else if ('stopChurn' in command) {
    churn?.stop();
    loop?.disable();
    const ms = (ns: number | undefined) => (ns ?? Number.NaN) / 1e6;
    process.send!({ changes: { made: churn?.changes() ?? 0, pods: cluster.sim.control.stats().pods, loopDelayMs: { p99: ms(loop?.percentile(99)), max: ms(loop?.max) } } });
  } else {
    await cluster.close();
    process.exit(0);
  }
});
// The bench went away without saying so: do not outlive it.
process.on('disconnect', () => void cluster.close().then(() => process.exit(0)));
