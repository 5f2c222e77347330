// How wide the --once text snapshot may be. Not on a terminal it goes to a ticket or a file:
// every fact whole, and a comfortable page width only to choose the volume layout. On a
// terminal, COLUMNS wins over the terminal's own size, as it does for ls and friends.

/** The width a piped snapshot's volume matrix must fit before it turns per container. */
export const PIPED_LAYOUT_WIDTH = 160;
const FALLBACK_COLUMNS = 80;

export function textLayout(sink: { isTTY?: boolean; columns?: number }, env: Record<string, string | undefined> = process.env): { width: number; whole: boolean } {
  if (!sink.isTTY) return { width: PIPED_LAYOUT_WIDTH, whole: true };
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return { width: fromEnv, whole: false };
  return { width: sink.columns && sink.columns > 0 ? sink.columns : FALLBACK_COLUMNS, whole: false };
}
