/**
 * `/console/{org}/api-keys` (org admins): the organisation's API keys (name, prefix, scopes,
 * dates, revoked or not), the form that creates one — whose answer shows the key once, with a
 * warning — and revoking a key.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError } from '../kit/api.js';
import type { ConsoleContext } from '../kit/console.js';
import { formatDate, formatDateTime } from '../kit/dates.js';
import {
  csrfInput,
  formFields,
  formValues,
  renderErrorSummary,
  renderField,
  renderNotice,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, redirectTo, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { API_KEY_SCOPES, describeScope } from './api-key-scopes.js';
import { apiKeysText as t } from './api-keys-texts.js';
import {
  apiOrgPath,
  confirmBox,
  confirmed,
  confirmRefusal,
  doneMessage,
  formErrors,
  renderRefusal,
  rowCheckbox,
  sendConsolePage,
} from './console-org-shared.js';
import { loadConsole } from '../kit/console.js';
import { orgText } from './console-org-texts.js';
import type { ApiKey, CreatedApiKey } from './console-org-types.js';

type OrgParams = { Params: { org: string } };
type KeyParams = { Params: { org: string; apiKeyId: string } };

interface ApiKeysState {
  readonly status?: number;
  readonly refusal?: ApiError | undefined;
  readonly create?: {
    readonly name: string;
    readonly scopes: readonly string[];
    readonly errors: FieldErrors;
  };
}

const renderKeyRow = (context: ConsoleContext, key: ApiKey): SafeHtml => {
  const { page } = context;
  const l = page.language;
  return html`<tr data-testid="api-key-row">
    <th scope="row">${key.name}</th>
    <td><code data-testid="api-key-prefix">${key.prefix}…</code></td>
    <td>
      <ul class="scopes">
        ${key.scopes.map((s) => html`<li><code title="${describeScope(s, l)}">${s}</code></li>`)}
      </ul>
    </td>
    <td>${formatDate(key.createdAt, l, page.calendar)}</td>
    <td>${key.lastUsedAt === null ? orgText(l, 'never') : formatDateTime(key.lastUsedAt, l)}</td>
    <td>
      ${
        key.revokedAt === null
          ? html`<span class="pill ok">${t(l, 'active')}</span>`
          : html`<span class="pill bad"
              >${t(l, 'revokedOn', { date: formatDate(key.revokedAt, l, page.calendar) })}</span
            >`
      }
    </td>
    <td>
      ${
        key.revokedAt === null &&
        html`<form
          method="post"
          action="${context.base}/api-keys/${encodeURIComponent(key.id)}/revoke"
          class="stack"
          data-testid="api-key-revoke-form"
        >
          ${csrfInput(context.session)}
          ${confirmBox(`revoke-${key.id}`, t(l, 'revokeConfirm', { name: key.name }))}
          <button type="submit" class="danger">${t(l, 'revoke')}</button>
        </form>`
      }
    </td>
  </tr>`;
};

const renderCreateForm = (context: ConsoleContext, state: ApiKeysState): SafeHtml => {
  const l = context.page.language;
  const errors = state.create?.errors ?? {};
  const chosen = state.create?.scopes ?? [];
  return html`<section>
    <h2>${t(l, 'create')}</h2>
    ${renderErrorSummary(l, errors)}
    <form
      method="post"
      action="${context.base}/api-keys"
      class="stack"
      data-testid="api-key-create-form"
    >
      ${csrfInput(context.session)}
      ${renderField({ name: 'name', label: t(l, 'name'), value: state.create?.name ?? '', error: errors.name, hint: t(l, 'nameHint'), required: true, maxlength: 100 })}
      <fieldset id="f-scopes" class="${errors.scopes !== undefined ? 'has-error' : ''}">
        <legend>${t(l, 'scopes')}</legend>
        ${errors.scopes !== undefined && html`<p class="field-error">${errors.scopes}</p>`}
        ${API_KEY_SCOPES.map(
          (scope) =>
            html`${rowCheckbox({ id: `scope-${scope.replace(':', '-')}`, name: 'scopes', value: scope, label: scope, checked: chosen.includes(scope) })}
              <p class="hint scope-hint">${describeScope(scope, l)}</p>`,
        )}
      </fieldset>
      <button type="submit">${t(l, 'createButton')}</button>
    </form>
  </section>`;
};

const renderApiKeysPage = async (
  context: ConsoleContext,
  state: ApiKeysState,
): Promise<FastifyReply> => {
  const { page } = context;
  const l = page.language;
  const answer = await page.api<{ apiKeys: readonly ApiKey[] }>(
    'GET',
    `${apiOrgPath(context)}/api-keys`,
  );
  const head = html`<h1>${t(l, 'title')}</h1>
    ${renderNotice(doneMessage(page))} ${renderRefusal(page, state.refusal)}`;
  if (!answer.ok) {
    return sendConsolePage(context, {
      active: 'api-keys',
      title: t(l, 'title'),
      status: answer.status,
      body: html`${head}
        <p class="warning" data-testid="admin-only">
          ${answer.status === 403 ? orgText(l, 'adminOnly') : answer.error?.message}
        </p>`,
    });
  }
  const keys = answer.body.apiKeys;
  return sendConsolePage(context, {
    active: 'api-keys',
    title: t(l, 'title'),
    status: state.status ?? 200,
    body: html`${head}
      <p>${t(l, 'lead')}</p>
      <h2>${t(l, 'list')}</h2>
      ${
        keys.length === 0
          ? html`<p>${t(l, 'none')}</p>`
          : html`<div class="table-wrap">
              <table data-testid="api-keys">
                <thead>
                  <tr>
                    <th scope="col">${t(l, 'name')}</th>
                    <th scope="col">${t(l, 'prefix')}</th>
                    <th scope="col">${t(l, 'scopes')}</th>
                    <th scope="col">${t(l, 'createdAt')}</th>
                    <th scope="col">${t(l, 'lastUsedAt')}</th>
                    <th scope="col">${t(l, 'status')}</th>
                    <th scope="col">${orgText(l, 'actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${keys.map((key) => renderKeyRow(context, key))}
                </tbody>
              </table>
            </div>`
      }
      ${renderCreateForm(context, state)}`,
  });
};

const renderCreated = (context: ConsoleContext, created: CreatedApiKey): FastifyReply => {
  const l = context.page.language;
  return sendConsolePage(context, {
    active: 'api-keys',
    title: t(l, 'createdTitle'),
    status: 201,
    scripts: ['console-org-copy.js'],
    body: html`<h1>${t(l, 'createdTitle')}</h1>
      <div class="warning" role="alert" data-testid="api-key-warning">
        <p>${t(l, 'secretWarning')}</p>
      </div>
      <dl class="facts">
        <dt>${t(l, 'name')}</dt>
        <dd>${created.apiKey.name}</dd>
        <dt>${t(l, 'scopes')}</dt>
        <dd>${created.apiKey.scopes.join(', ')}</dd>
      </dl>
      <div class="field">
        <label for="api-key-secret">${t(l, 'secretLabel')}</label>
        <p class="hint">${t(l, 'secretUsage')}</p>
        <input
          id="api-key-secret"
          class="secret"
          type="text"
          readonly
          value="${created.key}"
          data-testid="api-key-secret"
          autocomplete="off"
          spellcheck="false"
        />
        <button
          type="button"
          class="secondary"
          hidden
          data-copy-target="api-key-secret"
          data-copied-label="${t(l, 'copied')}"
        >
          ${t(l, 'copy')}
        </button>
      </div>
      <p><a class="button" href="${context.base}/api-keys">${t(l, 'backToList')}</a></p>`,
  });
};

export const registerApiKeysPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<OrgParams>('/console/:org/api-keys', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    return renderApiKeysPage(context, {});
  });

  app.post<OrgParams>('/console/:org/api-keys', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    const fields = formFields(request);
    const name = fields.name ?? '';
    const scopes = formValues(request, 'scopes');
    const answer = await page.api<CreatedApiKey>('POST', `${apiOrgPath(context)}/api-keys`, {
      json: { name, scopes },
      csrfToken: fields._csrf,
    });
    if (answer.ok) {
      return renderCreated(context, answer.body);
    }
    const errors = formErrors(answer.error, { '/scopes': 'scopes' });
    // A failed scope check names `/scopes/0`; show it on the group.
    const grouped = Object.fromEntries(
      Object.entries(errors).map(([k, v]) => [k.startsWith('scopes.') ? 'scopes' : k, v]),
    );
    return renderApiKeysPage(context, {
      status: answer.status,
      ...(answer.status === 403
        ? { refusal: answer.error }
        : { create: { name, scopes, errors: grouped } }),
    });
  });

  app.post<KeyParams>(
    '/console/:org/api-keys/:apiKeyId/revoke',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.org);
      if (context === undefined) return reply;
      const fields = formFields(request);
      if (!confirmed(fields)) {
        return renderApiKeysPage(context, { status: 400, refusal: confirmRefusal(page) });
      }
      const answer = await page.api(
        'DELETE',
        `${apiOrgPath(context)}/api-keys/${encodeURIComponent(request.params.apiKeyId)}`,
        { csrfToken: fields._csrf },
      );
      if (answer.ok) return redirectTo(page, `${context.base}/api-keys?done=revoked`);
      return renderApiKeysPage(context, { status: answer.status, refusal: answer.error });
    },
  );
};
