// Everything that comes from the cluster (names, messages, log lines) passes through here
// before it reaches the screen, so no container can move the cursor, retitle the window,
// plant a hyperlink or write outside its pane.

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
const ANYTHING_TO_STRIP = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NO_OPTIONS: SanitizeOptions = {};

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
  const drop = options.visible ? (m: string) => m.replace(/[\s\S]/g, (c) => (c < ' ' || (c >= '\u007f' && c <= '\u009f') ? visibleControl(c) : c)) : () => '';
  let out = text.replace(STRING_SEQ, drop);
  out = out.replace(CSI, (m) => (options.keepColors && SGR.test(m) ? m : drop(m)));
  if (options.keepColors) {
    // Protect kept SGR sequences from the ESC and control passes below.
    const kept: string[] = [];
    out = out.replace(/\u001b\[[0-9;:]*m/g, (m) => {
      kept.push(m);
      return `\u0000${kept.length - 1}\u0000`;
    });
    out = out.replace(OTHER_ESC, drop).replace(/[\u0001-\u0008\u000a-\u001f\u007f-\u009f]/g, options.visible ? visibleControl : () => '');
    out = out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)] ?? '').replace(/\u0000/g, '');
  } else {
    out = out.replace(OTHER_ESC, drop).replace(CONTROLS, options.visible ? visibleControl : () => '');
  }
  return out.replace(BIDI, '');
}
