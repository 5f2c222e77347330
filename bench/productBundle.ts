// A bench's headless child bundled as the product is (.ci/bundleOptions.mjs: the same narrowed
// client-node and undici, the same stand-ins), so what it measures loads the way podview does,
// and plain node runs it without tsx.
import type { BuildOptions } from 'esbuild';

export async function buildLikeProduct(options: BuildOptions): Promise<void> {
  const { build } = await import('esbuild');
  // @ts-expect-error: a plain .mjs build script without type declarations.
  const { bundleOptions } = (await import('../.ci/bundleOptions.mjs')) as { bundleOptions: BuildOptions };
  await build({ ...bundleOptions, ...options });
}
