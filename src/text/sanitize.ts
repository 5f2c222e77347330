// Everything that comes from the cluster (names, messages, log lines) passes through here
// before it reaches the screen, so no container can move the cursor, retitle the window,
// plant a hyperlink or write outside its pane. What is taken out is not hidden: each run of
// removed sequences and controls becomes one visible placeholder (PLACEHOLDER), so a name
// that carried an escape does not pass for the clean name it imitates. Colour and style (SGR)
// alone goes quietly: it changes no meaning and is everywhere in logs.

// CSI: ESC [ params intermediates final ; also the 8-bit CSI (0x9b).
const CSI = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
// OSC (title, hyperlinks, clipboard), DCS, SOS, PM, APC: up to BEL or ST, or to the end if unterminated.
const STRING_SEQ = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
// Any other two-byte escape (ESC 7, ESC c, ESC ( B, ...).
const OTHER_ESC = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// C0 controls except tab, DEL, and C1 controls.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
// Unicode bidi overrides can reorder what the user reads.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
const SGR = /^\u001b\[[0-9;:]*m$/;
// Everything any pass below would touch; not global, so test() keeps no lastIndex.
// (A surrogate that is not half of a pair is also one: see sanitize().)
const ANYTHING_TO_STRIP = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NO_OPTIONS: SanitizeOptions = {};

/** Stands where sequences or controls were removed (U+FFFD, the replacement character: one column, in every font). */
export const PLACEHOLDER = '\ufffd';
// A line break inside one line of a pane is no attack and common (messages end with one): a
// space. A carriage return would let text overwrite what came before it on the terminal; as a
// space it cannot.
const controlStandIn = (c: string): string => (c === '\n' || c === '\r' || c === '\u000b' || c === '\u000c' ? ' ' : PLACEHOLDER);
// A run of placeholders (a sequence next to a control, CR LF) reads as one.
const PLACEHOLDER_RUN = /\ufffd{2,}/g;

export interface SanitizeOptions {
  /** Keep SGR colour/style sequences (`--log-colors`); everything else is still removed. */
  keepColors?: boolean;
  /** Show removed controls as visible escapes like `^[` instead of dropping them. */
  visible?: boolean;
}

function visibleControl(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `\\x${code.toString(16)}`;
}

/** Returns text safe to print inside one line of a pane. */
export function sanitize(text: string, options: SanitizeOptions = NO_OPTIONS): string {
  if (typeof text !== 'string') text = String(text ?? '');
  // The common case allocates nothing (no regex literal, no default options object): it runs
  // for every log line and every string of every Pod.
  if (!ANYTHING_TO_STRIP.test(text)) return text;
  // A lone surrogate cannot be written as UTF-8 (it would reach the terminal as U+FFFD anyway,
  // and JSON/YAML output could not round-trip it): make it the replacement character here.
  text = text.replace(LONE_SURROGATE, PLACEHOLDER);
  const drop = options.visible ? (m: string) => m.replace(/[\s\S]/g, (c) => (c < ' ' || (c >= '\u007f' && c <= '\u009f') ? visibleControl(c) : c)) : () => PLACEHOLDER;
  let out = text.replace(STRING_SEQ, drop);
  out = out.replace(CSI, (m) => (SGR.test(m) ? (options.keepColors ? m : '') : drop(m)));
  if (options.keepColors) {
    // Protect kept SGR sequences from the ESC and control passes below.
    const kept: string[] = [];
    out = out.replace(/\u001b\[[0-9;:]*m/g, (m) => {
      kept.push(m);
      return `\u0000${kept.length - 1}\u0000`;
    });
    out = out.replace(OTHER_ESC, drop).replace(/[\u0001-\u0008\u000a-\u001f\u007f-\u009f]/g, options.visible ? visibleControl : controlStandIn);
    out = out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)] ?? '').replace(/\u0000/g, PLACEHOLDER);
  } else {
    out = out.replace(OTHER_ESC, drop).replace(CONTROLS, options.visible ? visibleControl : controlStandIn);
  }
  out = out.replace(BIDI, PLACEHOLDER);
  return out.includes(PLACEHOLDER + PLACEHOLDER) ? out.replace(PLACEHOLDER_RUN, PLACEHOLDER) : out;
}
