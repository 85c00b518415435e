/**
 * `GET /wallet/collections`: the learner's collections in their order, each with its badge count,
 * visibility, up/down, make public/private and delete; a form to create one (the API's refusal
 * next to its field). Says plainly that a public collection shows all its badges on the public
 * profile. The actions are POSTs that call the API and come back with a notice:
 * `POST /wallet/collections` (create), `…/{id}/move` (`direction=up|down`),
 * `…/{id}/visibility`, `…/{id}/delete`.
 */
import type { FastifyInstance } from 'fastify';
import {
  csrfInput,
  fieldErrors,
  formFields,
  renderErrorSummary,
  renderField,
  renderTextarea,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { redirectTo, sendHtml, type Page, type SessionView, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { COLLECTION_DONE, collectionText as t } from './wallet-collection-texts.js';
import {
  doneNotice,
  formStatus,
  isPageError,
  openWalletPage,
  renderVisibilityMarker,
  renderWalletLayout,
  segment,
  sendApiErrorPage,
  sendNotFound,
} from './wallet-shared.js';
import type { WalletCollection, WalletCollectionList } from './wallet-types.js';

type Values = Readonly<Record<'name' | 'description', string>>;

export const collectionsUrl = '/api/v1/wallet/collections';

const smallForm = (
  session: SessionView,
  action: string,
  label: string,
  options: { readonly name?: string; readonly value?: string; readonly className?: string } = {},
  ariaLabel?: string,
): SafeHtml =>
  html`<form method="post" action="${action}" class="inline">
    ${csrfInput(session)}
    ${options.name !== undefined && html`<input type="hidden" name="${options.name}" value="${options.value ?? ''}" />`}
    <button
      type="submit"
      class="${options.className ?? 'secondary'}"
      ${ariaLabel !== undefined && html` aria-label="${ariaLabel}"`}
    >
      ${label}
    </button>
  </form>`;

const renderCollectionRow = (
  page: Page,
  session: SessionView,
  collection: WalletCollection,
  index: number,
  count: number,
): SafeHtml => {
  const l = page.language;
  const path = `/wallet/collections/${segment(collection.id)}`;
  const makePublic = collection.visibility === 'private';
  return html`<li class="card wallet-collection" data-testid="wallet-collection" data-id="${collection.id}">
    <h3><a href="${path}">${collection.name}</a></h3>
    ${collection.description !== null && html`<p>${collection.description}</p>`}
    <p>
      ${renderVisibilityMarker(l, collection.visibility)}
      <span class="muted">${t(l, 'badgeCount', { count: collection.count })}</span>
    </p>
    <div class="actions">
      ${index > 0 && smallForm(session, `${path}/move`, t(l, 'moveUp'), { name: 'direction', value: 'up' }, t(l, 'moveUpNamed', { name: collection.name }))}
      ${index < count - 1 && smallForm(session, `${path}/move`, t(l, 'moveDown'), { name: 'direction', value: 'down' }, t(l, 'moveDownNamed', { name: collection.name }))}
      ${smallForm(session, `${path}/visibility`, t(l, makePublic ? 'makePublic' : 'makePrivate'), { name: 'visibility', value: makePublic ? 'public' : 'private' })}
      ${smallForm(session, `${path}/delete`, t(l, 'delete'), { className: 'danger' })}
    </div>
    <p class="hint">${t(l, 'deleteHint')}</p>
  </li>`;
};

const renderPage = (
  page: Page,
  session: SessionView,
  collections: readonly WalletCollection[],
  values: Values,
  errors: FieldErrors,
) => {
  const l = page.language;
  return renderWalletLayout(page, {
    title: t(l, 'title'),
    current: 'collections',
    body: html`<h1>${t(l, 'title')}</h1>
      <p class="lead">${t(l, 'lead')}</p>
      <p class="warning" data-testid="collections-public-means">${t(l, 'publicMeans')}</p>
      ${doneNotice(page, COLLECTION_DONE, (k) => t(l, `done_${k}`))}
      ${
        collections.length === 0
          ? html`<p class="muted" data-testid="collections-none">${t(l, 'none')}</p>`
          : html`<ol class="wallet-collections" data-testid="collections">
            ${collections.map((c, i) => renderCollectionRow(page, session, c, i, collections.length))}
          </ol>`
      }
      <section class="card" aria-labelledby="create-title">
        <h2 id="create-title">${t(l, 'createTitle')}</h2>
        ${renderErrorSummary(l, errors)}
        <form
          method="post"
          action="/wallet/collections"
          class="stack"
          novalidate
          data-testid="collection-create"
        >
          ${csrfInput(session)}
          ${renderField({ name: 'name', label: t(l, 'name'), value: values.name, error: errors.name, required: true, maxlength: 100 })}
          ${renderTextarea({ name: 'description', label: t(l, 'description'), value: values.description, error: errors.description, rows: 3 })}
          <p><button type="submit" data-testid="collection-create-submit">${t(l, 'create')}</button></p>
        </form>
      </section>`,
  });
};

/** The collections, in their order. */
export const loadCollections = async (page: Page) => {
  const answer = await page.api<WalletCollectionList>('GET', collectionsUrl);
  return answer.ok
    ? { ok: true as const, items: [...answer.body.items].sort((a, b) => a.position - b.position) }
    : { ok: false as const, answer };
};

export const registerWalletCollectionsPage = (app: FastifyInstance, web: WebContext): void => {
  app.get('/wallet/collections', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const { page, session } = opened;
    const loaded = await loadCollections(page);
    if (!loaded.ok) return sendApiErrorPage(page, loaded.answer);
    return sendHtml(
      page,
      renderPage(page, session, loaded.items, { name: '', description: '' }, {}),
    );
  });

  app.post('/wallet/collections', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const { page, session } = opened;
    const fields = formFields(request);
    const values = { name: fields.name ?? '', description: fields.description ?? '' };
    const description = values.description.trim();
    const answer = await page.api<WalletCollection>('POST', collectionsUrl, {
      json: {
        name: values.name,
        ...(description === '' ? {} : { description: values.description }),
      },
      csrfToken: fields._csrf,
    });
    if (answer.ok) return redirectTo(page, '/wallet/collections?done=created');
    if (isPageError(answer)) return sendApiErrorPage(page, answer);
    const loaded = await loadCollections(page);
    if (!loaded.ok) return sendApiErrorPage(page, loaded.answer);
    const errors = fieldErrors(answer.error);
    return sendHtml(
      page,
      renderPage(page, session, loaded.items, values, errors),
      formStatus(answer),
    );
  });

  app.post<{ Params: { id: string } }>(
    '/wallet/collections/:id/move',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page } = opened;
      const fields = formFields(request);
      const loaded = await loadCollections(page);
      if (!loaded.ok) return sendApiErrorPage(page, loaded.answer);
      const index = loaded.items.findIndex((c) => c.id === request.params.id);
      if (index < 0) return sendNotFound(page);
      const target = fields.direction === 'up' ? index - 1 : index + 1;
      if (target >= 0 && target < loaded.items.length) {
        const answer = await page.api('PATCH', `${collectionsUrl}/${segment(request.params.id)}`, {
          json: { position: target },
          csrfToken: fields._csrf,
        });
        if (!answer.ok) return sendApiErrorPage(page, answer);
      }
      return redirectTo(page, '/wallet/collections?done=moved');
    },
  );

  app.post<{ Params: { id: string } }>(
    '/wallet/collections/:id/visibility',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page } = opened;
      const fields = formFields(request);
      const visibility = fields.visibility === 'public' ? 'public' : 'private';
      const answer = await page.api('PATCH', `${collectionsUrl}/${segment(request.params.id)}`, {
        json: { visibility },
        csrfToken: fields._csrf,
      });
      if (!answer.ok) {
        return answer.status === 404 ? sendNotFound(page) : sendApiErrorPage(page, answer);
      }
      const back =
        fields.back === 'collection'
          ? `/wallet/collections/${segment(request.params.id)}`
          : '/wallet/collections';
      return redirectTo(page, `${back}?done=${visibility}`);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/wallet/collections/:id/delete',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page } = opened;
      const answer = await page.api('DELETE', `${collectionsUrl}/${segment(request.params.id)}`, {
        csrfToken: formFields(request)._csrf,
      });
      if (!answer.ok) {
        return answer.status === 404 ? sendNotFound(page) : sendApiErrorPage(page, answer);
      }
      return redirectTo(page, '/wallet/collections?done=deleted');
    },
  );
};
