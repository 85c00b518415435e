/**
 * Asks a signed-in user for their current password again before a sensitive change (a new
 * password, new recovery codes). Wrong answers are limited per user, so that a stolen session
 * cannot be used to guess the password: ERR_ACCOUNT_PASSWORD_INCORRECT, then 429.
 */
import { hitRateLimit, readRateLimit, type RateLimitRule } from '../auth/rate-limit.js';
import { assertWithinRateLimit } from '../auth/rate-limited-error.js';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import { verifyAgainstDummy, verifyPassword } from './password-hash.js';
import type { UserRow } from './present-account.js';

export const PASSWORD_CHECKS_PER_USER: RateLimitRule = { limit: 5, windowMs: 15 * 60 * 1000 };

export const checkCurrentPassword = async (
  db: Database,
  user: Pick<UserRow, 'id' | 'password_hash'>,
  password: string,
  now: Date,
): Promise<void> => {
  const key = `password-check:user:${user.id}`;
  assertWithinRateLimit(await readRateLimit(db.kysely, key, PASSWORD_CHECKS_PER_USER, now));
  const ok =
    user.password_hash === null
      ? await verifyAgainstDummy(password)
      : await verifyPassword(password, user.password_hash);
  if (ok) return;
  await hitRateLimit(db.kysely, key, PASSWORD_CHECKS_PER_USER, now);
  throw new ServerError('ERR_ACCOUNT_PASSWORD_INCORRECT');
};
