/**
 * `GET /account/connected-apps`: the applications the account allowed to access it
 * (`GET /api/v1/account/oauth-grants`), each with what it may do and a button that withdraws the
 * access; `POST /account/connected-apps/revoke` calls `DELETE /api/v1/account/oauth-grants/{id}`
 * with the form's CSRF token and comes back with a confirmation.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { formatDate } from '../kit/dates.js';
import { renderErrorPage } from '../kit/error-page.js';
import { csrfInput, formFields } from '../kit/forms.js';
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
import { clientHost } from './oauth-consent-view.js';
import { oauthText as t } from './oauth-texts.js';
import type { OAuthGrantView } from './oauth-types.js';

const PATH = '/account/connected-apps';

const sendApiError = (page: Page, answer: ApiResponse) => {
  const status = answer.status >= 400 ? answer.status : 500;
  return sendHtml(page, renderErrorPage(page, status, answer.error), status);
};

const renderGrant = (page: Page, session: SessionView, grant: OAuthGrantView): SafeHtml => {
  const l = page.language;
  return html`<li class="card" data-testid="connected-app" data-client-id="${grant.clientId}">
    <h2>${grant.name}</h2>
    <p class="hint">${clientHost(grant.uri)}</p>
    <h3>${t(l, 'appsScopes')}</h3>
    <ul>
      ${grant.scopes.map((s) => html`<li data-scope="${s.scope}">${s.label[l]}</li>`)}
    </ul>
    <dl class="facts">
      <dt>${t(l, 'appsGrantedAt')}</dt>
      <dd>${formatDate(grant.grantedAt, l, page.calendar)}</dd>
      <dt>${t(l, 'appsLastIssuedAt')}</dt>
      <dd>${formatDate(grant.lastIssuedAt, l, page.calendar)}</dd>
    </dl>
    <form method="post" action="${PATH}/revoke" class="actions">
      ${csrfInput(session)}
      <input type="hidden" name="clientId" value="${grant.clientId}" />
      <button
        type="submit"
        class="danger"
        data-testid="connected-app-revoke"
      >
        ${t(l, 'appsRevoke')}<span class="visually-hidden"
          >${t(l, 'appsRevokeWhich', { name: grant.name })}</span
        >
      </button>
    </form>
  </li>`;
};

export const registerConnectedAppsPage = (app: FastifyInstance, web: WebContext): void => {
  app.get(PATH, PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const l = page.language;
    const answer = await page.api<{ grants: OAuthGrantView[] }>(
      'GET',
      '/api/v1/account/oauth-grants',
    );
    if (!answer.ok) return sendApiError(page, answer);
    const { grants } = answer.body;
    const revoked = (request.query as Record<string, unknown>).done === 'revoked';
    return sendHtml(
      page,
      renderLayout(page, {
        title: t(l, 'appsTitle'),
        section: 'account',
        styles: ['oauth.css'],
        body: html`<h1>${t(l, 'appsTitle')}</h1>
          ${
            revoked &&
            html`<div class="notice" role="status" data-testid="notice">${t(l, 'appsRevoked')}</div>`
          }
          <p class="lead">${t(l, 'appsLead')}</p>
          ${
            grants.length === 0
              ? html`<p data-testid="connected-apps-none">${t(l, 'appsNone')}</p>`
              : html`<ul class="oauth-apps" data-testid="connected-apps">
                ${grants.map((grant) => renderGrant(page, session, grant))}
              </ul>`
          }
          <p><a href="/account">${t(l, 'appsBack')}</a></p>`,
      }),
    );
  });

  app.post(`${PATH}/revoke`, PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    if (requireSignedIn(page) === undefined) return reply;
    const fields = formFields(request);
    const clientId = fields.clientId ?? '';
    if (clientId === '') return sendHtml(page, renderErrorPage(page, 400, undefined), 400);
    const answer = await page.api(
      'DELETE',
      `/api/v1/account/oauth-grants/${encodeURIComponent(clientId)}`,
      { csrfToken: fields._csrf },
    );
    if (!answer.ok) return sendApiError(page, answer);
    return redirectTo(page, `${PATH}?done=revoked`);
  });

  // The revoke address takes only the form's POST; a reload of it goes back to the list.
  app.get(`${PATH}/revoke`, PAGE_ROUTE, async (request, reply) =>
    redirectTo(await openPage(web, request, reply), PATH),
  );
};
