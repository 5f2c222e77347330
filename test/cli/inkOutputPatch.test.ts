// The shipped bundle and the tests draw frames with Ink's Output as patched by
// patches/ink+8.0.0.patch (one shared blank cell, per-text caches that outlive a frame, the
// last frame's lines reused). The patch must not change a single character of any frame: the
// patched Output and Ink's own (the patch reversed in memory) draw the same random frames, one
// after another (so each frame's caches take over the last one's), and must agree on every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
type Transformer = (line: string, index: number) => string;
interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: Clip): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (options: { width: number; height: number }) => OutputLike;

const INK_OUTPUT = path.join(ROOT, 'node_modules', 'ink', 'build', 'output.js');
const INK_PATCH = path.join(ROOT, 'patches', 'ink+8.0.0.patch');

/** Ink's own output.js: each hunk of the patch undone (context and added lines become context and removed lines). */
function unpatched(patchedText: string): string {
  const hunks = readFileSync(INK_PATCH, 'utf8')
    .split(/^@@.*@@.*$/m)
    .slice(1);
  let text = patchedText;
  for (const hunk of hunks) {
    const lines = hunk.split('\n').slice(1);
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    const after = lines
      .filter((l) => l[0] === ' ' || l[0] === '+')
      .map((l) => l.slice(1))
      .join('\n');
    const before = lines
      .filter((l) => l[0] === ' ' || l[0] === '-')
      .map((l) => l.slice(1))
      .join('\n');
    assert.ok(text.includes(after), 'patches/ink+8.0.0.patch is applied to the installed Ink (npm ci applies it)');
    text = text.replace(after, () => before);
  }
  return text;
}

/** Ink's output.js bundled as installed (patched, as the product ships it) or as Ink wrote it. */
async function loadOutput(dir: string, name: string, patched: boolean): Promise<OutputClass> {
  const installed = readFileSync(INK_OUTPUT, 'utf8');
  assert.ok(installed.includes('podviewBlankCell'), 'the installed Ink is patched');
  const original = {
    name: 'ink-output-as-written',
    setup(b: { onLoad: (o: { filter: RegExp }, f: () => { contents: string; loader: 'js' }) => void }) {
      b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, () => ({ contents: unpatched(installed), loader: 'js' }));
    },
  };
  const stdin = { contents: "export { default } from './node_modules/ink/build/output.js';", resolveDir: ROOT, loader: 'js' as const };
  const result = await build({ bundle: true, platform: 'node', format: 'esm', plugins: patched ? [] : [original], stdin, absWorkingDir: ROOT, write: false });
  const text = result.outputFiles[0]!.text;
  assert.equal(text.includes('podviewBlankCell'), patched);
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(file, text);
  return ((await import(pathToFileURL(file).href)) as { default: OutputClass }).default;
}

type Op = { kind: 'write'; x: number; y: number; text: string; upper: boolean } | { kind: 'clip'; clip: Clip } | { kind: 'unclip' };

// Plain and wide characters, zero-width ones, colours and bold switched on and off, newlines:
// what Ink's Text hands Output.
const piece = fc.constantFrom('a', 'b', 'pod-7', ' ', '\n', '界', '😀', '\u200d', '\u00ad', '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[22m', '\u001b[42m', '\u001b[49m', '·');
const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const bound = fc.option(fc.integer({ min: -2, max: 12 }), { nil: undefined });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), x: fc.integer({ min: -2, max: 12 }), y: fc.integer({ min: -1, max: 6 }), text, upper: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clip' as const), clip: fc.record({ x1: bound, x2: bound, y1: bound, y2: bound }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unclip' as const }) },
);
// `again`: the same frame once more, so that lines equal to the frame before are reused.
const frame = fc.record({ width: fc.integer({ min: 1, max: 12 }), height: fc.integer({ min: 1, max: 6 }), ops: fc.array(op, { maxLength: 12 }), again: fc.boolean() });

function draw(Output: OutputClass, f: { width: number; height: number; ops: Op[] }): { output: string; height: number } {
  const output = new Output({ width: f.width, height: f.height });
  let clips = 0;
  for (const o of f.ops) {
    if (o.kind === 'write') output.write(o.x, o.y, o.text, { transformers: o.upper ? [(line) => line.toUpperCase()] : [] });
    else if (o.kind === 'clip') {
      output.clip(o.clip);
      clips++;
    } else if (clips > 0) {
      output.unclip();
      clips--;
    }
  }
  return output.get();
}

test("the patched Ink Output draws every frame exactly as Ink's own", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'podview-ink-output-'));
  try {
    const original = await loadOutput(dir, 'original', false);
    const patched = await loadOutput(dir, 'patched', true);
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 8 }), (frames) => {
        for (const f of frames) {
          assert.deepEqual(draw(patched, f), draw(original, f));
          if (f.again) assert.deepEqual(draw(patched, f), draw(original, f));
        }
      }),
      { numRuns: 300 },
    );
    // Past the cache's bound (16,384 characters) it starts over; frames stay the same across
    // it. Half the rows change from frame to frame, half stay.
    const rows = Array.from({ length: 40 }, (_, i) => `\u001b[32mpod-${i}\u001b[39m ${'x'.repeat(180)} ${i}`);
    for (let n = 0; n < 30; n++) {
      const f = { width: 200, height: 40, ops: rows.map((row, y) => ({ kind: 'write' as const, x: 0, y, text: y % 2 ? row : `${row}-${n}`, upper: false })) };
      assert.deepEqual(draw(patched, f), draw(original, f));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
