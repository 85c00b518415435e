/**
 * The problems a bulk-award dry run reports, one per cell or row, each with a code from a closed
 * set and a message in English and Japanese. `ERR_*` codes are errors (the row is not awarded);
 * `WARN_*` codes are warnings (the row is awarded as written, but a person should look).
 * Problems with the header row (`ERR_HEADER_*`) are reported on row 1.
 *
 * These codes are report items, not HTTP errors: a file that cannot be read at all is refused
 * with an `ERR_BULK_*` code of the error registry instead.
 */
import type { LocalizedMessage } from '@akashi/core';
import { AWARD_FIELD_LABELS, type AwardField } from './award-fields.js';

const MESSAGES = {
  ERR_HEADER_DUPLICATE: [
    'The column "{header}" appears more than once (columns {columns}); keep one.',
    '列「{header}」が複数あります（{columns} 列）。1 つにしてください。',
  ],
  ERR_HEADER_FIELD_TWICE: [
    'Columns {columns} are all read as {field}; keep one, or map the columns explicitly.',
    '{columns} 列がいずれも「{field}」として読み取られます。1 つにするか、列の対応付けを指定してください。',
  ],
  ERR_HEADER_MISSING: [
    'No column holds {field}, which is required; add a column headed, for example, "{examples}".',
    '必須項目「{field}」の列がありません。「{examples}」などの見出しの列を追加してください。',
  ],
  ERR_HEADER_MAPPING_UNKNOWN: [
    'The column mapping names "{header}", but the file has no column with that header.',
    '列の対応付けで指定された「{header}」という見出しの列がファイルにありません。',
  ],
  ERR_ROW_REQUIRED: ['{field} is required.', '「{field}」は必須です。'],
  ERR_ROW_TOO_LONG: [
    '{field} is longer than {max} characters.',
    '「{field}」が {max} 文字を超えています。',
  ],
  ERR_ROW_CONTROL_CHARACTER: [
    '{field} contains a line break, tab or other control character; write it on one line.',
    '「{field}」に改行・タブなどの制御文字が含まれています。1 行で入力してください。',
  ],
  ERR_ROW_EMAIL_FULL_WIDTH: [
    'The e-mail address contains full-width characters ({chars}); type them in half-width, for example "@" instead of "＠".',
    'メールアドレスに全角文字（{chars}）が含まれています。半角で入力してください（例：「＠」ではなく「@」）。',
  ],
  ERR_ROW_EMAIL_NOT_ASCII: [
    'The e-mail address contains characters other than ASCII letters, digits and symbols; only ASCII addresses are accepted.',
    'メールアドレスに半角英数字・記号以外の文字が含まれています。ASCII のアドレスのみ受け付けます。',
  ],
  ERR_ROW_EMAIL_INVALID: [
    'This is not a valid e-mail address (such as name@example.ac.jp).',
    'メールアドレスの形式が正しくありません（例：name@example.ac.jp）。',
  ],
  ERR_ROW_URL_INVALID: [
    '{field} is not a valid URL.',
    '「{field}」の URL の形式が正しくありません。',
  ],
  ERR_ROW_URL_NOT_HTTPS: [
    '{field} must start with https://.',
    '「{field}」は https:// で始まる URL にしてください。',
  ],
  ERR_ROW_DATE_INVALID: [
    '{field} is not a date in a form Akashi reads: write 2025-04-01, 2025/4/1, 2025年4月1日, 令和7年4月1日 or R7.4.1.',
    '「{field}」を日付として読み取れません。2025-04-01、2025/4/1、2025年4月1日、令和7年4月1日、R7.4.1 のいずれかの形式で入力してください。',
  ],
  ERR_ROW_DATE_NOT_A_DAY: [
    '{field}: there is no such day (or time) in the calendar.',
    '「{field}」：この日付（または時刻）は存在しません。',
  ],
  ERR_ROW_DATE_ERA_RANGE: [
    '{field}: the date is outside the {era} era ({range}).',
    '「{field}」：{era}の期間（{range}）外の日付です。',
  ],
  ERR_ROW_DATE_NO_OFFSET: [
    '{field}: a date with a time needs a time zone, such as Z or +09:00.',
    '「{field}」：時刻付きの日付には Z や +09:00 などのタイムゾーンが必要です。',
  ],
  ERR_ROW_DATE_EXCEL_SERIAL: [
    '{field} looks like an Excel date serial number; format the column as a date (yyyy/m/d) and save the file again.',
    '「{field}」が Excel の日付シリアル値のようです。列の書式を日付（yyyy/m/d）にしてから保存し直してください。',
  ],
  ERR_ROW_DATE_ORDER: [
    'The expiry date (valid until) is before the start date (valid from or, without it, the awarded date).',
    '有効期限が発行日（発行日がなければ授与日）より前です。',
  ],
  ERR_ROW_ID_EXPONENT: [
    'The ID is in exponent notation (such as 1.23E+11): Excel has already lost its digits. Format the column as text and export the file again.',
    '番号が指数表記（1.23E+11 など）になっており、Excel で桁が失われています。列の書式を文字列にして出力し直してください。',
  ],
  ERR_ROW_EXTRA_CELLS: [
    'The row has {count} more cell(s) than the header; a value that contains a comma must be in double quotes.',
    'この行には見出しより {count} 個多くセルがあります。カンマを含む値はダブルクォートで囲んでください。',
  ],
  ERR_ROW_DUPLICATE_EXTERNAL_ID: [
    'Row {firstRow} has the same ID; a file awards each person once.',
    '{firstRow} 行目に同じ番号があります。1 つのファイルで同じ人に授与できるのは 1 回です。',
  ],
  ERR_ROW_DUPLICATE_ROW: [
    'This row repeats row {firstRow} exactly; remove one of them.',
    'この行は {firstRow} 行目とまったく同じです。どちらかを削除してください。',
  ],
  ERR_ROW_NOT_STRING: [
    '{field} must be a string (as a string, an ID keeps its leading zeros).',
    '「{field}」は文字列で指定してください（番号は文字列にすると先頭の 0 が保たれます）。',
  ],
  ERR_ROW_NOT_OBJECT: [
    'Each item must be a JSON object.',
    '各要素は JSON オブジェクトでなければなりません。',
  ],
  WARN_ROW_DUPLICATE_EMAIL: [
    'Row {firstRow} has the same e-mail address; both rows will be awarded.',
    '{firstRow} 行目に同じメールアドレスがあります。両方の行に授与されます。',
  ],
  WARN_ROW_KANA_NOT_KANA: [
    'The reading contains characters other than kana; it is kept as written.',
    'フリガナにカナ以外の文字が含まれています。入力どおりに保存します。',
  ],
  WARN_ROW_ID_FULL_WIDTH: [
    'The ID contains full-width characters; check that it is written as registered (it is kept as written).',
    '番号に全角文字が含まれています。登録どおりの表記か確認してください（入力どおりに保存します）。',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type AwardIssueCode = keyof typeof MESSAGES;
export type RowErrorCode = Extract<AwardIssueCode, `ERR_${string}`>;
export type RowWarningCode = Extract<AwardIssueCode, `WARN_${string}`>;

export const AWARD_ISSUE_CODES = Object.keys(MESSAGES) as AwardIssueCode[];

/** Where a problem is. CSV: `row` as Excel numbers it (the header is row 1). */
export interface RowIssueLocation {
  /**
   * CSV: the row number Excel shows (header = 1, first data row = 2).
   * JSON: the item's position in the array counted from 1 (`index + 1`).
   */
  readonly row: number;
  /** CSV: the column letter Excel shows (`A`, `AB`); JSON: the property name; null: the row. */
  readonly column: string | null;
  /** CSV: the header text of that column; JSON: the property name. */
  readonly header: string | null;
  readonly field: AwardField | null;
}

export interface RowIssue<C extends AwardIssueCode = AwardIssueCode> extends RowIssueLocation {
  readonly code: C;
  /** The cell as read (trimmed), when the problem is about its value. */
  readonly value?: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: LocalizedMessage;
}

export type RowError = RowIssue<RowErrorCode>;
export type RowWarning = RowIssue<RowWarningCode>;

const fill = (
  template: string,
  params: Readonly<Record<string, string | number>>,
  language: keyof LocalizedMessage,
): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (name === 'field' && typeof value === 'string' && value in AWARD_FIELD_LABELS) {
      return AWARD_FIELD_LABELS[value as AwardField][language];
    }
    return String(value);
  });

/** The message of `code` in both languages; a `field` parameter becomes the field's label. */
export const describeAwardIssue = (
  code: AwardIssueCode,
  params: Readonly<Record<string, string | number>> = {},
): LocalizedMessage => {
  const [en, ja] = MESSAGES[code];
  return { en: fill(en, params, 'en'), ja: fill(ja, params, 'ja') };
};

/** Builds an issue at `at`; `params.field` defaults to the location's field. */
export const createRowIssue = <C extends AwardIssueCode>(
  code: C,
  at: RowIssueLocation,
  details: {
    readonly value?: string;
    readonly params?: Readonly<Record<string, string | number>>;
  } = {},
): RowIssue<C> => {
  const params = { ...(at.field === null ? {} : { field: at.field }), ...details.params };
  return {
    code,
    ...at,
    ...(details.value === undefined ? {} : { value: details.value }),
    params,
    message: describeAwardIssue(code, params),
  };
};

export const isRowError = (issue: RowIssue): issue is RowError => issue.code.startsWith('ERR_');
