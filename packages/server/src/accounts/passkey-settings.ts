/**
 * The signed-in user's passkeys: list, add (the current password first, then the browser's
 * registration), remove. Adding the first second factor issues ten recovery codes (shown once)
 * and counts as this session's second factor. Audited (`account.passkey-added`,
 * `account.passkey-removed`); the owner is told by e-mail.
 */
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { secondFactorAddedMail, secondFactorRemovedMail } from '../mail/account-mail-templates.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { AccountMail } from './account-mail.js';
import { checkCurrentPassword } from './check-current-password.js';
import { markSecondFactorGiven } from './complete-second-factor.js';
import type { UserActor } from './guard-second-factor.js';
import { finishPasskeyRegistration, startPasskeyRegistration } from './passkey-registration.js';
import type { Passkey, RegistrationResponse } from './passkey-schemas.js';
import { hasSecondFactor, readAccountSummary, type UserRow } from './present-account.js';
import { replaceRecoveryCodes } from './recovery-codes.js';
import { settleSecondFactors } from './settle-second-factors.js';
import type { RelyingParty } from './webauthn-challenges.js';

export const listPasskeys = async (db: Database, userId: string): Promise<Passkey[]> => {
  const rows = await db.kysely
    .selectFrom('passkeys')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }));
};

export const startAddingPasskey = async (
  db: Database,
  user: UserRow,
  password: string,
  rp: RelyingParty,
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> => {
  await checkCurrentPassword(db, user, password, now);
  return startPasskeyRegistration(db, user, rp, now);
};

export const addPasskey = async (
  db: Database,
  actor: UserActor,
  input: { readonly name: string; readonly response: RegistrationResponse },
  origin: CommandOrigin,
  rp: RelyingParty,
  mail: AccountMail,
): Promise<{ passkey: Passkey; recoveryCodes?: string[] }> => {
  const { now } = origin;
  const summary = await readAccountSummary(db, actor.userId);
  const { user } = summary;
  const passkey = await finishPasskeyRegistration(db, user, input, rp, now);
  const issueCodes = !hasSecondFactor(summary) || summary.recoveryCodesLeft === 0;
  const recoveryCodes = await runInTransaction(db, async (tx) => {
    // The authenticator just used is this session's second factor.
    await markSecondFactorGiven(tx, actor.sessionId, now);
    const codes = issueCodes ? await replaceRecoveryCodes(tx, user.id, now) : undefined;
    await recordAuditEvent(
      tx,
      {
        action: 'account.passkey-added',
        ...auditedBy(origin),
        targetType: 'passkey',
        targetId: passkey.id,
        details: { userId: user.id, name: passkey.name, recoveryCodesIssued: codes !== undefined },
      },
      now,
    );
    return codes;
  });
  mail.queue(user, (locale) =>
    secondFactorAddedMail(locale, {
      displayName: user.display_name,
      kind: 'passkey',
      name: passkey.name,
      at: now,
    }),
  );
  return recoveryCodes === undefined ? { passkey } : { passkey, recoveryCodes };
};

export const removePasskey = async (
  db: Database,
  actor: UserActor,
  passkeyId: string,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<void> => {
  const { now } = origin;
  const { user } = await readAccountSummary(db, actor.userId);
  const removed = await runInTransaction(db, async (tx) => {
    const row = await tx.kysely
      .deleteFrom('passkeys')
      .where('id', '=', passkeyId)
      .where('user_id', '=', user.id)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (row === undefined) throw new ServerError('ERR_ACCOUNT_PASSKEY_NOT_FOUND');
    await settleSecondFactors(tx, user.id, actor.sessionId);
    await recordAuditEvent(
      tx,
      {
        action: 'account.passkey-removed',
        ...auditedBy(origin),
        targetType: 'passkey',
        targetId: row.id,
        details: { userId: user.id, name: row.name },
      },
      now,
    );
    return row;
  });
  mail.queue(user, (locale) =>
    secondFactorRemovedMail(locale, {
      displayName: user.display_name,
      kind: 'passkey',
      name: removed.name,
      at: now,
    }),
  );
};
