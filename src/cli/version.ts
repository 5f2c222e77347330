// The version comes from package.json at build time: esbuild inlines the JSON into the bundle.
import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
