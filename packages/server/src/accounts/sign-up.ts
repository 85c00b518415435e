/**
 * Creates an account with an e-mail address and a password, and sends the confirmation link
 * (good for 48 hours). The account cannot sign in until the address is confirmed.
 *
 * The answer never tells whether the address already has an account: for a taken address
 * nothing is created, the owner receives a note ("someone tried to sign up with your address")
 * instead, and the password is hashed all the same so that the timing matches. Attempts are
 * limited per client address and per e-mail address (no mail-bombing of a stranger).
 */
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import { assertWithinRateLimit } from '../auth/rate-limited-error.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { signUpExistingMail, verifyEmailMail } from '../mail/account-mail-templates.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { AccountMail } from './account-mail.js';
import { normaliseEmail } from './email-address.js';
import { issueEmailToken } from './email-tokens.js';
import { hashPassword } from './password-hash.js';
import { assertPasswordAcceptable } from './password-policy.js';

export interface SignUpInput {
  readonly email: string;
  readonly password: string;
  /** Kept exactly as entered. */
  readonly displayName: string;
  readonly locale: 'ja' | 'en';
}

export const SIGN_UP_PER_IP: RateLimitRule = { limit: 10, windowMs: 60 * 60 * 1000 };
export const SIGN_UP_PER_EMAIL: RateLimitRule = { limit: 3, windowMs: 60 * 60 * 1000 };

const notifyOwner = async (db: Database, email: string, mail: AccountMail): Promise<void> => {
  const owner = await db.kysely
    .selectFrom('users')
    .select(['email', 'display_name', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (owner === undefined) return;
  const link = mail.link('/reset-password');
  mail.queue(owner, (locale) =>
    signUpExistingMail(locale, { displayName: owner.display_name, link }),
  );
};

export const signUp = async (
  db: Database,
  input: SignUpInput,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<void> => {
  const email = normaliseEmail(input.email);
  assertPasswordAcceptable(input.password, email);
  const { now } = origin;
  const ip = origin.request?.ip ?? 'local';
  assertWithinRateLimit(await hitRateLimit(db.kysely, `sign-up:ip:${ip}`, SIGN_UP_PER_IP, now));
  assertWithinRateLimit(
    await hitRateLimit(db.kysely, `sign-up:email:${email}`, SIGN_UP_PER_EMAIL, now),
  );
  const passwordHash = await hashPassword(input.password);
  const taken = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (taken !== undefined) {
    await notifyOwner(db, email, mail);
    return;
  }

  const userId = randomUUID();
  const at = now.toISOString();
  let token: string;
  try {
    token = await runInTransaction(db, async (tx) => {
      await tx.kysely
        .insertInto('users')
        .values({
          id: userId,
          email,
          display_name: input.displayName,
          password_hash: passwordHash,
          email_verified_at: null,
          is_operator: 0,
          totp_secret: null,
          totp_enabled_at: null,
          locale: input.locale,
          disabled_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await recordAuditEvent(
        tx,
        {
          action: 'account.sign-up',
          ...auditedBy(origin),
          targetType: 'user',
          targetId: userId,
          details: { email },
        },
        now,
      );
      return issueEmailToken(tx, { purpose: 'verify-email', userId, email, now });
    });
  } catch (error) {
    // Another sign-up with the same address won the race: answer as for a taken address.
    if (!isUniqueViolation(error)) throw error;
    await notifyOwner(db, email, mail);
    return;
  }
  const link = mail.link('/verify-email', token);
  mail.queue(
    { email, display_name: input.displayName, locale: input.locale },
    (locale) => verifyEmailMail(locale, { displayName: input.displayName, link }),
    link,
  );
};
