// The TUI's clipboard: OSC 52 into the same stdout Ink draws on. One write between frames (Ink
// writes each frame in one synchronous write, so nothing interleaves); the sequence prints
// nothing and moves no cursor, so the frame on screen stays as Ink believes it is.
import { clipboardWanted, osc52 } from '../text/osc52.ts';

export function terminalClipboard(flag: boolean | undefined, stdout: { isTTY?: boolean; write(text: string): unknown }, env: Readonly<Record<string, string | undefined>>): (text: string) => boolean {
  return (text) => {
    if (!clipboardWanted(flag, stdout, env)) return false;
    stdout.write(osc52(text));
    return true;
  };
}
