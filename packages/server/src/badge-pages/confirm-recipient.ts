/**
 * "Confirm the recipient": does the e-mail address a visitor typed belong to the person the badge
 * was issued to? The address is hashed with the credential's salt and compared with the
 * credential's `identifier` (core `matchIdentityObject`: the normalised address, then the raw
 * input), and is never stored. Rate-limited per client address and per award, in the shared
 * `rate_limits` table, so that the form cannot be used to guess addresses.
 */
import { matchIdentityObject } from '@akashi/core';
import type { Award } from '../awards/award.js';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';

/** One visitor: 10 checks in 10 minutes. */
export const RECIPIENT_CHECKS_PER_CLIENT: RateLimitRule = { limit: 10, windowMs: 10 * 60_000 };
/** One badge, whoever asks: 30 checks an hour. */
export const RECIPIENT_CHECKS_PER_AWARD: RateLimitRule = { limit: 30, windowMs: 60 * 60_000 };

export const MAX_EMAIL_LENGTH = 320;

export type RecipientCheck =
  | { readonly kind: 'match' | 'no-match'; readonly email: string }
  | {
      readonly kind: 'refused';
      readonly error: ServerError<
        'ERR_BADGE_PAGE_INVALID_EMAIL' | 'ERR_BADGE_PAGE_TOO_MANY_CHECKS'
      >;
      readonly retryAfterSeconds?: number;
    };

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** Whether `email` matches an identifier of a subject of the credential. */
export const credentialNamesRecipient = (
  credential: Record<string, unknown>,
  email: string,
): boolean =>
  asList(credential.credentialSubject).some(
    (subject) =>
      typeof subject === 'object' &&
      subject !== null &&
      asList((subject as Record<string, unknown>).identifier).some(
        (identity) =>
          typeof identity === 'object' && identity !== null && matchIdentityObject(identity, email),
      ),
  );

export interface ConfirmRecipientInput {
  readonly award: Pick<Award, 'id' | 'credential'>;
  readonly email: string;
  /** The client's address (`request.ip`). */
  readonly client: string;
  readonly now: Date;
}

export const confirmRecipient = async (
  db: Database,
  { award, email, client, now }: ConfirmRecipientInput,
): Promise<RecipientCheck> => {
  const trimmed = email.trim();
  if (trimmed === '' || email.length > MAX_EMAIL_LENGTH || !trimmed.includes('@')) {
    return { kind: 'refused', error: new ServerError('ERR_BADGE_PAGE_INVALID_EMAIL') };
  }
  const limits = [
    { key: `badge-recipient:client:${client}`, rule: RECIPIENT_CHECKS_PER_CLIENT },
    { key: `badge-recipient:award:${award.id}`, rule: RECIPIENT_CHECKS_PER_AWARD },
  ];
  for (const { key, rule } of limits) {
    const state = await hitRateLimit(db.kysely, key, rule, now);
    if (state.exceeded) {
      return {
        kind: 'refused',
        error: new ServerError('ERR_BADGE_PAGE_TOO_MANY_CHECKS', {
          params: { seconds: state.retryAfterSeconds },
        }),
        retryAfterSeconds: state.retryAfterSeconds,
      };
    }
  }
  return {
    kind: credentialNamesRecipient(award.credential, email) ? 'match' : 'no-match',
    email: trimmed,
  };
};
