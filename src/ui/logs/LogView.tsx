// The log drill-down: draws only the rows on screen from the view's ring buffer, with search
// (highlight, n/N), include/exclude filters, pause with a count of new lines, wrap,
// timestamps, save, and the counts a user needs to trust it (matches, evicted lines).
import { saveAndSay } from '../saveText.ts';
import { useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { LogSession } from '../services.ts';
import type { LogStreamState } from '../../store/logBuffer.ts';
import { sanitize } from '../../text/sanitize.ts';
import { useTerminalSize } from '../hooks/useTerminalSize.ts';
import { containerInkColor } from './containerColor.ts';
import { HelpView, type HelpTopic } from '../help/HelpView.tsx';
import { helpKey } from '../help/helpKeys.ts';
import { dispatchKey } from '../keys/keyTable.ts';
import { makeTheme } from '../theme.ts';
import { LOG_KEY_HINT, LOG_KEYS, PROMPT_LABEL, type PromptKind } from './logKeys.ts';
import { toPattern } from './logText.ts';
import { stripSgr } from './sgr.ts';
import { filterLines, windowRows, type RowPiece } from './logWindow.ts';
import { useLogBuffer } from './useLogBuffer.ts';

const LOG_HELP: HelpTopic = { title: 'logs', keys: LOG_KEYS };

export interface LogViewProps {
  session: LogSession;
  title: string;
  color: boolean;
  /** esc: back to where the logs were opened. */
  onClose(): void;
  /** q or ctrl-c: quit podview, as on every screen. */
  onQuit(): void;
  saveText(name: string, text: string): Promise<string>;
  /** Keep the containers' SGR colours (--log-colors). */
  logColors?: boolean;
  width?: number;
  height?: number;
}

function stateText(state: LogStreamState): string {
  switch (state.kind) {
    case 'connecting':
      return 'connecting…';
    case 'streaming':
      return 'streaming';
    case 'waiting':
      return `waiting: ${state.message}`;
    case 'ended':
      return state.message ? `ended: ${state.message}` : 'ended';
    case 'error':
      return `error: ${state.message}`;
  }
}

function Piece({ piece, color }: { piece: RowPiece; color: boolean }) {
  // Without colour a hit is still visible: bracketed, since no escape may be written.
  if (!color) return <Text>{piece.hit ? `[${piece.text}]` : piece.text}</Text>;
  const tone = piece.tone;
  const fg = typeof tone === 'object' ? containerInkColor(tone.container) : tone === 'dim' ? 'gray' : tone === 'notice' ? 'yellow' : undefined;
  return (
    <Text color={fg} inverse={piece.hit}>
      {piece.text}
    </Text>
  );
}

export function LogView(props: LogViewProps) {
  const { session, color } = props;
  const buffer = session.buffer;
  const terminal = useTerminalSize();
  const width = props.width ?? terminal.columns;
  const height = props.height ?? terminal.rows;
  const version = useLogBuffer(buffer);
  const [prompt, setPrompt] = useState<{ kind: PromptKind; text: string } | undefined>();
  const [search, setSearch] = useState('');
  const [include, setInclude] = useState('');
  const [exclude, setExclude] = useState('');
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  // Horizontal scroll of unwrapped lines, in cells.
  const [shift, setShift] = useState(0);
  // Not following: the view stays on the line with this seq; `pausedAt` counts what came since.
  const [anchor, setAnchor] = useState<{ seq: number; pausedAt: number } | undefined>();
  const [hit, setHit] = useState(-1);
  const [message, setMessage] = useState('');
  /** The `?` screen's scroll while it is open. */
  const [help, setHelp] = useState<number | undefined>(undefined);

  const searchPattern = toPattern(search);
  const includePattern = toPattern(include);
  const excludePattern = toPattern(exclude);
  const lines = useMemo(() => filterLines(buffer, { include: includePattern?.regex, exclude: excludePattern?.regex }), [buffer, version, include, exclude]);
  const hits = useMemo(() => (searchPattern ? lines.flatMap((l, i) => (!l.notice && searchPattern.regex.test(stripSgr(l.text)) ? [i] : [])) : []), [lines, search]);
  const merged = lines.some((l) => l.container !== undefined);
  const prefixWidth = merged ? lines.reduce((w, l) => Math.max(w, l.container?.length ?? 0), 0) : 0;

  const bodyHeight = Math.max(1, height - 2);
  let bottom = lines.length - 1;
  if (anchor) {
    const at = lines.findIndex((l) => l.seq >= anchor.seq);
    bottom = at === -1 ? lines.length - 1 : Math.max(Math.min(lines.length - 1, bodyHeight - 1), at);
  }
  const pauseAt = (seq: number | undefined) => setAnchor(seq === undefined ? undefined : { seq, pausedAt: anchor?.pausedAt ?? buffer.total });
  const scrollTo = (index: number) => {
    const i = Math.max(0, Math.min(lines.length - 1, index));
    if (i >= lines.length - 1 && !anchor) return;
    pauseAt(lines[i]?.seq);
  };
  const jumpToHit = (k: number) => {
    if (hits.length === 0) return;
    const next = ((k % hits.length) + hits.length) % hits.length;
    setHit(next);
    // Keep context: the hit sits mid-screen, not on the last row.
    scrollTo(Math.min(lines.length - 1, hits[next]! + Math.floor(bodyHeight / 2)));
  };
  const currentHit = hits.length === 0 ? -1 : Math.min(hit, hits.length - 1);

  useInput((input, key) => {
    if (prompt) {
      if (key.escape) setPrompt(undefined);
      else if (key.return) {
        if (prompt.kind === 'search') {
          setSearch(prompt.text);
          setHit(-1);
        } else if (prompt.kind === 'include') setInclude(prompt.text);
        else setExclude(prompt.text);
        setPrompt(undefined);
      } else if (key.backspace || key.delete) setPrompt({ ...prompt, text: prompt.text.slice(0, -1) });
      else if (input && !key.ctrl && !key.meta) setPrompt({ ...prompt, text: prompt.text + input });
      return;
    }
    if (help !== undefined) return helpKey(input, key, setHelp, props.onQuit);
    const action = dispatchKey(LOG_KEYS, input, key);
    if (!action) return;
    const shiftStep = Math.max(8, Math.floor(width / 4));
    switch (action.type) {
      case 'back':
        return props.onClose();
      case 'quit':
        return props.onQuit();
      case 'help':
        return setHelp(0);
      case 'prompt':
        return setPrompt({ kind: action.kind, text: action.kind === 'search' ? search : action.kind === 'include' ? include : exclude });
      case 'hit':
        return jumpToHit(action.step === 1 ? currentHit + 1 : currentHit < 0 ? -1 : currentHit - 1);
      case 'timestamps':
        return setTimestamps((v) => !v);
      case 'wrap':
        return setWrap((v) => !v);
      case 'shift':
        if (wrap) return;
        return setShift((v) => Math.max(0, v + action.step * shiftStep));
      case 'pause':
        return anchor ? setAnchor(undefined) : pauseAt(lines[lines.length - 1]?.seq ?? 0);
      case 'follow':
        return setAnchor(undefined);
      case 'first':
        return scrollTo(bodyHeight - 1);
      case 'scroll':
        if (action.by === 'page') return scrollTo(bottom + action.step * bodyHeight);
        if (action.step === -1) return scrollTo(bottom - 1);
        return bottom + 1 >= lines.length - 1 && anchor ? setAnchor(undefined) : scrollTo(bottom + 1);
      case 'save': {
        const text = buffer
          .slice()
          .map((l) => `${l.container ? `${l.container} │ ` : ''}${l.ts ? `${l.ts} ` : ''}${stripSgr(l.text)}`)
          .join('\n');
        const name = `${props.title.replace(/[^\w.-]+/g, '_')}.log`;
        return saveAndSay(props.saveText, name, `${text}\n`, buffer.size, setMessage);
      }
    }
  });

  if (help !== undefined) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <HelpView topic={LOG_HELP} theme={makeTheme(color)} height={height} offset={help} />
      </Box>
    );
  }

  const rows = windowRows(lines, bottom, {
    width,
    height: bodyHeight,
    wrap,
    timestamps,
    prefixWidth,
    search: searchPattern?.regex,
    logColors: props.logColors === true && color,
    shift: wrap ? 0 : shift,
  });
  const counts = [`${buffer.size} lines`];
  if (buffer.evicted > 0) counts.push(`${buffer.evicted} evicted`);
  // Merged lines that missed the reorder window sit where they arrived: say how many are out of time order.
  if (buffer.late > 0) counts.push(`${buffer.late} late`);
  if (includePattern || excludePattern) counts.push(`${lines.length} shown${include ? ` ~/${include}/` : ''}${exclude ? ` !~/${exclude}/` : ''}`);
  if (searchPattern) counts.push(`${currentHit >= 0 ? `${currentHit + 1}/` : ''}${hits.length} matches`);
  if (!wrap && shift > 0) counts.push(`→${shift}`);
  if (anchor) counts.push(`PAUSED +${buffer.total - anchor.pausedAt} new`);
  const header = `${sanitize(props.title)} · ${sanitize(stateText(buffer.state))} · ${counts.join(' · ')}`;
  const footer = prompt ? `${PROMPT_LABEL[prompt.kind]}${prompt.text}▌` : message || `${LOG_KEY_HINT}${timestamps ? ' · [ts]' : ''}${wrap ? ' · [wrap]' : ''}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={color} wrap="truncate-end">
        {header}
      </Text>
      <Box flexDirection="column" height={bodyHeight}>
        {rows.map((row, r) => (
          <Text key={r} wrap="truncate-end">
            {row.map((p, k) => (
              <Piece key={k} piece={p} color={color} />
            ))}
          </Text>
        ))}
      </Box>
      <Text dimColor={color} wrap="truncate-end">
        {footer}
      </Text>
    </Box>
  );
}
