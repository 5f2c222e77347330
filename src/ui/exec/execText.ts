// The one-line texts around an exec session, as pure functions so the screens and the
// snapshot/CLI paths say exactly the same thing.
import type { ExecOutcome } from '../services.ts';
import { sanitize } from '../../text/sanitize.ts';

export const DEFAULT_DEBUG_IMAGE = 'busybox:1.36';

/**
 * Home and erase the main screen: written when the terminal is handed to a shell and again when
 * it comes back, so a session never draws over an earlier one's output (leaving the alternate
 * screen puts the cursor back where the TUI started, above everything a first session wrote).
 */
export const CLEAN_SCREEN = '\x1b[H\x1b[2J';

export const openingLine = (container: string, detach: string): string => `Opening a shell in ${sanitize(container)} (detach: ${detach}) …`;

export const debugOfferLine = (container: string, image: string): string =>
  `no shell in ${sanitize(container)} (distroless). Start an ephemeral debug container ${sanitize(image)} targeting ${sanitize(container)}? It cannot be removed from the Pod afterwards. [y/N]`;

export const startingDebugLine = (image: string, container: string): string => `Starting debug container ${sanitize(image)} targeting ${sanitize(container)} …`;

/** What the status bar says once the session is over and the TUI is back. */
export function outcomeLine(container: string, outcome: ExecOutcome): string {
  const c = sanitize(container);
  switch (outcome.kind) {
    case 'exited':
      return outcome.exitCode === 0 ? `shell in ${c} exited` : `shell in ${c} exited with code ${outcome.exitCode}`;
    case 'detached':
      return `detached from ${c} (its shell was ended)`;
    case 'no-shell':
      return `no shell in ${c}: tried ${outcome.tried.map((s) => sanitize(s)).join(', ')}`;
    case 'error':
      return sanitize(outcome.message);
  }
}
