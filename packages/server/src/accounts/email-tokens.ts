/**
 * One-time tokens sent by e-mail (or printed, for the operator set-up link): the token is random
 * and only its SHA-256 is stored, with its purpose, its expiry and when it was used. A token is
 * good once: `useEmailToken` marks it used only if nobody has, so two concurrent uses cannot
 * both succeed.
 */
import { createToken, hashToken } from '../auth/session-token.js';
import type { Database } from '../db/open-database.js';
import type { EmailTokenPurpose, EmailTokensTable } from '../db/tables.js';

/** How long each kind of token stays good. */
export const EMAIL_TOKEN_LIFETIMES_MS: Readonly<Record<EmailTokenPurpose, number>> = {
  'verify-email': 48 * 60 * 60 * 1000,
  'reset-password': 60 * 60 * 1000,
  'operator-setup': 24 * 60 * 60 * 1000,
  'add-email': 48 * 60 * 60 * 1000,
};

export interface IssueEmailTokenOptions {
  readonly purpose: EmailTokenPurpose;
  readonly userId: string | null;
  readonly email: string;
  readonly now: Date;
}

/** Stores a new token and returns it (the only time it exists outside the e-mail). */
export const issueEmailToken = async (
  db: Database,
  { purpose, userId, email, now }: IssueEmailTokenOptions,
): Promise<string> => {
  const token = createToken();
  await db.kysely
    .insertInto('email_tokens')
    .values({
      id: hashToken(token),
      user_id: userId,
      email,
      purpose,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + EMAIL_TOKEN_LIFETIMES_MS[purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
};

export type EmailTokenCheck =
  | { readonly status: 'valid'; readonly row: EmailTokensTable }
  | { readonly status: 'invalid' | 'expired' };

/** Looks a token up: `invalid` when unknown, of another purpose or already used. */
export const readEmailToken = async (
  db: Database,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<EmailTokenCheck> => {
  const row = await db.kysely
    .selectFrom('email_tokens')
    .selectAll()
    .where('id', '=', hashToken(token))
    .executeTakeFirst();
  if (row === undefined || row.purpose !== purpose || row.used_at !== null) {
    return { status: 'invalid' };
  }
  if (row.expires_at <= now.toISOString()) return { status: 'expired' };
  return { status: 'valid', row };
};

/** Marks the token used; false when it was used (or expired) in the meantime. */
export const useEmailToken = async (db: Database, id: string, now: Date): Promise<boolean> => {
  const at = now.toISOString();
  const result = await db.kysely
    .updateTable('email_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
};

/** Retires every other unused token of this purpose for the user (a reset makes older links void). */
export const retireEmailTokens = async (
  db: Database,
  userId: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<void> => {
  await db.kysely
    .updateTable('email_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
};
