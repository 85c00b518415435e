/**
 * A forgotten password: `GET/POST /forgot-password` (an e-mail address) answers with the same
 * page whether or not the address has an account (`GET /forgot-password/sent`); the e-mailed
 * link opens `GET/POST /reset-password?token=` (a new password), then `GET /reset-password/done`.
 */
import type { FastifyInstance } from 'fastify';
import { fieldErrors, renderErrorSummary, renderField } from '../kit/forms.js';
import { html } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import { openPage, redirectTo, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
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

type Errors = Readonly<Record<string, string>>;

const renderForgot = (page: Page, email: string, errors: Errors) => {
  const l = page.language;
  return renderLayout(page, {
    title: t(l, 'forgotTitle'),
    body: html`<h1>${t(l, 'forgotTitle')}</h1>
      <p>${t(l, 'forgotLead')}</p>
      ${renderErrorSummary(l, errors)}
      <form
        method="post"
        action="/forgot-password"
        class="stack"
        novalidate
        data-testid="forgot-password-form"
      >
        ${optionalCsrfInput(page)}
        ${renderField({ name: 'email', label: t(l, 'email'), type: 'email', value: email, error: errors.email, required: true, autocomplete: 'email' })}
        <p class="actions"><button type="submit">${t(l, 'forgotButton')}</button></p>
      </form>`,
  });
};

const renderReset = (page: Page, token: string, errors: Errors) => {
  const l = page.language;
  if (token === '') {
    return renderMessagePage(page, {
      title: t(l, 'linkProblemTitle'),
      testid: 'reset-password-problem',
      body: html`<div class="warning" role="alert"><p>${t(l, 'missingToken')}</p></div>
        <p><a href="/forgot-password">${t(l, 'askNewLink')}</a></p>`,
    });
  }
  // A bad or expired link is not a field's fault: say so with a way to ask for a new one.
  const linkError = errors.token ?? errors[''];
  return renderLayout(page, {
    title: t(l, 'resetTitle'),
    body: html`<h1>${t(l, 'resetTitle')}</h1>
      ${renderErrorSummary(l, errors)}
      ${linkError !== undefined && html`<p><a href="/forgot-password">${t(l, 'askNewLink')}</a></p>`}
      <form
        method="post"
        action="/reset-password"
        class="stack"
        novalidate
        data-testid="reset-password-form"
      >
        ${optionalCsrfInput(page)}
        <input type="hidden" name="token" value="${token}" />
        ${renderField({ name: 'password', label: t(l, 'newPassword'), type: 'password', hint: t(l, 'passwordHint'), error: errors.password, required: true, autocomplete: 'new-password' })}
        <p class="actions"><button type="submit">${t(l, 'resetButton')}</button></p>
      </form>`,
  });
};

export const registerPasswordResetPages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/forgot-password', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    return sendHtml(page, renderForgot(page, '', {}));
  });

  app.post('/forgot-password', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const email = posted(page, 'email');
    const answer = await page.api('POST', '/api/v1/password-reset', {
      json: { email },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      return sendHtml(
        page,
        renderForgot(page, email, fieldErrors(answer.error)),
        formStatus(answer),
      );
    }
    return redirectTo(page, '/forgot-password/sent');
  });

  app.get('/forgot-password/sent', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const l = page.language;
    return sendHtml(
      page,
      renderMessagePage(page, {
        title: t(l, 'forgotSentTitle'),
        testid: 'forgot-password-sent',
        body: html`<p>${t(l, 'forgotSentBody')}</p>`,
      }),
    );
  });

  app.get('/reset-password', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const token = queryToken(page);
    return sendHtml(page, renderReset(page, token, {}), token === '' ? 400 : 200);
  });

  app.post('/reset-password', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const token = posted(page, 'token');
    const answer = await page.api('POST', '/api/v1/password-reset/confirm', {
      json: { token, password: posted(page, 'password') },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      return sendHtml(
        page,
        renderReset(page, token, fieldErrors(answer.error)),
        formStatus(answer),
      );
    }
    return redirectTo(page, '/reset-password/done');
  });

  app.get('/reset-password/done', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const l = page.language;
    return sendHtml(
      page,
      renderMessagePage(page, {
        title: t(l, 'resetDoneTitle'),
        testid: 'reset-password-done',
        body: html`<p>${t(l, 'resetDoneBody')}</p>
          <p><a class="button" href="/sign-in">${t(l, 'goSignIn')}</a></p>`,
      }),
    );
  });
};
