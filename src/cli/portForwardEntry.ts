// `kubectl podview port-forward`: resolve the cluster (or the demo), forward until SIGINT or
// SIGTERM, then close every socket and exit 0. The terminal's modes are never changed, so
// Ctrl-C leaves it as it was.
import type { PortForwardArgs } from './commandTypes.ts';
import { runPortForwardCommand } from './portForwardCommand.ts';
import { withTarget } from './target.ts';

function signalled(): { stopRequested: Promise<void>; dispose(): void } {
  let stop!: () => void;
  const stopRequested = new Promise<void>((resolve) => (stop = resolve));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    stopRequested,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export function runPortForward(args: PortForwardArgs): Promise<number> {
  const signals = signalled();
  return withTarget(args, (target) =>
    runPortForwardCommand({
      kubeConfig: target.kubeConfig,
      namespace: target.namespace,
      pod: args.pod,
      ports: args.ports,
      clipboard: args.clipboard,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      stopRequested: signals.stopRequested,
    }),
  ).finally(() => signals.dispose());
}
