// The snapshot rows say which peer the figures stand beside: kubectl -o json, or, where -o json
// went over the bench's memory ceiling, that kill as a figure of its own and the table peer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotRows } from '../../bench/rows.ts';

const result = { pods: 150_000, runs: 1, podview: { wallMs: 40_000, peakRssMb: 180 }, kubectl: { wallMs: 90_000, peakRssMb: 4_000 } };

test('with -o json measured, the rows compare with it and hold podview to 1 GB at 150k', () => {
  const rows = snapshotRows([result]);
  assert.equal(rows.length, 2);
  assert.match(rows[0]!.note ?? '', /kubectl get pods -A -o json/);
  assert.equal(rows[1]!.target, '< 1 GB');
  assert.equal(rows[1]!.met, 'yes');
});

test('with -o json killed, the kill is a row and the peer is the server-side table', () => {
  const rows = snapshotRows([{ ...result, kubectlJsonKilled: { rssMb: 12_400, afterMs: 143_000, command: 'kubectl get pods -A -o json' } }]);
  assert.equal(rows.length, 3);
  assert.equal(rows[0]!.peer, 'killed at 12.1 GB after 143 s');
  assert.match(rows[1]!.note ?? '', /kubectl get pods -A \(server-side table/);
  assert.equal(rows[1]!.peer, '90000');
});
