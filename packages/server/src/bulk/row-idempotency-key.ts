/**
 * The idempotency key of a bulk-award row: re-submitting the same file (or the same JSON) must
 * not award anyone twice. With an external ID (学籍番号, 社員番号…) the key is derived from the
 * achievement and that ID alone; without one, from the achievement and every field of the row.
 *
 * The key is `ext:` or `row:` followed by a SHA-256 (hex): fixed length for an index, scoped to
 * the achievement, and free of personal data. It is stable across re-encoding the file:
 * - dates are hashed in their ISO form (`R7.4.1` and `2025/04/01` are one date);
 * - e-mail addresses with ASCII letters lower-cased (the comparison form of accounts);
 * - characters that a UTF-8 ↔ Shift_JIS (CP932) round trip through Excel changes are folded to
 *   their CP932 form (`〜` U+301C ↔ `～` U+FF5E, `−` ↔ `－`, `—` ↔ `―`, `‖` ↔ `∥`, `¢£¬` ↔ `￠￡￢`,
 *   `¥` ↔ `\`), and CRLF to LF. NEC and IBM codes of one character (﨑 0xED95 / 0xFAB1) already
 *   decode to the same code point.
 * Nothing else is folded: no NFKC, so `①` and `1`, `ｶﾅ` and `カナ` stay different rows.
 * A character Shift_JIS cannot hold (𠮷) does not survive a conversion to it: such a row gets
 * another key, as it holds other text.
 */
import { createHash } from 'node:crypto';
import { normaliseEmail } from '../accounts/email-address.js';
import type { AwardRow } from './validate-award-row.js';

const KEY_VERSION = 'akashi-bulk-award/1';

/** Unicode characters and the one CP932 decodes the same Shift_JIS bytes to. */
const CP932_ROUND_TRIP: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～ FULLWIDTH TILDE (0x8160)
  '\u2212': '\uFF0D', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS (0x817C)
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR (0x815C)
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO (0x8161)
  '\u00A2': '\uFFE0', // ¢ → ￠ (0x8191)
  '\u00A3': '\uFFE1', // £ → ￡ (0x8192)
  '\u00AC': '\uFFE2', // ¬ → ￢ (0x81CA)
  '\u00A5': '\\', // ¥ → \ (0x5C, shown as ¥ by Japanese fonts)
};
const ROUND_TRIP_CHARS = new RegExp(`[${Object.keys(CP932_ROUND_TRIP).join('')}]`, 'gu');

/** The comparison form of a value: CP932 round-trip differences and CRLF folded. */
export const foldForKey = (value: string): string =>
  value.replace(ROUND_TRIP_CHARS, (char) => CP932_ROUND_TRIP[char] ?? char).replace(/\r\n?/g, '\n');

const sha256 = (parts: readonly (string | null)[]): string =>
  createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex');

/** The row's fields in comparison form, in a fixed order (the row number left out). */
export const fingerprintAwardRow = (row: AwardRow): readonly (string | null)[] => {
  const fold = (value: string | null) => (value === null ? null : foldForKey(value));
  return [
    normaliseEmail(row.email),
    fold(row.name),
    fold(row.nameKana),
    fold(row.nameRomaji),
    fold(row.externalId),
    fold(row.evidenceUrl),
    fold(row.narrative),
    row.awardedDate,
    row.validFrom,
    row.validUntil,
  ];
};

/** `ext:<sha256>` from the external ID when the row has one, else `row:<sha256>` of its fields. */
export const rowIdempotencyKey = (row: AwardRow, achievementId: string): string => {
  if (typeof achievementId !== 'string' || achievementId === '') {
    throw new TypeError('rowIdempotencyKey: achievementId must be a non-empty string');
  }
  if (row.externalId !== null) {
    return `ext:${sha256([KEY_VERSION, achievementId, foldForKey(row.externalId)])}`;
  }
  return `row:${sha256([KEY_VERSION, achievementId, ...fingerprintAwardRow(row)])}`;
};
