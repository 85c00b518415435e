import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AWARD_FIELDS,
  AWARD_HEADER_SYNONYMS,
  foldHeader,
  matchAwardHeader,
} from './award-fields.js';

describe('award header synonyms', () => {
  it('map every synonym, and every field name, to its own field', () => {
    for (const field of AWARD_FIELDS) {
      assert.equal(matchAwardHeader(field), field);
      for (const header of AWARD_HEADER_SYNONYMS[field]) {
        assert.equal(matchAwardHeader(header), field, header);
      }
    }
  });

  it('fold case, spaces, separators, full-width and half-width forms and required markers', () => {
    assert.equal(foldHeader(' E-Mail Address '), 'emailaddress');
    assert.equal(foldHeader('ﾒｰﾙｱﾄﾞﾚｽ（必須）'), 'メールアドレス');
    assert.equal(foldHeader('Ｅメール※'), 'eメール');
    assert.equal(matchAwardHeader('氏名 (カナ)'), 'nameKana');
    assert.equal(matchAwardHeader('NAME (ROMAJI)'), 'nameRomaji');
    assert.equal(matchAwardHeader('external_id'), 'externalId');
    assert.equal(matchAwardHeader('学部'), undefined);
  });
});
