// Bundles the CLI into one ESM file so start-up loads a single module.
import { build } from 'esbuild';
import { bundleOptions } from './bundleOptions.mjs';

await build({ ...bundleOptions, entryPoints: ['src/cli/main.ts'], outfile: 'dist/kubectl-podview.mjs' });
