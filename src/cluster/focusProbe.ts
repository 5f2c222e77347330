// The open Pod's port probe: one run per request the UI writes into the record (P), its
// outcome written back (the sockets parsed, every text sanitized). An outcome lands only if
// the same Pod is still open.
import { parseProcNet } from '../model/procNet.ts';
import { fdSocketsOf } from '../model/portOwners.ts';
import { parseConnections } from '../model/traffic.ts';
import type { FocusedPodStore } from '../store/focusedPod.ts';
import type { PortProbeResult } from '../store/requests.ts';
import type { PodKey } from '../store/types.ts';
import { sanitize } from '../text/sanitize.ts';

export async function probeInto(record: FocusedPodStore, key: PodKey, probe: (pod: PodKey) => Promise<PortProbeResult>): Promise<void> {
  record.write(key, { probe: { state: 'running' } });
  try {
    const result = await probe(key);
    if (result.ok && result.tables !== undefined) {
      const fds = result.fds ? { fds: fdSocketsOf(result.fds) } : {};
      record.write(key, {
        probe: { state: 'ran', ...(result.container ? { container: sanitize(result.container) } : {}), sockets: parseProcNet(result.tables), connections: parseConnections(result.tables), ...fds },
      });
    } else record.write(key, { probe: { state: 'skipped', reason: sanitize(result.reason ?? 'no result') } });
  } catch (error) {
    record.write(key, { probe: { state: 'skipped', reason: sanitize(error instanceof Error ? error.message : String(error)) } });
  }
}

/** Runs a probe for each request written into the record from now on; returns how to stop. */
export function followProbeRequests(record: FocusedPodStore, probe: (pod: PodKey) => Promise<PortProbeResult>): () => void {
  // Requests are counted per record: a newly opened Pod starts again from 0.
  let seen = record.current;
  let served = seen?.probeAsked ?? 0;
  return record.subscribe(() => {
    const current = record.current;
    if (!current) {
      seen = undefined;
      return;
    }
    if (seen === undefined || current.key !== seen.key) served = 0;
    seen = current;
    if (current.probeAsked <= served) return;
    served = current.probeAsked;
    void probeInto(record, current.key, probe);
  });
}
