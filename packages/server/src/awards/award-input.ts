/**
 * What it takes to award an achievement to one person, from the form, the API or a bulk row, and
 * the checks every path shares: an e-mail address, an optional DID, names kept exactly as typed,
 * dates that fit together. A calendar date (`2026-03-31`) means that day in Japan.
 */
import { normalizeEmail } from '@akashi/core';
import { ServerError } from '../http/server-error.js';
import type { AwardEvidence } from './award.js';

export interface AwardRecipientInput {
  readonly email: string;
  /** 氏名 as entered (kanji, kana or romaji); never normalised. */
  readonly name?: string | undefined;
  readonly nameKana?: string | undefined;
  readonly nameRomaji?: string | undefined;
  /** The recipient's DID, when known: the credential is then also issued as a VC-JWT. */
  readonly did?: string | undefined;
}

export interface AwardInput {
  readonly recipient: AwardRecipientInput;
  /** 学籍番号, 社員番号… kept as a string. */
  readonly externalId?: string | undefined;
  /**
   * Makes the award idempotent: an award with the same key in the organisation is returned
   * instead of a new one. Default: `ext:` + the external id, else a new random key.
   */
  readonly idempotencyKey?: string | undefined;
  /** ISO 8601 date or date-time; default now. */
  readonly awardedDate?: string | undefined;
  /** Default: the award date. */
  readonly validFrom?: string | undefined;
  /** Default: from the achievement's validity policy, else none. */
  readonly validUntil?: string | undefined;
  readonly evidence?: readonly AwardEvidence[] | undefined;
  readonly narrative?: string | undefined;
  /** The language of the notification e-mail (default ja). */
  readonly locale?: 'ja' | 'en' | undefined;
  /**
   * Also give the credential a `suspension` status entry, so that it can be suspended and
   * reinstated (default false). The credential then carries two entries, as VC 2.0 and the
   * Bitstring Status List allow, but the 1EdTech OB 3.0 JSON Schema (`credentialStatus`: one
   * object) does not: see docs/adr/0007-award-status-entries.md.
   */
  readonly suspendable?: boolean | undefined;
  /** Send the notification e-mail (default true). */
  readonly notify?: boolean | undefined;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;

/** A date from the input as an instant; a calendar date is midnight in Japan. */
export const parseAwardInstant = (value: string, field: string): Date => {
  const text = CALENDAR_DATE.test(value) ? `${value}T00:00:00+09:00` : value;
  const date = DATE_TIME.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new ServerError('ERR_AWARD_INVALID_DATES', {
      params: { reason: `${field} "${value}" is not an ISO 8601 date (YYYY-MM-DD) or date-time` },
    });
  }
  return date;
};

export interface ResolvedAwardDates {
  readonly awardedAt: Date;
  readonly validFrom: Date;
  readonly validUntil: Date | undefined;
}

/** The award's dates, defaults applied, checked to fit together. */
export const resolveAwardDates = (
  input: AwardInput,
  now: Date,
  defaultValidUntil: (awardedAt: Date) => Date | undefined,
): ResolvedAwardDates => {
  const awardedAt =
    input.awardedDate === undefined ? now : parseAwardInstant(input.awardedDate, 'awardedDate');
  const validFrom =
    input.validFrom === undefined ? awardedAt : parseAwardInstant(input.validFrom, 'validFrom');
  const validUntil =
    input.validUntil === undefined
      ? defaultValidUntil(awardedAt)
      : parseAwardInstant(input.validUntil, 'validUntil');
  if (validUntil !== undefined && validUntil.getTime() <= validFrom.getTime()) {
    throw new ServerError('ERR_AWARD_INVALID_DATES', {
      params: { reason: 'validUntil must be after validFrom' },
    });
  }
  return { awardedAt, validFrom, validUntil };
};

/** The recipient, checked: a usable e-mail address and, when given, a DID. */
export const checkRecipient = (recipient: AwardRecipientInput): void => {
  const email = normalizeEmail(recipient.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new ServerError('ERR_AWARD_INVALID_RECIPIENT', {
      params: { reason: `"${recipient.email}" is not an e-mail address` },
    });
  }
  if (recipient.did !== undefined && !DID.test(recipient.did)) {
    throw new ServerError('ERR_AWARD_INVALID_RECIPIENT', {
      params: { reason: `"${recipient.did}" is not a DID` },
    });
  }
};
