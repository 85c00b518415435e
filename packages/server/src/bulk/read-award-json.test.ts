import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServerError } from '../http/server-error.js';
import type { RowIssue } from './award-row-issues.js';
import { readAwardJson } from './read-award-json.js';

const where = (issues: readonly RowIssue[]) =>
  issues.map((issue) => `${issue.row}:${issue.column ?? '-'} ${issue.code}`);
const refusal = (code: string) => (error: unknown) =>
  error instanceof ServerError && error.code === code;

describe('readAwardJson', () => {
  it('reads an array of award objects with the same checks and trimming as CSV', () => {
    const result = readAwardJson([
      {
        email: ' hanako@example.ac.jp\u3000',
        name: '𠮷田 花子',
        nameKana: 'ﾖｼﾀﾞ ﾊﾅｺ',
        externalId: '007',
        validFrom: '令和7年4月1日',
        validUntil: null,
      },
    ]);
    assert.deepEqual(result, {
      rowCount: 1,
      rows: [
        {
          row: 1,
          email: 'hanako@example.ac.jp',
          name: '𠮷田 花子',
          nameKana: 'ﾖｼﾀﾞ ﾊﾅｺ',
          nameRomaji: null,
          externalId: '007',
          evidenceUrl: null,
          narrative: null,
          awardedDate: null,
          validFrom: '2025-04-01',
          validUntil: null,
        },
      ],
      errors: [],
      warnings: [],
      unknownColumns: [],
    });
  });

  it('reports every problem by item (index + 1) and property, without a second "required"', () => {
    const result = readAwardJson([
      { email: 'a＠example.jp', name: 'A', externalId: 7, evidenceUrl: 'ftp://example.jp/x' },
      'not an object',
      { email: 42, name: 'C', department: '工学部', grade: 'A' },
      { email: 'a@example.jp', name: 'D', externalId: '7' },
      { name: 'E', department: 'x' },
    ]);
    assert.deepEqual(where(result.errors), [
      '1:externalId ERR_ROW_NOT_STRING',
      '1:email ERR_ROW_EMAIL_FULL_WIDTH',
      '1:evidenceUrl ERR_ROW_URL_NOT_HTTPS',
      '2:- ERR_ROW_NOT_OBJECT',
      '3:email ERR_ROW_NOT_STRING',
      '5:email ERR_ROW_REQUIRED',
    ]);
    assert.deepEqual(
      result.unknownColumns.map((column) => column.header),
      ['department', 'grade'],
    );
    assert.deepEqual(
      result.rows.map((row) => row.row),
      [4],
    );
    assert.equal(result.rowCount, 5);
  });

  it('refuses what is not an array, and more items than maxRows', () => {
    assert.throws(
      () => readAwardJson({ email: 'a@example.jp' }),
      refusal('ERR_BULK_JSON_NOT_ARRAY'),
    );
    assert.throws(() => readAwardJson([{}, {}], { maxRows: 1 }), refusal('ERR_BULK_TOO_MANY_ROWS'));
    assert.throws(() => readAwardJson([], { maxRows: -1 }), TypeError);
  });
});
