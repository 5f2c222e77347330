// How to list a volume: which container's view of it to exec into, whether its files may be
// more than names, and the one command that lists it. The command only reads (cd, du, find,
// stat, printf), takes the path as an argument (never pasted into the script), stays on the
// volume's own filesystem (-xdev) and follows no links. It runs under busybox and coreutils alike.

import type { WholePod } from './leanPodType.ts';
import { specContainers, statusIndex } from './kinds.ts';
import { obj, objs, str } from './read.ts';
import { KUBELET_READ_ONLY } from './volumes.ts';
import { sanitize } from '../text/sanitize.ts';

export interface ListingPlan {
  volume: string;
  /** The container to exec into and where it mounts the volume (raw, as the API has them: exec needs them exact). */
  container: string;
  mountPath: string;
  readOnly: boolean;
  /** Set when the only mounts show a subPath of the volume: the listing is of that part. */
  subPath?: string;
  /** A Secret's files (or a token's): list their names only, never sizes or contents. */
  namesOnly: boolean;
  /** emptyDir sizeLimit, as written in the spec. */
  sizeLimit?: string;
  command: string[];
}

export type ListingPlanResult = { ok: true; plan: ListingPlan } | { ok: false; reason: string };

/** How deep below the mount point the listing goes. */
export const LISTING_DEPTH = 4;

const SECRET_PROJECTIONS = new Set(['secret', 'serviceAccountToken', 'podCertificate']);

// One record per file, each ending "\n\0"; the first is the du total. stat's output is followed
// by the NUL only when stat succeeded, so a vanished file leaves no half record.
const STAT_SCRIPT =
  'cd "$1" || exit 3; printf "du %s\\n\\000" "$(du -skx . 2>/dev/null | cut -f1)"; ' +
  'find . -xdev -mindepth 1 -maxdepth "$2" -exec sh -c \'for f do stat -c "%s %Y %f %n" "$f" && printf "\\000"; done\' sh {} +';
const NAMES_SCRIPT = 'cd "$1" || exit 3; find . -xdev -mindepth 1 -maxdepth "$2" -exec sh -c \'for f do printf "%s\\n\\000" "$f"; done\' sh {} +';

export function listingCommand(mountPath: string, namesOnly: boolean, depth = LISTING_DEPTH): string[] {
  return ['sh', '-c', namesOnly ? NAMES_SCRIPT : STAT_SCRIPT, 'sh', mountPath, String(depth)];
}

/** Secret volumes, projections carrying a Secret or a token, and CSI secret-store drivers: names only. */
export function holdsSecrets(volume: unknown): boolean {
  const v = obj(volume);
  if (v.secret != null) return true;
  if (v.projected != null) return objs(obj(v.projected).sources).some((s) => Object.keys(s).some((k) => SECRET_PROJECTIONS.has(k) && s[k] != null));
  if (v.csi != null) return /secret/i.test(str(obj(v.csi).driver) ?? '');
  return false;
}

interface Candidate {
  container: string;
  mountPath: string;
  readOnly: boolean;
  subPath?: string;
  order: number;
}

/**
 * Picks the running container whose view of the volume is best to list: a whole-volume mount
 * before a subPath one, then a read-only mount (a listing there can write nothing even by
 * mistake), then spec order.
 */
export function planVolumeListing(pod: WholePod, volumeName: string): ListingPlanResult {
  const shown = sanitize(volumeName);
  const volume = objs(obj(obj(pod).spec).volumes).find((v) => str(v.name) === volumeName);
  if (!volume) return { ok: false, reason: `volume ${shown} is not declared in the Pod` };
  const kind = Object.keys(volume).find((k) => k !== 'name' && volume[k] != null && typeof volume[k] === 'object') ?? '';
  const statuses = statusIndex(pod);
  const candidates: Candidate[] = [];
  let mounted = 0;
  specContainers(pod).forEach((c, order) => {
    for (const m of objs(c.spec.volumeMounts)) {
      if (str(m.name) !== volumeName) continue;
      mounted++;
      if (obj(statuses[c.kind].get(c.name)?.state).running == null) continue;
      const mountPath = str(m.mountPath);
      if (!mountPath) continue;
      const candidate: Candidate = { container: c.name, mountPath, readOnly: m.readOnly === true || KUBELET_READ_ONLY.has(kind), order };
      const subPath = str(m.subPath) || str(m.subPathExpr);
      if (subPath) candidate.subPath = subPath;
      candidates.push(candidate);
    }
  });
  if (mounted === 0) return { ok: false, reason: `no container mounts volume ${shown}` };
  if (candidates.length === 0) return { ok: false, reason: `no running container mounts volume ${shown}` };
  candidates.sort((a, b) => Number(a.subPath !== undefined) - Number(b.subPath !== undefined) || Number(b.readOnly) - Number(a.readOnly) || a.order - b.order);
  const best = candidates[0];
  const namesOnly = holdsSecrets(volume);
  const plan: ListingPlan = { volume: volumeName, container: best!.container, mountPath: best!.mountPath, readOnly: best!.readOnly, namesOnly, command: listingCommand(best!.mountPath, namesOnly) };
  if (best!.subPath !== undefined) plan.subPath = best!.subPath;
  const sizeLimit = kind === 'emptyDir' ? obj(volume.emptyDir).sizeLimit : undefined;
  if (typeof sizeLimit === 'string' || typeof sizeLimit === 'number') plan.sizeLimit = String(sizeLimit);
  return { ok: true, plan };
}
