/**
 * Creating an account: `GET/POST /sign-up` (display name, e-mail, password; e-mails in the
 * page's language), `GET /sign-up/sent` ("check your e-mail"), and the link the e-mail carries:
 * `GET /verify-email?token=` shows a confirm button (a POST, so that mail scanners opening the
 * link do not use the token up), `POST /verify-email` confirms, `GET /verify-email/done`.
 * A `?next=` (a claim link that sent the visitor here) is kept through sign-up to the "check
 * your e-mail" page, whose sign-in link then comes back to it.
 */
import type { FastifyInstance } from 'fastify';
import { fieldErrors, renderErrorSummary, renderField } from '../kit/forms.js';
import { html, type HtmlValue } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import { openPage, redirectTo, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  formStatus,
  isPageError,
  nextPath,
  nextQuery,
  optionalCsrfInput,
  posted,
  postedCsrf,
  queryToken,
  sendApiErrorPage,
} from './account-shared.js';
import { signInText as t } from './sign-in-texts.js';

type Values = Readonly<Record<'displayName' | 'email', string>>;

const renderSignUp = (page: Page, values: Values, errors: Readonly<Record<string, string>>) => {
  const l = page.language;
  // A page that sent the visitor here to sign up (a claim link) is where sign-in goes after.
  const next = nextQuery(nextPath(page));
  return renderLayout(page, {
    title: t(l, 'signUpTitle'),
    body: html`<h1>${t(l, 'signUpTitle')}</h1>
      <p>${t(l, 'signUpLead')}</p>
      ${renderErrorSummary(l, errors)}
      <form
        method="post"
        action="/sign-up${next}"
        class="stack"
        novalidate
        data-testid="sign-up-form"
      >
        ${optionalCsrfInput(page)}
        ${renderField({ name: 'displayName', label: t(l, 'displayName'), hint: t(l, 'displayNameHint'), value: values.displayName, error: errors.displayName, required: true, autocomplete: 'name', maxlength: 200 })}
        ${renderField({ name: 'email', label: t(l, 'email'), type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'email' })}
        ${renderField({ name: 'password', label: t(l, 'password'), type: 'password', hint: t(l, 'passwordHint'), error: errors.password, required: true, autocomplete: 'new-password' })}
        <p class="actions">
          <button type="submit" data-testid="sign-up-submit">${t(l, 'signUpButton')}</button>
        </p>
      </form>
      <p>${t(l, 'haveAccount')} <a href="/sign-in${next}">${t(l, 'goSignIn')}</a></p>`,
  });
};

/** A page with a heading, a message and what to do next. */
export const renderMessagePage = (
  page: Page,
  options: {
    readonly title: string;
    readonly body: HtmlValue;
    readonly testid: string;
  },
) =>
  renderLayout(page, {
    title: options.title,
    body: html`<section data-testid="${options.testid}">
      <h1>${options.title}</h1>
      ${options.body}
    </section>`,
  });

const renderVerify = (page: Page, token: string, problem: string | undefined) => {
  const l = page.language;
  if (problem !== undefined) {
    return renderMessagePage(page, {
      title: t(l, 'linkProblemTitle'),
      testid: 'verify-email-problem',
      body: html`<div class="warning" role="alert"><p>${problem}</p></div>
        <p><a href="/sign-in">${t(l, 'goSignIn')}</a></p>`,
    });
  }
  return renderLayout(page, {
    title: t(l, 'verifyTitle'),
    body: html`<h1>${t(l, 'verifyTitle')}</h1>
      <p>${t(l, 'verifyLead')}</p>
      <form method="post" action="/verify-email" class="stack">
        ${optionalCsrfInput(page)}
        <input type="hidden" name="token" value="${token}" />
        <p class="actions">
          <button type="submit" data-testid="verify-email-confirm">${t(l, 'verifyConfirm')}</button>
        </p>
      </form>`,
  });
};

export const registerSignUpPages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/sign-up', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    return sendHtml(page, renderSignUp(page, { displayName: '', email: '' }, {}));
  });

  app.post('/sign-up', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const values = { displayName: posted(page, 'displayName'), email: posted(page, 'email') };
    const answer = await page.api('POST', '/api/v1/accounts', {
      json: { ...values, password: posted(page, 'password'), locale: page.language },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      return sendHtml(
        page,
        renderSignUp(page, values, fieldErrors(answer.error)),
        formStatus(answer),
      );
    }
    return redirectTo(page, `/sign-up/sent${nextQuery(nextPath(page))}`);
  });

  app.get('/sign-up/sent', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const l = page.language;
    const next = nextQuery(nextPath(page));
    return sendHtml(
      page,
      renderMessagePage(page, {
        title: t(l, 'signUpDoneTitle'),
        testid: 'sign-up-done',
        body: html`<p>${t(l, 'signUpDoneBody')}</p>
          ${
            next !== '' &&
            html`<p>${t(l, 'signUpDoneNext')}</p>
            <p>
              <a class="button" href="/sign-in${next}" data-testid="sign-up-continue"
                >${t(l, 'goSignIn')}</a
              >
            </p>`
          }`,
      }),
    );
  });

  app.get('/verify-email', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const token = queryToken(page);
    const problem = token === '' ? t(page.language, 'missingToken') : undefined;
    return sendHtml(page, renderVerify(page, token, problem), problem === undefined ? 200 : 400);
  });

  app.post('/verify-email', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const answer = await page.api('POST', '/api/v1/accounts/verify-email', {
      json: { token: posted(page, 'token') },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      const message =
        answer.error?.code === 'ERR_HTTP_VALIDATION'
          ? t(page.language, 'missingToken')
          : (answer.error?.message ?? '');
      return sendHtml(page, renderVerify(page, '', message), formStatus(answer));
    }
    return redirectTo(page, '/verify-email/done');
  });

  app.get('/verify-email/done', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const l = page.language;
    return sendHtml(
      page,
      renderMessagePage(page, {
        title: t(l, 'verifyDoneTitle'),
        testid: 'verify-email-done',
        body: html`<p>${t(l, 'verifyDoneBody')}</p>
          <p><a class="button" href="/sign-in">${t(l, 'goSignIn')}</a></p>`,
      }),
    );
  });
};
