// The local detach key of an interactive session: every byte goes to the remote shell
// (Ctrl-C, Ctrl-D included) except this sequence, which ends the session on our side.
export type DetachKey = 'ctrl-]' | 'ctrl-p,ctrl-q';

export const DETACH_SEQUENCES: Record<DetachKey, number[]> = {
  'ctrl-]': [0x1d],
  'ctrl-p,ctrl-q': [0x10, 0x11],
};

export interface DetachFilter {
  /** Bytes to forward, and whether the detach sequence was typed (bytes after it are dropped). */
  feed(chunk: Buffer): { forward: Buffer; detached: boolean };
}

export function createDetachFilter(key: DetachKey): DetachFilter {
  const sequence = DETACH_SEQUENCES[key];
  let matched = 0; // bytes of the sequence seen at the end of the previous chunk, held back
  return {
    feed(chunk) {
      const out: number[] = [];
      for (const byte of chunk) {
        if (byte === sequence[matched]) {
          matched += 1;
          if (matched === sequence.length) return { forward: Buffer.from(out), detached: true };
          continue;
        }
        // A partial match that did not complete was ordinary input after all.
        out.push(...sequence.slice(0, matched));
        matched = byte === sequence[0] ? 1 : 0;
        if (matched === 0) out.push(byte);
      }
      return { forward: Buffer.from(out), detached: false };
    },
  };
}
