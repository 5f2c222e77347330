// A process that starts a sim, prints its data directory, then waits for a signal ("wait"; "ink":
// with an Ink app rendered first, whose signal-exit listens too) or dies of an uncaught exception
// ("crash"); "command" runs `podview sim` itself (runSimCommand, plain HTTP), printing its lines.
// simTempDir.test.ts checks what each leaves behind.
import { createElement } from 'react';
import { render, Text } from 'ink';
import { emptyScenario, startSim } from '../../src/sim/index.ts';
import { runSimCommand } from '../../src/sim/main.ts';

if (process.argv[2] === 'command') {
  await runSimCommand({ scenario: emptyScenario(), tls: false, print: (line) => process.stdout.write(`${line}\n`) });
  process.exit(0);
}
const sim = await startSim({ tls: false });
if (process.argv[2] === 'ink') render(createElement(Text, null, 'ink is up'));
process.stdout.write(`\n${sim.control.world.dataDir}\n`);
if (process.argv[2] === 'crash') {
  setTimeout(() => {
    throw new Error('a bug in the sim');
  }, 10);
} else setInterval(() => {}, 1000);
