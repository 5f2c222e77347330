// podview keeps undici's HTTP parser (llhttp, WebAssembly) on V8's baseline tier: the
// optimizing compile of its state machine costs a core ~40 ms and holds up every exit. The
// built binary traces V8's WebAssembly compiles through a module preloaded with NODE_OPTIONS.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { userTunesWasmTiering } from '../../src/cli/runtime/wasmTiering.ts';
import { withSim } from '../cluster/simHarness.ts';
import { runBin, tempDir } from './helpers.ts';

test('user Node options about WebAssembly tiering are recognised', () => {
  assert.equal(userTunesWasmTiering([], undefined), false);
  assert.equal(userTunesWasmTiering(['--enable-source-maps'], '--max-old-space-size=512'), false);
  assert.equal(userTunesWasmTiering(['--liftoff-only'], undefined), true);
  assert.equal(userTunesWasmTiering([], '--import x.mjs --wasm_tiering_budget=10'), true);
  assert.equal(userTunesWasmTiering(['--no-wasm-dynamic-tiering'], undefined), true);
  assert.equal(userTunesWasmTiering(['--wasm-tier-up'], undefined), true);
});

/** Which tiers V8 compiled WebAssembly functions with while the built binary ran `args`. */
async function wasmTiersDuring(t: TestContext, args: (kubeconfig: string) => string[]): Promise<{ liftoff: number; turbofan: number; stdout: string }> {
  const h = await withSim(t);
  const preload = path.join(tempDir(t), 'trace-wasm.mjs');
  // The trace goes to stdout, after the snapshot's lines or among them.
  fs.writeFileSync(preload, "import v8 from 'node:v8';\nv8.setFlagsFromString('--trace-wasm-compilation-times');\n");
  const result = await runBin(args(h.kubeconfigPath), { env: { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` } });
  assert.equal(result.code, 0, result.stderr);
  const count = (tier: string) => result.stdout.split('\n').filter((line) => line.includes(`using ${tier}`)).length;
  return { liftoff: count('Liftoff'), turbofan: count('TurboFan'), stdout: result.stdout };
}

test('a snapshot of every Pod parses HTTP on baseline code only', async (t) => {
  // The demo's whole cluster with events, owners and usage: enough responses that V8 would
  // otherwise optimize the parser before the snapshot is out.
  const tiers = await wasmTiersDuring(t, (kubeconfig) => ['--once', '-A', '-o', 'json', '--kubeconfig', kubeconfig]);
  assert.ok(tiers.liftoff > 0, 'no WebAssembly compile was traced: the trace or the parser changed');
  assert.equal(tiers.turbofan, 0, 'the HTTP parser was compiled by the optimizing tier');
  assert.match(tiers.stdout, /"pods": \[/);
});
