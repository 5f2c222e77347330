// What the floors beside podview's rows share: a floor is the least a program of some kind can
// spend on podview's job (bench/*Floor*), run in the same loop as podview and kubectl, so the
// table shows how much of a gap is the runtime's, the required stack's, or podview's own.
import { KubeConfig } from '@kubernetes/client-node';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildLikeProduct } from './productBundle.ts';

/**
 * A floor's entry as one ESM file built as the product is, and a launcher that turns on Node's
 * compile cache as bin/kubectl-podview does (its own directory, warm after the first run as the
 * product's is). Returns the command: node and the launcher.
 */
export async function buildFloor(entry: URL, dir: string): Promise<[string, string]> {
  const bundle = join(dir, 'floor.mjs');
  await buildLikeProduct({ entryPoints: [fileURLToPath(entry)], outfile: bundle });
  const launcher = join(dir, 'run.mjs');
  writeFileSync(launcher, `import m from 'node:module';\nm.enableCompileCache(${JSON.stringify(join(dir, 'compile-cache'))});\nawait import(${JSON.stringify(pathToFileURL(bundle).href)});\n`);
  return [process.execPath, launcher];
}

/** What a Node floor with no client library is handed instead of a kubeconfig: the server, its CA as a file, the token (PODVIEW_FLOOR_TOKEN). */
export interface BareAccess {
  server: string;
  caFile: string;
  env: NodeJS.ProcessEnv;
}

/** bench/nodeFloor.mjs's arguments for a GET of `path`: the script, the URL, the CA file. */
export function nodeFloorArgs(bare: BareAccess, path: string): string[] {
  return [fileURLToPath(new URL('nodeFloor.mjs', import.meta.url)), `${bare.server}${path}`, bare.caFile];
}

export function bareAccess(kubeconfig: string, dir: string): BareAccess {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const cluster = kc.getCurrentCluster();
  const token = kc.getCurrentUser()?.token;
  if (!cluster?.caData || !token) throw new Error('the Node floor needs a kubeconfig with CA data and a token, as the sim writes');
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, Buffer.from(cluster.caData, 'base64'));
  return { server: cluster.server, caFile, env: { ...process.env, PODVIEW_FLOOR_TOKEN: token } };
}
