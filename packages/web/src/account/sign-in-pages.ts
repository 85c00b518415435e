/**
 * Signing in and out: `GET/POST /sign-in` (e-mail and password, or a passkey with
 * account-passkeys.js), `GET/POST /sign-in/second-factor` (a TOTP code, a recovery code or a
 * passkey) and `POST /sign-out`. The API sets and clears the session cookie; its Set-Cookie is
 * copied onto the page's answer. `next` is kept through the steps and is always a local path.
 */
import type { FastifyInstance } from 'fastify';
import { csrfInput, fieldErrors, renderErrorSummary, renderField } from '../kit/forms.js';
import { html } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import {
  openPage,
  redirectTo,
  sendHtml,
  type Page,
  type SessionView,
  type WebContext,
} from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  copySetCookie,
  formStatus,
  isPageError,
  nextPath,
  nextQuery,
  optionalCsrfInput,
  passkeyData,
  posted,
  postedCsrf,
  sendApiErrorPage,
} from './account-shared.js';
import { signInText as t } from './sign-in-texts.js';

const SCRIPTS = ['account-passkeys.js'];
const STYLES = ['account.css'];

const renderSignIn = (
  page: Page,
  values: { readonly email: string },
  errors: Readonly<Record<string, string>>,
) => {
  const l = page.language;
  const next = nextPath(page);
  return renderLayout(page, {
    title: t(l, 'signInTitle'),
    styles: STYLES,
    scripts: SCRIPTS,
    body: html`<h1>${t(l, 'signInTitle')}</h1>
      <p>${t(l, 'signInLead')}</p>
      ${renderErrorSummary(l, errors)}
      <form
        method="post"
        action="/sign-in${nextQuery(next)}"
        class="stack"
        novalidate
        data-testid="sign-in-form"
      >
        ${optionalCsrfInput(page)}
        ${renderField({ name: 'email', label: t(l, 'email'), type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'username' })}
        ${renderField({ name: 'password', label: t(l, 'password'), type: 'password', error: errors.password, required: true, autocomplete: 'current-password' })}
        <p class="actions">
          <button type="submit" data-testid="sign-in-submit">${t(l, 'signInButton')}</button>
        </p>
      </form>
      <div class="passkey-area" data-passkey-area hidden>
        <p>
          <button
            type="button"
            class="secondary"
            data-passkey="sign-in"
            data-next="${next}"
            data-error-text="${t(l, 'passkeyFailed')}"
            data-testid="passkey-sign-in"
            ${passkeyData(page)}
          >
            ${t(l, 'passkeySignIn')}
          </button>
        </p>
        <p class="field-error" role="alert" data-passkey-error hidden></p>
      </div>
      <p><a href="/forgot-password">${t(l, 'forgotLink')}</a></p>
      <p>${t(l, 'noAccount')} <a href="/sign-up">${t(l, 'signUpLink')}</a></p>`,
  });
};

const renderSecondFactor = (
  page: Page,
  session: SessionView,
  errors: Readonly<Record<string, string>>,
) => {
  const l = page.language;
  const next = nextPath(page);
  const passkey = session.secondFactor.methods.includes('passkey');
  return renderLayout(page, {
    title: t(l, 'secondFactorTitle'),
    styles: STYLES,
    scripts: passkey ? SCRIPTS : [],
    body: html`<h1>${t(l, 'secondFactorTitle')}</h1>
      <p>${t(l, 'secondFactorLead')}</p>
      ${renderErrorSummary(l, errors)}
      <form
        method="post"
        action="/sign-in/second-factor${nextQuery(next)}"
        class="stack"
        novalidate
        data-testid="second-factor-form"
      >
        ${csrfInput(session)}
        ${renderField({ name: 'code', label: t(l, 'code'), hint: t(l, 'codeHint'), error: errors.code, required: true, autocomplete: 'one-time-code', maxlength: 64, attributes: html` autocapitalize="off" spellcheck="false"` })}
        <p class="actions">
          <button type="submit" data-testid="second-factor-submit">${t(l, 'verifyButton')}</button>
        </p>
      </form>
      ${
        passkey &&
        html`<div class="passkey-area" data-passkey-area hidden>
          <p>
            <button
              type="button"
              class="secondary"
              data-passkey="second-factor"
              data-next="${next}"
              data-error-text="${t(l, 'passkeyFailed')}"
              data-testid="passkey-second-factor"
              ${passkeyData(page)}
            >
              ${t(l, 'passkeySecondFactor')}
            </button>
          </p>
          <p class="field-error" role="alert" data-passkey-error hidden></p>
        </div>`
      }
      <form method="post" action="/sign-out" class="inline">
        ${csrfInput(session)}<button type="submit" class="link">${t(l, 'cancelSignIn')}</button>
      </form>`,
  });
};

interface SignedIn {
  readonly secondFactor: { readonly status: string };
}

export const registerSignInPages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/sign-in', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const { session } = page;
    if (session !== undefined) {
      const next = nextPath(page);
      return session.secondFactor.status === 'required'
        ? redirectTo(page, `/sign-in/second-factor${nextQuery(next)}`)
        : redirectTo(page, next);
    }
    return sendHtml(page, renderSignIn(page, { email: '' }, {}));
  });

  app.post('/sign-in', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const email = posted(page, 'email');
    const answer = await page.api<SignedIn>('POST', '/api/v1/session', {
      json: { email, password: posted(page, 'password') },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      // The API's message names neither field: it never tells which one was wrong.
      const errors = fieldErrors(answer.error);
      return sendHtml(page, renderSignIn(page, { email }, errors), formStatus(answer));
    }
    copySetCookie(page, answer);
    const next = nextPath(page);
    return answer.body.secondFactor.status === 'required'
      ? redirectTo(page, `/sign-in/second-factor${nextQuery(next)}`)
      : redirectTo(page, next);
  });

  app.get('/sign-in/second-factor', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const { session } = page;
    const next = nextPath(page);
    if (session === undefined) return redirectTo(page, `/sign-in${nextQuery(next)}`);
    if (session.secondFactor.status !== 'required') return redirectTo(page, next);
    return sendHtml(page, renderSecondFactor(page, session, {}));
  });

  app.post('/sign-in/second-factor', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const { session } = page;
    const next = nextPath(page);
    if (session === undefined) return redirectTo(page, `/sign-in${nextQuery(next)}`);
    if (session.secondFactor.status !== 'required') return redirectTo(page, next);
    const code = posted(page, 'code').trim();
    const totp = /^\d{6}$/.test(code.replace(/\s/g, ''));
    const answer = await page.api('POST', '/api/v1/session/second-factor', {
      json: totp
        ? { method: 'totp', code: code.replace(/\s/g, '') }
        : { method: 'recovery-code', code },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      const errors = fieldErrors(answer.error);
      const byField = errors[''] === undefined ? errors : { code: errors[''] };
      return sendHtml(page, renderSecondFactor(page, session, byField), formStatus(answer));
    }
    copySetCookie(page, answer);
    return redirectTo(page, next);
  });

  app.post('/sign-out', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const answer = await page.api('DELETE', '/api/v1/session', { csrfToken: postedCsrf(page) });
    if (!answer.ok) return sendApiErrorPage(page, answer);
    copySetCookie(page, answer);
    return redirectTo(page, '/');
  });
};
