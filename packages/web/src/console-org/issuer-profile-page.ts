/**
 * `/console/{org}/settings/issuers/{issuerId}`: one issuer profile — its identifier, keys
 * (current and retired), the edit form (`PATCH …/issuers/{id}`), key rotation and archiving
 * (each behind a confirmation sentence). Non-admins see it read only.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError } from '../kit/api.js';
import type { ConsoleContext } from '../kit/console.js';
import { formatDateTime } from '../kit/dates.js';
import { renderErrorPage } from '../kit/error-page.js';
import {
  csrfInput,
  formFields,
  renderErrorSummary,
  renderNotice,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  apiOrgPath,
  confirmBox,
  confirmRefusal,
  confirmed,
  doneMessage,
  isAdmin,
  renderRefusal,
  sendConsolePage,
} from './console-org-shared.js';
import { loadConsole } from '../kit/console.js';
import { orgText } from './console-org-texts.js';
import type { Department, IssuerKey, IssuerProfile } from './console-org-types.js';
import {
  issuerBody,
  issuerErrors,
  issuerValuesOf,
  readIssuerValues,
  renderIssuerFields,
  type IssuerFormValues,
} from './issuer-fields.js';
import { profileScope, renderProfileStatus } from './issuer-list.js';
import { issuerText as t } from './issuer-texts.js';

type IssuerParams = { Params: { org: string; issuerId: string } };

interface ProfileState {
  readonly status?: number;
  readonly refusal?: ApiError | undefined;
  readonly edit?: { readonly values: IssuerFormValues; readonly errors: FieldErrors };
}

const renderKeys = (context: ConsoleContext, keys: readonly IssuerKey[]): SafeHtml => {
  const l = context.page.language;
  if (keys.length === 0) return html`<p>${t(l, 'noKeys')}</p>`;
  return html`<div class="table-wrap">
    <table data-testid="issuer-keys">
      <thead>
        <tr>
          <th scope="col">${t(l, 'algorithm')}</th>
          <th scope="col">${t(l, 'version')}</th>
          <th scope="col">${t(l, 'status')}</th>
          <th scope="col">${t(l, 'activatedAt')}</th>
          <th scope="col">${t(l, 'retiredAt')}</th>
          <th scope="col">${t(l, 'keyDocument')}</th>
        </tr>
      </thead>
      <tbody>
        ${keys.map(
          (key) =>
            html`<tr>
              <th scope="row">${key.alg} (${key.algorithm})</th>
              <td>${key.version}</td>
              <td>
                <span class="pill ${key.status === 'current' ? 'ok' : 'warn'}"
                  >${t(l, key.status === 'current' ? 'keyCurrent' : 'keyRetired')}</span
                >
              </td>
              <td>${formatDateTime(key.activatedAt, l)}</td>
              <td>${key.retiredAt === null ? '—' : formatDateTime(key.retiredAt, l)}</td>
              <td><a href="${key.documentUrl}">${key.kid}</a></td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
};

const renderAdminForms = (
  context: ConsoleContext,
  profile: IssuerProfile,
  edit: { readonly values: IssuerFormValues; readonly errors: FieldErrors },
): SafeHtml => {
  const l = context.page.language;
  const action = `${context.base}/settings/issuers/${encodeURIComponent(profile.id)}`;
  return html`<section>
      <h2>${t(l, 'editTitle')}</h2>
      ${renderErrorSummary(l, edit.errors)}
      <form method="post" action="${action}" class="stack" data-testid="issuer-edit-form">
        ${csrfInput(context.session)} ${renderIssuerFields(l, edit.values, edit.errors)}
        <button type="submit">${t(l, 'saveProfile')}</button>
      </form>
    </section>
    <section>
      <h2>${t(l, 'rotateTitle')}</h2>
      <p>${t(l, 'rotateBody')}</p>
      ${
        profile.identifierMethod === 'did:key'
          ? html`<p class="hint">${t(l, 'didKeyNoRotate')}</p>`
          : html`<form
              method="post"
              action="${action}/rotate-keys"
              class="stack"
              data-testid="issuer-rotate-form"
            >
              ${csrfInput(context.session)} ${confirmBox('confirm-rotate', t(l, 'rotateConfirm'))}
              <button type="submit" class="secondary">${t(l, 'rotate')}</button>
            </form>`
      }
    </section>
    ${
      !profile.isDefault &&
      html`<section>
        <h2>${t(l, 'archiveTitle')}</h2>
        <p>${t(l, 'archiveBody')}</p>
        <form
          method="post"
          action="${action}/archive"
          class="stack"
          data-testid="issuer-archive-form"
        >
          ${csrfInput(context.session)} ${confirmBox('confirm-archive', t(l, 'archiveConfirm'))}
          <button type="submit" class="danger">${t(l, 'archive')}</button>
        </form>
      </section>`
    }`;
};

const renderProfilePage = async (
  context: ConsoleContext,
  issuerId: string,
  state: ProfileState,
): Promise<FastifyReply> => {
  const { page } = context;
  const l = page.language;
  const path = `${apiOrgPath(context)}/issuers/${encodeURIComponent(issuerId)}`;
  const [answer, keys, departments] = await Promise.all([
    page.api<IssuerProfile>('GET', path),
    page.api<{ keys: readonly IssuerKey[] }>('GET', `${path}/keys`),
    page.api<{ departments: readonly Department[] }>('GET', `${apiOrgPath(context)}/departments`),
  ]);
  if (!answer.ok) {
    const status = answer.status === 404 || answer.status === 400 ? 404 : answer.status;
    return sendHtml(page, renderErrorPage(page, status, answer.error), status);
  }
  const profile = answer.body;
  const editable = isAdmin(context) && profile.archivedAt === null;
  const title = l === 'en' ? profile.name.en : profile.name.ja;
  return sendConsolePage(context, {
    active: 'settings',
    title,
    status: state.status ?? 200,
    body: html`<p><a href="${context.base}/settings">${t(l, 'back')}</a></p>
      <h1>${title}</h1>
      ${renderNotice(doneMessage(page))} ${renderRefusal(page, state.refusal)}
      <p>
        ${profileScope(l, profile, departments.ok ? departments.body.departments : [])}
        ${renderProfileStatus(l, profile)}
      </p>
      ${profile.archivedAt !== null && html`<p class="hint">${t(l, 'archivedNote')}</p>`}
      ${!isAdmin(context) && html`<p class="hint" data-testid="read-only">${orgText(l, 'readOnly')}</p>`}
      <dl class="facts">
        <dt>${t(l, 'identifier')}</dt>
        <dd><code class="identifier">${profile.identifier}</code> (${profile.identifierMethod})</dd>
        <dt>${t(l, 'publicPage')}</dt>
        <dd><a href="/issuers/${encodeURIComponent(profile.id)}">${profile.profileUrl}</a></dd>
        <dt>${t(l, 'url')}</dt>
        <dd>${profile.url}</dd>
        <dt>${t(l, 'email')}</dt>
        <dd>${profile.email}</dd>
      </dl>
      <h2>${t(l, 'keys')}</h2>
      ${renderKeys(context, keys.ok ? keys.body.keys : [])}
      ${
        editable &&
        renderAdminForms(
          context,
          profile,
          state.edit ?? { values: issuerValuesOf(profile), errors: {} },
        )
      }`,
  });
};

export const registerIssuerProfilePage = (app: FastifyInstance, web: WebContext): void => {
  const route = '/console/:org/settings/issuers/:issuerId';

  app.get<IssuerParams>(route, PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    return renderProfilePage(context, request.params.issuerId, {});
  });

  app.post<IssuerParams>(route, PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    const fields = formFields(request);
    const values = readIssuerValues(fields);
    const { issuerId } = request.params;
    const answer = await page.api(
      'PATCH',
      `${apiOrgPath(context)}/issuers/${encodeURIComponent(issuerId)}`,
      { json: issuerBody(values), csrfToken: fields._csrf },
    );
    const here = `${context.base}/settings/issuers/${encodeURIComponent(issuerId)}`;
    if (answer.ok) return redirectTo(page, `${here}?done=saved`);
    const errors = issuerErrors(answer.error);
    return renderProfilePage(context, issuerId, {
      status: answer.status,
      ...(isAdmin(context) ? { edit: { values, errors } } : { refusal: answer.error }),
    });
  });

  for (const [action, done] of [
    ['rotate-keys', 'rotated'],
    ['archive', 'archived'],
  ] as const) {
    app.post<IssuerParams>(`${route}/${action}`, PAGE_ROUTE, async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.org);
      if (context === undefined) return reply;
      const fields = formFields(request);
      const { issuerId } = request.params;
      const here = `${context.base}/settings/issuers/${encodeURIComponent(issuerId)}`;
      if (!confirmed(fields)) {
        return renderProfilePage(context, issuerId, {
          status: 400,
          refusal: confirmRefusal(page),
        });
      }
      const answer = await page.api(
        'POST',
        `${apiOrgPath(context)}/issuers/${encodeURIComponent(issuerId)}/${action}`,
        { json: {}, csrfToken: fields._csrf },
      );
      if (answer.ok) return redirectTo(page, `${here}?done=${done}`);
      return renderProfilePage(context, issuerId, { status: answer.status, refusal: answer.error });
    });
  }
};
