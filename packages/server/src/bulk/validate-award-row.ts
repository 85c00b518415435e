/**
 * Checks the cells of one bulk-award row and turns them into an `AwardRow`, reporting every
 * problem at once (not just the first). Values are kept exactly as written apart from trimming:
 * names in kanji, kana (half-width included) and romaji are never Unicode-normalised (JAPAN.md
 * JP-1.1); e-mail addresses are trimmed only (ASCII addresses; a full-width ＠ gets a hint);
 * dates become ISO 8601 (`parse-award-date.ts`).
 */
import { STRING_FORMATS } from '../http/string-formats.js';
import { AWARD_DATE_FIELDS, type AwardField } from './award-fields.js';
import {
  createRowIssue,
  type RowError,
  type RowIssueLocation,
  type RowWarning,
} from './award-row-issues.js';
import { parseAwardDate } from './parse-award-date.js';

/** One row to award, as read and checked. Absent optional values are null. */
export interface AwardRow {
  /** CSV: the row number Excel shows (header = 1). JSON: the item's index + 1. */
  readonly row: number;
  readonly email: string;
  readonly name: string | null;
  readonly nameKana: string | null;
  readonly nameRomaji: string | null;
  /** 学籍番号, 社員番号…: a string, leading zeros kept. */
  readonly externalId: string | null;
  readonly evidenceUrl: string | null;
  readonly narrative: string | null;
  /** ISO 8601: a calendar date `YYYY-MM-DD`, or a UTC date-time `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly awardedDate: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

export interface ValidateAwardRowInput {
  readonly row: number;
  /** Trimmed cell values by field; an empty string counts as absent. */
  readonly cells: Readonly<Partial<Record<AwardField, string>>>;
  readonly locate: (field: AwardField) => RowIssueLocation;
  readonly required: ReadonlySet<AwardField>;
}

export interface ValidateAwardRowResult {
  /** The row, when it has no error. */
  readonly row: AwardRow | undefined;
  readonly errors: readonly RowError[];
  readonly warnings: readonly RowWarning[];
}

const EDGE_SPACE = /^[\t\n\v\f\r \u3000]+|[\t\n\v\f\r \u3000]+$/g;

/** A value without ASCII white space or ideographic spaces (U+3000) at either end. */
export const trimAwardCell = (value: string): string => value.replace(EDGE_SPACE, '');

/** Longest value accepted per field, in code points. */
export const AWARD_FIELD_MAX_LENGTH: Readonly<Record<AwardField, number>> = {
  email: 254,
  name: 200,
  nameKana: 200,
  nameRomaji: 200,
  externalId: 100,
  evidenceUrl: 2048,
  narrative: 10_000,
  awardedDate: 64,
  validFrom: 64,
  validUntil: 64,
};

/** C0/C1 controls and unpaired surrogates; a narrative may hold tabs and line breaks. */
const CONTROL = /[\p{Cc}\p{Cs}]/u;
const CONTROL_IN_TEXT = /[^\P{Cc}\t\n\r]|\p{Cs}/u;
/** Full-width ASCII forms (＠, ０, ａ…) and the ideographic space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/gu;
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/u;
const NOT_ASCII = /[^\x20-\x7E]/u;
const KANA_READING = /^[\p{Script=Katakana}\p{Script=Hiragana}ー・･ﾞﾟ゛゜＝= \u3000]+$/u;
const EXPONENT = /^\d(?:\.\d+)?E\+?\d+$/i;

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const countCodePoints = (value: string): number =>
  value.length - (value.match(SURROGATE_PAIR)?.length ?? 0);

const isEmail = (value: string): boolean =>
  STRING_FORMATS.email?.(value) === true && value.slice(value.lastIndexOf('@')).includes('.');

/** Compares two ISO values (dates or UTC date-times) by the instant they start at. */
const startOf = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

export const validateAwardRow = (input: ValidateAwardRowInput): ValidateAwardRowResult => {
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  const values = new Map<AwardField, string>();

  const error = (
    code: RowError['code'],
    field: AwardField,
    value?: string,
    params?: Readonly<Record<string, string | number>>,
  ) => {
    errors.push(
      createRowIssue(code, input.locate(field), {
        ...(value === undefined ? {} : { value }),
        ...(params === undefined ? {} : { params }),
      }),
    );
  };
  const warn = (code: RowWarning['code'], field: AwardField, value: string) => {
    warnings.push(createRowIssue(code, input.locate(field), { value }));
  };

  const read = (field: AwardField): string | undefined => {
    const value = input.cells[field];
    if (value === undefined || value === '') {
      if (input.required.has(field)) error('ERR_ROW_REQUIRED', field);
      return undefined;
    }
    const max = AWARD_FIELD_MAX_LENGTH[field];
    if (countCodePoints(value) > max) {
      error('ERR_ROW_TOO_LONG', field, value, { max });
      return undefined;
    }
    if ((field === 'narrative' ? CONTROL_IN_TEXT : CONTROL).test(value)) {
      error('ERR_ROW_CONTROL_CHARACTER', field, value);
      return undefined;
    }
    return value;
  };

  const email = read('email');
  if (email !== undefined) {
    const fullWidth = [...new Set(email.match(FULL_WIDTH) ?? [])];
    if (fullWidth.length > 0) {
      error('ERR_ROW_EMAIL_FULL_WIDTH', 'email', email, {
        chars: fullWidth.map((char) => (char === '\u3000' ? 'U+3000' : char)).join(' '),
      });
    } else if (NOT_ASCII.test(email)) error('ERR_ROW_EMAIL_NOT_ASCII', 'email', email);
    else if (!isEmail(email)) error('ERR_ROW_EMAIL_INVALID', 'email', email);
    else values.set('email', email);
  }

  for (const field of ['name', 'nameRomaji', 'narrative'] as const) {
    const value = read(field);
    if (value !== undefined) values.set(field, value);
  }

  const kana = read('nameKana');
  if (kana !== undefined) {
    if (!KANA_READING.test(kana)) warn('WARN_ROW_KANA_NOT_KANA', 'nameKana', kana);
    values.set('nameKana', kana);
  }

  const externalId = read('externalId');
  if (externalId !== undefined) {
    if (EXPONENT.test(externalId)) error('ERR_ROW_ID_EXPONENT', 'externalId', externalId);
    else {
      if (HAS_FULL_WIDTH.test(externalId)) {
        warn('WARN_ROW_ID_FULL_WIDTH', 'externalId', externalId);
      }
      values.set('externalId', externalId);
    }
  }

  const url = read('evidenceUrl');
  if (url !== undefined) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (parsed === undefined || parsed.hostname === '' || /\s/u.test(url)) {
      error('ERR_ROW_URL_INVALID', 'evidenceUrl', url);
    } else if (parsed.protocol !== 'https:') error('ERR_ROW_URL_NOT_HTTPS', 'evidenceUrl', url);
    else values.set('evidenceUrl', url);
  }

  for (const field of AWARD_DATE_FIELDS) {
    const text = read(field);
    if (text === undefined) continue;
    const parsed = parseAwardDate(text);
    if (parsed.ok) values.set(field, parsed.value);
    else error(parsed.code, field, text, parsed.params);
  }

  // Without validFrom the credential is valid from its award.
  const from = values.get('validFrom') ?? values.get('awardedDate');
  const until = values.get('validUntil');
  if (from !== undefined && until !== undefined && startOf(until) < startOf(from)) {
    error('ERR_ROW_DATE_ORDER', 'validUntil', input.cells.validUntil);
  }

  const get = (field: AwardField): string | null => values.get(field) ?? null;
  const recipient = values.get('email');
  const row: AwardRow | undefined =
    errors.length > 0 || recipient === undefined
      ? undefined
      : {
          row: input.row,
          email: recipient,
          name: get('name'),
          nameKana: get('nameKana'),
          nameRomaji: get('nameRomaji'),
          externalId: get('externalId'),
          evidenceUrl: get('evidenceUrl'),
          narrative: get('narrative'),
          awardedDate: get('awardedDate'),
          validFrom: get('validFrom'),
          validUntil: get('validUntil'),
        };
  return { row, errors, warnings };
};
