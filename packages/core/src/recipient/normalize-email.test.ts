import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeEmail } from './normalize-email.js';

describe('normalizeEmail', () => {
  it('trims white space, including the ideographic space U+3000', () => {
    assert.equal(normalizeEmail('  a@example.com\t'), 'a@example.com');
    assert.equal(normalizeEmail('\u3000a@example.com\u3000'), 'a@example.com');
  });

  it('lower-cases ASCII letters only', () => {
    assert.equal(
      normalizeEmail('Taro.YAMADA+Badge@Example.AC.JP'),
      'taro.yamada+badge@example.ac.jp',
    );
    assert.equal(normalizeEmail('ÉLÈVE@Example.fr'), 'ÉlÈve@example.fr');
    assert.equal(normalizeEmail('ＡＢＣ@example.jp'), 'ＡＢＣ@example.jp');
  });

  it('never applies Unicode normalisation', () => {
    const decomposed = 'ka\u3099@example.jp'; // か + combining voiced mark, not が
    assert.equal(normalizeEmail(decomposed), decomposed);
    assert.notEqual(
      normalizeEmail(decomposed),
      normalizeEmail('ga@example.jp'.replace('ga', '\u304c')),
    );
    assert.equal(normalizeEmail('山田@例え.jp'), '山田@例え.jp');
  });
});
