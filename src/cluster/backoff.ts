// Exponential backoff with jitter, so that a thousand clients dropped at once by a restarting
// API server do not all come back in the same millisecond.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000 };

/** Delay before attempt `attempt` (1-based): full-range jitter over [base/2, base]. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(exponent, 30));
  return Math.round(base / 2 + (random() * base) / 2);
}

/** Resolves after `ms`, or early (without error) when the signal, if any, aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
