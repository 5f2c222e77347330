// The Pod list: a header and only the rows that fit on screen (the caller hands in just
// that window), however many Pods the store holds.
import { Box } from 'ink';
import type { PodRow } from '../../model/types.ts';
import type { Column } from './listColumns.ts';
import type { UsageCells } from './usageCells.ts';
import { LineView, seg } from '../lines.tsx';
import { headerLine, PodListRow } from './PodListRow.tsx';
import type { Theme } from '../theme.ts';

export interface PodListProps {
  /** The rows on screen, top to bottom. */
  visible: readonly PodRow[];
  columns: readonly Column[];
  selectedUid: string | undefined;
  /** Rows available for Pods (the header is extra). */
  height: number;
  theme: Theme;
  /** Whole seconds to add to a row's age (rows are cached; time moves on). */
  ageShift(uid: string): number;
  /** Shown instead of rows when there are none. */
  emptyText: string;
  /** The server is out of reach: every row is greyed. */
  stale?: boolean;
  /** The CPU and MEM cells of a row, read only when those columns are laid out. */
  usageOf?: (row: PodRow, columns: readonly Column[]) => UsageCells;
}

export function PodList({ visible, columns, selectedUid, height, theme, ageShift, emptyText, stale = false, usageOf }: PodListProps) {
  const withUsage = usageOf !== undefined && columns.some((c) => c.key === 'cpu');
  return (
    // overflowY only: rows are truncated to the width by their Text; a horizontal clip would
    // make Ink measure and slice every row again on every frame.
    <Box flexDirection="column" height={height + 1} overflowY="hidden">
      <LineView line={headerLine(columns)} theme={theme} />
      {visible.length === 0 ? (
        <LineView line={[seg(`  ${emptyText}`, 'dim')]} theme={theme} />
      ) : (
        visible.map((row) => {
          const usage = withUsage ? usageOf(row, columns) : undefined;
          return (
            <PodListRow
              key={row.uid}
              row={row}
              columns={columns}
              selected={row.uid === selectedUid}
              ageShift={Math.floor(ageShift(row.uid))}
              stale={stale}
              theme={theme}
              cpu={usage?.cpu}
              mem={usage?.mem}
            />
          );
        })
      )}
    </Box>
  );
}
