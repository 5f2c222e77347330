// Bundles the CLI. The launcher (npm, krew on linux and darwin) imports
// dist/kubectl-podview.mjs, which holds the command line and loads each mode's code from
// dist/chunks/ only when that mode is chosen: `--version`, a snapshot or logs never parse the
// TUI's React, Ink and yoga (0.13 -> 0.09 s for --version). The single executables embed one
// module, so they get the whole program as one file: dist/single/kubectl-podview.mjs.
import fs from 'node:fs';
import { build } from 'esbuild';
import { bundleOptions } from './bundleOptions.mjs';

fs.rmSync('dist/chunks', { recursive: true, force: true });
await Promise.all([
  build({
    ...bundleOptions,
    entryPoints: { 'kubectl-podview': 'src/cli/main.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
  }),
  build({ ...bundleOptions, entryPoints: ['src/cli/main.ts'], outfile: 'dist/single/kubectl-podview.mjs' }),
]);
