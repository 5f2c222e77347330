// Terminal display width, measured by the one measure Ink lays out and truncates by: the
// string-width package (the copy Ink imports, so the bundle holds one, patched alike). A
// hand-written table here once disagreed with it (a ZWJ family emoji: 6 cells against Ink's
// 2, "❤️" with VS16: 1 against 2), and every row podview fitted by the narrower count spilled
// past the edge Ink drew. What a terminal draws as one character is a grapheme cluster, so
// everything that cuts text cuts between clusters, never inside one.
import stringWidth from 'string-width';

// Printable ASCII is one cell a character and one cluster a character: the common case (Pod
// names, most log lines) needs neither the segmenter nor string-width's tables.
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

// Every code point that can join a neighbour into one grapheme cluster (marks, joiners,
// prepended letters, Hangul jamo, regional indicators), that string-width strips (controls:
// the start of an ANSI sequence) or measures as an emoji. Text with none of them is one
// cluster a code point, so its width is the sum of its code points' widths, each measured
// once by string-width: text in most scripts (CJK and Hangul syllables included: a syllable
// joins only a following jamo, which is on the list) skips the segmenter, which costs about
// ten times as much. test/text/width.test.ts checks this against string-width for every code
// point of planes 0 and 1 (the letters not in a property below were found that way).
const MAY_JOIN =
  /[\p{M}\p{Grapheme_Extend}\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Presentation}\p{Regional_Indicator}\p{Default_Ignorable_Code_Point}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0d4e\u0e33\u0eb3\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}\u{16d63}-\u{16d6a}]/u;

// Built on first use: the first Intl.Segmenter loads ICU's break rules (~18 ms), which a run
// that never meets a joining character need not pay.
let segmenter: Intl.Segmenter | undefined;

/** The grapheme clusters of text, in order: what a terminal draws as one character each. */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split('');
  if (!MAY_JOIN.test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

// Width of one cluster, remembered: logs and tables repeat the same few non-ASCII characters,
// and string-width on one cluster runs the segmenter and several Unicode-property expressions.
// Bounded, so a stream of distinct clusters cannot grow it without end.
const clusterWidths = new Map<string, number>();
const CLUSTER_CACHE_LIMIT = 4096;

/** Cells one grapheme cluster takes (0 for controls, combining marks and zero-width characters). */
export function charWidth(cluster: string): number {
  if (cluster.length === 1) {
    const code = cluster.charCodeAt(0);
    if (code >= 0x20 && code < 0x7f) return 1;
  }
  let w = clusterWidths.get(cluster);
  if (w === undefined) {
    w = stringWidth(cluster);
    if (clusterWidths.size >= CLUSTER_CACHE_LIMIT) clusterWidths.clear();
    clusterWidths.set(cluster, w);
  }
  return w;
}

// Widths of single code points in planes 0 to 3 (every script and CJK), plus one; 0 until
// measured. 256 KB, against a Map lookup per character on the non-ASCII path.
const codePointWidths = new Uint8Array(0x40000);

function codePointWidth(cp: number): number {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (cp >= codePointWidths.length) return charWidth(String.fromCodePoint(cp));
  const known = codePointWidths[cp] as number;
  if (known !== 0) return known - 1;
  const w = stringWidth(String.fromCodePoint(cp));
  codePointWidths[cp] = w + 1;
  return w;
}

/**
 * How much of text (no MAY_JOIN code point in it, so one cluster a code point) fits in `room`
 * cells: the length in UTF-16 units of the longest such prefix, and its width.
 */
function simplePrefix(text: string, room: number): { end: number; width: number } {
  let w = 0;
  let i = 0;
  while (i < text.length) {
    // MAY_JOIN holds lone surrogates, so every high surrogate here starts a pair.
    const cp = text.codePointAt(i) as number;
    const cw = codePointWidth(cp);
    if (w + cw > room) break;
    w += cw;
    i += cp > 0xffff ? 2 : 1;
  }
  return { end: i, width: w };
}

/** Cells the text takes on a terminal, exactly as Ink counts them (ANSI sequences count none). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (MAY_JOIN.test(text)) return stringWidth(text);
  return simplePrefix(text, Number.POSITIVE_INFINITY).width;
}

/** Cuts text to at most `width` cells, ending with an ellipsis when something was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (room < 0) return ellipsis.slice(0, width);
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, room) + ellipsis;
  if (!MAY_JOIN.test(text) && !MAY_JOIN.test(ellipsis)) return text.slice(0, simplePrefix(text, room).end) + ellipsis;
  const clusters = graphemes(text);
  let end = 0;
  let w = 0;
  for (; end < clusters.length; end++) {
    const cw = charWidth(clusters[end] as string);
    if (w + cw > room) break;
    w += cw;
  }
  // The sum of the clusters' widths is the width of the whole, except where string-width
  // strips an ANSI sequence or the ellipsis joins the last cluster: the whole decides.
  let out = clusters.slice(0, end).join('');
  while (end > 0 && displayWidth(out + ellipsis) > width) out = clusters.slice(0, --end).join('');
  return out + ellipsis;
}

/** Truncates, then pads with spaces to exactly `width` cells. */
export function padEnd(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

export function padStart(text: string, width: number): string {
  const cut = truncate(text, width);
  return ' '.repeat(Math.max(0, width - displayWidth(cut))) + cut;
}
