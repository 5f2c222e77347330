// The least any Node program can spend on a one-Pod read: Node's start, one TLS connection and
// one GET of the Pod with node:https, its name printed. No kubeconfig parsing, no client library:
// the bench hands over the server, the CA file and the token. Beside `kubectl describe pod` it
// shows how much of the gap to kubectl is the runtime itself, before any library is loaded.
import { readFileSync } from 'node:fs';
import { get } from 'node:https';

const [url, caFile] = process.argv.slice(2);
const token = process.env.PODVIEW_FLOOR_TOKEN;
if (!url || !caFile || !token) throw new Error('usage: PODVIEW_FLOOR_TOKEN=T onePodNodeFloor URL CA_FILE');
get(url, { ca: readFileSync(caFile), headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, (res) => {
  const chunks = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => {
    if (res.statusCode !== 200) throw new Error(`GET ${url}: HTTP ${res.statusCode}`);
    process.stdout.write(`${JSON.parse(Buffer.concat(chunks).toString('utf8')).metadata.name}\n`);
  });
});
