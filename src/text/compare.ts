/**
 * Orders strings by UTF-16 code unit, as Array.prototype.sort does by default. For the
 * protocol names and identifiers podview sorts, that is the order a reader expects, and it
 * spares the first localeCompare's loading of ICU's collator (8-12 ms of a one-Pod snapshot).
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
