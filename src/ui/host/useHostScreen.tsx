// The open Pod as a screen: its scroll, selected container, volume cursor, diagnosis cursor and
// port probe, and its key table. Keys it handles itself (scrolling, sections, containers, the
// volume and diagnosis cursors, a finding's evidence shown in this view, the probe) stay here;
// the rest (back, logs, shell, diff, a volume's listing, help, quit) go back to the router.
import type React from 'react';
import { useMemo, useState } from 'react';
import type { Key } from 'ink';
import { defaultContainer } from '../../model/defaultContainer.ts';
import { evidenceFor, matchingEvents, terminatedInstanceIsPrevious, volumeNamed } from '../../model/evidence.ts';
import type { PodHost } from '../../model/types.ts';
import type { FocusedPodStore, ProbeRun } from '../../store/focusedPod.ts';
import type { PodStore } from '../../store/podStore.ts';
import { useFocusedPod } from '../hooks/useFocusedPod.ts';
import type { HelpTopic } from '../help/HelpView.tsx';
import { useHostView } from '../hooks/useHostView.ts';
import type { Action } from '../keys/actions.ts';
import { dispatchKey } from '../keys/keyTable.ts';
import type { Theme } from '../theme.ts';
import { HOST_KEYS } from './hostKeys.ts';
import { sortedFindings } from './diagnosisSection.ts';
import { buildHostScreen, type HostScreen, VOLUMES_SECTION } from './hostScreen.ts';
import { bodyHeight, maxScroll, PodHostView } from './PodHostView.tsx';

export const HOST_HINT = 'esc back · tab section · ←→ container · n/enter evidence · l logs · s shell · d diff · v volume · ? help · q quit';
const HOST_HELP: HelpTopic = { title: 'Pod view', keys: HOST_KEYS };

export interface HostScreenInput {
  store: PodStore;
  /** The open Pod's uid; undefined while the list is shown. */
  uid: string | undefined;
  /** The open Pod's record: P asks for a probe there; details and the probe's outcome come from it. */
  focused: FocusedPodStore;
  clock: number;
  width: number;
  height: number;
  theme: Theme;
  /** The open Pod's forwarded ports: container port -> local address. */
  forwarded?: ReadonlyMap<number, string>;
}

export interface OpenHostScreen {
  body: React.ReactNode;
  help: HelpTopic;
  host: PodHost;
  containerIndex: number;
  /** A key press: handled here (undefined), or the action for the router. */
  onKey(input: string, key: Key): Action | undefined;
}

interface ViewState {
  uid: string | undefined;
  scroll: number;
  /** undefined until a key moves it: the view opens on the model's default container. */
  container: number | undefined;
  /** The section last jumped to (tab, 1-9, v); undefined once the body is scrolled line by line. */
  section: number | undefined;
  /** The volume `enter` lists in the Volumes section, by index into the host's volumes. */
  volume: number;
  /** The diagnosis line under the cursor; undefined until n, N or enter uses it. */
  finding?: number;
  /** While a finding's evidence is shown in this view: what is marked, and the scroll esc returns to. */
  evidence?: { returnScroll: number; events?: ReadonlySet<number>; volume?: string };
}
const fresh = (uid: string | undefined): ViewState => ({ uid, scroll: 0, container: undefined, section: undefined, volume: 0 });

// Sections by their index in SECTION_NAMES.
const PORTS = 3;
const RESOURCES = 4;
const EVENTS = 6;

export function useHostScreen({ store, uid, focused, clock, width, height, theme, forwarded }: HostScreenInput): OpenHostScreen | undefined {
  // Kept per Pod: a Pod opened afresh starts at its top, on its default container.
  const [kept, setKept] = useState<ViewState>(() => fresh(uid));
  const view = kept.uid === uid ? kept : fresh(uid);
  // Derived state, reset during render (React's pattern for it), so no frame shows another Pod's scroll.
  if (kept.uid !== uid) setKept(view);
  const update = (change: (v: ViewState) => Partial<ViewState>) =>
    setKept((k) => {
      const base = k.uid === uid ? k : fresh(uid);
      return { ...base, ...change(base) };
    });
  const record = useFocusedPod(focused);
  const hostState = useHostView(store, uid, clock, record);
  const defaultIndex = useMemo(() => {
    if (!hostState || uid === undefined) return 0;
    // The record's whole Pod once it is this one's (the record follows the focus a moment later), else the list's copy.
    const pod = (record?.pod?.metadata?.uid === uid ? record.pod : undefined) ?? store.get(uid)?.pod;
    const name = pod && defaultContainer(pod, hostState.host.diagnosis);
    return Math.max(
      0,
      hostState.host.containers.findIndex((c) => c.name === name),
    );
  }, [hostState, record, store, uid]);
  const { scroll, finding, evidence } = view;
  const container = view.container ?? defaultIndex;
  const note = probeNote(record?.probe);
  const volumeCount = hostState?.host.volumes.length ?? 0;
  const volume = Math.min(view.volume, Math.max(0, volumeCount - 1));
  // Which section is focused depends on where the sections start, known once the screen is built;
  // the volume cursor changes only the Volumes section's lines, not where any section starts.
  const build = (volumeCursor: number | undefined) =>
    hostState
      ? buildHostScreen(hostState.host, {
          width,
          selectedContainer: container,
          deleted: hostState.deleted,
          notes: hostState.notes,
          ...(volumeCursor !== undefined ? { volumeCursor } : {}),
          ...(note ? { probeNote: note } : {}),
          ...(forwarded ? { forwarded } : {}),
          ...(finding !== undefined ? { selectedFinding: finding } : {}),
          ...(evidence?.events ? { markedEvents: evidence.events } : {}),
          ...(evidence?.volume !== undefined ? { markedVolume: evidence.volume } : {}),
        })
      : undefined;
  const base = useMemo(() => build(undefined), [hostState, note, width, container, forwarded, finding, evidence]);
  const baseMax = base ? maxScroll(base, height) : 0;
  const focusedSection = base ? (view.section ?? sectionAt(base.sectionStarts, Math.min(scroll, baseMax))) : undefined;
  const volumesFocused = focusedSection === VOLUMES_SECTION && volumeCount > 0 && !evidence;
  const screen = useMemo(() => (volumesFocused ? build(volume) : base), [base, volumesFocused, volume]);

  if (uid === undefined || !screen || !hostState) return undefined;
  const max = maxScroll(screen, height);
  const page = bodyHeight(screen, height) - 1;
  const count = hostState.host.containers.length;
  const scrollBy = (d: number) => update((v) => ({ section: undefined, scroll: Math.max(0, Math.min(max, Math.min(v.scroll, max) + d)) }));
  const jumpTo = (section: number) => {
    const starts = screen.sectionStarts;
    const i = Math.max(0, Math.min(starts.length - 1, section));
    update(() => ({ section: i, scroll: Math.min(max, starts[i]!) }));
  };
  const listVolume = (): Action | undefined => {
    const chosen = hostState.host.volumes[volume];
    if (!volumesFocused || !chosen) return void jumpTo(VOLUMES_SECTION);
    return { type: 'openVolume', volume: chosen.name };
  };

  const onKey = (input: string, key: Key): Action | undefined => {
    const action = dispatchKey(HOST_KEYS, input, key);
    switch (action?.type) {
      case 'down':
        return void scrollBy(1);
      case 'up':
        return void scrollBy(-1);
      case 'pageDown':
        return void scrollBy(page);
      case 'pageUp':
        return void scrollBy(-page);
      case 'top':
        return void update(() => ({ section: undefined, scroll: 0 }));
      case 'bottom':
        return void update(() => ({ section: undefined, scroll: max }));
      case 'section':
      case 'nextSection':
      case 'prevSection': {
        const here = focusedSection ?? 0;
        return void jumpTo(action.type === 'section' ? action.index : here + (action.type === 'nextSection' ? 1 : -1));
      }
      case 'nextVolume':
      case 'prevVolume': {
        if (!volumesFocused) return undefined;
        const step = action.type === 'nextVolume' ? 1 : -1;
        return void update(() => ({ volume: (volume + step + volumeCount) % volumeCount }));
      }
      case 'listVolume':
        return listVolume();
      case 'nextContainer':
        return void update((v) => ({ container: count === 0 ? 0 : ((v.container ?? defaultIndex) + 1) % count }));
      case 'prevContainer':
        return void update((v) => ({ container: count === 0 ? 0 : ((v.container ?? defaultIndex) - 1 + count) % count }));
      case 'probePorts':
        return void focused.askProbe();
      case 'nextFinding':
      case 'prevFinding': {
        const rows = screen.findingRows;
        if (rows.length === 0) return undefined;
        const at = finding === undefined ? 0 : Math.max(0, Math.min(rows.length - 1, finding + (action.type === 'nextFinding' ? 1 : -1)));
        return void update((v) => ({ finding: at, evidence: undefined, section: undefined, scroll: reveal(rows[at]!, Math.min(v.scroll, max), page, max) }));
      }
      // enter: in the Volumes section, the selected volume's files; elsewhere a finding's evidence.
      case 'evidence':
        return volumesFocused ? listVolume() : openEvidence();
      case 'back':
        if (!evidence) return action;
        return void update(() => ({ scroll: Math.min(max, evidence.returnScroll), section: undefined, evidence: undefined }));
      default:
        return action;
    }
  };

  // enter on a diagnosis line: its evidence in this view (events, ports, volume, resources),
  // or the ended instance's logs through the router. esc comes back to the same line.
  function openEvidence(): Action | undefined {
    const host = hostState!.host;
    const findings = sortedFindings(host);
    const at = Math.min(finding ?? 0, findings.length - 1);
    const d = findings[at];
    if (!d) return undefined;
    const rule = evidenceFor(d.code);
    const returnScroll = reveal((screen as HostScreen).findingRows[at]!, Math.min(scroll, max), page, max);
    const show = (section: number, marks: { events?: ReadonlySet<number>; volume?: string } = {}) =>
      update(() => ({ finding: at, evidence: { returnScroll, ...marks }, section: undefined, scroll: Math.min(max, screen!.sectionStarts[section]!) }));
    const ended = host.containers.find((c) => c.name === d.container);
    switch (rule.kind) {
      case 'termination':
        if (ended) {
          update(() => ({ finding: at, evidence: undefined, scroll: returnScroll }));
          return { type: 'evidenceLogs', container: ended.name, previous: terminatedInstanceIsPrevious(ended.state) };
        }
        return void show(EVENTS, { events: matchingEvents(rule, host.events) });
      case 'events':
        return void show(EVENTS, { events: matchingEvents(rule, host.events) });
      case 'ports':
        if (record?.probe === undefined) focused.askProbe();
        return void show(PORTS);
      case 'volume': {
        const name = volumeNamed(
          d,
          host.volumes.map((v) => v.name),
        );
        return void show(VOLUMES_SECTION, name !== undefined ? { volume: name } : {});
      }
      case 'resources':
        return void show(RESOURCES);
    }
  }

  return {
    body: <PodHostView screen={screen} scroll={scroll} width={width} height={height} theme={theme} />,
    help: HOST_HELP,
    host: hostState.host,
    containerIndex: container,
    onKey,
  };
}

/** The section whose title is at or above body line `scroll`. */
function sectionAt(starts: readonly number[], scroll: number): number {
  return starts.reduce((at, s, i) => (s <= scroll ? i : at), 0);
}

/** The scroll that keeps `row` on screen, moving as little as possible. */
function reveal(row: number, scroll: number, page: number, max: number): number {
  if (row < scroll) return row;
  if (row > scroll + page) return Math.min(max, row - page);
  return scroll;
}

/** The probe's line in the Ports section. */
function probeNote(probe: ProbeRun | undefined): string | undefined {
  switch (probe?.state) {
    case undefined:
      return undefined;
    case 'running':
      return 'probe: reading /proc/net in the Pod…';
    case 'ran':
      return `probe: ran${probe.container ? ` in ${probe.container}` : ''}`;
    case 'skipped':
      return `probe: skipped: ${probe.reason}`;
  }
}
