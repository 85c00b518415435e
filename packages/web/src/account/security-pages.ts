/**
 * The routes of the two-step verification page: `GET /account/security`; the authenticator app
 * set-up (`POST /account/security/totp` with the current password → QR code, set-up key and a
 * code field → `POST /account/security/totp/confirm` → the recovery codes, shown once);
 * `POST /account/security/totp/disable`; new recovery codes (`GET/POST
 * /account/security/recovery-codes`); `POST /account/security/passkeys/:passkeyId/remove`.
 */
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import {
  csrfInput,
  fieldErrors,
  renderErrorSummary,
  renderField,
  type FieldErrors,
} from '../kit/forms.js';
import { html } from '../kit/html.js';
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
import { errorsAt } from './account-settings-pages.js';
import {
  formStatus,
  isPageError,
  posted,
  postedCsrf,
  sendApiErrorPage,
  type RecoveryCodesView,
  type TotpEnrolmentView,
} from './account-shared.js';
import { accountText as t } from './account-texts.js';
import { renderRecoveryCodes } from './recovery-codes-view.js';
import { sendSecurityPage } from './security-page.js';

const STYLES = ['account.css'];

/** The set-up key in groups of four, as authenticator apps show it. */
const groupKey = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

const renderTotpSetup = async (
  page: Page,
  session: SessionView,
  enrolment: TotpEnrolmentView,
  errors: FieldErrors,
) => {
  const l = page.language;
  const svg = await QRCode.toString(enrolment.uri, { type: 'svg', margin: 2 });
  const qr = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  return renderLayout(page, {
    title: t(l, 'totpSetupTitle'),
    section: 'account',
    styles: STYLES,
    body: html`<h1>${t(l, 'totpSetupTitle')}</h1>
      ${renderErrorSummary(l, errors)}
      <p>${t(l, 'totpScan')}</p>
      <p class="totp-qr">
        <img src="${qr}" alt="${t(l, 'totpQrAlt')}" width="240" height="240" data-testid="totp-qr" />
      </p>
      <p>${t(l, 'totpManual')}</p>
      <dl class="facts">
        <dt>${t(l, 'totpKey')}</dt>
        <dd>
          <code class="totp-secret" data-testid="totp-secret">${groupKey(enrolment.secret)}</code>
        </dd>
      </dl>
      <p>${t(l, 'totpEnterCode')}</p>
      <form
        method="post"
        action="/account/security/totp/confirm"
        class="stack"
        novalidate
        data-testid="totp-confirm-form"
      >
        ${csrfInput(session)}
        <input type="hidden" name="secret" value="${enrolment.secret}" />
        <input type="hidden" name="uri" value="${enrolment.uri}" />
        ${renderField({ name: 'code', label: t(l, 'code'), error: errors.code, required: true, autocomplete: 'one-time-code', inputmode: 'numeric', pattern: '[0-9 ]*', maxlength: 8 })}
        <p class="actions">
          <button type="submit" data-testid="totp-confirm">${t(l, 'totpConfirm')}</button>
        </p>
      </form>
      <p><a href="/account/security">${t(l, 'backToAccount')}</a></p>`,
  });
};

const renderCodesPage = (page: Page, title: string, codes: readonly string[]) =>
  renderLayout(page, {
    title,
    section: 'account',
    styles: STYLES,
    body: html`<h1>${title}</h1>
      ${renderRecoveryCodes(page.language, codes)}`,
  });

const renderRegenerate = (page: Page, session: SessionView, errors: FieldErrors) => {
  const l = page.language;
  return renderLayout(page, {
    title: t(l, 'recoveryRegenerate'),
    section: 'account',
    styles: STYLES,
    body: html`<h1>${t(l, 'recoveryRegenerate')}</h1>
      <p>${t(l, 'recoveryRegenerateLead')}</p>
      ${renderErrorSummary(l, errors)}
      <form method="post" action="/account/security/recovery-codes" class="stack" novalidate>
        ${csrfInput(session)}
        ${renderField({ name: 'password', label: t(l, 'currentPassword'), type: 'password', error: errors.password, required: true, autocomplete: 'current-password' })}
        <p class="actions">
          <button type="submit" data-testid="recovery-codes-regenerate">
            ${t(l, 'recoveryRegenerate')}
          </button>
        </p>
      </form>
      <p><a href="/account/security">${t(l, 'backToAccount')}</a></p>`,
  });
};

/** An otpauth URI carried through the confirm form (only ever shown back to its user). */
const isOtpauthUri = (uri: string): boolean => uri.startsWith('otpauth://totp/');

export const registerSecurityPages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/account/security', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    return sendSecurityPage(page, session);
  });

  app.post('/account/security/totp', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const answer = await page.api<TotpEnrolmentView>('POST', '/api/v1/account/totp', {
      json: { password: posted(page, 'password') },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      const totpErrors = errorsAt(fieldErrors(answer.error), 'password');
      return sendSecurityPage(page, session, { totpErrors }, formStatus(answer));
    }
    return sendHtml(page, await renderTotpSetup(page, session, answer.body, {}));
  });

  app.post('/account/security/totp/confirm', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const answer = await page.api<RecoveryCodesView>('POST', '/api/v1/account/totp/confirm', {
      json: { code: posted(page, 'code').replace(/\s/g, '') },
      csrfToken: postedCsrf(page),
    });
    const enrolment = { secret: posted(page, 'secret'), uri: posted(page, 'uri') };
    if (!answer.ok) {
      if (isPageError(answer) || !isOtpauthUri(enrolment.uri)) {
        return sendApiErrorPage(page, answer);
      }
      const errors = errorsAt(fieldErrors(answer.error), 'code');
      return sendHtml(
        page,
        await renderTotpSetup(page, session, enrolment, errors),
        formStatus(answer),
      );
    }
    const codes = answer.body.recoveryCodes;
    if (codes === undefined) return redirectTo(page, '/account/security?done=totp-on');
    return sendHtml(page, renderCodesPage(page, t(page.language, 'doneTotpOn'), codes));
  });

  app.post('/account/security/totp/disable', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const answer = await page.api('POST', '/api/v1/account/totp/disable', {
      json: { code: posted(page, 'code').trim() },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      const disableErrors = errorsAt(fieldErrors(answer.error), 'code');
      return sendSecurityPage(page, session, { disableErrors }, formStatus(answer));
    }
    return redirectTo(page, '/account/security?done=totp-off');
  });

  app.get('/account/security/recovery-codes', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    return sendHtml(page, renderRegenerate(page, session, {}));
  });

  app.post('/account/security/recovery-codes', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const answer = await page.api<RecoveryCodesView>('POST', '/api/v1/account/recovery-codes', {
      json: { password: posted(page, 'password') },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      const errors = errorsAt(fieldErrors(answer.error), 'password');
      return sendHtml(page, renderRegenerate(page, session, errors), formStatus(answer));
    }
    const codes = answer.body.recoveryCodes ?? [];
    return sendHtml(page, renderCodesPage(page, t(page.language, 'recoveryTitle'), codes));
  });

  app.post<{ Params: { passkeyId: string } }>(
    '/account/security/passkeys/:passkeyId/remove',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const session = requireSignedIn(page);
      if (session === undefined) return reply;
      const id = encodeURIComponent(request.params.passkeyId);
      const answer = await page.api('DELETE', `/api/v1/account/passkeys/${id}`, {
        csrfToken: postedCsrf(page),
      });
      if (!answer.ok) return sendApiErrorPage(page, answer);
      return redirectTo(page, '/account/security?done=passkey-removed');
    },
  );
};
