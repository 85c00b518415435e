/**
 * When a session counts: its lifetimes, and the two per-route exceptions the authentication hook
 * knows about. A session ends 12 hours after its last request (idle) and 14 days after sign-in
 * (absolute), whichever comes first. A user who has a second factor (TOTP or a passkey) and has
 * not given it in this session is signed in "pending": only the routes that complete or end the
 * sign-in accept such a session; every other route answers ERR_AUTH_SECOND_FACTOR_REQUIRED.
 *
 * Routes opt in through their `config`:
 *
 *   app.post('/session/second-factor', { config: { allowPendingSecondFactor: true }, … }, …)
 *   app.post('/session', { config: { ignoreStaleSession: true }, … }, …)
 */

/** A session ends this long after its last request. */
export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** A session ends this long after sign-in, however active. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route accepts a session whose second factor is still owed (completing the sign-in,
     * reading the session, signing out). Default: such a session is refused.
     */
    readonly allowPendingSecondFactor?: boolean;
    /**
     * A session cookie that no longer identifies a live session (expired, signed out elsewhere)
     * makes the caller anonymous here instead of failing with 401: the routes that start a new
     * session or end one must work for a browser still holding an old cookie.
     */
    readonly ignoreStaleSession?: boolean;
    /**
     * A web page route: a browser form cannot send the `x-csrf-token` header, so the page takes
     * the token from the form and hands it on with every API call it makes — the API checks it
     * there. Pages never write anything themselves (`@akashi/web`, ADR 0008).
     */
    readonly csrfCheckedByApi?: boolean;
    /**
     * The route reads the `Authorization` header itself (OAuth 2.0: HTTP Basic client
     * authentication at the token endpoint, OAuth access tokens at the Open Badges API and
     * Badge Connect endpoints): the platform's session and API-key authentication is skipped and
     * the caller is anonymous to `authorize()`. Cookies are ignored too, so no CSRF can ride them.
     */
    readonly ownAuthorization?: boolean;
  }
}

export interface SessionTimes {
  readonly expiresAt: string;
  readonly lastSeenAt: string;
}

/** Whether the session has neither reached its absolute expiry nor been idle too long. */
export const isSessionLive = (session: SessionTimes, now: Date): boolean =>
  session.expiresAt > now.toISOString() &&
  Date.parse(session.lastSeenAt) + SESSION_IDLE_TIMEOUT_MS > now.getTime();

export interface SecondFactorState {
  readonly secondFactorAt: string | null;
  readonly totpEnabledAt: string | null;
  /** Whether the user has at least one passkey (SQLite answers 0/1, PostgreSQL a boolean). */
  readonly hasPasskey: boolean | number | string;
}

/** Whether the user must still give a second factor in this session. */
export const isSecondFactorPending = (state: SecondFactorState): boolean =>
  state.secondFactorAt === null &&
  (state.totpEnabledAt !== null || state.hasPasskey === true || Number(state.hasPasskey) === 1);

/**
 * The route config of routes any caller may use whatever their session's state (sign-up,
 * sign-in, password reset): an old cookie counts as none, a session owing its second factor is
 * accepted.
 */
export const ANY_SESSION_STATE = {
  ignoreStaleSession: true,
  allowPendingSecondFactor: true,
} as const;
