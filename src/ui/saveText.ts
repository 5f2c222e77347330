// `w` in the log and YAML views: write what the view holds to a new file (the service picks
// the path and never overwrites) and say in the view's one-line message how it went.
import { sanitize } from '../text/sanitize.ts';

type SaveText = (name: string, text: string) => Promise<string>;

export function saveAndSay(save: SaveText, name: string, text: string, lines: number, say: (message: string) => void): void {
  say('saving…');
  save(name, text).then(
    (path) => say(`saved ${lines} lines to ${sanitize(path)}`),
    // One line: an error's own line breaks would push the view's footer off the screen.
    (err: unknown) => say(`save failed: ${sanitize(err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')}`),
  );
}
