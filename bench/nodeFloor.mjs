// The least any Node program can spend on one read of the API server: Node's start, one TLS
// connection and one GET with node:https (gzip accepted, as kube-apiserver sends a large list
// gzipped), the body parsed whole. No kubeconfig parsing, no client library: the bench hands
// over the URL, the CA file and the token. It prints what podview's screen would show first: a
// Pod's name, or a list's count ("N pods"). Beside kubectl (`describe pod`, `get pods -A`) it
// shows how much of the gap is the runtime itself, before any library is loaded.
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { createGunzip } from 'node:zlib';

const [url, caFile] = process.argv.slice(2);
const token = process.env.PODVIEW_FLOOR_TOKEN;
if (!url || !caFile || !token) throw new Error('usage: PODVIEW_FLOOR_TOKEN=T nodeFloor URL CA_FILE');
get(url, { ca: readFileSync(caFile), headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Accept-Encoding': 'gzip' } }, (res) => {
  if (res.statusCode !== 200) throw new Error(`GET ${url}: HTTP ${res.statusCode}`);
  const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
  const chunks = [];
  body.on('data', (chunk) => chunks.push(chunk));
  body.on('end', () => {
    const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    process.stdout.write(Array.isArray(answer.items) ? `${answer.items.length} pods\n` : `${answer.metadata.name}\n`);
  });
});
