import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAwardJson } from './read-award-json.js';
import { readAwardRows } from './read-award-rows.js';
import { rowIdempotencyKey } from './row-idempotency-key.js';
import { encodeShiftJis } from './shift-jis-encoder.fixture.js';
import type { AwardRow } from './validate-award-row.js';

const ACHIEVEMENT = 'urn:uuid:6f1c5b0e-0d7a-4c55-9a43-2f6a1c8e9b10';

const row = (fields: Partial<AwardRow> = {}): AwardRow => ({
  row: 2,
  email: 'hanako@example.ac.jp',
  name: '佐藤 花子',
  nameKana: null,
  nameRomaji: null,
  externalId: null,
  evidenceUrl: null,
  narrative: null,
  awardedDate: null,
  validFrom: null,
  validUntil: null,
  ...fields,
});

const keysOf = (rows: readonly AwardRow[]) => rows.map((r) => rowIdempotencyKey(r, ACHIEVEMENT));

describe('rowIdempotencyKey', () => {
  it('is "ext:" or "row:" and a SHA-256, scoped to the achievement', () => {
    assert.match(rowIdempotencyKey(row({ externalId: '0012' }), ACHIEVEMENT), /^ext:[0-9a-f]{64}$/);
    assert.match(rowIdempotencyKey(row(), ACHIEVEMENT), /^row:[0-9a-f]{64}$/);
    assert.notEqual(rowIdempotencyKey(row(), ACHIEVEMENT), rowIdempotencyKey(row(), 'other'));
  });

  it('depends on the external ID alone when there is one', () => {
    const key = rowIdempotencyKey(row({ externalId: '0012' }), ACHIEVEMENT);
    const edited = row({ externalId: '0012', name: '佐藤 はなこ', narrative: 'x', row: 99 });
    assert.equal(rowIdempotencyKey(edited, ACHIEVEMENT), key);
    assert.notEqual(rowIdempotencyKey(row({ externalId: '012' }), ACHIEVEMENT), key);
  });

  it('depends on every field, not the row number, when there is no external ID', () => {
    const key = rowIdempotencyKey(row(), ACHIEVEMENT);
    assert.equal(rowIdempotencyKey(row({ row: 500 }), ACHIEVEMENT), key);
    assert.equal(rowIdempotencyKey(row({ email: 'Hanako@Example.AC.JP' }), ACHIEVEMENT), key);
    for (const change of [
      { name: '佐藤 花子 ' },
      { nameKana: 'サトウ ハナコ' },
      { narrative: '' },
      { awardedDate: '2024-04-01' },
      { validUntil: '2026-03-31' },
    ]) {
      assert.notEqual(rowIdempotencyKey(row(change), ACHIEVEMENT), key, JSON.stringify(change));
    }
  });

  it('does not fold what NFKC would: ① is not 1, ｶﾅ is not カナ', () => {
    const key = (fields: Partial<AwardRow>) => rowIdempotencyKey(row(fields), ACHIEVEMENT);
    assert.notEqual(key({ narrative: '①' }), key({ narrative: '1' }));
    assert.notEqual(key({ nameKana: 'ｻﾄｳ' }), key({ nameKana: 'サトウ' }));
  });

  it('answers a missing achievement id with a TypeError', () => {
    assert.throws(() => rowIdempotencyKey(row(), ''), TypeError);
  });
});

describe('idempotency keys across re-submissions', () => {
  // The same awards, saved by Excel in three encodings. The UTF-8 file has the JIS-style
  // characters 〜 (U+301C) and − (U+2212) that Excel turns into ～ and － when it saves as CP932.
  const sjis =
    '学籍番号,氏名,メールアドレス,授与日,備考\r\n' +
    ',髙橋 翔,Taka@example.ac.jp,令和6年4月1日,"所見～－\r\n優秀"\r\n' +
    '0013,山﨑 美咲,yama@example.ac.jp,R6.4.1,\r\n';
  const unicode =
    '学籍番号,氏名,メールアドレス,授与日,備考\r\n' +
    ',髙橋 翔,taka@example.ac.jp,2024/04/01,"所見\u301C\u2212\n優秀"\r\n' +
    '="0013",山﨑 美咲,yama@example.ac.jp,2024-04-01,\r\n';

  it('gives the same keys to a file in Shift_JIS, UTF-8 with BOM and UTF-16LE', () => {
    const fromSjis = readAwardRows(encodeShiftJis(sjis));
    const fromUtf8 = readAwardRows(Buffer.from(`\uFEFF${unicode}`));
    const fromUtf16 = readAwardRows(
      Buffer.from(`\uFEFF${unicode.replaceAll(',', '\t')}`, 'utf16le'),
    );
    assert.deepEqual(
      [fromSjis, fromUtf8, fromUtf16].map((result) => result.encoding),
      ['shift_jis', 'utf-8-bom', 'utf-16le-bom'],
    );
    assert.equal(fromSjis.rows.length, 2);
    assert.equal(fromSjis.rows[0]?.narrative, '所見\uFF5E\uFF0D\r\n優秀', 'stored as written');
    assert.deepEqual(keysOf(fromUtf8.rows), keysOf(fromSjis.rows));
    assert.deepEqual(keysOf(fromUtf16.rows), keysOf(fromSjis.rows));
  });

  it('gives the same keys to the same awards sent as JSON', () => {
    const fromCsv = readAwardRows(encodeShiftJis(sjis));
    const fromJson = readAwardJson([
      {
        externalId: null,
        name: '髙橋 翔',
        email: 'taka@example.ac.jp ',
        awardedDate: '2024-04-01',
        narrative: '所見～－\n優秀',
      },
      { externalId: '0013', name: '山﨑 美咲', email: 'yama@example.ac.jp', awardedDate: 'R6.4.1' },
    ]);
    assert.deepEqual(fromJson.errors, []);
    assert.deepEqual(keysOf(fromJson.rows), keysOf(fromCsv.rows));
  });
});
