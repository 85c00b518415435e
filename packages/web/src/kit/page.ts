/**
 * What a page handler works with: the request's language and calendar preference, the session
 * (read through `GET /api/v1/session`), the API caller, and helpers to send HTML or redirect.
 * `openPage` is the first line of every page handler; `requireSignedIn` sends the browser to the
 * sign-in page (and back afterwards) when there is no session.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createApiCaller, type ApiCaller } from './api.js';
import { CALENDAR_COOKIE, type CalendarPreference } from './dates.js';
import type { SafeHtml } from './html.js';
import { pickPageLanguage, readCookie, type Language } from './language.js';

export interface WebContext {
  /** The root app: the API is called through its `inject`. */
  readonly app: FastifyInstance;
  /** `PUBLIC_URL` without a trailing slash. */
  readonly publicUrl: string;
}

export interface SessionAccount {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: Language;
  readonly emailVerified: boolean;
  readonly isOperator: boolean;
  readonly createdAt: string;
  readonly twoFactor: {
    readonly totp: boolean;
    readonly passkeys: number;
    readonly recoveryCodesLeft: number;
  };
}

export interface SessionView {
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly secondFactor: {
    readonly status: 'none' | 'required' | 'done';
    readonly methods: readonly string[];
  };
  readonly account: SessionAccount;
}

export interface Page {
  readonly web: WebContext;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly language: Language;
  readonly calendar: CalendarPreference;
  /** The session, or undefined when signed out (or the cookie is stale). */
  readonly session: SessionView | undefined;
  readonly api: ApiCaller;
  /** The request's path and query, to come back to after signing in. */
  readonly here: string;
}

export const openPage = async (
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Page> => {
  const query = request.query as Record<string, unknown> | undefined;
  const language = pickPageLanguage({
    query: typeof query?.lang === 'string' ? query.lang : undefined,
    cookieHeader: request.headers.cookie,
    acceptLanguage: request.headers['accept-language'],
  });
  const calendar: CalendarPreference =
    readCookie(request.headers.cookie, CALENDAR_COOKIE) === 'gregorian' ? 'gregorian' : 'wareki';
  const api = createApiCaller(web.app, request, language);
  let session: SessionView | undefined;
  if (readCookie(request.headers.cookie, 'akashi_session') !== undefined) {
    const answer = await api<SessionView>('GET', '/api/v1/session');
    session = answer.ok ? answer.body : undefined;
  }
  return { web, request, reply, language, calendar, session, api, here: request.url };
};

/** Sends a whole HTML document. */
export const sendHtml = (page: Page, document: SafeHtml, status = 200): FastifyReply =>
  page.reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', page.language)
    .send(document.value);

/** A 303 to a path on this platform (never elsewhere: `next` parameters come from users). */
export const redirectTo = (page: Page, path: string): FastifyReply =>
  page.reply.redirect(safeLocalPath(path), 303);

/** `path` when it is a path on this site, else `/`. */
export const safeLocalPath = (path: string | undefined): string =>
  path !== undefined && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
    ? path
    : '/';

/**
 * The session when signed in with every factor given; otherwise sends the browser to the sign-in
 * page (or to the second-factor step) and returns undefined.
 */
export const requireSignedIn = (page: Page): SessionView | undefined => {
  const { session } = page;
  if (session === undefined) {
    void redirectTo(page, `/sign-in?next=${encodeURIComponent(page.here)}`);
    return undefined;
  }
  if (session.secondFactor.status === 'required') {
    void redirectTo(page, `/sign-in/second-factor?next=${encodeURIComponent(page.here)}`);
    return undefined;
  }
  return session;
};
