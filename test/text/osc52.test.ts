// OSC 52 clipboard copy: the address round-trips through the sequence, and it is emitted only
// to a terminal, never with --no-clipboard or PODVIEW_NO_CLIPBOARD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clipboardWanted, osc52 } from '../../src/text/osc52.ts';

test('osc52 sets the clipboard to the text, base64 inside ESC ] 52 ; c ; ... BEL', () => {
  assert.equal(osc52('127.0.0.1:8080'), `\u001b]52;c;${Buffer.from('127.0.0.1:8080').toString('base64')}\u0007`);
});

test('property: the payload decodes back to the text and holds no control character', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const m = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(osc52(text));
      assert.ok(m);
      assert.equal(Buffer.from(m[1]!, 'base64').toString('utf8'), Buffer.from(text, 'utf8').toString('utf8'));
    }),
  );
});

test('wanted on a terminal only, and off with --no-clipboard or PODVIEW_NO_CLIPBOARD', () => {
  assert.equal(clipboardWanted(undefined, { isTTY: true }, {}), true);
  assert.equal(clipboardWanted(undefined, { isTTY: false }, {}), false);
  assert.equal(clipboardWanted(undefined, {}, {}), false);
  assert.equal(clipboardWanted(true, { isTTY: false }, {}), false);
  assert.equal(clipboardWanted(false, { isTTY: true }, {}), false);
  assert.equal(clipboardWanted(undefined, { isTTY: true }, { PODVIEW_NO_CLIPBOARD: '1' }), false);
  assert.equal(clipboardWanted(undefined, { isTTY: true }, { PODVIEW_NO_CLIPBOARD: '' }), true);
});
