/**
 * Starts a session for a user: a random token for the cookie (only its SHA-256 is stored), a
 * random CSRF token the single-page app repeats in `x-csrf-token`, and the absolute expiry.
 * `secondFactor` says whether the second factor was already given (a passkey sign-in) or is not
 * owed; a password sign-in of a user with 2FA starts with it unset.
 */
import type { Database } from '../db/open-database.js';
import { SESSION_LIFETIME_MS } from './session-rules.js';
import { createToken, hashToken } from './session-token.js';

export interface CreateSessionOptions {
  readonly userId: string;
  readonly secondFactor: boolean;
  readonly now: Date;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

export interface CreateSessionResult {
  /** The cookie value; never stored. */
  readonly token: string;
  /** The stored id (SHA-256 of the token), as `actor.sessionId` will carry it. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  /** When the second factor was given: now, or null when it is owed or not needed. */
  readonly secondFactorAt: string | null;
}

/** The user agent as stored: enough to tell sessions apart in a list, never a huge header. */
const MAX_USER_AGENT_LENGTH = 256;

export const createSession = async (
  db: Database,
  options: CreateSessionOptions,
): Promise<CreateSessionResult> => {
  const token = createToken();
  const csrfToken = createToken();
  const sessionId = hashToken(token);
  const now = options.now.toISOString();
  const expiresAt = new Date(options.now.getTime() + SESSION_LIFETIME_MS).toISOString();
  const secondFactorAt = options.secondFactor ? now : null;
  await db.kysely
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: options.userId,
      csrf_token: csrfToken,
      second_factor_at: secondFactorAt,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: options.ip ?? null,
      user_agent: options.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
    })
    .execute();
  return { token, sessionId, csrfToken, expiresAt, secondFactorAt };
};
