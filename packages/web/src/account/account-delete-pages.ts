/**
 * Deleting the account (APPI's right to deletion, ADR 0010): `GET /account/delete` says what is
 * deleted and what stays with the issuers, offers the wallet export first, and asks for the
 * password (or, for a passkey-only account, relies on this sign-in's second factor, the API's
 * rule) and a ticked confirmation; `POST /account/delete` calls `DELETE /api/v1/account`, passes
 * on the cleared session cookie and shows `/account/deleted`. A refusal (the last administrator
 * of an organisation, the only operator) is shown plainly with what to do.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiError } from '../kit/api.js';
import {
  csrfInput,
  fieldErrors,
  renderCheckbox,
  renderErrorSummary,
  renderField,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import {
  openPage,
  redirectTo,
  requireSignedIn,
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
  posted,
  postedCsrf,
  sendApiErrorPage,
} from './account-shared.js';
import { deleteText as t } from './account-delete-texts.js';
import { errorsAt } from './account-settings-pages.js';

const STYLES = ['account.css', 'wallet-public.css'] as const;

interface State {
  readonly errors?: FieldErrors;
  /** The API refused the deletion for a reason no field can fix (last admin, only operator). */
  readonly refusal?: ApiError;
}

const renderRefusal = (page: Page, refusal: ApiError): SafeHtml => {
  const l = page.language;
  const lastAdmin = refusal.code.endsWith('LAST_ADMIN');
  return html`<div class="error-summary" role="alert" tabindex="-1" data-testid="delete-refused">
    <h2>${t(l, 'lastAdminTitle')}</h2>
    <p data-code="${refusal.code}">${refusal.message}</p>
    ${
      lastAdmin &&
      html`<p>${t(l, 'lastAdminHelp')} <a href="/console">${t(l, 'consoleLink')}</a></p>`
    }
  </div>`;
};

const renderDelete = (page: Page, session: SessionView, state: State): SafeHtml => {
  const l = page.language;
  const errors = state.errors ?? {};
  return renderLayout(page, {
    title: t(l, 'title'),
    section: 'account',
    styles: STYLES,
    body: html`<p class="back-link"><a href="/account">${t(l, 'cancel')}</a></p>
      <h1>${t(l, 'title')}</h1>
      ${state.refusal !== undefined && renderRefusal(page, state.refusal)}
      <p class="lead">${t(l, 'lead')}</p>
      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading">${t(l, 'exportTitle')}</h2>
        <p>${t(l, 'exportBody')}</p>
        <p>
          <a class="button secondary" href="/wallet/export" data-testid="export-link"
            >${t(l, 'exportLink')}</a
          >
        </p>
      </section>
      <section class="card" aria-labelledby="deleted-heading">
        <h2 id="deleted-heading">${t(l, 'deletedTitle')}</h2>
        <ul class="consequences" data-testid="deleted-list">
          <li>${t(l, 'deletedAccount')}</li>
          <li>${t(l, 'deletedWallet')}</li>
          <li>${t(l, 'deletedProfile')}</li>
          <li>${t(l, 'deletedLinks')}</li>
          <li>${t(l, 'deletedAddresses')}</li>
          <li>${t(l, 'deletedFactors')}</li>
          <li>${t(l, 'deletedMemberships')}</li>
        </ul>
        <h2>${t(l, 'keptTitle')}</h2>
        <p data-testid="kept">${t(l, 'keptBody')}</p>
      </section>
      <section class="card danger-zone" aria-labelledby="confirm-heading">
        <h2 id="confirm-heading">${t(l, 'confirmTitle')}</h2>
        ${renderErrorSummary(l, errors)}
        <form method="post" action="/account/delete" class="stack" novalidate data-testid="delete-form">
          ${csrfInput(session)}
          ${renderField({ name: 'password', label: t(l, 'password'), type: 'password', error: errors.password, hint: t(l, 'passwordHint'), autocomplete: 'current-password' })}
          ${errors['confirm-yes'] !== undefined && html`<p class="field-error" id="f-confirm-error">${errors['confirm-yes']}</p>`}
          ${renderCheckbox({ name: 'confirm', label: t(l, 'confirmCheck'), checked: false, value: 'yes' })}
          <p class="actions">
            <button type="submit" class="danger">${t(l, 'submit')}</button>
            <a href="/account">${t(l, 'cancel')}</a>
          </p>
        </form>
      </section>`,
  });
};

const renderGoodbye = (page: Page): SafeHtml => {
  const l = page.language;
  return renderLayout(page, {
    title: t(l, 'goodbyeTitle'),
    body: html`<h1 data-testid="goodbye">${t(l, 'goodbyeTitle')}</h1>
      <p>${t(l, 'goodbyeBody')}</p>
      <p>${t(l, 'goodbyeIssuers')}</p>
      <p><a href="/">${t(l, 'home')}</a></p>`,
  });
};

export const registerAccountDeletePages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/account/delete', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    return sendHtml(page, renderDelete(page, session, {}));
  });

  app.post('/account/delete', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    if (posted(page, 'confirm') !== 'yes') {
      const errors = { 'confirm-yes': t(page.language, 'confirmRequired') };
      return sendHtml(page, renderDelete(page, session, { errors }), 400);
    }
    // An account without a password sends none: the API then wants this session's second factor.
    const password = posted(page, 'password');
    const answer = await page.api('DELETE', '/api/v1/account', {
      json: password === '' ? {} : { password },
      csrfToken: postedCsrf(page),
    });
    if (answer.ok) {
      copySetCookie(page, answer);
      return redirectTo(page, '/account/deleted');
    }
    if (isPageError(answer)) return sendApiErrorPage(page, answer);
    const status = formStatus(answer);
    if (answer.status === 409 && answer.error !== undefined) {
      return sendHtml(page, renderDelete(page, session, { refusal: answer.error }), status);
    }
    const errors = errorsAt(fieldErrors(answer.error), 'password');
    return sendHtml(page, renderDelete(page, session, { errors }), status);
  });

  app.get('/account/deleted', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    return sendHtml(page, renderGoodbye(page));
  });
};
