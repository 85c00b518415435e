/**
 * The second step of a sign-in: a session that owes its second factor gets it with a current
 * TOTP code, an unused recovery code or a passkey assertion, and is then a full session
 * (`second_factor_at` set). Audited as `account.second-factor`; failures as in
 * `guard-second-factor.ts`.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { isServerError, ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { guardSecondFactor, type UserActor } from './guard-second-factor.js';
import type { AuthenticationResponse } from './passkey-schemas.js';
import { verifyPasskeyAssertion } from './passkey-authentication.js';
import { hasSecondFactor, readAccountSummary, type AccountSummary } from './present-account.js';
import { useRecoveryCode } from './recovery-codes.js';
import { acceptTotpCode } from './totp.js';
import type { RelyingParty } from './webauthn-challenges.js';

export type SecondFactorProof =
  | { readonly method: 'totp'; readonly code: string }
  | { readonly method: 'recovery-code'; readonly code: string }
  | { readonly method: 'passkey'; readonly response: AuthenticationResponse };

/** Sets the session's second factor as given now. */
export const markSecondFactorGiven = async (
  db: Database,
  sessionId: string,
  now: Date,
): Promise<void> => {
  await db.kysely
    .updateTable('sessions')
    .set({ second_factor_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('second_factor_at', 'is', null)
    .execute();
};

export const completeSecondFactor = async (
  db: Database,
  actor: UserActor,
  proof: SecondFactorProof,
  origin: CommandOrigin,
  rp: RelyingParty,
): Promise<AccountSummary> => {
  const { now } = origin;
  const summary = await readAccountSummary(db, actor.userId);
  if (actor.secondFactor || !hasSecondFactor(summary)) {
    throw new ServerError('ERR_AUTH_SECOND_FACTOR_NOT_PENDING');
  }
  const { user } = summary;
  await guardSecondFactor(
    db,
    user.id,
    origin,
    proof.method,
    async () => {
      switch (proof.method) {
        case 'totp':
          return user.totp_enabled_at !== null && acceptTotpCode(db, user, proof.code, now);
        case 'recovery-code':
          return useRecoveryCode(db, user.id, proof.code, now);
        case 'passkey':
          try {
            await verifyPasskeyAssertion(
              db,
              { userId: user.id, response: proof.response },
              rp,
              now,
            );
            return true;
          } catch (error) {
            if (isServerError(error) && error.code === 'ERR_AUTH_PASSKEY_INVALID') return false;
            throw error;
          }
      }
    },
    () => new ServerError('ERR_AUTH_SECOND_FACTOR_INVALID'),
  );
  await markSecondFactorGiven(db, actor.sessionId, now);
  await recordAuditEvent(
    db,
    {
      action: 'account.second-factor',
      ...auditedBy(origin),
      targetType: 'user',
      targetId: user.id,
      details: { method: proof.method },
    },
    now,
  );
  return readAccountSummary(db, user.id);
};
