// The time, moving once a second, so ages tick without a store change. Uses the injected
// clock so tests (and snapshots) are repeatable.
import { useEffect, useState } from 'react';

export function useClock(now: () => number, intervalMs = 1000): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), intervalMs);
    timer.unref?.();
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return time;
}
