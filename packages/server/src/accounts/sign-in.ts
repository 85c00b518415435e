/**
 * Signs in with an e-mail address and a password, and starts a session. When the account has a
 * second factor (TOTP or a passkey) the session starts with it owed (`second_factor_at` null):
 * it serves only the routes that complete or end the sign-in until one is given.
 *
 * An unknown address and a wrong password get the same answer, in the same time (a dummy hash is
 * checked). Attempts are limited per client address (every attempt counts) and per account
 * (failures count, keyed by the e-mail address so that unknown addresses behave the same): at the
 * limit the account is locked for the rest of the window (429 with Retry-After). The audit log
 * gets `account.sign-in-failed` for each failure, `account.locked` when the lock starts, and
 * `account.sign-in` on success.
 */
import type { Actor } from '../auth/actor.js';
import { ANONYMOUS } from '../auth/actor.js';
import { createSession, type CreateSessionResult } from '../auth/create-session.js';
import {
  clearRateLimit,
  hitRateLimit,
  readRateLimit,
  type RateLimitRule,
} from '../auth/rate-limit.js';
import { assertWithinRateLimit } from '../auth/rate-limited-error.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import type { AccountMail } from './account-mail.js';
import { normaliseEmail } from './email-address.js';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hash.js';
import { hasSecondFactor, readAccountSummary, type AccountSummary } from './present-account.js';
import { sendVerificationMail } from './verify-email.js';

export const SIGN_IN_PER_IP: RateLimitRule = { limit: 30, windowMs: 15 * 60 * 1000 };
export const SIGN_IN_FAILURES_PER_ACCOUNT: RateLimitRule = { limit: 10, windowMs: 15 * 60 * 1000 };
const VERIFICATION_MAILS_PER_USER: RateLimitRule = { limit: 3, windowMs: 60 * 60 * 1000 };

export const signInAccountKey = (email: string): string => `sign-in:account:${email}`;

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  readonly userAgent: string | null;
}

export interface SignInResult {
  readonly session: CreateSessionResult;
  readonly summary: AccountSummary;
}

const recordFailure = async (
  db: Database,
  email: string,
  userId: string | undefined,
  origin: CommandOrigin,
): Promise<void> => {
  const { now } = origin;
  const state = await hitRateLimit(
    db.kysely,
    signInAccountKey(email),
    SIGN_IN_FAILURES_PER_ACCOUNT,
    now,
  );
  const audited = {
    actor: ANONYMOUS,
    ...(origin.request === undefined ? {} : { request: origin.request }),
    ...(userId === undefined ? {} : { targetType: 'user', targetId: userId }),
  };
  await recordAuditEvent(
    db,
    {
      action: 'account.sign-in-failed',
      ...audited,
      details: {
        email,
        reason: userId === undefined ? 'unknown-account' : 'wrong-password',
        failures: state.count,
      },
    },
    now,
  );
  if (state.count === SIGN_IN_FAILURES_PER_ACCOUNT.limit) {
    await recordAuditEvent(
      db,
      {
        action: 'account.locked',
        ...audited,
        details: {
          email,
          failures: state.count,
          until: new Date(now.getTime() + state.retryAfterSeconds * 1000).toISOString(),
        },
      },
      now,
    );
  }
};

export const signIn = async (
  db: Database,
  input: SignInInput,
  origin: CommandOrigin,
  mail: AccountMail,
): Promise<SignInResult> => {
  const { now } = origin;
  const email = normaliseEmail(input.email);
  const ip = origin.request?.ip ?? 'local';
  assertWithinRateLimit(await hitRateLimit(db.kysely, `sign-in:ip:${ip}`, SIGN_IN_PER_IP, now));
  const accountKey = signInAccountKey(email);
  assertWithinRateLimit(
    await readRateLimit(db.kysely, accountKey, SIGN_IN_FAILURES_PER_ACCOUNT, now),
  );

  const user = await db.kysely
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  const passwordOk =
    user?.password_hash == null
      ? await verifyAgainstDummy(input.password)
      : await verifyPassword(input.password, user.password_hash);
  if (user === undefined || !passwordOk) {
    await recordFailure(db, email, user?.id, origin);
    throw new ServerError('ERR_AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled_at !== null) throw new ServerError('ERR_ACCOUNT_DISABLED');
  if (user.email_verified_at === null) {
    const mails = await hitRateLimit(
      db.kysely,
      `verify-mail:user:${user.id}`,
      VERIFICATION_MAILS_PER_USER,
      now,
    );
    if (!mails.exceeded) await sendVerificationMail(db, user, now, mail);
    throw new ServerError('ERR_ACCOUNT_EMAIL_UNVERIFIED');
  }
  await clearRateLimit(db.kysely, accountKey);
  if (user.password_hash !== null && needsRehash(user.password_hash)) {
    await db.kysely
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.password) })
      .where('id', '=', user.id)
      .execute();
  }

  // A new session every time (no fixation): the one the browser held, if any, ends.
  if (origin.actor.kind === 'user') {
    await db.kysely.deleteFrom('sessions').where('id', '=', origin.actor.sessionId).execute();
  }
  const summary = await readAccountSummary(db, user.id);
  const pending = hasSecondFactor(summary);
  const session = await createSession(db, {
    userId: user.id,
    secondFactor: false,
    now,
    ip: origin.request?.ip ?? null,
    userAgent: input.userAgent,
  });
  const actor: Actor = {
    kind: 'user',
    userId: user.id,
    isOperator: user.is_operator === 1,
    sessionId: session.sessionId,
    secondFactor: false,
  };
  await recordAuditEvent(
    db,
    {
      action: 'account.sign-in',
      actor,
      ...(origin.request === undefined ? {} : { request: origin.request }),
      targetType: 'user',
      targetId: user.id,
      details: { method: 'password', secondFactorPending: pending },
    },
    now,
  );
  return { session, summary };
};
