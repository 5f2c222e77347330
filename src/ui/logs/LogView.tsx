// The log drill-down: draws only the rows on screen from the view's ring buffer, with search
// (highlight, n/N), include/exclude filters, pause with a count of new lines, wrap,
// timestamps, save, and the counts a user needs to trust it (matches, evicted lines).
import React, { useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { LogSession } from '../services.ts';
import type { LogStreamState } from '../../store/logBuffer.ts';
import { sanitize } from '../../text/sanitize.ts';
import { useTerminalSize } from '../hooks/useTerminalSize.ts';
import { containerInkColor } from './containerColor.ts';
import { LOG_KEY_HINT, PROMPT_LABEL, type PromptKind } from './logKeys.ts';
import { toPattern } from './logText.ts';
import { stripSgr } from './sgr.ts';
import { filterLines, windowRows, type RowPiece } from './logWindow.ts';
import { useLogBuffer } from './useLogBuffer.ts';

export interface LogViewProps {
  session: LogSession;
  title: string;
  color: boolean;
  onClose(): void;
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
    scrollTo(Math.min(lines.length - 1, hits[next] + Math.floor(bodyHeight / 2)));
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
    if (key.escape || input === 'q') return props.onClose();
    if (input === '/') return setPrompt({ kind: 'search', text: search });
    if (input === 'f') return setPrompt({ kind: 'include', text: include });
    if (input === 'F') return setPrompt({ kind: 'exclude', text: exclude });
    if (input === 'n') return jumpToHit(currentHit + 1);
    if (input === 'N') return jumpToHit(currentHit < 0 ? -1 : currentHit - 1);
    if (input === 't') return setTimestamps((v) => !v);
    if (input === 'W') return setWrap((v) => !v);
    if (key.rightArrow && !wrap) return setShift((v) => v + Math.max(8, Math.floor(width / 4)));
    if (key.leftArrow && !wrap) return setShift((v) => Math.max(0, v - Math.max(8, Math.floor(width / 4))));
    if (input === ' ') return anchor ? setAnchor(undefined) : pauseAt(lines[lines.length - 1]?.seq ?? 0);
    if (input === 'G' || key.end) return setAnchor(undefined);
    if (input === 'g' || key.home) return scrollTo(bodyHeight - 1);
    if (key.upArrow || input === 'k') return scrollTo(bottom - 1);
    if (key.downArrow || input === 'j') return bottom + 1 >= lines.length - 1 && anchor ? setAnchor(undefined) : scrollTo(bottom + 1);
    if (key.pageUp) return scrollTo(bottom - bodyHeight);
    if (key.pageDown) return scrollTo(bottom + bodyHeight);
    if (input === 'w') {
      const text = buffer
        .slice()
        .map((l) => `${l.container ? `${l.container} │ ` : ''}${l.ts ? `${l.ts} ` : ''}${stripSgr(l.text)}`)
        .join('\n');
      const name = `${props.title.replace(/[^\w.-]+/g, '_')}.log`;
      setMessage('saving…');
      props.saveText(name, `${text}\n`).then(
        (path) => setMessage(`saved ${buffer.size} lines to ${sanitize(path)}`),
        (err: unknown) => setMessage(`save failed: ${sanitize(err instanceof Error ? err.message : String(err))}`),
      );
    }
  });

  const rows = windowRows(lines, bottom, { width, height: bodyHeight, wrap, timestamps, prefixWidth, search: searchPattern?.regex, logColors: props.logColors === true && color, shift: wrap ? 0 : shift });
  const counts = [`${buffer.size} lines`];
  if (buffer.evicted > 0) counts.push(`${buffer.evicted} evicted`);
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
