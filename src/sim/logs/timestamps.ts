// Kubelet stamps log lines with a fixed-width RFC3339Nano time (nine fractional digits).
// Within one millisecond a counter fills the sub-millisecond digits so that lines keep
// a strict order, which clients merging several containers rely on.

export class LineClock {
  private lastMs = -1;
  private sub = 0;
  private prefix = '';

  /** A strictly increasing stamp for a line written at `ms`. */
  stamp(ms: number): { ms: number; ts: string } {
    ms = Math.floor(ms);
    if (ms < this.lastMs) ms = this.lastMs;
    if (ms === this.lastMs) this.sub = Math.min(this.sub + 1, 999_999);
    else {
      this.sub = 0;
      // Firehoses write thousands of lines per millisecond: format the date once per ms.
      this.prefix = new Date(ms).toISOString().slice(0, 19);
    }
    this.lastMs = ms;
    const nanos = String((ms % 1000) * 1_000_000 + this.sub).padStart(9, '0');
    return { ms, ts: `${this.prefix}.${nanos}Z` };
  }
}

/** Milliseconds of an RFC3339 time as clients send it (sinceTime); NaN when malformed. */
export function parseRfc3339(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return Number.NaN;
  return Date.parse(text);
}
