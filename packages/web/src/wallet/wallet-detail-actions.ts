/**
 * The actions of a badge's page, each a form POST that calls the API and goes back to the page
 * with a notice (POST-redirect-GET): `…/visibility` (private/public), `…/seen` (a status change
 * seen), `…/recheck`, `…/share-links` (create), `…/share-links/{linkId}/revoke`, and delete —
 * `GET …/delete` asks first (saying whether the badge can come back), `POST …/delete` deletes and
 * goes to the wallet. Another learner's badge is the 404 page, like the badge's page itself.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiCallOptions, ApiMethod } from '../kit/api.js';
import { csrfInput, formFields } from '../kit/forms.js';
import { html } from '../kit/html.js';
import { redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { badgeName } from './wallet-card.js';
import { breadcrumb, loadWalletCredential, sendLoadFailure } from './wallet-detail-page.js';
import { detailText as t } from './wallet-detail-texts.js';
import { openWalletPage, renderWalletLayout, segment } from './wallet-shared.js';

type Params = { id: string };

interface Action {
  readonly path: string;
  /** The API call for the posted form, and the notice to show after it. */
  readonly call: (
    id: string,
    fields: Readonly<Record<string, string>>,
    params: Readonly<Record<string, string>>,
  ) => { method: ApiMethod; url: string; json?: unknown; done: string };
}

const base = (id: string) => `/api/v1/wallet/credentials/${segment(id)}`;

const ACTIONS: readonly Action[] = [
  {
    path: 'visibility',
    call: (id, fields) => {
      const visibility = fields.visibility === 'public' ? 'public' : 'private';
      return { method: 'PATCH', url: base(id), json: { visibility }, done: visibility };
    },
  },
  {
    path: 'seen',
    call: (id) => ({ method: 'PATCH', url: base(id), json: { statusSeen: true }, done: 'seen' }),
  },
  {
    path: 'recheck',
    call: (id) => ({ method: 'POST', url: `${base(id)}/recheck`, json: {}, done: 'rechecked' }),
  },
  {
    path: 'share-links',
    call: (id) => ({ method: 'POST', url: `${base(id)}/share-links`, json: {}, done: 'shared' }),
  },
  {
    path: 'share-links/:linkId/revoke',
    call: (_id, _fields, params) => ({
      method: 'DELETE',
      url: `/api/v1/wallet/share-links/${segment(params.linkId ?? '')}`,
      done: 'unshared',
    }),
  },
];

export const registerWalletDetailActions = (app: FastifyInstance, web: WebContext): void => {
  for (const action of ACTIONS) {
    app.post<{ Params: Params & Record<string, string> }>(
      `/wallet/credentials/:id/${action.path}`,
      PAGE_ROUTE,
      async (request, reply) => {
        const opened = await openWalletPage(web, request, reply);
        if (opened === undefined) return reply;
        const { page } = opened;
        const fields = formFields(request);
        const { id } = request.params;
        const call = action.call(id, fields, request.params);
        const options: ApiCallOptions = {
          csrfToken: fields._csrf,
          ...(call.json === undefined ? {} : { json: call.json }),
        };
        const answer = await page.api(call.method, call.url, options);
        if (!answer.ok) return sendLoadFailure(page, answer);
        const anchor = call.done === 'shared' || call.done === 'unshared' ? '#share-title' : '';
        return redirectTo(page, `/wallet/credentials/${segment(id)}?done=${call.done}${anchor}`);
      },
    );
  }

  app.get<{ Params: Params }>(
    '/wallet/credentials/:id/delete',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page, session } = opened;
      const l = page.language;
      const answer = await loadWalletCredential(page, request.params.id);
      if (!answer.ok) return sendLoadFailure(page, answer);
      const item = answer.body;
      const title = t(l, 'deleteConfirmTitle', { name: badgeName(page, item) });
      return sendHtml(
        page,
        renderWalletLayout(page, {
          title,
          body: html`${breadcrumb(page, item)}
            <h1>${title}</h1>
            <p>${t(l, 'deleteLead')}</p>
            <p>${t(l, item.origin === 'award' ? 'deleteAward' : 'deleteImport')}</p>
            <form
              method="post"
              action="/wallet/credentials/${segment(item.id)}/delete"
              class="actions"
            >
              ${csrfInput(session)}
              <button type="submit" class="danger" data-testid="wallet-delete-confirm">
                ${t(l, 'deleteConfirm')}
              </button>
              <a href="/wallet/credentials/${segment(item.id)}">${t(l, 'cancel')}</a>
            </form>`,
        }),
      );
    },
  );

  app.post<{ Params: Params }>(
    '/wallet/credentials/:id/delete',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page } = opened;
      const answer = await page.api('DELETE', base(request.params.id), {
        csrfToken: formFields(request)._csrf,
      });
      if (!answer.ok) return sendLoadFailure(page, answer);
      return redirectTo(page, '/wallet?done=deleted');
    },
  );
};
