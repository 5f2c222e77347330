// The least a one-Pod read can cost with the stack the project requires: Node, client-node's
// KubeConfig and its transport (bundled with the product's own options, V8 tuned as the
// product tunes it), one GET of the Pod, its name printed. bench/onePod.ts runs it beside
// `podview POD --once` and `kubectl describe pod`, so the table shows how much of the gap to
// kubectl is podview's own work and how much is the runtime and client library's.
import { KubeConfig } from '@kubernetes/client-node';
import { keepWasmOnBaseline } from '../src/cli/runtime/wasmTiering.ts';
import { getJson } from '../src/cluster/request.ts';

const [kubeconfig, namespace, name] = process.argv.slice(2);
if (!kubeconfig || !namespace || !name) throw new Error('usage: onePodFloor KUBECONFIG NAMESPACE POD');
keepWasmOnBaseline();
const kc = new KubeConfig();
kc.loadFromFile(kubeconfig);
const pod = await getJson<{ metadata: { name: string } }>(kc, `/api/v1/namespaces/${namespace}/pods/${name}`);
process.stdout.write(`${pod.metadata.name}\n`);
process.exit(0);
