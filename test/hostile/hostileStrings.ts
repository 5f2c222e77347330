// Hostile text for the input suite: a fast-check generator of everything a Pod's author, a
// log writer or a kubeconfig can put into a string, and the one check every output path
// must pass (nothing that moves the cursor, changes a mode, writes the clipboard or opens a
// link reaches the terminal).
import fc from 'fast-check';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

const b64 = fc.base64String({ minLength: 4, maxLength: 24 });
const params = fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 4 }).map((p) => p.join(';'));

/** One hostile piece; a hostile string is several of them, mixed with plain text. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  // CSI: cursor moves, clears, modes (alt screen, hidden cursor, bracketed paste), reports, scroll regions.
  fc.tuple(params, fc.constantFrom('A', 'B', 'C', 'D', 'H', 'J', 'K', 'r', 'n', 'm', '?1049h', '?25l', '?2004h', '!p', '4h', ' q')).map(([p, f]) => `${ESC}[${p}${f}`),
  fc.tuple(params, fc.constantFrom('H', 'J', 'm', 'A')).map(([p, f]) => `\u009b${p}${f}`), // 8-bit CSI
  fc.string({ maxLength: 12 }).map((t) => `${ESC}]0;${t}${BEL}`), // window title
  b64.map((data) => `${ESC}]52;c;${data}${BEL}`), // clipboard write
  b64.map((data) => `\u009d52;c;${data}\u009c`), // clipboard write, 8-bit OSC and ST
  fc.string({ maxLength: 8 }).map((t) => `${ESC}]8;;https://evil.example/${encodeURIComponent(t)}${ST}click${ESC}]8;;${ST}`), // hyperlink
  fc.string({ maxLength: 8 }).map((t) => `${ESC}]2;${t}`), // unterminated OSC
  fc.constantFrom(`${ESC}Pq#0;2;0;0;0#0~~@@${ST}`, `${ESC}_apc payload${ST}`, `${ESC}^pm payload${ST}`, `${ESC}Xsos${ST}`, '\u0090dcs\u009c', '\u009fapc\u009c'), // DCS, APC, PM, SOS
  fc.constantFrom(`${ESC}7`, `${ESC}8`, `${ESC}c`, `${ESC}(0`, `${ESC}#8`, `${ESC}=`, ESC), // other escapes, a lone ESC
  fc.integer({ min: 0x80, max: 0x9f }).map((c) => String.fromCharCode(c)), // C1 controls (U+009B is CSI)
  fc.integer({ min: 0x00, max: 0x1f }).map((c) => String.fromCharCode(c)), // C0 controls
  fc.constant('\u007f'),
  fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'), // bidi overrides
  fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', 'e\u0301', 'a\u0300\u0301\u0302\u0303', 'Z\u0336\u0335\u0334'), // zero-width, combining
  fc.constantFrom('漢字', 'ｶﾀｶﾅ', '한국어', '😀', '👩‍👩‍👧', '🇺🇳', '\u3000'), // wide CJK and emoji
  fc.constantFrom('\ud800', '\udfff', 'a\udc00b', '\ufffd', '\uffff'), // lone surrogates, the replacement character, a noncharacter
  fc.constantFrom('$(touch /tmp/pwned)', '`id`', '; rm -rf ~', '\'"\\', '%s%n', '{{.}}', '</pre><script>'),
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** A hostile string: 1 to 8 pieces. */
export const hostileString: fc.Arbitrary<string> = fc.array(hostilePiece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

/** One MiB of hostile text (a repeated mix), for the size cases that run once, not per property run. */
export function oneMiB(seed = 0): string {
  const parts = fc.sample(hostilePiece, { numRuns: 200, seed });
  const unit = parts.join('');
  return unit.repeat(Math.ceil((1 << 20) / Math.max(1, unit.length))).slice(0, 1 << 20);
}

/** Bytes that are not UTF-8 (a lone continuation byte, an overlong encoding, a cut sequence, a surrogate encoded in UTF-8). */
export const INVALID_UTF8: Buffer[] = [
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc2, 0x9b, 0x32, 0x4a]),
];

const ANY_ESC = /\u001b/;
const SGR = /\u001b\[[0-9;:]*m/g;
const C1 = /[\u0080-\u009f]/;
const C0 = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What in `text` could act on a terminal, or undefined when nothing could: an escape (only
 * colour, SGR, when `allowSgr`), a C1 or C0 control (tab and newline are layout), a bidi
 * override, a lone surrogate.
 */
export function terminalHazard(text: string, options: { allowSgr?: boolean } = {}): string | undefined {
  if (options.allowSgr) text = text.replace(SGR, '');
  const checks: [string, RegExp][] = [
    ['escape', ANY_ESC],
    ['C1 control', C1],
    ['C0 control', C0],
    ['bidi override', BIDI],
    ['lone surrogate', LONE],
  ];
  for (const [what, pattern] of checks) {
    const match = pattern.exec(text);
    if (match) return `${what} ${JSON.stringify(match[0])} at ${match.index}: …${JSON.stringify(text.slice(Math.max(0, match.index - 20), match.index + 20))}…`;
  }
  return undefined;
}

export function assertTerminalSafe(text: string, where: string, options: { allowSgr?: boolean } = {}): void {
  const hazard = terminalHazard(text, options);
  if (hazard) throw new Error(`${where}: ${hazard}`);
}

/** Every string in a parsed JSON/YAML document (keys included). */
export function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* stringsIn(item);
    }
}

/** Counts of cases per output path, printed by the suite as it ends. */
export class CaseCounts {
  private readonly counts = new Map<string, { tried: number; passed: number }>();

  /** Runs one case of `path`, counting it tried and, when it returns, passed. */
  async run<T>(path: string, check: () => T | Promise<T>): Promise<T> {
    const count = this.counts.get(path) ?? { tried: 0, passed: 0 };
    this.counts.set(path, count);
    count.tried++;
    const result = await check();
    count.passed++;
    return result;
  }

  lines(): string[] {
    return [...this.counts].map(([path, c]) => `${path}: ${c.tried} cases tried, ${c.passed} passed`);
  }
}
