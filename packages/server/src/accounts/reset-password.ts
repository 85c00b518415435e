/**
 * Password reset by e-mail. `requestPasswordReset` sends a link good once for one hour, and
 * answers the same whether or not the address has an account (limited per client address and per
 * e-mail address). `resetPassword` sets the new password, ends every session of the account
 * (whoever knew the old password is signed out), voids the account's other reset links, confirms
 * the address (the link proved it) and clears the sign-in lock-out. The second factor stays: a
 * reset never signs anyone in past it. Audited as `account.password-reset`.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { clearRateLimit, hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import { assertWithinRateLimit } from '../auth/rate-limited-error.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { resetPasswordMail } from '../mail/account-mail-templates.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { AccountMail } from './account-mail.js';
import { normaliseEmail } from './email-address.js';
import {
  issueEmailToken,
  readEmailToken,
  retireEmailTokens,
  useEmailToken,
} from './email-tokens.js';
import { hashPassword } from './password-hash.js';
import { assertPasswordAcceptable } from './password-policy.js';
import { signInAccountKey } from './sign-in.js';
import { requireAccountToken } from './verify-email.js';

export const RESET_PER_IP: RateLimitRule = { limit: 10, windowMs: 60 * 60 * 1000 };
export const RESET_PER_EMAIL: RateLimitRule = { limit: 5, windowMs: 60 * 60 * 1000 };

export const requestPasswordReset = async (
  db: Database,
  rawEmail: string,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<void> => {
  const email = normaliseEmail(rawEmail);
  const { now } = origin;
  const ip = origin.request?.ip ?? 'local';
  assertWithinRateLimit(await hitRateLimit(db.kysely, `reset:ip:${ip}`, RESET_PER_IP, now));
  assertWithinRateLimit(
    await hitRateLimit(db.kysely, `reset:email:${email}`, RESET_PER_EMAIL, now),
  );
  const user = await db.kysely
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (user === undefined || user.disabled_at !== null) return;
  const token = await issueEmailToken(db, {
    purpose: 'reset-password',
    userId: user.id,
    email,
    now,
  });
  const link = mail.link('/reset-password', token);
  mail.queue(
    user,
    (locale) => resetPasswordMail(locale, { displayName: user.display_name, link }),
    link,
  );
};

export const resetPassword = async (
  db: Database,
  { token, password }: { readonly token: string; readonly password: string },
  origin: CommandOrigin,
): Promise<void> => {
  const { now } = origin;
  const row = requireAccountToken(await readEmailToken(db, token, 'reset-password', now));
  const userId = row.user_id as string;
  const user = await db.kysely
    .selectFrom('users')
    .select(['email', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.email !== row.email || user.disabled_at !== null) {
    throw new ServerError('ERR_ACCOUNT_TOKEN_INVALID');
  }
  assertPasswordAcceptable(password, user.email);
  const passwordHash = await hashPassword(password);
  await runInTransaction(db, async (tx) => {
    if (!(await useEmailToken(tx, row.id, now))) throw new ServerError('ERR_ACCOUNT_TOKEN_INVALID');
    const at = now.toISOString();
    const current = await tx.kysely
      .selectFrom('users')
      .select('email_verified_at')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await tx.kysely
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        email_verified_at: current.email_verified_at ?? at,
        updated_at: at,
      })
      .where('id', '=', userId)
      .execute();
    const ended = await tx.kysely
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    await retireEmailTokens(tx, userId, 'reset-password', now);
    await recordAuditEvent(
      tx,
      {
        action: 'account.password-reset',
        ...auditedBy(origin),
        targetType: 'user',
        targetId: userId,
        details: { sessionsEnded: Number(ended.numDeletedRows) },
      },
      now,
    );
  });
  await clearRateLimit(db.kysely, signInAccountKey(user.email));
};
