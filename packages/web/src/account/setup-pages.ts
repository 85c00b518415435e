/**
 * First run: the set-up link the server prints (`/setup?token=`) opens `GET /setup`, which checks
 * the link with the API and shows the form for the platform operator's account (or says the link
 * is used or expired); `POST /setup` creates the operator, signs them in and goes to `/operator`.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { fieldErrors, renderErrorSummary, renderField } from '../kit/forms.js';
import { html } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import { openPage, redirectTo, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  copySetCookie,
  formStatus,
  isPageError,
  optionalCsrfInput,
  posted,
  postedCsrf,
  queryToken,
  sendApiErrorPage,
} from './account-shared.js';
import { signInText as t } from './sign-in-texts.js';
import { renderMessagePage } from './sign-up-pages.js';

type Values = Readonly<Record<'displayName' | 'email', string>>;

const LINK_ERRORS = new Set(['ERR_SETUP_TOKEN_INVALID', 'ERR_SETUP_ALREADY_DONE']);

/** Whether the API refused the link itself (bad, used, expired, or an operator exists). */
const isLinkError = (answer: ApiResponse): boolean =>
  LINK_ERRORS.has(answer.error?.code ?? '') ||
  (answer.error?.fields ?? []).some((field) => field.path === '/token');

const renderInvalid = (page: Page, alreadyDone: boolean) => {
  const l = page.language;
  return renderMessagePage(page, {
    title: t(l, 'setupInvalidTitle'),
    testid: 'setup-invalid',
    body: html`<div class="warning" role="alert"><p>${t(l, 'setupInvalidBody')}</p></div>
      ${alreadyDone && html`<p><a href="/sign-in">${t(l, 'goSignIn')}</a></p>`}`,
  });
};

const renderSetup = (
  page: Page,
  token: string,
  values: Values,
  errors: Readonly<Record<string, string>>,
) => {
  const l = page.language;
  return renderLayout(page, {
    title: t(l, 'setupTitle'),
    body: html`<h1>${t(l, 'setupTitle')}</h1>
      <p>${t(l, 'setupLead')}</p>
      ${renderErrorSummary(l, errors)}
      <form method="post" action="/setup" class="stack" novalidate data-testid="setup-form">
        ${optionalCsrfInput(page)}
        <input type="hidden" name="token" value="${token}" />
        ${renderField({ name: 'displayName', label: t(l, 'displayName'), hint: t(l, 'displayNameHint'), value: values.displayName, error: errors.displayName, required: true, autocomplete: 'name', maxlength: 200 })}
        ${renderField({ name: 'email', label: t(l, 'email'), type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'email' })}
        ${renderField({ name: 'password', label: t(l, 'password'), type: 'password', hint: t(l, 'passwordHint'), error: errors.password, required: true, autocomplete: 'new-password' })}
        <p class="actions">
          <button type="submit" data-testid="setup-submit">${t(l, 'setupButton')}</button>
        </p>
      </form>`,
  });
};

export const registerSetupPages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/setup', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const token = queryToken(page);
    if (token === '') return sendHtml(page, renderInvalid(page, false), 400);
    const answer = await page.api('GET', `/api/v1/setup?token=${encodeURIComponent(token)}`);
    if (!answer.ok) {
      if (!isLinkError(answer)) return sendApiErrorPage(page, answer);
      const alreadyDone = answer.error?.code === 'ERR_SETUP_ALREADY_DONE';
      return sendHtml(page, renderInvalid(page, alreadyDone), formStatus(answer));
    }
    return sendHtml(page, renderSetup(page, token, { displayName: '', email: '' }, {}));
  });

  app.post('/setup', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const token = posted(page, 'token');
    const values = { displayName: posted(page, 'displayName'), email: posted(page, 'email') };
    const answer = await page.api('POST', '/api/v1/setup', {
      json: { token, ...values, password: posted(page, 'password'), locale: page.language },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      if (isLinkError(answer)) {
        const alreadyDone = answer.error?.code === 'ERR_SETUP_ALREADY_DONE';
        return sendHtml(page, renderInvalid(page, alreadyDone), formStatus(answer));
      }
      return sendHtml(
        page,
        renderSetup(page, token, values, fieldErrors(answer.error)),
        formStatus(answer),
      );
    }
    copySetCookie(page, answer);
    return redirectTo(page, '/operator');
  });
};
