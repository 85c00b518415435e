/**
 * What the account pages share: the API shapes they read, the `next` parameter (a local path
 * only), the CSRF field for forms that may be posted with or without a session, copying the
 * API's session cookie onto the page's answer, and the error page for API answers a form cannot
 * show next to its fields (a missing CSRF token, a session gone, a server failure).
 */
import type { FastifyReply } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { renderErrorPage } from '../kit/error-page.js';
import { csrfInput, formFields } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { safeLocalPath, sendHtml, type Page } from '../kit/page.js';

export interface PasskeyView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export interface TotpEnrolmentView {
  readonly secret: string;
  readonly uri: string;
}

export interface RecoveryCodesView {
  readonly recoveryCodes?: readonly string[];
}

/** `next` from the query when it is a path on this site, else `fallback`. */
export const nextPath = (page: Page, fallback = '/console'): string => {
  const query = page.request.query as Record<string, unknown> | undefined;
  const next = query?.next;
  return typeof next === 'string' && next !== '' && safeLocalPath(next) === next ? next : fallback;
};

/** `?next=…` for a link or a form's action ('' when `next` is the default). */
export const nextQuery = (next: string, fallback = '/console'): string =>
  next === fallback ? '' : `?next=${encodeURIComponent(next)}`;

/** The `token` query parameter, or '' when there is none. */
export const queryToken = (page: Page): string => {
  const query = page.request.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token : '';
};

/**
 * The CSRF field for forms anyone may post (sign-in, sign-up, reset): a browser that holds a
 * live session must repeat its token, one without needs none.
 */
export const optionalCsrfInput = (page: Page): SafeHtml | '' =>
  page.session === undefined ? '' : csrfInput(page.session);

/** The `_csrf` field of the posted form (undefined when absent). */
export const postedCsrf = (page: Page): string | undefined => formFields(page.request)._csrf;

/** Copies the API answer's Set-Cookie header(s) (the session cookie) onto the page's reply. */
export const copySetCookie = (page: Page, answer: ApiResponse): void => {
  const cookies = answer.headers['set-cookie'];
  if (cookies === undefined) return;
  const list = Array.isArray(cookies) ? cookies : [String(cookies)];
  const already = page.reply.getHeader('set-cookie');
  const before =
    already === undefined ? [] : Array.isArray(already) ? already.map(String) : [String(already)];
  void page.reply.header('set-cookie', [...before, ...list]);
};

/** Errors that no form can fix by its fields: shown as the error page instead. */
export const isPageError = (answer: ApiResponse): boolean =>
  answer.status >= 500 ||
  answer.error?.code === 'ERR_HTTP_CSRF' ||
  answer.error?.code === 'ERR_HTTP_UNAUTHENTICATED' ||
  answer.error?.code === 'ERR_AUTH_SECOND_FACTOR_REQUIRED';

/** The error page for an API answer, with its status (a 4xx shows the API's message). */
export const sendApiErrorPage = (page: Page, answer: ApiResponse): FastifyReply => {
  const status = answer.status >= 400 ? answer.status : 500;
  return sendHtml(page, renderErrorPage(page, status, answer.error), status);
};

/** A status for re-showing a form after the API refused it. */
export const formStatus = (answer: ApiResponse): number =>
  answer.status >= 400 && answer.status < 500 ? answer.status : 400;

/** The posted value of a field, trimmed of nothing (names are kept exactly as typed). */
export const posted = (page: Page, name: string): string => formFields(page.request)[name] ?? '';

/** Data attributes the passkey script reads: the CSRF token and the page's language. */
export const passkeyData = (page: Page): SafeHtml =>
  html` data-csrf="${page.session?.csrfToken ?? ''}" data-lang="${page.language}"`;
