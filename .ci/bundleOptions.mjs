// The esbuild options of the shipped bundle, shared with the benchmarks that bundle a
// headless harness, so that what they measure loads the way the product does.
import { builtinModules } from 'node:module';
import fs from 'node:fs/promises';
import path from 'node:path';

const BUILTIN = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * An ESM `import ... from 'node:http'` makes Node build the builtin's ESM facade, which reads
 * every export once and so runs every lazy getter: node:http loads Node's own fetch stack for
 * its WebSocket export, node:fs its streams and promises (~60 ms of start-up measured on this
 * 2-core machine). process.getBuiltinModule hands over the plain object, and esbuild's
 * CommonJS interop reads a named import only where it is used.
 */
const builtinsWithoutFacade = {
  name: 'builtins-without-facade',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!BUILTIN.has(args.path) || (args.kind !== 'import-statement' && args.kind !== 'dynamic-import')) return undefined;
      return { path: args.path, namespace: 'podview-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'podview-builtin' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

const LAZY_SEGMENTER = [
  'const segmenter = new Intl.Segmenter();',
  'let segmenterValue;\nconst segmenter = { segment: (text) => (segmenterValue ??= new Intl.Segmenter()).segment(text) };',
];

/**
 * Ink draws every frame into a fresh Output: a grid of one new cell object per column and row
 * (200 x 50: 10,000 objects and as many style arrays), every text of the frame tokenized into
 * one object per character and joined back into lines, and every line of the grid turned into
 * a string again, though most of them are the same as in the frame before. Under 1,000 Pod
 * changes a second that was four fifths of all the memory podview allocated (~180 MB/s of
 * ~220 MB/s, sampled with V8's allocation profiler), which drove the young-generation
 * collections and, in a full collection, the marking that the main thread must do for what it
 * allocates meanwhile. The edits keep the output unchanged (a property test compares it with
 * Ink's own, frame after frame: test/cli/inkOutputPatch.test.ts):
 * - the empty cells of the grid are one frozen cell (cells are replaced, never changed);
 * - the per-text caches (characters, lines, widths) outlive the frame, bounded: they start
 *   over past 16,384 cached characters (a screen and a half of 200 x 50, ~2 MB of character
 *   objects: what a screen's unchanged rows need from one frame to the next) or 4,096 texts;
 * - a line of the grid whose cells are the very objects of the same line in the frame before
 *   is the same string, so that string is kept and reused.
 */
const INK_OUTPUT_EDITS = [
  [
    'class OutputCaches {',
    `// podview: caches shared by the frames, the one blank cell and the last frame's lines (see .ci/bundleOptions.mjs).
let podviewCaches;
let podviewCachedChars = 0;
const podviewSharedCaches = () => {
    if (podviewCaches === undefined || podviewCachedChars > 16384 || podviewCaches.widths.size > 4096 || podviewCaches.blockWidths.size > 1024 || podviewCaches.lines.size > 1024) {
        podviewCaches = new OutputCaches();
        podviewCachedChars = 0;
    }
    return podviewCaches;
};
const podviewBlankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
let podviewLastLines = [];
const podviewLineText = (cells, y) => {
    const last = podviewLastLines[y];
    if (last !== undefined && last.cells.length === cells.length) {
        let same = true;
        for (let x = 0; same && x < cells.length; x++) same = last.cells[x] === cells[x];
        if (same) return last.text;
    }
    const text = styledCharsToString(cells.filter(item => item !== undefined)).trimEnd();
    podviewLastLines[y] = { cells, text };
    return text;
};
class OutputCaches {
    lines = new Map();
    getLines(text) {
        let cached = this.lines.get(text);
        if (cached === undefined) {
            const characterLines = [[]];
            for (const character of this.getStyledChars(text)) {
                if (character.value === '\\n') {
                    characterLines.push([]);
                }
                else {
                    characterLines.at(-1).push(character);
                }
            }
            cached = characterLines.map(line => styledCharsToString(line));
            this.lines.set(text, cached);
        }
        return cached;
    }`,
  ],
  ['            this.styledChars.set(line, cached);', '            this.styledChars.set(line, cached);\n            podviewCachedChars += cached.length;'],
  ['    caches = new OutputCaches();', '    caches = podviewSharedCaches();'],
  [
    `        const characterLines = [[]];
        for (const character of this.caches.getStyledChars(text)) {
            if (character.value === '\\n') {
                characterLines.push([]);
            }
            else {
                characterLines.at(-1).push(character);
            }
        }
        let lines = characterLines.map(line => styledCharsToString(line));`,
    '        let lines = this.caches.getLines(text);',
  ],
  [
    `                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
    '                row.push(podviewBlankCell);',
  ],
  [
    `            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`,
    '            .map((line, y) => podviewLineText(line, y))',
  ],
];

/**
 * Work that dependencies do on load, or on the first frame, that podview's start-up can skip
 * (measured on this 2-core machine). Each edit is a literal replacement in one package's file;
 * the build fails if one no longer applies (a new version that changed shape): update it then.
 * - string-width (Ink's 8.x and cliui's 7.x, which yargs loads on every start, --version
 *   included) builds an Intl.Segmenter (the first one loads ICU's break rules: ~18 ms) and a
 *   \p{RGI_Emoji} expression (~27 ms) when loaded; printable ASCII takes a fast path that needs
 *   neither, so both are built on first use. The expression also costs ~60 ms more when V8
 *   compiles it to native code on its second use, and the status bar's "·" reaches it: every
 *   RGI emoji holds an Emoji_Presentation code point, U+FE0F or U+200D, so a segment without
 *   one skips it (checked against every single code point).
 * - wrap-ansi 10 (Ink's) builds an Intl.Segmenter when loaded: on first use instead.
 * - yoga-layout's wasm loader fetches its own base64 `data:` URL, which loads Node's built-in
 *   fetch (undici, ~45 ms); it decodes the base64 itself instead, as it does where fetch is missing.
 * And one of work that Ink repeats on every frame (INK_OUTPUT_EDITS, above).
 */
const DEPENDENCY_PATCHES = [
  {
    file: /[\\/]node_modules[\\/]cliui[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    edits: [LAZY_SEGMENTER],
  },
  {
    file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    edits: [
      LAZY_SEGMENTER,
      ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', "let rgiEmojiValue;\nconst rgiEmojiRegex = { test: (text) => (rgiEmojiValue ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };"],
      ['if (rgiEmojiRegex.test(segment) ||', 'if ((/[\\p{Emoji_Presentation}\\u200D\\uFE0F]/u.test(segment) && rgiEmojiRegex.test(segment)) ||'],
    ],
  },
  // cliui's own wrap-ansi (9.x) builds nothing when loaded.
  { file: /[\\/]node_modules[\\/]cliui[\\/]node_modules[\\/]wrap-ansi[\\/]index\.js$/, edits: [] },
  { file: /[\\/]node_modules[\\/]wrap-ansi[\\/]index\.js$/, edits: [LAZY_SEGMENTER] },
  {
    file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [
      ['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return !0?'],
      ['return w||"function"!=typeof WebAssembly.instantiateStreaming||ua(H)||"function"!=typeof fetch?c(b)', 'return !0?c(b)'],
    ],
  },
  { file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/, edits: INK_OUTPUT_EDITS },
];
// cliui's copy lives under a node_modules of its own: the first matching entry wins.
const patchFor = (file) => DEPENDENCY_PATCHES.find((p) => p.file.test(file));
const dependencyPatches = {
  name: 'dependency-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/](string-width|wrap-ansi)[\\/]index\.js$|yoga-wasm-base64-esm\.js$|[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const patch = patchFor(args.path);
      if (!patch) return undefined;
      let contents = await fs.readFile(args.path, 'utf8');
      for (const [from, to] of patch.edits) {
        if (!contents.includes(from)) throw new Error(`dependency-patches: ${args.path} changed shape; "${from.slice(0, 40)}" no longer applies`);
        contents = contents.replace(from, () => to);
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * client-node's 760 generated model classes (~630 KB, a third of a start-up's parse and run)
 * come in through two modules only: gen/models/all.js (re-exported by the package index) and
 * the ObjectSerializer, which holds a table of them all. podview never converts through them:
 * its requests parse JSON themselves and YAML goes through js-yaml. So all.js becomes empty
 * (a value import of a model class would fail the build: "No matching export") and the
 * serializer a stand-in that says so if anything ever calls it.
 */
const CLIENT_NODE_MODELS = /[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/]gen[\\/]models[\\/](all|ObjectSerializer)\.js$/;
const SERIALIZER_STAND_IN = `const unavailable = () => { throw new Error('kubectl-podview: client-node ObjectSerializer is not bundled'); };
export class ObjectSerializer {
  static findCorrectType() { unavailable(); }
  static serialize() { unavailable(); }
  static deserialize() { unavailable(); }
  static normalizeMediaType() { unavailable(); }
  static getPreferredMediaType() { unavailable(); }
  static stringify() { unavailable(); }
  static parse() { unavailable(); }
}`;
const withoutClientNodeModels = {
  name: 'without-client-node-models',
  setup(b) {
    b.onLoad({ filter: CLIENT_NODE_MODELS }, (args) => ({
      contents: args.path.endsWith('all.js') ? 'export {};' : SERIALIZER_STAND_IN,
      loader: 'js',
    }));
  },
};

/**
 * The package index of client-node runs every module it re-exports: informers, cp (with tar),
 * port-forward, metrics, health, object and watch APIs. The product takes values from six of
 * them (see CLIENT_NODE_MODULES); the rest is types only, which the build erases. A value
 * import from any other module fails the build ("No matching export"): add it here then.
 */
const CLIENT_NODE_MODULES = ['polyfill.js', 'config.js', 'gen/http/http.js', 'gen/http/isomorphic-fetch.js', 'exec.js', 'log.js', 'portforward.js'];
const narrowClientNodeIndex = {
  name: 'narrow-client-node-index',
  setup(b) {
    b.onResolve({ filter: /^@kubernetes\/client-node$/ }, async (args) => {
      if (args.pluginData?.podviewClientNode) return undefined;
      const real = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { podviewClientNode: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'podview-client-node', pluginData: { dir: path.dirname(real.path) } };
    });
    b.onLoad({ filter: /.*/, namespace: 'podview-client-node' }, (args) => ({
      contents: CLIENT_NODE_MODULES.map((file) => (file === 'polyfill.js' ? `import './${file}';` : `export * from './${file}';`)).join('\n'),
      loader: 'js',
      resolveDir: args.pluginData.dir,
    }));
  },
};

/**
 * client-node's PortForward module imports the generated API classes (the whole of
 * ObjectParamAPI, ~2.5 MB of bundle) only for portForwardService/portForwardDeployment, which
 * podview never calls: it forwards to a Pod it has read itself. Its gen/index.js import gets
 * stand-ins that say so if anything ever calls them.
 */
const PORT_FORWARD_API_STAND_IN = `const unavailable = () => { throw new Error('kubectl-podview: client-node API classes are not bundled for port-forward'); };
export class CoreV1Api { constructor() { unavailable(); } }
export class AppsV1Api { constructor() { unavailable(); } }`;
const portForwardWithoutApis = {
  name: 'port-forward-without-apis',
  setup(b) {
    b.onResolve({ filter: /^\.\/gen\/index\.js$/ }, (args) =>
      /[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/]portforward\.js$/.test(args.importer) ? { path: 'port-forward-apis', namespace: 'podview-port-forward-apis' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'podview-port-forward-apis' }, () => ({ contents: PORT_FORWARD_API_STAND_IN, loader: 'js' }));
  },
};

/**
 * client-node takes fetch, Agent and ProxyAgent from undici, whose index loads all of undici
 * (mock agents, caches, cookies, WebSocket, EventSource, SQLite store...): ~950 KB to parse
 * and run on every start. Those three come from their own modules instead; fetch keeps the
 * index's wrapper, which gives a failed request the caller's stack.
 */
const UNDICI_FOR_CLIENT_NODE = `'use strict';
const fetchImpl = require('./lib/web/fetch').fetch;
function fetch(init, options = undefined) {
  return fetchImpl(init, options).catch((err) => {
    if (err && typeof err === 'object') Error.captureStackTrace(err, fetch);
    throw err;
  });
}
module.exports = { fetch, Agent: require('./lib/dispatcher/agent'), ProxyAgent: require('./lib/dispatcher/proxy-agent') };`;
const narrowUndiciForClientNode = {
  name: 'narrow-undici-for-client-node',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, async (args) => {
      if (args.pluginData?.podviewUndici || !/[\\/]@kubernetes[\\/]client-node[\\/]/.test(args.importer)) return undefined;
      const real = await b.resolve('undici', { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { podviewUndici: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'podview-undici', pluginData: { dir: path.dirname(real.path) } };
    });
    b.onLoad({ filter: /.*/, namespace: 'podview-undici' }, (args) => ({ contents: UNDICI_FOR_CLIENT_NODE, loader: 'js', resolveDir: args.pluginData.dir }));
  },
};

/**
 * Ink's optional devtools integration is never shipped: esbuild hoists its dynamic import to
 * a static one, so an `external` would make the bundle fail to load; an empty module instead.
 */
const noReactDevtools = {
  name: 'no-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'podview-empty' }));
    b.onLoad({ filter: /.*/, namespace: 'podview-empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  minifySyntax: true,
  // Also drops comments: some hold non-ASCII characters, and one such character makes V8
  // keep the whole source two bytes per character.
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [builtinsWithoutFacade, dependencyPatches, narrowClientNodeIndex, withoutClientNodeModels, narrowUndiciForClientNode, portForwardWithoutApis, noReactDevtools],
  // React's production build: the development one costs a third of each frame in checks.
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (react) call require(); give the ESM bundle one.
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
};
