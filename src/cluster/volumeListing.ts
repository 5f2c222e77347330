// services.listVolume: what is in one of the Pod's volumes, read through an exec in a container
// that mounts it (the model picks which and builds the read-only command), parsed by the model.
// A Secret's volume is listed by name only; its files are never read.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';
import { planVolumeListing } from '../model/volumeListingPlan.ts';
import { largestFirst, parseVolumeListing, sizeLimitFinding } from '../model/volumeListing.ts';
import type { VolumeListOutcome, VolumeListRequest, VolumeListing } from '../store/actionRequests.ts';
import { sanitize } from '../text/sanitize.ts';
import { describeError } from './errors.ts';
import { execCapture } from './execCapture.ts';
import { getJson } from './request.ts';

/** Output kept from the listing; past it the listing says it is partial. */
export const LISTING_KEEP_BYTES = 4 << 20;

const firstLine = (text: string): string => sanitize(text.trim().split('\n')[0] ?? '').trim();

export async function listVolume(kubeConfig: KubeConfig, request: VolumeListRequest): Promise<VolumeListOutcome> {
  let pod: V1Pod;
  try {
    pod = await getJson<V1Pod>(kubeConfig, `/api/v1/namespaces/${encodeURIComponent(request.namespace)}/pods/${encodeURIComponent(request.name)}`, {}, {});
  } catch (err) {
    return { kind: 'error', message: describeError(err, `get pod "${request.name}" in namespace "${request.namespace}"`) };
  }
  const planned = planVolumeListing(pod, request.volume);
  if (!planned.ok) return { kind: 'error', message: planned.reason };
  const { plan } = planned;
  const where = `${sanitize(plan.container)}:${sanitize(plan.mountPath)}`;
  const result = await execCapture(kubeConfig, { namespace: request.namespace, pod: request.name, container: plan.container }, plan.command, { keepBytes: LISTING_KEEP_BYTES });
  if (result.kind === 'missing-executable') return { kind: 'error', message: `cannot list ${where}: the image has no sh or find (${firstLine(result.message)})` };
  if (result.kind === 'error') return { kind: 'error', message: `cannot list ${where}: ${firstLine(result.message)}` };
  const parsed = parseVolumeListing(result.stdout, { mountPath: plan.mountPath, namesOnly: plan.namesOnly });
  // find exits 1 when a file vanished or a directory was unreadable: the rest is still a listing.
  if (result.exitCode !== 0 && parsed.files.length === 0) {
    const why = firstLine(result.stderr) || `exit code ${result.exitCode}`;
    return { kind: 'error', message: `cannot list ${where}: ${why}` };
  }
  const listing: VolumeListing = {
    volume: sanitize(plan.volume),
    container: sanitize(plan.container),
    mountPath: sanitize(plan.mountPath),
    namesOnly: plan.namesOnly,
    files: largestFirst(parsed.files),
    unreadable: parsed.unreadable,
    truncated: parsed.truncated || Buffer.byteLength(result.stdout) >= LISTING_KEEP_BYTES,
  };
  if (plan.subPath !== undefined) listing.subPath = sanitize(plan.subPath);
  if (parsed.usedBytes !== undefined) listing.usedBytes = parsed.usedBytes;
  if (plan.sizeLimit !== undefined) listing.sizeLimit = sanitize(plan.sizeLimit);
  const finding = sizeLimitFinding(listing.volume, parsed.usedBytes, plan.sizeLimit);
  if (finding) listing.finding = finding;
  return { kind: 'listing', listing };
}
