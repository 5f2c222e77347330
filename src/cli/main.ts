// Entry point of the bundle (dist/kubectl-podview.mjs): run the command line, print any
// failure as one line on stderr, exit with the right code.
import { reportFor } from './failure.ts';
import { run } from './run.ts';

// `kubectl podview -A | head`: a reader that goes away early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(): Promise<void> {
  let code: number;
  try {
    code = await run(process.argv.slice(2));
  } catch (err) {
    const report = reportFor(err);
    process.stderr.write(`${report.text}\n`);
    code = report.exitCode;
  }
  // Open sockets (keep-alive, a watch being torn down) must not hold the process open.
  process.exitCode = code;
  setImmediate(() => process.exit(code));
}

void main();
