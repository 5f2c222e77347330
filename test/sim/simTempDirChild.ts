// A process that starts a sim, prints its data directory, then waits for a signal ("wait"; "ink":
// with an Ink app rendered first, whose signal-exit listens too) or dies of an uncaught exception
// ("crash"): simTempDir.test.ts checks what it leaves behind.
import { createElement } from 'react';
import { render, Text } from 'ink';
import { startSim } from '../../src/sim/index.ts';

const sim = await startSim({ tls: false });
if (process.argv[2] === 'ink') render(createElement(Text, null, 'ink is up'));
process.stdout.write(`\n${sim.control.world.dataDir}\n`);
if (process.argv[2] === 'crash') {
  setTimeout(() => {
    throw new Error('a bug in the sim');
  }, 10);
} else setInterval(() => {}, 1000);
