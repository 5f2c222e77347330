// The esbuild options of the shipped bundle, shared with the benchmarks that bundle a
// headless harness, so that what they measure loads the way the product does.
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
  // Ink's optional devtools integration is never shipped: esbuild hoists its dynamic import to
  // a static one, so an `external` would make the bundle fail to load; an empty module instead.
  plugins: [{
    name: 'no-react-devtools',
    setup(b) {
      b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'podview-empty' }));
      b.onLoad({ filter: /.*/, namespace: 'podview-empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
    },
  }],
  // React's production build: the development one costs a third of each frame in checks.
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (react) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __podviewRequire } from 'node:module'; const require = __podviewRequire(import.meta.url);" },
};
