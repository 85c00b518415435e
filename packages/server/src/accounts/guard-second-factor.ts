/**
 * Every check of a second factor (at sign-in, to confirm or disable TOTP) goes through here:
 * failures are limited per user (10 in 15 minutes, then 429 with Retry-After, so a 6-digit code
 * cannot be guessed), each is audited as `account.second-factor-failed`, and reaching the limit
 * as `account.locked`. A success clears the count.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Actor } from '../auth/actor.js';
import {
  clearRateLimit,
  hitRateLimit,
  readRateLimit,
  type RateLimitRule,
} from '../auth/rate-limit.js';
import { assertWithinRateLimit } from '../auth/rate-limited-error.js';
import type { Database } from '../db/open-database.js';
import type { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';

export const SECOND_FACTOR_FAILURES_PER_USER: RateLimitRule = {
  limit: 10,
  windowMs: 15 * 60 * 1000,
};

export type UserActor = Extract<Actor, { kind: 'user' }>;

export type SecondFactorAttempt = 'totp' | 'recovery-code' | 'passkey' | 'totp-or-recovery-code';

export const guardSecondFactor = async (
  db: Database,
  userId: string,
  origin: CommandOrigin,
  method: SecondFactorAttempt,
  attempt: () => Promise<boolean>,
  failure: () => ServerError,
): Promise<void> => {
  const { now } = origin;
  const key = `second-factor:user:${userId}`;
  assertWithinRateLimit(await readRateLimit(db.kysely, key, SECOND_FACTOR_FAILURES_PER_USER, now));
  if (await attempt()) {
    await clearRateLimit(db.kysely, key);
    return;
  }
  const state = await hitRateLimit(db.kysely, key, SECOND_FACTOR_FAILURES_PER_USER, now);
  const audited = { ...auditedBy(origin), targetType: 'user', targetId: userId };
  await recordAuditEvent(
    db,
    {
      action: 'account.second-factor-failed',
      ...audited,
      details: { method, failures: state.count },
    },
    now,
  );
  if (state.count === SECOND_FACTOR_FAILURES_PER_USER.limit) {
    await recordAuditEvent(
      db,
      {
        action: 'account.locked',
        ...audited,
        details: {
          factor: 'second',
          failures: state.count,
          until: new Date(now.getTime() + state.retryAfterSeconds * 1000).toISOString(),
        },
      },
      now,
    );
  }
  throw failure();
};
