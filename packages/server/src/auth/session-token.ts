/**
 * Session cookies and API keys are random tokens; the database keeps only their SHA-256, so a
 * copy of the database cannot be replayed as credentials.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'akashi_session';
/** Cookie-authenticated writes must repeat the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-csrf-token';
/** API keys start with this, so that leaked keys are easy to recognise (secret scanning). */
export const API_KEY_PREFIX = 'akashi_';

export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

export const createToken = (): string => randomBytes(32).toString('base64url');

export const createApiKeyToken = (): string =>
  API_KEY_PREFIX + randomBytes(30).toString('base64url');
