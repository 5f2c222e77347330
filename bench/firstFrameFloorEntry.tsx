// The least the required stack can spend on a first frame of every Pod: Node, client-node's
// KubeConfig and transport (bundled with the product's own options), one GET of all Pods parsed
// whole, and Ink drawing a screenful of rows over their count. "pods" asks for the Pods as
// podview needs them (whole objects); "table" asks for the server's ready-made table, as
// `kubectl get pods` does, which has no container states, mounts or limits to draw a host from.
// bench/firstFrameFloors.ts runs both beside podview's first frame and kubectl's.
import { IsomorphicFetchHttpLibrary, KubeConfig } from '@kubernetes/client-node';
import { Box, render, Text } from 'ink';
import { keepWasmOnBaseline } from '../src/cli/runtime/wasmTiering.ts';
import { buildRequest, getJson } from '../src/cluster/request.ts';

interface Row {
  namespace: string;
  name: string;
  status: string;
}
interface PodList {
  items: { metadata: { namespace: string; name: string }; status?: { phase?: string } }[];
}
interface PodTable {
  rows: { cells: unknown[]; object?: { metadata?: { namespace?: string } } }[];
}

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

async function readRows(kc: KubeConfig, shape: string): Promise<Row[]> {
  if (shape === 'table') {
    const ctx = await buildRequest(kc, '/api/v1/pods', {});
    ctx.setHeaderParam('Accept', TABLE);
    const response = await new IsomorphicFetchHttpLibrary().send(ctx).toPromise();
    const table = JSON.parse(await response.body.text()) as PodTable;
    return table.rows.map((r) => ({ namespace: r.object?.metadata?.namespace ?? '', name: String(r.cells[0]), status: String(r.cells[2]) }));
  }
  const list = await getJson<PodList>(kc, '/api/v1/pods');
  return list.items.map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name, status: p.status?.phase ?? '' }));
}

const [kubeconfig, shape = 'pods'] = process.argv.slice(2);
if (!kubeconfig) throw new Error('usage: firstFrameFloor KUBECONFIG [pods|table]');
keepWasmOnBaseline();
const kc = new KubeConfig();
kc.loadFromFile(kubeconfig);
const rows = await readRows(kc, shape);
const screenful = Math.max(1, (process.stdout.rows ?? 24) - 2);
const app = render(
  <Box flexDirection="column">
    {rows.slice(0, screenful).map((p) => (
      <Box key={`${p.namespace}/${p.name}`} gap={1}>
        <Text>{p.namespace}</Text>
        <Text bold>{p.name}</Text>
        <Text color="green">{p.status}</Text>
      </Box>
    ))}
    <Text inverse>{`${rows.length} pods`}</Text>
  </Box>,
  { alternateScreen: true },
);
// Ink keeps no handle open for a screen without input: stdin does, so the frame stays until ctrl-c.
process.stdin.resume();
process.once('SIGINT', () => {
  app.unmount();
  process.exit(0);
});
