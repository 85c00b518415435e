/**
 * Further e-mail addresses of an account (ADR 0010), so that badges awarded to a learner's
 * other addresses (a university address, a private one) reach one wallet:
 *
 * - listing: the account's own address and the others, each with whether it is confirmed;
 * - adding: at most `MAX_FURTHER_ADDRESSES`, rate-limited per account; the confirmation link
 *   (`add-email` token, 48 hours, once) goes to the new address in the account's language;
 *   an address confirmed by another account is refused without saying which;
 * - confirming: only by the account that added it, signed in; then the awards to the address
 *   come into the wallet at once;
 * - removing: the address goes, the badges already in the wallet stay.
 *
 * Every change is audited (`account.email-add`, `account.email-verify`, `account.email-remove`).
 */
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import { assertWithinRateLimit } from '../auth/rate-limited-error.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { AccountMail } from '../accounts/account-mail.js';
import { normaliseEmail } from '../accounts/email-address.js';
import { issueEmailToken, readEmailToken, useEmailToken } from '../accounts/email-tokens.js';
import { requireAccountToken } from '../accounts/verify-email.js';
import type { UserEmailsTable } from '../wallet/wallet-tables.js';
import { syncAwardsIntoWallet } from './sync-awards.js';
import { addEmailMail } from './wallet-claim-mail.js';

/** How many addresses an account may have besides its own. */
export const MAX_FURTHER_ADDRESSES = 10;

/** Confirmation e-mails an account may ask for. */
export const ADD_EMAIL_PER_USER: RateLimitRule = { limit: 10, windowMs: 60 * 60 * 1000 };

export interface FurtherAddress {
  readonly id: string;
  readonly email: string;
  readonly verified: boolean;
  readonly createdAt: string;
}

export interface AccountEmails {
  readonly primary: { readonly email: string; readonly verified: boolean };
  readonly others: FurtherAddress[];
}

export const presentFurtherAddress = (row: UserEmailsTable): FurtherAddress => ({
  id: row.id,
  email: row.email,
  verified: row.verified_at !== null,
  createdAt: row.created_at,
});

const readUser = async (db: Database, userId: string) => {
  const user = await db.kysely
    .selectFrom('users')
    .select(['id', 'email', 'email_verified_at', 'display_name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user === undefined) throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  return user;
};

const readFurther = (db: Database, userId: string) =>
  db.kysely
    .selectFrom('user_emails')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Whether another account has confirmed `email` (as its own address or a further one). */
const confirmedElsewhere = async (db: Database, email: string, userId: string) => {
  const own = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .where('email_verified_at', 'is not', null)
    .where('id', '<>', userId)
    .executeTakeFirst();
  if (own !== undefined) return true;
  const further = await db.kysely
    .selectFrom('user_emails')
    .select('id')
    .where('email', '=', email)
    .where('verified_at', 'is not', null)
    .where('user_id', '<>', userId)
    .executeTakeFirst();
  return further !== undefined;
};

export const listAccountEmails = async (db: Database, userId: string): Promise<AccountEmails> => {
  const user = await readUser(db, userId);
  return {
    primary: { email: user.email, verified: user.email_verified_at !== null },
    others: (await readFurther(db, userId)).map(presentFurtherAddress),
  };
};

export interface AddAccountEmailResult {
  readonly address: FurtherAddress;
  /** False when the address was already waiting for confirmation (a new link was sent). */
  readonly created: boolean;
}

export const addAccountEmail = async (
  db: Database,
  userId: string,
  typed: string,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<AddAccountEmailResult> => {
  const email = normaliseEmail(typed);
  const { now } = origin;
  const user = await readUser(db, userId);
  if (email === user.email) throw new ServerError('ERR_ACCOUNT_EMAIL_ALREADY_ADDED');
  assertWithinRateLimit(
    await hitRateLimit(db.kysely, `add-email:user:${userId}`, ADD_EMAIL_PER_USER, now),
  );
  if (await confirmedElsewhere(db, email, userId)) {
    throw new ServerError('ERR_ACCOUNT_EMAIL_IN_USE');
  }
  let result: AddAccountEmailResult;
  try {
    result = await runInTransaction(db, async (tx) => {
      const further = await readFurther(tx, userId);
      const existing = further.find((row) => row.email === email);
      if (existing !== undefined) {
        if (existing.verified_at !== null) throw new ServerError('ERR_ACCOUNT_EMAIL_ALREADY_ADDED');
        return { address: presentFurtherAddress(existing), created: false };
      }
      if (further.length >= MAX_FURTHER_ADDRESSES) {
        throw new ServerError('ERR_ACCOUNT_EMAIL_LIMIT', {
          params: { limit: MAX_FURTHER_ADDRESSES },
        });
      }
      const row: UserEmailsTable = {
        id: randomUUID(),
        user_id: userId,
        email,
        verified_at: null,
        created_at: now.toISOString(),
      };
      await tx.kysely.insertInto('user_emails').values(row).execute();
      await recordAuditEvent(
        tx,
        {
          action: 'account.email-add',
          ...auditedBy(origin),
          targetType: 'user',
          targetId: userId,
          details: { email },
        },
        now,
      );
      return { address: presentFurtherAddress(row), created: true };
    });
  } catch (error) {
    // The same address added twice at once: the second one is a repeat of the first.
    if (isUniqueViolation(error)) throw new ServerError('ERR_ACCOUNT_EMAIL_ALREADY_ADDED');
    throw error;
  }
  const token = await issueEmailToken(db, { purpose: 'add-email', userId, email, now });
  const link = mail.link('/account/emails/verify', token);
  mail.queue(
    { email, display_name: user.display_name, locale: user.locale },
    (locale) => addEmailMail(locale, { displayName: user.display_name, email, link }),
    link,
  );
  return result;
};

export interface VerifyAccountEmailResult {
  readonly email: string;
  /** Badges that came into the wallet with this address. */
  readonly added: number;
}

export const verifyAccountEmail = async (
  context: AppContext,
  userId: string,
  token: string,
  origin: CommandOrigin,
): Promise<VerifyAccountEmailResult> => {
  const { db } = context;
  const { now } = origin;
  const row = requireAccountToken(await readEmailToken(db, token, 'add-email', now));
  // A link is for the account that asked for it, signed in: another account cannot use it.
  if (row.user_id !== userId) throw new ServerError('ERR_ACCOUNT_TOKEN_INVALID');
  try {
    await runInTransaction(db, async (tx) => {
      const address = await tx.kysely
        .selectFrom('user_emails')
        .selectAll()
        .where('user_id', '=', userId)
        .where('email', '=', row.email)
        .executeTakeFirst();
      if (address === undefined || !(await useEmailToken(tx, row.id, now))) {
        throw new ServerError('ERR_ACCOUNT_TOKEN_INVALID');
      }
      if (address.verified_at !== null) return;
      if (await confirmedElsewhere(tx, row.email, userId)) {
        throw new ServerError('ERR_ACCOUNT_EMAIL_IN_USE');
      }
      await tx.kysely
        .updateTable('user_emails')
        .set({ verified_at: now.toISOString() })
        .where('id', '=', address.id)
        .execute();
      await recordAuditEvent(
        tx,
        {
          action: 'account.email-verify',
          ...auditedBy(origin),
          targetType: 'user',
          targetId: userId,
          details: { email: row.email },
        },
        now,
      );
    });
  } catch (error) {
    // Confirmed by another account at the same moment (the partial unique index).
    if (isUniqueViolation(error)) throw new ServerError('ERR_ACCOUNT_EMAIL_IN_USE');
    throw error;
  }
  return { email: row.email, added: await syncAwardsIntoWallet(context, userId) };
};

export const removeAccountEmail = async (
  db: Database,
  userId: string,
  id: string,
  origin: CommandOrigin,
): Promise<void> => {
  await runInTransaction(db, async (tx) => {
    const address = await tx.kysely
      .selectFrom('user_emails')
      .select(['id', 'email'])
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (address === undefined) throw new ServerError('ERR_ACCOUNT_EMAIL_NOT_FOUND');
    await tx.kysely.deleteFrom('user_emails').where('id', '=', address.id).execute();
    // Links still in the mailbox stop working.
    await tx.kysely
      .updateTable('email_tokens')
      .set({ used_at: origin.now.toISOString() })
      .where('user_id', '=', userId)
      .where('purpose', '=', 'add-email')
      .where('email', '=', address.email)
      .where('used_at', 'is', null)
      .execute();
    await recordAuditEvent(
      tx,
      {
        action: 'account.email-remove',
        ...auditedBy(origin),
        targetType: 'user',
        targetId: userId,
        details: { email: address.email },
      },
      origin.now,
    );
  });
};
