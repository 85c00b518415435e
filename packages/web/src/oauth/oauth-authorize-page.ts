/**
 * `GET /oauth/authorize`: the authorization endpoint as a page (ADR 0011). Signed out, it offers
 * sign-in and sign-up that come back with the whole request (`next`); signed in, it asks the API
 * (`POST /api/v1/oauth/authorization-requests`) and either sends the browser on (an error the
 * application must receive), shows the consent screen, or shows what is wrong with a request
 * that cannot go back to the application (unknown client, unregistered redirect address).
 * `POST /oauth/authorize` hands the decision to the API (with the form's CSRF token) and sends
 * the browser to the address the API answers, with a code or `error=access_denied`.
 *
 * The consent screen's Content-Security-Policy lets its form lead to the application's redirect
 * address (`form-action 'self' <origin>`): browsers apply `form-action` to the redirect that
 * follows the form's POST, and the page-wide `'self'` would block the way back.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { PAGE_CONTENT_SECURITY_POLICY_VALUE } from '../kit/content-security-policy.js';
import { renderErrorPage } from '../kit/error-page.js';
import { formFields } from '../kit/forms.js';
import { openPage, requireSignedIn, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  renderConsentPage,
  renderRequestErrorPage,
  renderSignedOutPage,
} from './oauth-consent-view.js';
import { oauthText as t } from './oauth-texts.js';
import {
  AUTHORIZATION_PARAMETERS,
  type AuthorizationParameters,
  type OAuthAuthorizationAnswer,
  type OAuthDecisionAnswer,
} from './oauth-types.js';

/** The parameters of a request, or the name of one given more than once (RFC 6749 §3.1). */
const readParameters = (
  source: Readonly<Record<string, unknown>> | undefined,
): AuthorizationParameters | { readonly repeated: string } => {
  const parameters: AuthorizationParameters = {};
  for (const name of AUTHORIZATION_PARAMETERS) {
    const value = source?.[name];
    if (typeof value === 'string') parameters[name] = value;
    else if (Array.isArray(value)) return { repeated: name };
  }
  return parameters;
};

/**
 * The CSP source for a redirect address: its origin (http/https), or its scheme for an app's
 * own scheme; undefined for anything that is not safe to put in a header.
 */
export const formActionSource = (redirectUri: string | undefined): string | undefined => {
  if (redirectUri === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    return /^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(url.origin) ? url.origin : undefined;
  }
  return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) ? url.protocol : undefined;
};

/** The form target each consent screen answer allows, read by the route's `onSend` hook. */
const formTargets = new WeakMap<FastifyRequest, string>();

const CONSENT_ROUTE = {
  ...PAGE_ROUTE,
  // Route-level hooks run after the web app's own `onSend`, which sets the page-wide policy.
  onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const source = formTargets.get(request);
    if (source !== undefined) {
      void reply.header(
        'content-security-policy',
        PAGE_CONTENT_SECURITY_POLICY_VALUE.replace(
          "form-action 'self'",
          `form-action 'self' ${source}`,
        ),
      );
    }
    return Promise.resolve(payload);
  },
};

/** Errors a page cannot explain better than the generic error page. */
const isGenericError = (answer: ApiResponse): boolean =>
  answer.status >= 500 ||
  answer.error?.code === 'ERR_HTTP_CSRF' ||
  answer.error?.code === 'ERR_HTTP_UNAUTHENTICATED' ||
  answer.error?.code === 'ERR_AUTH_SECOND_FACTOR_REQUIRED';

/** What the API refused, shown on this platform: never a redirect. */
const sendRefusal = (page: Page, answer: ApiResponse): FastifyReply => {
  const status = answer.status >= 400 ? answer.status : 500;
  if (isGenericError(answer)) {
    return sendHtml(page, renderErrorPage(page, status, answer.error), status);
  }
  return sendHtml(
    page,
    renderRequestErrorPage(page, answer.error?.message, answer.error?.code),
    status,
  );
};

const sendRepeated = (page: Page, name: string): FastifyReply =>
  sendHtml(
    page,
    renderRequestErrorPage(page, t(page.language, 'repeatedParameter', { name }), undefined),
    400,
  );

export const registerAuthorizePage = (app: FastifyInstance, web: WebContext): void => {
  app.get('/oauth/authorize', CONSENT_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    if (page.session === undefined) return sendHtml(page, renderSignedOutPage(page));
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const parameters = readParameters(request.query as Record<string, unknown> | undefined);
    if ('repeated' in parameters) return sendRepeated(page, parameters.repeated);
    // Asking changes nothing; the session's own token lets the API take the cookie.
    const answer = await page.api<OAuthAuthorizationAnswer>(
      'POST',
      '/api/v1/oauth/authorization-requests',
      { json: parameters, csrfToken: session.csrfToken },
    );
    if (!answer.ok) return sendRefusal(page, answer);
    if (answer.body.kind === 'redirect') return reply.redirect(answer.body.redirectTo, 302);
    // The form carries the request as the API normalised it (what the screen shows).
    const checked = readParameters(answer.body.request);
    const hidden = 'repeated' in checked ? parameters : checked;
    const source = formActionSource(hidden.redirect_uri);
    if (source !== undefined) formTargets.set(request, source);
    return sendHtml(page, renderConsentPage(page, session, answer.body, hidden));
  });

  app.post('/oauth/authorize', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    if (requireSignedIn(page) === undefined) return reply;
    const fields = formFields(request);
    const parameters = readParameters(request.body as Record<string, unknown> | undefined);
    if ('repeated' in parameters) return sendRepeated(page, parameters.repeated);
    const decision = fields.decision;
    if (decision !== 'allow' && decision !== 'deny') {
      return sendHtml(page, renderErrorPage(page, 400, undefined), 400);
    }
    const answer = await page.api<OAuthDecisionAnswer>(
      'POST',
      '/api/v1/oauth/authorization-requests/decision',
      { json: { ...parameters, approve: decision === 'allow' }, csrfToken: fields._csrf },
    );
    if (!answer.ok) return sendRefusal(page, answer);
    // 303: the browser follows with a GET, never repeating the form (RFC 9700 §4.12).
    return reply.redirect(answer.body.redirectTo, 303);
  });
};
