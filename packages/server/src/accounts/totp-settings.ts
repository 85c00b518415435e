/**
 * Turning an authenticator app (TOTP) on and off. Enrolment starts with the current password
 * (a stolen session must not be able to lock the owner out with its own authenticator) and
 * hands out the secret, its otpauth URI and a QR code; a correct code confirms it. Enabling the
 * first second factor issues ten recovery codes (shown once). Disabling needs a current code or a
 * recovery code. Both are audited (`account.totp-enabled`, `account.totp-disabled`) and the
 * owner is told by e-mail.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { secondFactorAddedMail, secondFactorRemovedMail } from '../mail/account-mail-templates.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { AccountMail } from './account-mail.js';
import { checkCurrentPassword } from './check-current-password.js';
import { markSecondFactorGiven } from './complete-second-factor.js';
import { guardSecondFactor, type UserActor } from './guard-second-factor.js';
import { hasSecondFactor, readAccountSummary, type UserRow } from './present-account.js';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-codes.js';
import { settleSecondFactors } from './settle-second-factors.js';
import {
  acceptTotpCode,
  createTotpSecret,
  describeTotpEnrolment,
  type TotpEnrolment,
} from './totp.js';

export const startTotpEnrolment = async (
  db: Database,
  user: UserRow,
  password: string,
  origin: CommandOrigin,
  publicUrl: string,
): Promise<TotpEnrolment> => {
  if (user.totp_enabled_at !== null) throw new ServerError('ERR_ACCOUNT_TOTP_ALREADY_ENABLED');
  await checkCurrentPassword(db, user, password, origin.now);
  const secret = createTotpSecret();
  await db.kysely
    .updateTable('users')
    .set({ totp_secret: secret, totp_last_step: null, updated_at: origin.now.toISOString() })
    .where('id', '=', user.id)
    .execute();
  return describeTotpEnrolment(secret, { email: user.email, publicUrl });
};

export const confirmTotpEnrolment = async (
  db: Database,
  actor: UserActor,
  code: string,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<{ recoveryCodes?: string[] }> => {
  const { now } = origin;
  const summary = await readAccountSummary(db, actor.userId);
  const { user } = summary;
  if (user.totp_enabled_at !== null) throw new ServerError('ERR_ACCOUNT_TOTP_ALREADY_ENABLED');
  if (user.totp_secret === null) throw new ServerError('ERR_ACCOUNT_TOTP_NOT_ENROLLED');
  await guardSecondFactor(
    db,
    user.id,
    origin,
    'totp',
    () => acceptTotpCode(db, user, code, now),
    () => new ServerError('ERR_ACCOUNT_TOTP_CODE_INVALID'),
  );
  const issueCodes = !hasSecondFactor(summary) || summary.recoveryCodesLeft === 0;
  const recoveryCodes = await runInTransaction(db, async (tx) => {
    const at = now.toISOString();
    await tx.kysely
      .updateTable('users')
      .set({ totp_enabled_at: at, updated_at: at })
      .where('id', '=', user.id)
      .execute();
    // The code just given is this session's second factor.
    await markSecondFactorGiven(tx, actor.sessionId, now);
    const codes = issueCodes ? await replaceRecoveryCodes(tx, user.id, now) : undefined;
    await recordAuditEvent(
      tx,
      {
        action: 'account.totp-enabled',
        ...auditedBy(origin),
        targetType: 'user',
        targetId: user.id,
        details: { recoveryCodesIssued: codes !== undefined },
      },
      now,
    );
    return codes;
  });
  mail.queue(user, (locale) =>
    secondFactorAddedMail(locale, { displayName: user.display_name, kind: 'totp', at: now }),
  );
  return recoveryCodes === undefined ? {} : { recoveryCodes };
};

export const disableTotp = async (
  db: Database,
  actor: UserActor,
  code: string,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<void> => {
  const { now } = origin;
  const { user } = await readAccountSummary(db, actor.userId);
  if (user.totp_enabled_at === null) throw new ServerError('ERR_ACCOUNT_TOTP_NOT_ENROLLED');
  await guardSecondFactor(
    db,
    user.id,
    origin,
    'totp-or-recovery-code',
    async () =>
      (await acceptTotpCode(db, user, code, now)) || useRecoveryCode(db, user.id, code, now),
    () => new ServerError('ERR_ACCOUNT_TOTP_CODE_INVALID'),
  );
  await runInTransaction(db, async (tx) => {
    await tx.kysely
      .updateTable('users')
      .set({
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    await settleSecondFactors(tx, user.id, actor.sessionId);
    await recordAuditEvent(
      tx,
      {
        action: 'account.totp-disabled',
        ...auditedBy(origin),
        targetType: 'user',
        targetId: user.id,
      },
      now,
    );
  });
  mail.queue(user, (locale) =>
    secondFactorRemovedMail(locale, { displayName: user.display_name, kind: 'totp', at: now }),
  );
};
