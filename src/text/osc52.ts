// OSC 52: the escape sequence that asks the terminal (or tmux, or an SSH client's terminal)
// to put text on the system clipboard, so a forward's local address is one paste away. Only
// our own text goes in (base64 carries it, so nothing inside can end the sequence early).

/** The sequence that sets the clipboard ("c") to `text`, terminated by BEL (understood more widely than ST). */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** The environment variable that turns the clipboard copy off (any value but empty), like NO_COLOR. */
export const NO_CLIPBOARD_ENV = 'PODVIEW_NO_CLIPBOARD';

/**
 * Whether to emit OSC 52: never into a pipe or a file (the bytes would land in the data),
 * never after --no-clipboard or with PODVIEW_NO_CLIPBOARD set.
 */
export function clipboardWanted(flag: boolean | undefined, stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  if (flag === false) return false;
  const off = env[NO_CLIPBOARD_ENV];
  if (off !== undefined && off !== '') return false;
  return stream.isTTY === true;
}
