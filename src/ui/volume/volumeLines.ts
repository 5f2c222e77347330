// A volume's files as lines: whose view of the volume it is (container and mount path), the
// du total against an emptyDir's sizeLimit and the finding near it, then the files largest
// first with size, modification time and kind. A Secret volume shows its file names only.
import { formatBytes } from '../../model/volumeListing.ts';
import type { VolumeListing } from '../../store/actionRequests.ts';
import { fit } from '../fit.ts';
import { clean } from '../host/format.ts';
import { seg, type Line } from '../lines.tsx';

const when = (ms: number | undefined): string => (ms === undefined || !Number.isFinite(ms) ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

export function volumePinned(listing: VolumeListing, pod: string): Line[] {
  const sub = listing.subPath ? ` (subPath ${clean(listing.subPath)} only)` : '';
  const lines: Line[] = [
    [seg(`volume ${clean(listing.volume)}`, 'header'), seg(` of ${clean(pod)}`, 'dim'), seg(`  listed in ${clean(listing.container)}:${clean(listing.mountPath)}${sub}`, 'accent')],
  ];
  if (listing.namesOnly) {
    lines.push([seg('Secret volume: file names only (no sizes, times or contents are read)', 'warn')]);
    return lines;
  }
  const used = listing.usedBytes === undefined ? 'du: not available in the image' : `du total ${formatBytes(listing.usedBytes)}`;
  const limit = listing.sizeLimit ? ` of sizeLimit ${clean(listing.sizeLimit)}` : '';
  lines.push([seg(`${used}${limit}`), seg(`  ${listing.files.length} entr${listing.files.length === 1 ? 'y' : 'ies'}`, 'dim')]);
  const f = listing.finding;
  if (f) lines.push([seg(`${f.severity === 'error' ? '✗' : '!'} ${clean(f.code)}  ${clean(f.message)}`, f.severity === 'error' ? 'error' : 'warn')]);
  return lines;
}

export function volumeBody(listing: VolumeListing): Line[] {
  const lines: Line[] = [];
  if (listing.files.length === 0) lines.push([seg('  no files', 'dim')]);
  else if (listing.namesOnly) for (const file of listing.files) lines.push([seg(`  ${clean(file.path)}`)]);
  else {
    lines.push([seg(`  ${fit('SIZE', 10, true)}  ${fit('MODIFIED (UTC)', 16)}  ${fit('KIND', 5)}  PATH`, 'header')]);
    for (const file of listing.files) {
      const size = file.sizeBytes === undefined ? '-' : formatBytes(file.sizeBytes);
      lines.push([seg(`  ${fit(size, 10, true)}  `), seg(`${fit(when(file.modifiedMs), 16)}  ${fit(file.kind ?? '', 5)}  `, 'dim'), seg(clean(file.path), file.kind === 'dir' ? 'accent' : undefined)]);
    }
  }
  if (listing.unreadable > 0) lines.push([seg(`  ${listing.unreadable} entr${listing.unreadable === 1 ? 'y' : 'ies'} could not be read`, 'dim')]);
  if (listing.truncated) lines.push([seg('  the listing was cut short: partial', 'warn')]);
  return lines;
}
