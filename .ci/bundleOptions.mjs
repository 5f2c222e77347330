// The esbuild options of the shipped bundle, shared with the benchmarks that bundle a
// headless harness, so that what they measure loads the way the product does.
import { builtinModules } from 'node:module';
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

// Edits to how dependencies behave (Ink's renderer, string-width, wrap-ansi, yoga-layout) are
// not made here: they are patches/, applied to node_modules on install and checked by the build
// (`patch-package --error-on-fail`), so the tests run the same code the bundle ships. What
// follows only narrows what is loaded.

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
// ProxyAgent tunnels through an HTTP proxy with dispatcher.connect(), one of the API methods
// the index puts on Dispatcher's prototype: that one is added, loaded on its first call.
const Dispatcher = require('./lib/dispatcher/dispatcher');
Dispatcher.prototype.connect ??= function connect(...args) { return require('./lib/api/api-connect').apply(this, args); };
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
 * undici runs node:http2 (its HTTP/2 client, used only when a server negotiates h2, which
 * client-node never offers) and node:zlib (used only to decode a compressed response) as it
 * loads: ~9 ms of every start that reads from the API server. Both are used only through
 * calls made later, so each becomes a stand-in that loads the real module on its first use:
 * the HTTP/2 client behind its one function, zlib behind its properties.
 */
const UNDICI_ON_USE = [
  { importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/, path: './client-h2.js', contents: "module.exports = (...args) => require('./client-h2.js')(...args);" },
  {
    importer: /[\\/]undici[\\/]lib[\\/]web[\\/]fetch[\\/](util|index)\.js$/,
    path: 'node:zlib',
    contents: "module.exports = new Proxy({}, { get: (_, key) => process.getBuiltinModule('node:zlib')[key] });",
  },
];
const undiciModulesOnUse = {
  name: 'undici-modules-on-use',
  setup(b) {
    b.onResolve({ filter: /^(\.\/client-h2\.js|node:zlib)$/ }, (args) => {
      const lazy = UNDICI_ON_USE.find((entry) => entry.path === args.path && entry.importer.test(args.importer));
      if (!lazy || args.kind !== 'require-call') return undefined;
      // The stand-in's own require() resolves normally: its importer is not the one above.
      return { path: args.path, namespace: 'podview-undici-on-use', pluginData: { contents: lazy.contents, dir: path.dirname(args.importer) } };
    });
    b.onLoad({ filter: /.*/, namespace: 'podview-undici-on-use' }, (args) => ({ contents: args.pluginData.contents, loader: 'js', resolveDir: args.pluginData.dir }));
  },
};

/**
 * client-node's config.js imports, for every user, the SOCKS and HTTP proxy agents (socks,
 * ip-address, smart-buffer, debug: ~110 KB) and the azure, gcp and OIDC auth providers
 * (openid-client, oauth4webapi, jsonpath-plus: ~65 KB), and its WebSocket handler imports ws;
 * all of them run before the first request. Here each is a stand-in that loads the real
 * module on first use: a proxy agent when the kubeconfig names a proxy-url, an auth provider
 * when the user's auth-provider is its name (the test is the real isAuthProvider's), ws when
 * exec, attach or port-forward opens a WebSocket. The agents and WebSocket are built in
 * synchronous code, so they come through require(), which esbuild bundles as a module run on
 * first call; the auth providers are used from async code, so they are a dynamic import and
 * a chunk of their own. config.js calls only isAuthProvider and applyAuthentication on an
 * auth provider, and constructs the agents: a new use of them there needs a stand-in here.
 */
const lazyAgent = (pkg, names) => names.map((name) => `export class ${name} { constructor(...args) { return new (require(${JSON.stringify(pkg)}).${name})(...args); } }`).join('\n');
const lazyAuthProvider = (file, name, providerName) => `let real;
export class ${name} {
  isAuthProvider(user) { return Boolean(user?.authProvider) && user.authProvider.name === ${JSON.stringify(providerName)}; }
  async applyAuthentication(...args) {
    real ??= new (await import(${JSON.stringify(file)})).${name}();
    return real.applyAuthentication(...args);
  }
}`;
const LAZY_CLIENT_NODE_IMPORTS = {
  'socks-proxy-agent': lazyAgent('socks-proxy-agent', ['SocksProxyAgent']),
  socks: `export const SocksClient = { createConnection: (...args) => require('socks').SocksClient.createConnection(...args) };`,
  hpagent: lazyAgent('hpagent', ['HttpProxyAgent', 'HttpsProxyAgent']),
  './azure_auth.js': lazyAuthProvider('./azure_auth.js', 'AzureAuth', 'azure'),
  './gcp_auth.js': lazyAuthProvider('./gcp_auth.js', 'GoogleCloudPlatformAuth', 'gcp'),
  './oidc_auth.js': lazyAuthProvider('./oidc_auth.js', 'OpenIDConnectAuth', 'oidc'),
  'isomorphic-ws': `export default class WebSocket {
  static CONNECTING = 0; static OPEN = 1; static CLOSING = 2; static CLOSED = 3;
  constructor(...args) { return new (require('isomorphic-ws'))(...args); }
}`,
};
/** Which client-node module's imports are stood in for: each is imported there only. */
const LAZY_IMPORTER = /[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/](config|web-socket-handler)\.js$/;
const clientNodeExtrasOnUse = {
  name: 'client-node-extras-on-use',
  setup(b) {
    b.onResolve({ filter: /^(socks-proxy-agent|socks|hpagent|isomorphic-ws|\.\/(azure|gcp|oidc)_auth\.js)$/ }, (args) => {
      const importer = LAZY_IMPORTER.exec(args.importer)?.[1];
      if (args.kind !== 'import-statement' || importer !== (args.path === 'isomorphic-ws' ? 'web-socket-handler' : 'config')) return undefined;
      return { path: args.path, namespace: 'podview-on-use', pluginData: { dir: path.dirname(args.importer) } };
    });
    b.onLoad({ filter: /.*/, namespace: 'podview-on-use' }, (args) => ({ contents: LAZY_CLIENT_NODE_IMPORTS[args.path], loader: 'js', resolveDir: args.pluginData.dir }));
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
  plugins: [builtinsWithoutFacade, narrowClientNodeIndex, withoutClientNodeModels, narrowUndiciForClientNode, undiciModulesOnUse, portForwardWithoutApis, clientNodeExtrasOnUse, noReactDevtools],
  // React's production build: the development one costs a third of each frame in checks.
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (react) call require(); give the ESM bundle one.
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
};
