// The least any Node program can spend on knowing every Pod: Node's start, one TLS connection,
// one GET of all Pods with node:https (gzipped, as kube-apiserver sends a large list), the body
// parsed whole and the count printed. No kubeconfig parsing, no client library, no screen:
// the bench hands over the server, the CA file and the token.
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { createGunzip } from 'node:zlib';

const [url, caFile] = process.argv.slice(2);
const token = process.env.PODVIEW_FLOOR_TOKEN;
if (!url || !caFile || !token) throw new Error('usage: PODVIEW_FLOOR_TOKEN=T firstFrameNodeFloor URL CA_FILE');
get(url, { ca: readFileSync(caFile), headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Accept-Encoding': 'gzip' } }, (res) => {
  if (res.statusCode !== 200) throw new Error(`GET ${url}: HTTP ${res.statusCode}`);
  const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
  const chunks = [];
  body.on('data', (chunk) => chunks.push(chunk));
  body.on('end', () => process.stdout.write(`${JSON.parse(Buffer.concat(chunks).toString('utf8')).items.length} pods\n`));
});
