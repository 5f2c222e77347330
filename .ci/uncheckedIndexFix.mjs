// One-off migration for tsconfig's noUncheckedIndexedAccess: asserts non-null (`!`) on every
// expression the compiler reports as possibly undefined because it was read by index, so the
// flag can be turned on without changing what the code does at run time. Every `!` it adds
// marks an index read the code already trusted; new code should narrow instead.
// Usage: node .ci/uncheckedIndexFix.mjs   (repeats until the compiler reports nothing it can fix;
// what is left, the compiler prints for a person to fix)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

// Possibly-undefined object, value, argument and index: the span is the expression itself.
const FIXABLE = new Set(['2532', '18048', '2345', '2538']);
const ANSI = /\u001b\[[0-9;]*m/g;

function diagnostics() {
  let out = '';
  try {
    execFileSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json', '--pretty', 'true'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    out = String(err.stdout ?? '');
  }
  const lines = out.replace(ANSI, '').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^(.+?):(\d+):(\d+) - error TS(\d+):/.exec(lines[i]);
    if (!head) continue;
    const [, file, line, col, code] = head;
    // The source line is printed as "<line>  <code>", the span underlined with ~ below it.
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^${line}\\s`).test(lines[j])) j++;
    const tildes = /~+/.exec(lines[j + 1] ?? '');
    const width = tildes && !/~\s*$/.test(lines[j + 2] ?? '') ? tildes[0].length : 0;
    found.push({ file, line: Number(line), col: Number(col), code, width });
  }
  return found;
}

function needsParens(text) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && (/[\s:|&+\-*/<>=,!]/.test(c) || (c === '?' && text[i + 1] !== '.'))) return true;
  }
  return false;
}

for (let pass = 1; pass <= 5; pass++) {
  const fixes = diagnostics().filter((d) => FIXABLE.has(d.code) && d.width > 0);
  if (fixes.length === 0) break;
  const byFile = Map.groupBy(fixes, (d) => d.file);
  let changed = 0;
  for (const [file, list] of byFile) {
    const src = readFileSync(file, 'utf8').split('\n');
    // Innermost first, then from the end of each line, so earlier offsets stay valid.
    const kept = [];
    for (const d of list.sort((a, b) => a.width - b.width)) {
      const start = d.col - 1;
      const end = start + d.width;
      if (kept.some((k) => k.line === d.line && start < k.end && k.start < end)) continue;
      kept.push({ line: d.line, start, end });
    }
    for (const k of kept.sort((a, b) => a.line - b.line || b.start - a.start)) {
      const text = src[k.line - 1];
      const span = text.slice(k.start, k.end);
      const next = text[k.end];
      if (span.includes('?.') && (next === '.' || next === '[' || next === '(')) {
        // Already an optional chain, whose value may be undefined: continue it rather than assert.
        src[k.line - 1] = `${text.slice(0, k.end)}${next === '.' ? '?' : '?.'}${text.slice(k.end)}`;
      } else {
        src[k.line - 1] = needsParens(span) ? `${text.slice(0, k.start)}(${span})!${text.slice(k.end)}` : `${text.slice(0, k.end)}!${text.slice(k.end)}`;
      }
      changed++;
    }
    writeFileSync(file, src.join('\n'));
  }
  console.log(`pass ${pass}: ${changed} non-null assertions`);
}
const left = diagnostics();
console.log(`${left.length} left for a person:`);
for (const d of left) console.log(`  ${d.file}:${d.line}:${d.col} TS${d.code}`);
