/**
 * The fields of one bulk-award row, and the header texts (Japanese and English) that name each
 * of them in a CSV file. Header matching folds the header text (NFKC, lower case, no spaces or
 * separators, no "(必須)" markers): a header is a label to look up, not personal data, so folding
 * it is safe (JAPAN.md JP-1.1 allows folding for look-ups only). Cell values are never folded.
 */
import type { LocalizedMessage } from '@akashi/core';

export type AwardField =
  | 'email'
  | 'name'
  | 'nameKana'
  | 'nameRomaji'
  | 'externalId'
  | 'evidenceUrl'
  | 'narrative'
  | 'awardedDate'
  | 'validFrom'
  | 'validUntil';

export type AwardDateField = 'awardedDate' | 'validFrom' | 'validUntil';

export const AWARD_FIELDS: readonly AwardField[] = [
  'email',
  'name',
  'nameKana',
  'nameRomaji',
  'externalId',
  'evidenceUrl',
  'narrative',
  'awardedDate',
  'validFrom',
  'validUntil',
];

export const AWARD_DATE_FIELDS: readonly AwardDateField[] = [
  'awardedDate',
  'validFrom',
  'validUntil',
];

/** The fields a row must have unless the caller says otherwise (`email` always is). */
export const DEFAULT_REQUIRED_FIELDS: readonly AwardField[] = ['email', 'name'];

export const isAwardField = (value: unknown): value is AwardField =>
  typeof value === 'string' && (AWARD_FIELDS as readonly string[]).includes(value);

/** How a field is named in messages. */
export const AWARD_FIELD_LABELS: Readonly<Record<AwardField, LocalizedMessage>> = {
  email: { en: 'E-mail address', ja: 'メールアドレス' },
  name: { en: 'Name', ja: '氏名' },
  nameKana: { en: 'Name (kana)', ja: 'フリガナ' },
  nameRomaji: { en: 'Name (romaji)', ja: 'ローマ字氏名' },
  externalId: { en: 'External ID', ja: '学籍番号・社員番号など' },
  evidenceUrl: { en: 'Evidence URL', ja: 'エビデンス URL' },
  narrative: { en: 'Narrative', ja: '備考' },
  awardedDate: { en: 'Awarded date', ja: '授与日' },
  validFrom: { en: 'Valid from', ja: '発行日' },
  validUntil: { en: 'Valid until', ja: '有効期限' },
};

/**
 * Header texts per field, as people write them. Each field's own name (`externalId`) is also
 * accepted. The first two entries are suggested when a required column is missing.
 */
export const AWARD_HEADER_SYNONYMS: Readonly<Record<AwardField, readonly string[]>> = {
  email: [
    'メールアドレス',
    'email',
    'メール',
    'Eメール',
    'Eメールアドレス',
    '電子メール',
    '電子メールアドレス',
    'e-mail',
    'e-mail address',
    'email address',
    'mail',
    'mail address',
  ],
  name: [
    '氏名',
    'name',
    '名前',
    'お名前',
    '氏名(漢字)',
    '漢字氏名',
    '受講者名',
    '受講者氏名',
    '受賞者名',
    '学生氏名',
    'full name',
    'recipient name',
  ],
  nameKana: [
    'フリガナ',
    'name (kana)',
    'ふりがな',
    'カナ',
    'かな',
    'よみがな',
    'ヨミガナ',
    '氏名カナ',
    'カナ氏名',
    '氏名(カナ)',
    '氏名(フリガナ)',
    '氏名(ふりがな)',
    'kana',
    'furigana',
    'name kana',
  ],
  nameRomaji: [
    'ローマ字',
    'name (romaji)',
    'ローマ字氏名',
    '氏名ローマ字',
    '氏名(ローマ字)',
    '氏名英文',
    '英文氏名',
    '英字氏名',
    '氏名(英字)',
    '氏名(英語)',
    'romaji',
    'name romaji',
    'name (english)',
    'english name',
    'name (latin)',
  ],
  externalId: [
    '学籍番号',
    'external id',
    '学生番号',
    '社員番号',
    '職員番号',
    '従業員番号',
    '会員番号',
    '受講者番号',
    '受講番号',
    '受験番号',
    'ID',
    'student id',
    'student number',
    'employee id',
    'member id',
  ],
  evidenceUrl: [
    'エビデンスURL',
    'evidence url',
    'エビデンス',
    'エビデンスのURL',
    '証跡URL',
    '成果物URL',
    'ポートフォリオURL',
    'evidence',
  ],
  narrative: [
    '備考',
    'narrative',
    '所見',
    'コメント',
    '評価コメント',
    '特記事項',
    'note',
    'notes',
    'comment',
    'comments',
  ],
  awardedDate: [
    '授与日',
    'awarded date',
    '授与年月日',
    '取得日',
    '取得年月日',
    '認定日',
    '修了日',
    '修了年月日',
    '合格日',
    'award date',
    'date awarded',
  ],
  validFrom: [
    '発行日',
    'valid from',
    '発行年月日',
    '有効開始日',
    '有効期間開始日',
    'issue date',
    'issued on',
    'start date',
  ],
  validUntil: [
    '有効期限',
    'valid until',
    '有効期限日',
    '有効期間終了日',
    '失効日',
    'expiry date',
    'expiration date',
    'expires',
    'end date',
  ],
};

const REQUIRED_MARKER = /\((?:必須|任意|required|optional)\)|[*※]/gu;
const SEPARATORS = /[\s_\-‐・･.:]/gu;

/** The look-up form of a header text. */
export const foldHeader = (header: string): string =>
  header.normalize('NFKC').toLowerCase().replace(REQUIRED_MARKER, '').replace(SEPARATORS, '');

const HEADER_INDEX: ReadonlyMap<string, AwardField> = (() => {
  const index = new Map<string, AwardField>();
  for (const field of AWARD_FIELDS) {
    for (const header of [field, ...AWARD_HEADER_SYNONYMS[field]]) {
      const folded = foldHeader(header);
      const taken = index.get(folded);
      if (taken !== undefined && taken !== field) {
        throw new Error(`award header synonym "${header}" names both ${taken} and ${field}`);
      }
      index.set(folded, field);
    }
  }
  return index;
})();

/** The field a header names, or undefined when it names none. */
export const matchAwardHeader = (header: string): AwardField | undefined =>
  HEADER_INDEX.get(foldHeader(header));
