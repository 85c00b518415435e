/**
 * `GET /account/security`: the signed-in user's second factors — the authenticator app (TOTP:
 * on or off, set up or turn off), the recovery codes left (and making new ones), and passkeys
 * (listed, removed by form, added with account-passkeys.js where the browser has WebAuthn).
 */
import {
  csrfInput,
  renderErrorSummary,
  renderField,
  renderNotice,
  type FieldErrors,
} from '../kit/forms.js';
import { formatDate } from '../kit/dates.js';
import { html, type SafeHtml } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import { sendHtml, type Page, type SessionView } from '../kit/page.js';
import type { FastifyReply } from 'fastify';
import { passkeyData, sendApiErrorPage, type PasskeyView } from './account-shared.js';
import { accountText as t } from './account-texts.js';
import { renderRecoveryCodes } from './recovery-codes-view.js';

export interface SecurityState {
  readonly totpErrors?: FieldErrors;
  readonly disableErrors?: FieldErrors;
}

const DONE = {
  'totp-on': 'doneTotpOn',
  'totp-off': 'doneTotpOff',
  'passkey-removed': 'donePasskeyRemoved',
  'passkey-added': 'donePasskeyAdded',
} as const;

const doneMessage = (page: Page): string | undefined => {
  const done = (page.request.query as Record<string, unknown> | undefined)?.done;
  return typeof done === 'string' && done in DONE
    ? t(page.language, DONE[done as keyof typeof DONE])
    : undefined;
};

const renderTotp = (page: Page, session: SessionView, state: SecurityState): SafeHtml => {
  const l = page.language;
  const on = session.account.twoFactor.totp;
  const totpErrors = state.totpErrors ?? {};
  const disableErrors = state.disableErrors ?? {};
  return html`<section class="card" aria-labelledby="totp-heading">
    <h2 id="totp-heading">${t(l, 'totpTitle')}</h2>
    <p>
      ${t(l, 'status')}:
      <span
        class="pill ${on ? 'ok' : ''}"
        data-testid="totp-status"
        data-state="${on ? 'on' : 'off'}"
        >${t(l, on ? 'totpOn' : 'totpOff')}</span
      >
    </p>
    <p>${t(l, 'totpIntro')}</p>
    ${
      on
        ? html`<h3>${t(l, 'totpDisableTitle')}</h3>
            ${renderErrorSummary(l, disableErrors)}
            <form method="post" action="/account/security/totp/disable" class="stack" novalidate>
              ${csrfInput(session)}
              ${renderField({ name: 'code', label: t(l, 'code'), hint: t(l, 'totpDisableHint'), error: disableErrors.code, required: true, autocomplete: 'one-time-code', maxlength: 64 })}
              <p class="actions">
                <button type="submit" class="danger" data-testid="totp-disable">
                  ${t(l, 'totpDisable')}
                </button>
              </p>
            </form>`
        : html`${renderErrorSummary(l, totpErrors)}
            <form method="post" action="/account/security/totp" class="stack" novalidate>
              ${csrfInput(session)}
              ${renderField({ name: 'password', label: t(l, 'passwordToContinue'), type: 'password', error: totpErrors.password, required: true, autocomplete: 'current-password' })}
              <p class="actions">
                <button type="submit" data-testid="totp-start">${t(l, 'totpStart')}</button>
              </p>
            </form>`
    }
  </section>`;
};

const renderRecovery = (page: Page, session: SessionView): SafeHtml | '' => {
  const l = page.language;
  const { twoFactor } = session.account;
  if (!twoFactor.totp && twoFactor.passkeys === 0) return '';
  return html`<section class="card" aria-labelledby="recovery-heading">
    <h2 id="recovery-heading">${t(l, 'recoveryTitle')}</h2>
    <p data-testid="recovery-codes-left">
      ${t(l, 'recoveryLeft', { count: twoFactor.recoveryCodesLeft })}
    </p>
    <p>
      <a href="/account/security/recovery-codes" data-testid="recovery-codes-regenerate-link"
        >${t(l, 'recoveryRegenerate')}</a
      >
    </p>
  </section>`;
};

const renderPasskeyRow = (page: Page, session: SessionView, passkey: PasskeyView): SafeHtml => {
  const l = page.language;
  return html`<tr data-testid="passkey-row">
    <th scope="row">${passkey.name}</th>
    <td>${formatDate(passkey.createdAt, l, page.calendar)}</td>
    <td>
      ${passkey.lastUsedAt === null ? t(l, 'never') : formatDate(passkey.lastUsedAt, l, page.calendar)}
    </td>
    <td>
      <form
        method="post"
        action="/account/security/passkeys/${encodeURIComponent(passkey.id)}/remove"
        class="inline"
      >
        ${csrfInput(session)}
        <button
          type="submit"
          class="secondary"
          aria-label="${t(l, 'passkeyRemoveLabel', { name: passkey.name })}"
        >
          ${t(l, 'passkeyRemove')}
        </button>
      </form>
    </td>
  </tr>`;
};

const renderPasskeys = (
  page: Page,
  session: SessionView,
  passkeys: readonly PasskeyView[],
): SafeHtml => {
  const l = page.language;
  return html`<section class="card" aria-labelledby="passkeys-heading">
    <h2 id="passkeys-heading">${t(l, 'passkeysTitle')}</h2>
    <p>${t(l, 'passkeysIntro')}</p>
    ${
      passkeys.length === 0
        ? html`<p data-testid="passkeys-none">${t(l, 'noPasskeys')}</p>`
        : html`<div class="table-wrap">
            <table data-testid="passkeys">
              <thead>
                <tr>
                  <th scope="col">${t(l, 'passkeyName')}</th>
                  <th scope="col">${t(l, 'passkeyCreated')}</th>
                  <th scope="col">${t(l, 'passkeyLastUsed')}</th>
                  <th scope="col">${t(l, 'actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${passkeys.map((passkey) => renderPasskeyRow(page, session, passkey))}
              </tbody>
            </table>
          </div>`
    }
    <h3>${t(l, 'passkeyAddTitle')}</h3>
    <p class="hint" data-passkey-unsupported>${t(l, 'passkeyUnsupported')}</p>
    <form
      class="stack"
      data-passkey="add"
      data-error-text="${t(l, 'passkeyFailed')}"
      data-testid="passkey-add-form"
      ${passkeyData(page)}
      hidden
    >
      ${renderField({ name: 'passkeyName', label: t(l, 'passkeyName'), hint: t(l, 'passkeyNameHint'), required: true, maxlength: 100 })}
      ${renderField({ name: 'passkeyPassword', label: t(l, 'currentPassword'), type: 'password', required: true, autocomplete: 'current-password' })}
      <p class="field-error" role="alert" data-passkey-error hidden></p>
      <p class="actions">
        <button type="submit" data-testid="passkey-add">${t(l, 'passkeyAdd')}</button>
      </p>
    </form>
    ${renderRecoveryCodes(l, [], { hidden: true, testid: 'passkey-recovery-codes' })}
  </section>`;
};

/** Renders the security page (reading the passkeys), with the forms' errors when given. */
export const sendSecurityPage = async (
  page: Page,
  session: SessionView,
  state: SecurityState = {},
  status = 200,
): Promise<FastifyReply> => {
  const l = page.language;
  const answer = await page.api<{ passkeys: PasskeyView[] }>('GET', '/api/v1/account/passkeys');
  if (!answer.ok) return sendApiErrorPage(page, answer);
  const { passkeys } = answer.body;
  return sendHtml(
    page,
    renderLayout(page, {
      title: t(l, 'securityTitle'),
      section: 'account',
      styles: ['account.css'],
      scripts: ['account-passkeys.js'],
      body: html`<h1>${t(l, 'securityTitle')}</h1>
        ${renderNotice(doneMessage(page))} ${renderTotp(page, session, state)}
        ${renderRecovery(page, session)} ${renderPasskeys(page, session, passkeys)}
        <p><a href="/account">${t(l, 'backToAccount')}</a></p>`,
    }),
    status,
  );
};
