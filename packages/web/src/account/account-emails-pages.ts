/**
 * The account's e-mail addresses (ADR 0010): `GET /account/emails` lists the sign-in address and
 * the added ones (confirmed or awaiting confirmation) with a form to add one (the API mails a
 * confirmation link); removing asks first (`/account/emails/{id}/remove`); the mailed link
 * `/account/emails/verify?token=…` shows a button, so that a mail scanner opening the link does
 * not spend the token, and its POST confirms, then tells how many badges joined the wallet.
 */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../kit/dates.js';
import {
  csrfInput,
  fieldErrors,
  renderErrorSummary,
  renderField,
  renderNotice,
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
  formStatus,
  isPageError,
  posted,
  postedCsrf,
  queryToken,
  sendApiErrorPage,
} from './account-shared.js';
import { emailsText as t } from './account-emails-texts.js';
import { errorsAt } from './account-settings-pages.js';

/** `GET /api/v1/account/emails`. */
export interface AccountEmails {
  readonly primary: { readonly email: string; readonly verified: boolean };
  readonly others: readonly {
    readonly id: string;
    readonly email: string;
    readonly verified: boolean;
    readonly createdAt: string;
  }[];
}

const STYLES = ['account.css', 'wallet-public.css'] as const;

const query = (page: Page): Record<string, unknown> =>
  (page.request.query as Record<string, unknown> | undefined) ?? {};

const doneMessage = (page: Page): SafeHtml | '' => {
  const l = page.language;
  const { done, added } = query(page);
  if (done === 'sent') return renderNotice(t(l, 'doneSent'));
  if (done === 'removed') return renderNotice(t(l, 'doneRemoved'));
  if (done !== 'verified') return '';
  const count = Number(added);
  const text = !Number.isInteger(count)
    ? t(l, 'doneVerified')
    : count === 0
      ? t(l, 'doneVerifiedNone')
      : count === 1
        ? t(l, 'doneVerifiedAddedOne')
        : t(l, 'doneVerifiedAdded', { count });
  return html`<div class="notice" role="status" data-testid="notice">
    ${text} <a href="/wallet" data-testid="open-wallet">${t(l, 'openWallet')}</a>
  </div>`;
};

const stateOf = (l: Page['language'], verified: boolean): SafeHtml =>
  html`<span class="pill ${verified ? 'ok' : 'warn'}" data-testid="address-state"
    >${t(l, verified ? 'verified' : 'pending')}</span
  >`;

const renderEmails = (
  page: Page,
  session: SessionView,
  emails: AccountEmails,
  form: { readonly email?: string; readonly errors?: FieldErrors },
): SafeHtml => {
  const l = page.language;
  const errors = form.errors ?? {};
  return renderLayout(page, {
    title: t(l, 'title'),
    section: 'account',
    styles: STYLES,
    body: html`<p class="back-link"><a href="/account">${t(l, 'backToAccount')}</a></p>
      <h1>${t(l, 'title')}</h1>
      ${doneMessage(page)}
      <p>${t(l, 'lead')}</p>
      <section class="card" aria-labelledby="primary-heading">
        <h2 id="primary-heading">${t(l, 'primaryTitle')}</h2>
        <p class="address-line">
          <span class="address" data-testid="primary-email">${emails.primary.email}</span>
          ${stateOf(l, emails.primary.verified)}
        </p>
        <p class="hint">${t(l, 'primaryNote')}</p>
      </section>
      <section class="card" aria-labelledby="others-heading">
        <h2 id="others-heading">${t(l, 'othersTitle')}</h2>
        ${
          emails.others.length === 0
            ? html`<p data-testid="no-addresses">${t(l, 'none')}</p>`
            : html`<ul class="address-list" data-testid="addresses">
              ${emails.others.map(
                (address) => html`<li data-testid="address" data-id="${address.id}">
                  <div class="address">
                    <strong>${address.email}</strong> ${stateOf(l, address.verified)}
                    <p class="hint">
                      ${t(l, 'addedOn', { date: formatDate(address.createdAt, l, page.calendar) })}
                    </p>
                    ${!address.verified && html`<p class="hint">${t(l, 'pendingHint')}</p>`}
                  </div>
                  <a
                    class="button secondary"
                    href="/account/emails/${encodeURIComponent(address.id)}/remove"
                    aria-label="${t(l, 'removeLabel', { email: address.email })}"
                    data-testid="remove-address"
                    >${t(l, 'remove')}</a
                  >
                </li>`,
              )}
            </ul>`
        }
      </section>
      <section class="card" aria-labelledby="add-heading">
        <h2 id="add-heading">${t(l, 'addTitle')}</h2>
        ${renderErrorSummary(l, errors)}
        <form method="post" action="/account/emails" class="stack" novalidate data-testid="add-email-form">
          ${csrfInput(session)}
          ${renderField({ name: 'email', label: t(l, 'addLabel'), type: 'email', value: form.email, error: errors.email, hint: t(l, 'addHint'), required: true, autocomplete: 'email', maxlength: 320 })}
          <p class="actions"><button type="submit">${t(l, 'addButton')}</button></p>
        </form>
      </section>`,
  });
};

const loadEmails = (page: Page) => page.api<AccountEmails>('GET', '/api/v1/account/emails');

const renderVerify = (
  page: Page,
  session: SessionView,
  token: string,
  error: string | undefined,
): SafeHtml => {
  const l = page.language;
  return renderLayout(page, {
    title: t(l, 'verifyTitle'),
    section: 'account',
    styles: STYLES,
    head: html`<meta name="referrer" content="no-referrer" />`,
    body: html`<h1>${t(l, 'verifyTitle')}</h1>
      ${error !== undefined && renderErrorSummary(l, { '': error })}
      ${
        token === ''
          ? html`<p>${t(l, 'verifyNoToken')}</p>`
          : html`<p>${t(l, 'verifyLead')}</p>
            <form method="post" action="/account/emails/verify" data-testid="verify-address-form">
              ${csrfInput(session)}
              <input type="hidden" name="token" value="${token}" />
              <p class="actions"><button type="submit">${t(l, 'verifyButton')}</button></p>
            </form>`
      }
      <p><a href="/account/emails">${t(l, 'backToEmails')}</a></p>`,
  });
};

export const registerAccountEmailsPages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/account/emails', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const emails = await loadEmails(page);
    if (!emails.ok) return sendApiErrorPage(page, emails);
    return sendHtml(page, renderEmails(page, session, emails.body, {}));
  });

  app.post('/account/emails', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const email = posted(page, 'email');
    const answer = await page.api('POST', '/api/v1/account/emails', {
      json: { email },
      csrfToken: postedCsrf(page),
    });
    if (answer.ok) return redirectTo(page, '/account/emails?done=sent');
    if (isPageError(answer)) return sendApiErrorPage(page, answer);
    const emails = await loadEmails(page);
    if (!emails.ok) return sendApiErrorPage(page, emails);
    const errors = errorsAt(fieldErrors(answer.error), 'email');
    return sendHtml(
      page,
      renderEmails(page, session, emails.body, { email, errors }),
      formStatus(answer),
    );
  });

  app.get<{ Params: { id: string } }>(
    '/account/emails/:id/remove',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const session = requireSignedIn(page);
      if (session === undefined) return reply;
      const l = page.language;
      const emails = await loadEmails(page);
      if (!emails.ok) return sendApiErrorPage(page, emails);
      const address = emails.body.others.find((other) => other.id === request.params.id);
      const body =
        address === undefined
          ? html`<h1>${t(l, 'removeGoneTitle')}</h1>
              <p>${t(l, 'removeGoneBody')}</p>
              <p><a href="/account/emails">${t(l, 'backToEmails')}</a></p>`
          : html`<h1>${t(l, 'removeTitle')}</h1>
              <p><strong>${t(l, 'removeQuestion', { email: address.email })}</strong></p>
              <p>${t(l, 'removeExplain')}</p>
              <form
                method="post"
                action="/account/emails/${encodeURIComponent(address.id)}/remove"
                data-testid="remove-address-form"
              >
                ${csrfInput(session)}
                <p class="actions">
                  <button type="submit" class="danger">${t(l, 'removeConfirm')}</button>
                  <a href="/account/emails">${t(l, 'cancel')}</a>
                </p>
              </form>`;
      const document = renderLayout(page, {
        title: t(l, 'removeTitle'),
        section: 'account',
        styles: STYLES,
        body,
      });
      return sendHtml(page, document, address === undefined ? 404 : 200);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/account/emails/:id/remove',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const session = requireSignedIn(page);
      if (session === undefined) return reply;
      const answer = await page.api(
        'DELETE',
        `/api/v1/account/emails/${encodeURIComponent(request.params.id)}`,
        { csrfToken: postedCsrf(page) },
      );
      // An address already gone is what the visitor wanted.
      if (!answer.ok && answer.status !== 404) return sendApiErrorPage(page, answer);
      return redirectTo(page, '/account/emails?done=removed');
    },
  );

  app.get('/account/emails/verify', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    return sendHtml(page, renderVerify(page, session, queryToken(page), undefined));
  });

  app.post('/account/emails/verify', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const token = posted(page, 'token');
    const answer = await page.api<{ email: string; added: number }>(
      'POST',
      '/api/v1/account/emails/verify',
      { json: { token }, csrfToken: postedCsrf(page) },
    );
    if (answer.ok) {
      return redirectTo(page, `/account/emails?done=verified&added=${String(answer.body.added)}`);
    }
    if (isPageError(answer)) return sendApiErrorPage(page, answer);
    const message = answer.error?.message;
    return sendHtml(page, renderVerify(page, session, token, message), formStatus(answer));
  });
};
