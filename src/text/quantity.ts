// Kubernetes resource quantities, parsed exactly: a quantity is kept as an integer
// numerator over a power of ten, so "1" and "1000m" or "1Gi" and "1073741824" compare equal
// without float error (QoS depends on requests == limits).

export interface ExactQuantity {
  /** value = num / 10^scale */
  num: bigint;
  scale: number;
}

const FORM = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)([a-zA-Z]*|[eE][+-]?\d+)$/;
const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
// Beyond this an exponent is nonsense and would make BigInt work unbounded.
const MAX_EXP = 400;

/** Parses a quantity string (or a number); undefined when it is not a valid quantity. */
export function parseQuantityExact(input: unknown): ExactQuantity | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    input = String(input);
  }
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (text.length === 0 || text.length > 200) return undefined;
  const m = FORM.exec(text);
  if (!m) return undefined;
  const [, sign, digits, suffix] = m;
  const dot = digits!.indexOf('.');
  const intPart = dot < 0 ? digits : digits!.slice(0, dot);
  const fracPart = dot < 0 ? '' : digits!.slice(dot + 1);
  let num = BigInt((intPart || '0') + fracPart);
  let scale = fracPart.length;
  if (suffix! in BINARY) {
    num *= BINARY[suffix!]!;
  } else if (suffix! in DECIMAL) {
    scale -= DECIMAL[suffix!]!;
  } else if (/^[eE][+-]?\d+$/.test(suffix!)) {
    const exp = Number(suffix!.slice(1));
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXP) return undefined;
    scale -= exp;
  } else {
    return undefined;
  }
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (sign === '-') num = -num;
  return { num, scale };
}

/** Parsed as a float (cores for cpu, bytes for memory); undefined when invalid. */
export function parseQuantity(input: unknown): number | undefined {
  const q = parseQuantityExact(input);
  if (!q) return undefined;
  return Number(q.num) / 10 ** q.scale;
}

/** -1, 0 or 1, exactly. */
export function compareExact(a: ExactQuantity, b: ExactQuantity): -1 | 0 | 1 {
  const left = a.num * 10n ** BigInt(Math.max(0, b.scale - a.scale));
  const right = b.num * 10n ** BigInt(Math.max(0, a.scale - b.scale));
  return left < right ? -1 : left > right ? 1 : 0;
}

export function addExact(a: ExactQuantity, b: ExactQuantity): ExactQuantity {
  const scale = Math.max(a.scale, b.scale);
  return { num: a.num * 10n ** BigInt(scale - a.scale) + b.num * 10n ** BigInt(scale - b.scale), scale };
}

/** Compares two quantity strings; undefined when either is invalid. */
export function compareQuantities(a: unknown, b: unknown): -1 | 0 | 1 | undefined {
  const qa = parseQuantityExact(a);
  const qb = parseQuantityExact(b);
  return qa && qb ? compareExact(qa, qb) : undefined;
}

function trimDecimals(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** cpu cores as people write them: 250m, 1.5, 2. */
export function formatCpu(cores: number | undefined): string {
  if (cores === undefined || !Number.isFinite(cores)) return '';
  if (cores === 0) return '0';
  const milli = Math.round(cores * 1000);
  if (Math.abs(cores) < 1) return milli === 0 ? `${trimDecimals(cores * 1000, 3)}m` : `${milli}m`;
  return trimDecimals(cores, 2);
}

const MEM_UNITS = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** bytes in binary units: 512, 128Mi, 1.2Gi. */
export function formatMemory(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < MEM_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  if (unit === 0) return `${sign}${Math.round(value)}`;
  return `${sign}${trimDecimals(value, value < 10 ? 1 : 0)}${MEM_UNITS[unit]}`;
}
