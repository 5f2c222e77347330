// The CPU and MEM cells of a Pod row: use as kubectl top writes it (250m, 128Mi), and in a
// wide column the percentage of the Pod's summed limits beside it. "-" where metrics-server
// has no sample (a Pod not running, a sample not taken yet); no percentage without a limit.
import { percentOf, type PodLimits, type PodUsage } from '../../model/podUsage.ts';
import { formatCpu, formatMemory } from '../../text/quantity.ts';
import type { Column } from './listColumns.ts';
import { USAGE_WIDTH } from './listColumns.ts';

export interface UsageCells {
  cpu: string;
  mem: string;
}

function cellText(use: number | undefined, limit: number | undefined, text: string, narrow: number, width: number): string {
  if (use === undefined) return '-';
  if (width < narrow + 5) return text;
  const pct = percentOf(use, limit);
  return `${text.padStart(narrow)} ${(pct === undefined ? '' : `${pct}%`).padStart(4)}`;
}

/** The two cells for the laid-out columns (their widths decide whether the percentage shows). */
export function usageCells(use: PodUsage | undefined, limits: PodLimits, columns: readonly Column[]): UsageCells {
  const width = (key: 'cpu' | 'mem') => columns.find((c) => c.key === key)?.width ?? 0;
  const cpu = use?.cpuMilli;
  const mem = use?.memBytes;
  return {
    cpu: cellText(cpu, limits.cpuMilli, cpu === undefined ? '' : formatCpu(cpu / 1000), USAGE_WIDTH.cpu.narrow, width('cpu')),
    mem: cellText(mem, limits.memBytes, mem === undefined ? '' : formatMemory(mem), USAGE_WIDTH.mem.narrow, width('mem')),
  };
}
