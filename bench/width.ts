// Micro-benchmark of the width helpers on the hot path: displayWidth runs per row per frame and
// per log line, padEnd/truncate per table cell. Realistic input: ASCII Pod names and log lines,
// a few with CJK, accents or emoji. Not part of `npm run bench` (which compares podview with its
// peers end to end); run it alone after touching src/text/width.ts:
//   node --import tsx bench/width.ts [path/to/width.ts]
// The optional path measures another implementation (say, the previous one) on the same input.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type WidthModule = typeof import('../src/text/width.ts');
const target = process.argv[2] ? pathToFileURL(resolve(process.argv[2])).href : '../src/text/width.ts';
const { displayWidth, padEnd, truncate } = (await import(target)) as WidthModule;

const ascii = Array.from({ length: 900 }, (_, i) => `web-${(i * 7919).toString(36)}-7d9f8b6c5-x2k4p`);
const logs = Array.from({ length: 900 }, (_, i) => `2026-12-04T05:${String(i % 60).padStart(2, '0')}:00.123Z INFO request id=${i} method=GET path=/api/v1/items/${i} status=200 duration=${i % 97}ms`);
const other = ['サービス-認証-7d9f8b6c5', '日志: 请求已完成 状态=200 用时=12ms', 'café-crème-naïve-résumé', 'deploy ✅ ready 🚀 in 3s', 'family 👩‍👩‍👧 on call ❤️ 👍🏽', '한국어 로그 메시지 처리 완료'];
// One row in ten is not ASCII: a cluster that serves users in several languages.
const rows = [...ascii, ...logs, ...Array.from({ length: 200 }, (_, i) => other[i % other.length] as string)];

function time(name: string, fn: () => void, count = rows.length): void {
  for (let i = 0; i < 20; i++) fn(); // warm-up, so V8 has compiled what it will
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) fn();
    runs.push((performance.now() - t0) / 50);
  }
  runs.sort((a, b) => a - b);
  const perRow = ((runs[3] as number) * 1e6) / count;
  console.log(`${name.padEnd(34)} median ${(runs[3] as number).toFixed(3)} ms per ${count} rows (${perRow.toFixed(0)} ns a row)`);
}

let sink = 0;
time('displayWidth', () => {
  for (const row of rows) sink += displayWidth(row);
});
time('padEnd to 40 (table cell)', () => {
  for (const row of rows) sink += padEnd(row, 40).length;
});
time('truncate to 80 (log line)', () => {
  for (const row of rows) sink += truncate(row, 80).length;
});
time(
  'displayWidth, non-ASCII rows only',
  () => {
    for (let i = 0; i < 10; i++) for (const row of other) sink += displayWidth(row);
  },
  10 * other.length,
);
if (sink === 0) console.log('(nothing measured)');
