// A process that starts a sim, prints its data directory, then waits for a signal ("wait") or
// dies of an uncaught exception ("crash"): simTempDir.test.ts checks what it leaves behind.
import { startSim } from '../../src/sim/index.ts';

const sim = await startSim({ tls: false });
process.stdout.write(`${sim.control.world.dataDir}\n`);
if (process.argv[2] === 'crash') setTimeout(() => {
  throw new Error('a bug in the sim');
}, 10);
else setInterval(() => {}, 1000);
