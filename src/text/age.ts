// kubectl's AGE column (apimachinery duration.HumanDuration), so our ages read the same.

export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '<invalid>';
  const s = Math.trunc(seconds);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${rest}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    const years = Math.floor(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** Seconds between an API timestamp and now (ms), or undefined when the timestamp is unusable. */
export function secondsSince(timestamp: unknown, now: number): number | undefined {
  const ms = timestampMs(timestamp);
  if (ms === undefined || !Number.isFinite(now)) return undefined;
  return Math.floor((now - ms) / 1000);
}

/** Accepts RFC3339 strings and Date objects (client-node deserializes to Date). */
export function timestampMs(timestamp: unknown): number | undefined {
  if (timestamp instanceof Date) {
    const t = timestamp.getTime();
    return Number.isFinite(t) ? t : undefined;
  }
  if (typeof timestamp !== 'string' || timestamp === '') return undefined;
  const t = Date.parse(timestamp);
  return Number.isFinite(t) ? t : undefined;
}

/** RFC3339 text for a timestamp that may be a Date or a string. */
export function timestampText(timestamp: unknown): string | undefined {
  if (typeof timestamp === 'string') return timestamp || undefined;
  const ms = timestampMs(timestamp);
  return ms === undefined ? undefined : new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}
