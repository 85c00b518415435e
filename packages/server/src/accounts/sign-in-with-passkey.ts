/**
 * Signing in with a passkey alone (no e-mail, no password): the authenticator offers one of its
 * discoverable credentials, verified with user verification (PIN or biometrics), which makes the
 * session's second factor given at once. Limited per client address like password sign-ins;
 * audited as `account.sign-in` with method `passkey` (failures as `account.sign-in-failed`).
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { ANONYMOUS, type Actor } from '../auth/actor.js';
import { createSession, type CreateSessionResult } from '../auth/create-session.js';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import { assertWithinRateLimit } from '../auth/rate-limited-error.js';
import type { Database } from '../db/open-database.js';
import { isServerError, ServerError } from '../http/server-error.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import { startPasskeyAuthentication, verifyPasskeyAssertion } from './passkey-authentication.js';
import type { AuthenticationResponse } from './passkey-schemas.js';
import { readAccountSummary, type AccountSummary } from './present-account.js';
import { SIGN_IN_PER_IP } from './sign-in.js';
import type { RelyingParty } from './webauthn-challenges.js';

export const PASSKEY_OPTIONS_PER_IP: RateLimitRule = { limit: 60, windowMs: 15 * 60 * 1000 };

/** Options for a passkey sign-in; limited per client address (each stores a challenge). */
export const startPasskeySignIn = async (
  db: Database,
  origin: CommandOrigin,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> => {
  const ip = origin.request?.ip ?? 'local';
  assertWithinRateLimit(
    await hitRateLimit(db.kysely, `passkey-options:ip:${ip}`, PASSKEY_OPTIONS_PER_IP, origin.now),
  );
  return startPasskeyAuthentication(db, null, rp, origin.now);
};

export const signInWithPasskey = async (
  db: Database,
  input: { readonly response: AuthenticationResponse; readonly userAgent: string | null },
  origin: CommandOrigin,
  rp: RelyingParty,
): Promise<{ session: CreateSessionResult; summary: AccountSummary }> => {
  const { now } = origin;
  const ip = origin.request?.ip ?? 'local';
  assertWithinRateLimit(await hitRateLimit(db.kysely, `sign-in:ip:${ip}`, SIGN_IN_PER_IP, now));
  let userId: string;
  try {
    ({ userId } = await verifyPasskeyAssertion(
      db,
      { userId: null, response: input.response },
      rp,
      now,
    ));
  } catch (error) {
    if (isServerError(error) && error.code === 'ERR_AUTH_PASSKEY_INVALID') {
      await recordAuditEvent(
        db,
        {
          action: 'account.sign-in-failed',
          actor: ANONYMOUS,
          ...(origin.request === undefined ? {} : { request: origin.request }),
          details: { reason: 'passkey-invalid', credentialId: input.response.id.slice(0, 128) },
        },
        now,
      );
    }
    throw error;
  }
  const summary = await readAccountSummary(db, userId);
  if (summary.user.disabled_at !== null) throw new ServerError('ERR_ACCOUNT_DISABLED');
  if (summary.user.email_verified_at === null)
    throw new ServerError('ERR_ACCOUNT_EMAIL_UNVERIFIED');
  if (origin.actor.kind === 'user') {
    await db.kysely.deleteFrom('sessions').where('id', '=', origin.actor.sessionId).execute();
  }
  const session = await createSession(db, {
    userId,
    secondFactor: true,
    now,
    ip: origin.request?.ip ?? null,
    userAgent: input.userAgent,
  });
  const actor: Actor = {
    kind: 'user',
    userId,
    isOperator: summary.user.is_operator === 1,
    sessionId: session.sessionId,
    secondFactor: true,
  };
  await recordAuditEvent(
    db,
    {
      action: 'account.sign-in',
      actor,
      ...(origin.request === undefined ? {} : { request: origin.request }),
      targetType: 'user',
      targetId: userId,
      details: { method: 'passkey' },
    },
    now,
  );
  return { session, summary };
};
