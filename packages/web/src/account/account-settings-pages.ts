/**
 * `GET /account`: the signed-in user's profile (display name, language of e-mails; the e-mail
 * address is shown, not changed) and password, with `POST /account/profile` (PATCH
 * /api/v1/account) and `POST /account/password`; links to the two-step verification page.
 */
import type { FastifyInstance } from 'fastify';
import {
  csrfInput,
  fieldErrors,
  renderErrorSummary,
  renderField,
  renderNotice,
  renderSelect,
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
import {
  copySetCookie,
  formStatus,
  isPageError,
  posted,
  postedCsrf,
  sendApiErrorPage,
} from './account-shared.js';
import { emailsText } from './account-emails-texts.js';
import { accountText as t } from './account-texts.js';

interface State {
  readonly displayName?: string;
  readonly locale?: string;
  readonly profileErrors?: FieldErrors;
  readonly passwordErrors?: FieldErrors;
}

const DONE = { profile: 'doneProfile', password: 'donePassword' } as const;

const doneMessage = (page: Page): string | undefined => {
  const done = (page.request.query as Record<string, unknown> | undefined)?.done;
  return done === 'profile' || done === 'password' ? t(page.language, DONE[done]) : undefined;
};

const renderAccount = (page: Page, session: SessionView, state: State) => {
  const l = page.language;
  const { account } = session;
  const profileErrors = state.profileErrors ?? {};
  const passwordErrors = state.passwordErrors ?? {};
  return renderLayout(page, {
    title: t(l, 'accountTitle'),
    section: 'account',
    styles: ['account.css'],
    body: html`<h1>${t(l, 'accountTitle')}</h1>
      ${renderNotice(doneMessage(page))}
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">${t(l, 'profileTitle')}</h2>
        <dl class="facts">
          <dt>${t(l, 'email')}</dt>
          <dd data-testid="account-email">${account.email}</dd>
        </dl>
        <p class="hint">${t(l, 'emailNote')}</p>
        ${renderErrorSummary(l, profileErrors)}
        <form
          method="post"
          action="/account/profile"
          class="stack"
          novalidate
          data-testid="profile-form"
        >
          ${csrfInput(session)}
          ${renderField({ name: 'displayName', label: t(l, 'displayName'), value: state.displayName ?? account.displayName, error: profileErrors.displayName, required: true, autocomplete: 'name', maxlength: 200 })}
          ${renderSelect({
            name: 'locale',
            label: t(l, 'locale'),
            value: state.locale ?? account.locale,
            error: profileErrors.locale,
            options: [
              { value: 'ja', label: t(l, 'localeJa') },
              { value: 'en', label: t(l, 'localeEn') },
            ],
          })}
          <p class="actions"><button type="submit">${t(l, 'saveProfile')}</button></p>
        </form>
      </section>
      <section class="card" aria-labelledby="password-heading">
        <h2 id="password-heading">${t(l, 'passwordTitle')}</h2>
        ${renderErrorSummary(l, passwordErrors)}
        <form
          method="post"
          action="/account/password"
          class="stack"
          novalidate
          data-testid="password-form"
        >
          ${csrfInput(session)}
          ${renderField({ name: 'currentPassword', label: t(l, 'currentPassword'), type: 'password', error: passwordErrors.currentPassword, required: true, autocomplete: 'current-password' })}
          ${renderField({ name: 'newPassword', label: t(l, 'newPassword'), type: 'password', hint: t(l, 'newPasswordHint'), error: passwordErrors.newPassword, required: true, autocomplete: 'new-password' })}
          <p class="actions"><button type="submit">${t(l, 'changePassword')}</button></p>
        </form>
      </section>
      <p><a href="/account/security" data-testid="security-link">${t(l, 'securityLink')}</a></p>
      <p><a href="/account/emails" data-testid="emails-link">${emailsText(l, 'accountLinkEmails')}</a></p>
      <p><a href="/account/connected-apps" data-testid="connected-apps-link">${emailsText(l, 'accountLinkConnectedApps')}</a></p>
      <p><a href="/account/delete" data-testid="delete-link">${emailsText(l, 'accountLinkDelete')}</a></p>`,
  });
};

/** The API's errors by field; one on no field goes next to `field`. */
export const errorsAt = (errors: FieldErrors, field: string): FieldErrors => {
  const { '': general, ...rest } = errors;
  return general === undefined ? rest : { [field]: general, ...rest };
};

export const registerAccountSettingsPages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/account', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    return sendHtml(page, renderAccount(page, session, {}));
  });

  app.post('/account/profile', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const displayName = posted(page, 'displayName');
    const locale = posted(page, 'locale');
    const answer = await page.api('PATCH', '/api/v1/account', {
      json: { displayName, locale },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      const profileErrors = fieldErrors(answer.error);
      return sendHtml(
        page,
        renderAccount(page, session, { displayName, locale, profileErrors }),
        formStatus(answer),
      );
    }
    return redirectTo(page, '/account?done=profile');
  });

  app.post('/account/password', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const answer = await page.api('POST', '/api/v1/account/password', {
      json: {
        currentPassword: posted(page, 'currentPassword'),
        newPassword: posted(page, 'newPassword'),
      },
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) {
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      const passwordErrors = errorsAt(fieldErrors(answer.error), 'currentPassword');
      return sendHtml(page, renderAccount(page, session, { passwordErrors }), formStatus(answer));
    }
    copySetCookie(page, answer);
    return redirectTo(page, '/account?done=password');
  });
};
