import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { ServerError } from '../http/server-error.js';
import type { RowIssue } from './award-row-issues.js';
import { readAwardRows } from './read-award-rows.js';
import { encodeShiftJis } from './shift-jis-encoder.fixture.js';

const utf8 = (text: string) => Uint8Array.from(Buffer.from(text, 'utf8'));
const withBom = (text: string) => utf8(`\uFEFF${text}`);
const where = (issues: readonly RowIssue[]) =>
  issues.map((issue) => `${issue.row}${issue.column ?? '-'} ${issue.code}`);
const refusal = (code: string, fragment?: string) => (error: unknown) => {
  assert.ok(error instanceof ServerError, String(error));
  assert.equal(error.code, code);
  if (fragment !== undefined) assert.ok(error.message.includes(fragment), error.message);
  return true;
};

describe('readAwardRows: encodings', () => {
  it('reads a Shift_JIS (CP932) file as Excel saves it, extension characters kept as they are', () => {
    const csv =
      '学籍番号,氏名,フリガナ,メールアドレス,授与日,備考\r\n' +
      '="0012",髙橋 翔,ﾀｶﾊｼ ｼｮｳ,taka@example.ac.jp,令和6年4月1日,所見①：優秀～㈱－\r\n' +
      '0013,山﨑 美咲,ヤマサキ ミサキ,yama@example.ac.jp,R6.4.1,\r\n' +
      '0014,大\uFA10 花子,オオツカ ハナコ,otsuka@example.ac.jp,2024/4/1,\r\n';
    const result = readAwardRows(encodeShiftJis(csv));
    assert.equal(result.encoding, 'shift_jis');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    const first = result.rows[0]!;
    const second = result.rows[1]!;
    const third = result.rows[2]!;
    assert.equal(first.externalId, '0012');
    assert.equal(first.name, '髙橋 翔');
    assert.equal(first.nameKana, 'ﾀｶﾊｼ ｼｮｳ', 'half-width kana kept');
    assert.equal(first.narrative, '所見①：優秀\uFF5E㈱\uFF0D');
    assert.equal(first.awardedDate, '2024-04-01');
    assert.equal(second.name, '山\uFA11 美咲');
    assert.equal(third.name, '大\uFA10 花子', 'U+FA10 is not folded to U+585A');
    assert.deepEqual(
      result.rows.map((row) => row.row),
      [2, 3, 4],
    );
  });

  it('reads UTF-8 with and without a BOM alike', () => {
    const csv = 'メールアドレス,氏名\r\nhanako@example.jp,佐藤 花子\r\n';
    const plain = readAwardRows(utf8(csv));
    const bom = readAwardRows(withBom(csv));
    assert.equal(plain.encoding, 'utf-8');
    assert.equal(bom.encoding, 'utf-8-bom');
    assert.deepEqual(bom.rows, plain.rows);
    assert.equal(bom.columns[0]?.field, 'email', 'the BOM is not part of the first header');
  });

  it("reads Excel's Unicode text: UTF-16LE with a BOM, tab-separated", () => {
    const text = '\uFEFF氏名\tメール\r\n𠮷田 一郎\tyoshida@example.jp\r\n';
    const result = readAwardRows(Buffer.from(text, 'utf16le'));
    assert.equal(result.encoding, 'utf-16le-bom');
    assert.equal(result.delimiter, '\t');
    assert.equal(result.rows[0]!.name, '𠮷田 一郎');
  });

  it('takes a string too, with or without a BOM', () => {
    const result = readAwardRows('\uFEFFemail,name\na@example.jp,A\n');
    assert.equal(result.encoding, 'text');
    assert.equal(result.rows[0]!.email, 'a@example.jp');
  });
});

describe('readAwardRows: CSV syntax', () => {
  it('handles CRLF and LF, quoted line breaks, doubled quotes, blank rows and a trailing empty line', () => {
    const csv =
      'email,name,narrative\r\n' +
      'a@example.jp,"Yamada, Taro","line 1\nline 2 ""quoted"""\r\n' +
      '\r\n' +
      ',,\r\n' +
      'b@example.jp,B,x\n' +
      '\r\n';
    const result = readAwardRows(utf8(csv));
    assert.deepEqual(result.errors, []);
    assert.equal(result.rowCount, 2);
    assert.equal(result.rows[0]!.name, 'Yamada, Taro');
    assert.equal(result.rows[0]!.narrative, 'line 1\nline 2 "quoted"');
    assert.equal(result.rows[1]!.row, 5, 'rows are numbered as Excel shows them, blank rows too');
  });

  it('reads Excel\'s text guard ="007" (quoted or not) as 007', () => {
    const csv = 'external id,email,name\r\n="007",a@example.jp,A\r\n"=""008""",b@example.jp,B\r\n';
    const result = readAwardRows(utf8(csv));
    assert.deepEqual(
      result.rows.map((row) => row.externalId),
      ['007', '008'],
    );
  });

  it('trims ASCII and ideographic spaces around cells, and keeps them inside', () => {
    const csv = 'email,name\r\n  a@example.jp\u3000, \u3000山田\u3000太郎 \t\r\n';
    const row = readAwardRows(utf8(csv)).rows[0]!;
    assert.equal(row.email, 'a@example.jp');
    assert.equal(row.name, '山田\u3000太郎');
  });

  it('never normalises names: 髙, 﨑, 𠮷, an ideographic variation sequence, half-width kana', () => {
    const names = ['髙橋', '山﨑', '𠮷田', '葛\u{E0100}飾', 'ﾔﾏﾀﾞ', '神\uFA19'];
    const csv = `email,name\r\n${names.map((name, i) => `p${i}@example.jp,${name}`).join('\r\n')}`;
    const result = readAwardRows(utf8(csv));
    assert.deepEqual(
      result.rows.map((row) => row.name),
      names,
    );
  });

  it('refuses a quote that is never closed, naming the row where reading stopped', () => {
    const csv = 'email,name\r\na@example.jp,A\r\nb@example.jp,"B\r\nc@example.jp,C\r\n';
    assert.throws(() => readAwardRows(utf8(csv)), refusal('ERR_BULK_CSV_MALFORMED', 'row 3'));
  });

  it('refuses a file without a header row', () => {
    assert.throws(() => readAwardRows(utf8('')), refusal('ERR_BULK_FILE_EMPTY'));
    assert.throws(() => readAwardRows(utf8('\r\n\r\n')), refusal('ERR_BULK_FILE_EMPTY'));
  });
});

describe('readAwardRows: headers', () => {
  it('knows English headers and Japanese ones with markers, full-width letters and half-width kana', () => {
    const csv =
      'E-Mail,Name,Name (romaji),External ID,Evidence URL,Narrative,Valid From,Valid Until\r\n' +
      'a@example.jp,山田,YAMADA Taro,1,https://example.jp/e,n,2025/4/1,2026/3/31\r\n';
    const english = readAwardRows(utf8(csv));
    assert.deepEqual(english.errors, []);
    assert.deepEqual(english.rows[0], {
      row: 2,
      email: 'a@example.jp',
      name: '山田',
      nameKana: null,
      nameRomaji: 'YAMADA Taro',
      externalId: '1',
      evidenceUrl: 'https://example.jp/e',
      narrative: 'n',
      awardedDate: null,
      validFrom: '2025-04-01',
      validUntil: '2026-03-31',
    });
    const japanese = readAwardRows(
      utf8('ﾒｰﾙｱﾄﾞﾚｽ（必須）,氏名 *,ふりがな,社員番号,ＩＤ２,有効期限\r\n'),
    );
    assert.deepEqual(
      japanese.columns.map((column) => column.field),
      ['email', 'name', 'nameKana', 'externalId', null, 'validUntil'],
    );
    assert.deepEqual(japanese.unknownColumns, [{ column: 'E', header: 'ＩＤ２', field: null }]);
  });

  it('lists unknown columns without failing, and ignores an empty trailing column', () => {
    const result = readAwardRows(utf8('email,name,学部,\r\na@example.jp,A,工学部,\r\n'));
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.unknownColumns, [{ column: 'C', header: '学部', field: null }]);
    assert.equal(result.rows.length, 1);
  });

  it('lets an explicit mapping override the synonyms and ignore columns', () => {
    const csv = '連絡先,氏名,ID,メール\r\na@example.jp,A,x,old@example.jp\r\n';
    const result = readAwardRows(utf8(csv), {
      mapping: { 連絡先: 'email', ID: null, メール: null },
    });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.unknownColumns, []);
    assert.equal(result.rows[0]!.email, 'a@example.jp');
    assert.equal(result.rows[0]!.externalId, null);
  });

  it('reports header problems on row 1 and reads no rows', () => {
    const csv = 'メール,email,氏名,備考,備考\r\na@example.jp,a@example.jp,A,x,y\r\n';
    const result = readAwardRows(utf8(csv), { mapping: { 所属: null } });
    assert.deepEqual(where(result.errors), [
      '1- ERR_HEADER_MAPPING_UNKNOWN',
      '1D ERR_HEADER_DUPLICATE',
      '1A ERR_HEADER_FIELD_TWICE',
    ]);
    assert.equal(
      result.errors[1]?.message.ja,
      '列「備考」が複数あります（D, E 列）。1 つにしてください。',
    );
    assert.deepEqual(result.rows, []);
    assert.equal(result.rowCount, 1);
    const missing = readAwardRows(utf8('氏名\r\nA\r\n'));
    assert.deepEqual(where(missing.errors), ['1- ERR_HEADER_MISSING']);
    assert.equal(missing.errors[0]?.field, 'email');
  });
});

describe('readAwardRows: row checks', () => {
  it('lists every problem of every row, with its row and column', () => {
    const csv = [
      '学籍番号,氏名,メールアドレス,エビデンスURL,授与日,有効期限',
      '001,山田,ｙａｍａｄａ＠example.jp,http://example.jp/e,2024/4/1,2024/3/31',
      '002,,sato@example,https://example.jp/e,平成31年5月1日,',
      '1.23457E+11,鈴木,suzuki@ﾚｲ.jp,not a url,R6.4.1,45748',
      '001,髙橋,takahashi@example.jp,,2025年2月29日,',
      '004,田中,TAKAHASHI@example.jp,,,,extra',
      '005,中村,"naka\nmura@example.jp",,2024-04-01T09:00,',
    ].join('\r\n');
    const result = readAwardRows(encodeShiftJis(csv));
    assert.deepEqual(where(result.errors), [
      '2C ERR_ROW_EMAIL_FULL_WIDTH',
      '2D ERR_ROW_URL_NOT_HTTPS',
      '2F ERR_ROW_DATE_ORDER',
      '3C ERR_ROW_EMAIL_INVALID',
      '3B ERR_ROW_REQUIRED',
      '3E ERR_ROW_DATE_ERA_RANGE',
      '4C ERR_ROW_EMAIL_NOT_ASCII',
      '4A ERR_ROW_ID_EXPONENT',
      '4D ERR_ROW_URL_INVALID',
      '4F ERR_ROW_DATE_EXCEL_SERIAL',
      '5E ERR_ROW_DATE_NOT_A_DAY',
      '5A ERR_ROW_DUPLICATE_EXTERNAL_ID',
      '6G ERR_ROW_EXTRA_CELLS',
      '7C ERR_ROW_CONTROL_CHARACTER',
      '7E ERR_ROW_DATE_NO_OFFSET',
    ]);
    assert.deepEqual(where(result.warnings), ['6C WARN_ROW_DUPLICATE_EMAIL']);
    assert.deepEqual(result.rows, []);
    const fullWidth = result.errors[0]!;
    assert.equal(fullWidth.header, 'メールアドレス');
    assert.equal(fullWidth.value, 'ｙａｍａｄａ＠example.jp');
    assert.match(fullWidth.message.ja, /全角文字（ｙ ａ ｍ ｄ ＠）/);
    assert.match(fullWidth.message.en, /"@" instead of "＠"/);
    assert.equal(
      result.errors[11]?.message.en,
      'Row 2 has the same ID; a file awards each person once.',
    );
    for (const issue of [...result.errors, ...result.warnings]) {
      assert.doesNotMatch(issue.message.en + issue.message.ja, /\{\w+\}/, issue.code);
      assert.ok(issue.message.ja !== issue.message.en, issue.code);
    }
  });

  it('reports identical rows without an ID as an error, a shared e-mail as a warning only', () => {
    const csv = 'email,name\r\na@example.jp,A\r\na@example.jp,A\r\nA@example.jp,B\r\n';
    const result = readAwardRows(utf8(csv));
    assert.deepEqual(where(result.errors), ['3- ERR_ROW_DUPLICATE_ROW']);
    assert.deepEqual(where(result.warnings), [
      '3A WARN_ROW_DUPLICATE_EMAIL',
      '4A WARN_ROW_DUPLICATE_EMAIL',
    ]);
    assert.deepEqual(
      result.rows.map((row) => row.row),
      [2, 4],
    );
  });

  it('warns about kana readings with other characters and IDs in full-width digits, keeping both', () => {
    const csv = 'email,name,フリガナ,学籍番号\r\na@example.jp,山田,Yamada,０１２３\r\n';
    const result = readAwardRows(utf8(csv));
    assert.deepEqual(where(result.warnings), [
      '2C WARN_ROW_KANA_NOT_KANA',
      '2D WARN_ROW_ID_FULL_WIDTH',
    ]);
    assert.equal(result.rows[0]!.externalId, '０１２３');
    assert.equal(result.rows[0]!.nameKana, 'Yamada');
  });

  it('reads full-width digits in dates (a Japanese IME default) as dates', () => {
    const csv =
      'email,name,授与日,有効期限\r\na@example.jp,A,２０２４／４／１,令和８年３月３１日\r\n';
    const row = readAwardRows(utf8(csv)).rows[0]!;
    assert.equal(row.awardedDate, '2024-04-01');
    assert.equal(row.validUntil, '2026-03-31');
  });

  it('makes name optional when asked; e-mail stays required', () => {
    const csv = 'email,name\r\na@example.jp,\r\n,B\r\n';
    const result = readAwardRows(utf8(csv), { required: [] });
    assert.deepEqual(where(result.errors), ['3A ERR_ROW_REQUIRED']);
    assert.equal(result.rows[0]!.name, null);
  });
});

describe('readAwardRows: limits', () => {
  it('refuses input over maxBytes, bytes and strings alike', () => {
    const csv = 'email,name\r\na@example.jp,山田\r\n';
    const size = Buffer.byteLength(csv);
    assert.equal(readAwardRows(utf8(csv), { maxBytes: size }).rows.length, 1);
    assert.throws(
      () => readAwardRows(utf8(csv), { maxBytes: size - 1 }),
      refusal('ERR_BULK_FILE_TOO_LARGE', String(size - 1)),
    );
    assert.throws(
      () => readAwardRows(csv, { maxBytes: size - 1 }),
      refusal('ERR_BULK_FILE_TOO_LARGE'),
    );
  });

  it('refuses more data rows than maxRows, blank rows not counted', () => {
    const csv = 'email,name\r\na@example.jp,A\r\n\r\nb@example.jp,B\r\n';
    assert.equal(readAwardRows(utf8(csv), { maxRows: 2 }).rows.length, 2);
    assert.throws(
      () => readAwardRows(utf8(csv), { maxRows: 1 }),
      refusal('ERR_BULK_TOO_MANY_ROWS', '1 rows'),
    );
  });

  it('answers bad options with a TypeError', () => {
    assert.throws(() => readAwardRows('email', { maxRows: 0 }), TypeError);
    assert.throws(() => readAwardRows('email', { maxBytes: 1.5 }), TypeError);
    assert.throws(() => readAwardRows('email', { mapping: { a: 'mail' as never } }), TypeError);
    assert.throws(() => readAwardRows('email', { required: ['nope' as never] }), TypeError);
    assert.throws(() => readAwardRows(42 as never), TypeError);
  });

  it('reads a 10,000-row Shift_JIS file in well under a few seconds', (t) => {
    const families = [
      '山田',
      '髙橋',
      '山﨑',
      '佐藤',
      '鈴木',
      '中村',
      '渡辺',
      '伊藤',
      '小林',
      '加藤',
    ];
    const givens = ['太郎', '花子', '翔', '美咲', '健一'];
    const kana = [
      'ﾔﾏﾀﾞ ﾀﾛｳ',
      'タカハシ ハナコ',
      'ヤマサキ ショウ',
      'サトウ ミサキ',
      'スズキ ケンイチ',
    ];
    const dates = ['令和6年4月1日', 'R6.4.1', '2024/4/1', '２０２４／０４／０１'];
    const lines = ['学籍番号,氏名,フリガナ,メールアドレス,授与日,有効期限,備考'];
    for (let i = 0; i < 10_000; i += 1) {
      const id = String(i).padStart(7, '0');
      const name = `${families[i % 10]!} ${givens[i % 5]!}`;
      const note = i % 3 === 0 ? `"所見①：優秀\n修了～㈱"` : '';
      lines.push(
        `="${id}",${name},${kana[i % 5]!},s${id}@example.ac.jp,${dates[i % 4]!},令和8年3月31日,${note}`,
      );
    }
    const bytes = encodeShiftJis(`${lines.join('\r\n')}\r\n`);
    const started = performance.now();
    const result = readAwardRows(bytes);
    const elapsed = performance.now() - started;
    t.diagnostic(`10,000 Shift_JIS rows (${bytes.length} bytes) read in ${elapsed.toFixed(0)} ms`);
    assert.equal(result.encoding, 'shift_jis');
    assert.deepEqual(result.errors, []);
    assert.equal(result.rows.length, 10_000);
    assert.equal(result.rows[1]!.name, '髙橋 花子');
    assert.equal(result.rows[9_999]!.externalId, '0009999');
    assert.equal(result.rows[3]!.narrative, '所見①：優秀\n修了\uFF5E㈱');
    assert.ok(elapsed < 3_000, `took ${elapsed} ms`);
  });
});
