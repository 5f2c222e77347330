// client-node's transport, undici, parses HTTP/1 with llhttp compiled to WebAssembly. V8 runs
// it as baseline (Liftoff) code and, once it has run a while, recompiles its one large state
// machine with the optimizing compiler on a worker thread: ~40 ms of a core in every process
// that reads from the API server, and exiting waits for that compile to end (a one-Pod
// `--once` printed its snapshot at 244 ms and exited at 285, median of 15 on this 2-core
// machine). The parser only frames headers and chunks (bodies go out as
// slices of the socket's buffer), so the optimized code has nothing to win back; a tiering
// budget out of reach keeps it on baseline code. The TUI's layout engine (yoga, also
// WebAssembly) stays on baseline code too: 70 -> 105 µs to lay out a 550-node tree, against
// frames of 5 ms and more.
//
// A V8 flag set while running changes the hash that Node's built-in modules' embedded code
// cache is checked against, so every built-in loaded after it compiles from source (tls,
// http2, zlib and the like: +20 ms). Call this once client-node is loaded (it loads them all),
// before the first connection compiles the parser.
import v8 from 'node:v8';
import { userSetsV8Flag } from './userV8Flags.ts';

/** V8 options about WebAssembly tiering; one given by the user (NODE_OPTIONS, node's own argv) wins. */
const WASM_TIERING_FLAG = /--(no-)?wasm[-_](tier[-_]up|dynamic[-_]tiering|tiering[-_]budget)|--liftoff[-_]only/;

/** V8's largest value for an int flag; V8's own default is 13,000,000 (`node --v8-options`). */
const OUT_OF_REACH_BUDGET = 2 ** 31 - 1;

export function userTunesWasmTiering(execArgv?: readonly string[], nodeOptions?: string): boolean {
  return userSetsV8Flag(WASM_TIERING_FLAG, execArgv, nodeOptions);
}

/** Keeps WebAssembly compiled from now on at its baseline tier; does nothing when the user tuned tiering. */
export function keepWasmOnBaseline(): void {
  if (userTunesWasmTiering()) return;
  v8.setFlagsFromString(`--wasm-tiering-budget=${OUT_OF_REACH_BUDGET}`);
}
