// What is in a volume, from the listing command's output (volumeListingPlan.ts builds the
// command): the files largest first, directories with the bytes of the files listed below them,
// and the `du` total against an emptyDir's sizeLimit. The output is a container's, so hostile:
// records end in "\n\0" (a NUL cannot be in a file name, so no name can forge a record), a
// record that does not parse is counted and dropped, and every name is sanitized here, once.

import { parseQuantity } from '../text/quantity.ts';
import { sanitize } from '../text/sanitize.ts';
import { finding } from './finding.ts';
import type { Diagnosis } from './types.ts';

export type VolumeFileKind = 'file' | 'dir' | 'link' | 'other';

export interface VolumeFile {
  /** The path inside the container that listed it (its mount path joined with the relative path), sanitized. */
  path: string;
  /** The path below the mount point, without "./", sanitized. */
  relativePath: string;
  /** Absent in a names-only listing (Secret volumes). */
  kind?: VolumeFileKind;
  /** A file's or link's own size; a directory's is the sum of the files listed below it. */
  sizeBytes?: number;
  /** Modification time, milliseconds since the epoch. */
  modifiedMs?: number;
}

export interface VolumeListingParse {
  files: VolumeFile[];
  /** `du -sk` of the whole volume in bytes (blocks in use, what a sizeLimit is measured against). */
  usedBytes?: number;
  /** Records that did not parse (a file that vanished mid-listing, a broken stat). */
  unreadable: number;
  /** The output was cut short (its last record had no end): the listing is partial. */
  truncated: boolean;
}

export interface ParseOptions {
  mountPath: string;
  namesOnly: boolean;
}

const RECORD_END = '\n\0';
const STAT_RECORD = /^(\d+) (\d+) ([0-9a-fA-F]+) \.\/([\s\S]+)$/;
const NAME_RECORD = /^\.\/([\s\S]+)$/;
const DU_RECORD = /^du (\d+)$/;

function kindOf(modeHex: string): VolumeFileKind {
  const type = (Number.parseInt(modeHex, 16) >> 12) & 0xf;
  return type === 0x8 ? 'file' : type === 0x4 ? 'dir' : type === 0xa ? 'link' : 'other';
}

/** A name from the container, for one line of a pane: controls and line breaks become visible placeholders. */
function cleanName(raw: string): string {
  // sanitize() turns a line break into a space, which would make "a\nb" look like "a b": a name
  // is not a message, so every control shows as a placeholder.
  return sanitize(raw.replace(/[\n\r\u000b\u000c]/g, '\u0007'));
}

function joinMountPath(mountPath: string, relative: string): string {
  return `${mountPath.replace(/\/+$/, '')}/${relative}`;
}

export function parseVolumeListing(output: string, options: ParseOptions): VolumeListingParse {
  const records = output.split(RECORD_END);
  const tail = records.pop() ?? '';
  const result: VolumeListingParse = { files: [], unreadable: 0, truncated: tail.length > 0 };
  const mountPath = sanitize(options.mountPath);
  for (const record of records) {
    const du = DU_RECORD.exec(record);
    if (du) {
      const kib = Number(du[1]);
      if (Number.isSafeInteger(kib)) result.usedBytes = kib * 1024;
      continue;
    }
    if (record === 'du ') continue; // no du in the image: no total
    const match = options.namesOnly ? NAME_RECORD.exec(record) : STAT_RECORD.exec(record);
    if (!match) {
      result.unreadable++;
      continue;
    }
    const relativePath = cleanName(match[options.namesOnly ? 1 : 4]!);
    const file: VolumeFile = { path: joinMountPath(mountPath, relativePath), relativePath };
    if (!options.namesOnly) {
      const size = Number(match[1]);
      const seconds = Number(match[2]);
      file.kind = kindOf(match[3]!);
      if (Number.isSafeInteger(size) && file.kind !== 'dir') file.sizeBytes = size;
      if (Number.isSafeInteger(seconds)) file.modifiedMs = seconds * 1000;
    }
    result.files.push(file);
  }
  if (!options.namesOnly) sumDirectories(result.files);
  return result;
}

/** A directory's size is what the listed regular files below it hold (links count their own size). */
function sumDirectories(files: VolumeFile[]): void {
  const dirs = new Map<string, VolumeFile>();
  for (const f of files) if (f.kind === 'dir') dirs.set(f.relativePath, { ...f, sizeBytes: 0 });
  for (const f of files) {
    if (f.kind === 'dir' || f.sizeBytes === undefined) continue;
    for (let cut = f.relativePath.lastIndexOf('/'); cut > 0; cut = f.relativePath.lastIndexOf('/', cut - 1)) {
      const dir = dirs.get(f.relativePath.slice(0, cut));
      if (dir) dir.sizeBytes = (dir.sizeBytes ?? 0) + f.sizeBytes;
    }
  }
  for (let i = 0; i < files.length; i++) {
    const dir = files[i]!.kind === 'dir' ? dirs.get(files[i]!.relativePath) : undefined;
    if (dir) files[i] = dir;
  }
}

/** Largest first; equal sizes (and names-only listings) by path. */
export function largestFirst(files: readonly VolumeFile[]): VolumeFile[] {
  return [...files].sort((a, b) => (b.sizeBytes ?? -1) - (a.sizeBytes ?? -1) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Share of an emptyDir's sizeLimit in use from which a finding is raised. */
const NEAR_SIZE_LIMIT = 0.8;

/**
 * The `du` total against the sizeLimit: at 80 % a warning, at or past it an error (the kubelet
 * evicts the Pod once usage exceeds the limit). Undefined when either is unknown or usage is lower.
 */
export function sizeLimitFinding(volume: string, usedBytes: number | undefined, sizeLimit: unknown): Diagnosis | undefined {
  const limit = parseQuantity(sizeLimit);
  if (usedBytes === undefined || limit === undefined || !(limit > 0)) return undefined;
  const share = usedBytes / limit;
  if (share < NEAR_SIZE_LIMIT) return undefined;
  const evidence = `${formatBytes(usedBytes)} of ${sanitize(String(sizeLimit))} in use (${Math.floor(share * 100)} %)`;
  return share >= 1
    ? finding('error', 'VolumeOverSizeLimit', undefined, `emptyDir ${volume} is at its sizeLimit: the kubelet evicts the Pod`, evidence)
    : finding('warning', 'VolumeNearSizeLimit', undefined, `emptyDir ${volume} is near its sizeLimit`, evidence);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes with a binary unit and at most one decimal: 0 B, 512 B, 1.5 KiB, 20 MiB. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
  return `${shown} ${UNITS[unit]}`;
}
