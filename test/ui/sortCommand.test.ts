// The `:sort` language, pure: a column by its sort name or header, `-COLUMN` or `desc` turns it
// round, an unknown column is one line naming the known ones; tab completes a column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { completeCommand, parseCommand } from '../../src/ui/command/commandLine.ts';
import { sortCandidates } from '../../src/ui/command/sortCommand.ts';
import { SORT_FIRST_ORDER } from '../../src/store/sortOrder.ts';

test(':sort COLUMN, -COLUMN, COLUMN desc/reverse, and the headers that sort as a column', () => {
  assert.deepEqual(parseCommand('sort restarts', []), { kind: 'sort', sort: { column: 'restarts', reversed: false } });
  assert.deepEqual(parseCommand('  sort   -age ', []), { kind: 'sort', sort: { column: 'age', reversed: true } });
  assert.deepEqual(parseCommand('sort node desc', []), { kind: 'sort', sort: { column: 'node', reversed: true } });
  assert.deepEqual(parseCommand('sort READY reverse', []), { kind: 'sort', sort: { column: 'ready', reversed: true } });
  assert.deepEqual(parseCommand('sort status asc', []), { kind: 'sort', sort: { column: 'status', reversed: false } });
  assert.deepEqual(parseCommand('sort finding', []), { kind: 'sort', sort: { column: 'problems', reversed: false } });
  assert.deepEqual(parseCommand('sort NAMESPACE', []), { kind: 'sort', sort: { column: 'name', reversed: false } });
  for (const column of Object.keys(SORT_FIRST_ORDER)) assert.equal(parseCommand(`sort ${column}`, []).kind, 'sort', column);
});

test('an unknown column, a missing one or a stray word is one line that names the columns', () => {
  for (const text of ['sort', 'sort -', 'sort cpu-ish', 'sort restarts up', 'sort age desc more', 'sort constructor', 'sort __proto__']) {
    const out = parseCommand(text, []);
    assert.equal(out.kind, 'error', text);
    assert.ok(out.kind === 'error' && !out.message.includes('\n'), text);
  }
  const out = parseCommand('sort bogus', []);
  assert.ok(out.kind === 'error' && out.message.startsWith('no column "bogus" to sort by (age, cpu, finding, mem, name, namespace, node, problems, ready, restarts, status'), JSON.stringify(out));
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), (text) => {
      const out = parseCommand(`sort ${text}`, []);
      assert.ok(out.kind === 'sort' || (out.kind === 'error' && !/[\r\n]/.test(out.message)));
    }),
  );
});

test('tab completes the verb and a column, keeping the minus', () => {
  assert.equal(completeCommand('s', []), 'sort ');
  assert.equal(completeCommand('so', []), 'sort ');
  assert.equal(completeCommand('sort res', []), 'sort restarts');
  assert.equal(completeCommand('sort -a', []), 'sort -age');
  assert.equal(completeCommand('sort re', []), 'sort re', 'ready and restarts: no longer common prefix');
  assert.equal(completeCommand('sort n', []), 'sort n');
  assert.equal(completeCommand('sort na', []), 'sort name');
  assert.equal(completeCommand('sort x', []), 'sort x');
  assert.deepEqual(sortCandidates('sort re'), ['ready', 'restarts']);
  assert.deepEqual(sortCandidates('sort -p'), ['problems']);
  assert.deepEqual(sortCandidates('ns sh'), []);
  // ns completion is unchanged.
  assert.equal(completeCommand('ns sh', ['shop']), 'ns shop');
  assert.equal(completeCommand('n', []), 'ns ');
});
