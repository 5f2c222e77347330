// What the shipped bundle loads at start-up: the esbuild options of .ci/bundleOptions.mjs keep
// the parts of the dependencies podview never uses out of it, and the builtins out of Node's
// ESM facades. Builds in memory; the built file on disk is not touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function bundle(): Promise<{ text: string; inputs: Metafile['outputs'][string]['inputs'] }> {
  // @ts-expect-error: a plain .mjs build script, without types
  const { bundleOptions } = (await import('../../.ci/bundleOptions.mjs')) as { bundleOptions: object };
  const result = await build({ ...bundleOptions, absWorkingDir: ROOT, entryPoints: ['src/cli/main.ts'], outfile: 'bundle-test.mjs', write: false, metafile: true });
  const output = Object.values(result.metafile.outputs)[0];
  return { text: result.outputFiles[0]!.text, inputs: output!.inputs };
}

const shipped = bundle();

test("client-node's generated models are not in the bundle", async () => {
  const { inputs } = await shipped;
  const models = Object.entries(inputs).filter(([file, i]) => file.includes('client-node/dist/gen/models/') && i.bytesInOutput > 0);
  assert.ok(
    models.every(([file]) => /[/](all|ObjectSerializer)\.js$/.test(file)),
    models.map(([f]) => f).join(', '),
  );
  assert.ok(models.reduce((sum, [, i]) => sum + i.bytesInOutput, 0) < 2_000, 'only the stand-ins');
});

test("only client-node's fetch and agents come from undici, not its index", async () => {
  const { inputs } = await shipped;
  assert.equal(inputs['node_modules/undici/index.js'], undefined);
  assert.ok(Object.keys(inputs).some((file) => file.startsWith('node_modules/undici/lib/web/fetch/')));
  // portforward.js is in: `podview port-forward` uses it (its generated API classes are not).
  assert.equal(Object.keys(inputs).filter((file) => /client-node[/]dist[/](cp|informer|cache|metrics|health)\.js$/.test(file)).length, 0);
});

test('no builtin is imported through an ESM facade', async () => {
  const { text } = await shipped;
  const facade = /\bfrom\s*["'](node:)?(fs|http|https|net|tls|path|os|crypto|stream|child_process|module|url|util|events)["']/.exec(text);
  assert.equal(facade?.[0], undefined);
  assert.ok(text.includes('process.getBuiltinModule("node:http")'));
});

test("string-width's and Ink's wrap-ansi's segmenters and the emoji expression are built on first use, in every copy", async () => {
  const { text, inputs } = await shipped;
  const copies = Object.keys(inputs).filter((file) => /(^|[/])(string-width|wrap-ansi)[/]index\.js$/.test(file));
  const eager = copies.filter((file) => !/cliui[/]node_modules[/]wrap-ansi/.test(file));
  assert.ok(eager.length >= 3, eager.join(', '));
  assert.equal((text.match(/segmenterValue\d*\?\?=new Intl\.Segmenter/g) ?? []).length, eager.length);
  assert.equal((text.match(/rgiEmojiValue\d*\?\?=new RegExp/g) ?? []).length, 1);
  assert.equal(/=new RegExp\("\^\\\\p\{RGI_Emoji\}\$","v"\)[,;]/.exec(text)?.[0], undefined);
  assert.ok(text.includes('/[\\p{Emoji_Presentation}\\u200D\\uFE0F]/u.test('), 'a segment without an emoji code point skips the RGI expression');
});

test("yoga's wasm is decoded from its base64, not fetched (Node's fetch costs start-up)", async () => {
  const { text, inputs } = await shipped;
  assert.ok(Object.keys(inputs).some((file) => file.endsWith('yoga-wasm-base64-esm.js')));
  assert.equal(/typeof fetch/.exec(text)?.[0], undefined);
});
