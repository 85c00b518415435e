/**
 * The session cookie as the browser receives it: HTTP-only (scripts never see the token),
 * SameSite=Lax, for the whole origin, `Secure` when the platform is served over https, and kept
 * no longer than the session's absolute lifetime.
 */
import { SESSION_COOKIE } from './session-token.js';
import { SESSION_LIFETIME_MS } from './session-rules.js';

export interface SessionCookieOptions {
  /** The platform's public origin: `Secure` is added when it is https. */
  readonly publicUrl: string;
}

const attributes = ({ publicUrl }: SessionCookieOptions): string =>
  `Path=/; HttpOnly; SameSite=Lax${publicUrl.startsWith('https:') ? '; Secure' : ''}`;

/** The Set-Cookie value that hands the browser a new session token. */
export const serializeSessionCookie = (token: string, options: SessionCookieOptions): string =>
  `${SESSION_COOKIE}=${token}; ${attributes(options)}; Max-Age=${Math.floor(SESSION_LIFETIME_MS / 1000)}`;

/** The Set-Cookie value that makes the browser forget the session cookie. */
export const serializeClearedSessionCookie = (options: SessionCookieOptions): string =>
  `${SESSION_COOKIE}=; ${attributes(options)}; Max-Age=0`;
