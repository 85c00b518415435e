/**
 * Confirms an e-mail address with the token from the confirmation link: good once, for 48 hours,
 * and only for the address it was sent to. Audited as `account.email-verified`.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import {
  issueEmailToken,
  readEmailToken,
  useEmailToken,
  type EmailTokenCheck,
} from './email-tokens.js';
import { verifyEmailMail } from '../mail/account-mail-templates.js';
import type { AccountMail, MailRecipient } from './account-mail.js';

/** The row of a good token, or the error for a bad one. */
export const requireAccountToken = (
  check: EmailTokenCheck,
): Extract<EmailTokenCheck, { status: 'valid' }>['row'] => {
  if (check.status === 'expired') throw new ServerError('ERR_ACCOUNT_TOKEN_EXPIRED');
  if (check.status !== 'valid' || check.row.user_id === null) {
    throw new ServerError('ERR_ACCOUNT_TOKEN_INVALID');
  }
  return check.row;
};

export const verifyEmail = async (
  db: Database,
  token: string,
  origin: CommandOrigin,
): Promise<void> => {
  const row = requireAccountToken(await readEmailToken(db, token, 'verify-email', origin.now));
  const userId = row.user_id as string;
  await runInTransaction(db, async (tx) => {
    if (!(await useEmailToken(tx, row.id, origin.now))) {
      throw new ServerError('ERR_ACCOUNT_TOKEN_INVALID');
    }
    const user = await tx.kysely
      .selectFrom('users')
      .select(['email', 'email_verified_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (user?.email !== row.email) throw new ServerError('ERR_ACCOUNT_TOKEN_INVALID');
    if (user.email_verified_at !== null) return;
    const at = origin.now.toISOString();
    await tx.kysely
      .updateTable('users')
      .set({ email_verified_at: at, updated_at: at })
      .where('id', '=', userId)
      .execute();
    await recordAuditEvent(
      tx,
      {
        action: 'account.email-verified',
        ...auditedBy(origin),
        targetType: 'user',
        targetId: userId,
        details: { email: row.email },
      },
      origin.now,
    );
  });
};

/** Sends a new confirmation link to an account that has not confirmed its address yet. */
export const sendVerificationMail = async (
  db: Database,
  user: MailRecipient & { readonly id: string },
  now: Date,
  mail: AccountMail,
): Promise<void> => {
  const token = await issueEmailToken(db, {
    purpose: 'verify-email',
    userId: user.id,
    email: user.email,
    now,
  });
  const link = mail.link('/verify-email', token);
  mail.queue(
    user,
    (locale) => verifyEmailMail(locale, { displayName: user.display_name, link }),
    link,
  );
};
