// The whole Pod view as lines: a pinned header and a scrollable body of titled sections,
// with where each section starts so tab and number keys can jump to it.
import type { PodHost } from '../../model/types.ts';
import { seg, type Line } from '../lines.tsx';
import { configLines } from './configWiring.ts';
import { containersLines } from './containersSection.ts';
import { diagnosisSection } from './diagnosisSection.ts';
import { title } from './format.ts';
import { headerLines } from './headerSection.ts';
import { ownersEventsLines } from './ownersEvents.ts';
import { portLines } from './portMap.ts';
import { resourceLines } from './resourceBars.ts';
import { volumeLines } from './volumeMatrix.ts';

/** Where the Volumes section is in SECTION_NAMES: `enter` lists a volume while it is focused. */
export const VOLUMES_SECTION = 2;

export const SECTION_NAMES = ['Containers', 'Diagnosis', 'Volumes', 'Ports', 'Resources', 'Config', 'Owners & events'] as const;

export interface HostScreenOptions {
  width: number;
  selectedContainer: number;
  /** Set when the API server deleted the Pod while it was open. */
  deleted: boolean;
  notes: readonly string[];
  /** The selected volume while the Volumes section is focused (its cursor); undefined: none drawn. */
  volumeCursor?: number;
  /** "probe: skipped: …" or "probe: ran in X" after P. */
  probeNote?: string;
  /** Container port -> the local address its port-forward listens on. */
  forwarded?: ReadonlyMap<number, string>;
  /** The finding under the cursor (sortedFindings order); none until the cursor is used. */
  selectedFinding?: number;
  /** While a finding's evidence is shown: the events (indexes into host.events) or volume behind it. */
  markedEvents?: ReadonlySet<number>;
  markedVolume?: string;
}

export interface HostScreen {
  pinned: Line[];
  body: Line[];
  /** Index into body where each section's title is. */
  sectionStarts: number[];
  /** Index into body of each finding's line, in sortedFindings order. */
  findingRows: number[];
  /** Index into body of the marked volume's row, when one is marked. */
  markedVolumeRow?: number;
}

export function buildHostScreen(host: PodHost, o: HostScreenOptions): HostScreen {
  const pinned = headerLines(host);
  if (o.deleted) pinned.unshift([seg(' Pod deleted: showing its last known state (esc: back) ', 'error')]);
  const diagnosis = diagnosisSection(host, o.selectedFinding);
  const volumes = volumeLines(host, o.width, o.volumeCursor, o.markedVolume);
  const sections: Line[][] = [
    containersLines(host, o.width, o.selectedContainer),
    diagnosis.lines,
    volumes,
    portLines(host, o.probeNote, o.forwarded),
    resourceLines(host, o.width),
    configLines(host),
    ownersEventsLines(host, o.notes, o.markedEvents),
  ];
  const body: Line[] = [];
  const sectionStarts: number[] = [];
  sections.forEach((lines, i) => {
    sectionStarts.push(body.length);
    body.push(title(SECTION_NAMES[i]!, i, o.width), ...lines);
  });
  // +1: each section's title line comes before its lines.
  const findingRows = diagnosis.rows.map((row) => sectionStarts[1]! + 1 + row);
  const volumeRow = o.markedVolume === undefined ? -1 : volumes.findIndex((line) => line[0]?.tone === 'selected');
  return { pinned, body, sectionStarts, findingRows, ...(volumeRow >= 0 ? { markedVolumeRow: sectionStarts[2]! + 1 + volumeRow } : {}) };
}
