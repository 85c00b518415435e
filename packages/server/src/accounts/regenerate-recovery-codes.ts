/**
 * A new set of ten recovery codes, replacing every earlier one (used or not). Needs the current
 * password and a second factor on the account. Audited as `account.recovery-codes-regenerated`;
 * the owner is told by e-mail.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { secondFactorAddedMail } from '../mail/account-mail-templates.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { AccountMail } from './account-mail.js';
import { checkCurrentPassword } from './check-current-password.js';
import { hasSecondFactor, readAccountSummary } from './present-account.js';
import { replaceRecoveryCodes } from './recovery-codes.js';

export const regenerateRecoveryCodes = async (
  db: Database,
  userId: string,
  password: string,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<string[]> => {
  const { now } = origin;
  const summary = await readAccountSummary(db, userId);
  const { user } = summary;
  await checkCurrentPassword(db, user, password, now);
  if (!hasSecondFactor(summary)) throw new ServerError('ERR_ACCOUNT_SECOND_FACTOR_MISSING');
  const codes = await runInTransaction(db, async (tx) => {
    const fresh = await replaceRecoveryCodes(tx, user.id, now);
    await recordAuditEvent(
      tx,
      {
        action: 'account.recovery-codes-regenerated',
        ...auditedBy(origin),
        targetType: 'user',
        targetId: user.id,
      },
      now,
    );
    return fresh;
  });
  mail.queue(user, (locale) =>
    secondFactorAddedMail(locale, {
      displayName: user.display_name,
      kind: 'recovery-codes',
      at: now,
    }),
  );
  return codes;
};
