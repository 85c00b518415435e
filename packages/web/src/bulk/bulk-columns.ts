/**
 * The CSV columns the bulk-award API reads (its header synonyms, `bulk/award-fields.ts` on the
 * server), as the upload page explains them, and the template CSV built from them: UTF-8 with a
 * BOM (Japanese Excel reads it correctly), CRLF, a header row and one example row.
 */
import type { Language } from '../kit/language.js';
import type { BulkTextKey } from './bulk-texts.js';

export interface BulkColumn {
  /** Headings the API accepts, the first in each language used by the template. */
  readonly headings: Readonly<Record<Language, string>>;
  readonly otherHeadings: readonly string[];
  readonly description: BulkTextKey;
  readonly required: boolean;
  /** The template's example value. */
  readonly example: string;
}

export const BULK_COLUMNS: readonly BulkColumn[] = [
  {
    headings: { ja: 'メールアドレス', en: 'email' },
    otherHeadings: ['メール', 'E-mail address'],
    description: 'fieldEmail',
    required: true,
    example: 'yamada.taro@example.ac.jp',
  },
  {
    headings: { ja: '氏名', en: 'name' },
    otherHeadings: ['名前', '受講者名', 'Full name'],
    description: 'fieldName',
    required: true,
    example: '山田 太郎',
  },
  {
    headings: { ja: 'フリガナ', en: 'name (kana)' },
    otherHeadings: ['ふりがな', '氏名カナ'],
    description: 'fieldNameKana',
    required: false,
    example: 'ヤマダ タロウ',
  },
  {
    headings: { ja: 'ローマ字氏名', en: 'name (romaji)' },
    otherHeadings: ['英字氏名', 'English name'],
    description: 'fieldNameRomaji',
    required: false,
    example: 'Taro Yamada',
  },
  {
    headings: { ja: '学籍番号', en: 'external id' },
    otherHeadings: ['社員番号', '会員番号', 'Student ID'],
    description: 'fieldExternalId',
    required: false,
    example: '2025A0001',
  },
  {
    headings: { ja: '授与日', en: 'awarded date' },
    otherHeadings: ['修了日', '取得日', 'Award date'],
    description: 'fieldAwardedDate',
    required: false,
    example: '2025/4/1',
  },
  {
    headings: { ja: '発行日', en: 'valid from' },
    otherHeadings: ['有効開始日', 'Issue date'],
    description: 'fieldValidFrom',
    required: false,
    example: '',
  },
  {
    headings: { ja: '有効期限', en: 'valid until' },
    otherHeadings: ['失効日', 'Expiry date'],
    description: 'fieldValidUntil',
    required: false,
    example: '',
  },
  {
    headings: { ja: 'エビデンスURL', en: 'evidence url' },
    otherHeadings: ['成果物URL', 'Evidence'],
    description: 'fieldEvidenceUrl',
    required: false,
    example: '',
  },
  {
    headings: { ja: '備考', en: 'narrative' },
    otherHeadings: ['所見', 'コメント', 'Notes'],
    description: 'fieldNarrative',
    required: false,
    example: '',
  },
];

export const UTF8_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell: a value a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading `'` so that it stays text; quoted when RFC 4180 requires it.
 */
export const csvCell = (value: string): string => {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One CRLF-terminated record. */
export const csvRecord = (cells: readonly string[]): string =>
  cells.map(csvCell).join(',') + CSV_LINE_END;

/** The template: BOM, the header row in the page's language, one example row. */
export const bulkTemplateCsv = (language: Language): string =>
  UTF8_BOM +
  csvRecord(BULK_COLUMNS.map((column) => column.headings[language])) +
  csvRecord(BULK_COLUMNS.map((column) => column.example));
