import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickLanguage } from './pick-language.js';

describe('pickLanguage', () => {
  for (const [header, expected] of [
    [undefined, 'en'],
    ['', 'en'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['JA-jp,en;q=0.8', 'ja'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    ['en;q=0.5, ja;q=0.9', 'ja'],
    ['fr-FR, ja;q=0.5', 'ja'],
    ['fr-FR, de', 'en'],
    ['ja, en', 'ja'],
    ['en, ja', 'en'],
    ['*', 'en'],
    ['ja;q=0', 'en'],
    ['ja;q=banana', 'en'],
  ] as const) {
    it(`picks ${expected} for ${JSON.stringify(header)}`, () => {
      assert.equal(pickLanguage(header), expected);
    });
  }
});
