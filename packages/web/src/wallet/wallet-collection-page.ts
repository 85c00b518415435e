/**
 * `GET /wallet/collections/{id}`: one collection — its name, description and visibility (edited
 * by `POST /wallet/collections/{id}`, the API's refusal next to the field), its badges in order
 * with up/down and remove, and the wallet's other badges with checkboxes to add them. Every
 * change of the badges is `POST /wallet/collections/{id}/items` (`op=up|down|remove|add`), which
 * sends the whole new order to `PUT /api/v1/wallet/collections/{id}/items`.
 */
import type { FastifyInstance } from 'fastify';
import {
  csrfInput,
  fieldErrors,
  formFields,
  formValues,
  renderErrorSummary,
  renderField,
  renderSelect,
  renderTextarea,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { redirectTo, sendHtml, type Page, type SessionView, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { badgeName } from './wallet-card.js';
import { COLLECTION_DONE, collectionText as t } from './wallet-collection-texts.js';
import { collectionsUrl, loadCollections } from './wallet-collections-page.js';
import {
  doneNotice,
  formStatus,
  isPageError,
  openWalletPage,
  renderStatusPill,
  renderWalletLayout,
  segment,
  sendApiErrorPage,
  sendNotFound,
} from './wallet-shared.js';
import { walletText } from './wallet-texts.js';
import type {
  WalletCollection,
  WalletCredentialSummary,
  WalletListAnswer,
} from './wallet-types.js';

type Values = Readonly<Record<'name' | 'description' | 'visibility', string>>;

const MAX_PAGES = 20;

/** Every badge of the wallet (following the API's cursor). */
const loadAllBadges = async (page: Page): Promise<WalletCredentialSummary[] | undefined> => {
  const all: WalletCredentialSummary[] = [];
  let cursor = '';
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const query = new URLSearchParams({ sort: 'name', order: 'asc', limit: '100' });
    if (cursor !== '') query.set('cursor', cursor);
    const answer = await page.api<WalletListAnswer>(
      'GET',
      `/api/v1/wallet/credentials?${query.toString()}`,
    );
    if (!answer.ok) return undefined;
    all.push(...answer.body.items);
    if (answer.body.nextCursor === null) break;
    cursor = answer.body.nextCursor;
  }
  return all;
};

const itemForm = (
  session: SessionView,
  collection: WalletCollection,
  op: string,
  credentialId: string,
  label: string,
  ariaLabel: string,
  className = 'secondary',
): SafeHtml =>
  html`<form method="post" action="/wallet/collections/${segment(collection.id)}/items" class="inline">
    ${csrfInput(session)}<input type="hidden" name="op" value="${op}" /><input
      type="hidden"
      name="credentialId"
      value="${credentialId}"
    />
    <button type="submit" class="${className}" aria-label="${ariaLabel}">${label}</button>
  </form>`;

const renderItems = (
  page: Page,
  session: SessionView,
  collection: WalletCollection,
  members: readonly WalletCredentialSummary[],
): SafeHtml => {
  const l = page.language;
  if (members.length === 0) return html`<p class="muted">${t(l, 'badgesNone')}</p>`;
  return html`<ol class="wallet-collection-items" data-testid="collection-items">
    ${members.map((item, i) => {
      const name = badgeName(page, item);
      return html`<li data-testid="collection-item" data-id="${item.id}">
        <a href="/wallet/credentials/${segment(item.id)}">${name}</a>
        ${renderStatusPill(l, item.status)}
        <span class="actions">
          ${i > 0 && itemForm(session, collection, 'up', item.id, t(l, 'moveUp'), t(l, 'moveUpNamed', { name }))}
          ${i < members.length - 1 && itemForm(session, collection, 'down', item.id, t(l, 'moveDown'), t(l, 'moveDownNamed', { name }))}
          ${itemForm(session, collection, 'remove', item.id, t(l, 'remove'), t(l, 'removeNamed', { name }), 'danger')}
        </span>
      </li>`;
    })}
  </ol>`;
};

const renderAdd = (
  page: Page,
  session: SessionView,
  collection: WalletCollection,
  others: readonly WalletCredentialSummary[],
  error: string | undefined,
): SafeHtml => {
  const l = page.language;
  if (others.length === 0) return html`<p class="muted">${t(l, 'addNone')}</p>`;
  return html`<form
    method="post"
    action="/wallet/collections/${segment(collection.id)}/items"
    data-testid="collection-add"
  >
    ${csrfInput(session)}<input type="hidden" name="op" value="add" />
    <fieldset class="${error === undefined ? '' : 'has-error'}">
      <legend>${t(l, 'addTitle')}</legend>
      ${error !== undefined && html`<p class="field-error" id="add-error">${error}</p>`}
      ${others.map(
        (item) =>
          html`<div class="field checkbox">
            <input
              type="checkbox"
              id="add-${item.id}"
              name="credentialId"
              value="${item.id}"
            /><label for="add-${item.id}"
              >${badgeName(page, item)}
              <span class="muted">— ${item.issuerName ?? walletText(l, 'unknownIssuer')}</span></label
            >
          </div>`,
      )}
    </fieldset>
    <p><button type="submit" data-testid="collection-add-submit">${t(l, 'addButton')}</button></p>
  </form>`;
};

interface PageState {
  readonly values?: Values;
  readonly errors?: FieldErrors;
  readonly addError?: string;
}

const sendCollectionPage = async (
  page: Page,
  session: SessionView,
  collection: WalletCollection,
  state: PageState,
  status = 200,
) => {
  const l = page.language;
  const badges = await loadAllBadges(page);
  if (badges === undefined) return sendNotFound(page);
  const byId = new Map(badges.map((b) => [b.id, b]));
  const members = collection.credentialIds.flatMap((id) => byId.get(id) ?? []);
  const others = badges.filter((b) => !collection.credentialIds.includes(b.id));
  const values = state.values ?? {
    name: collection.name,
    description: collection.description ?? '',
    visibility: collection.visibility,
  };
  const errors = state.errors ?? {};
  const path = `/wallet/collections/${segment(collection.id)}`;
  return sendHtml(
    page,
    renderWalletLayout(page, {
      title: collection.name,
      current: 'collections',
      body: html`<p><a href="/wallet/collections">${t(l, 'back')}</a></p>
        <h1 data-testid="collection-name">${collection.name}</h1>
        ${doneNotice(page, COLLECTION_DONE, (k) => t(l, `done_${k}`))}
        <p class="warning">${t(l, 'publicMeans')}</p>
        <section aria-labelledby="items-title">
          <h2 id="items-title">${t(l, 'badgesTitle')}</h2>
          ${renderItems(page, session, collection, members)}
        </section>
        <section aria-labelledby="add-title">
          <h2 id="add-title">${t(l, 'addTitle')}</h2>
          ${renderAdd(page, session, collection, others, state.addError)}
        </section>
        <section class="card" aria-labelledby="edit-title">
          <h2 id="edit-title">${t(l, 'editTitle')}</h2>
          ${renderErrorSummary(l, errors)}
          <form method="post" action="${path}" class="stack" novalidate data-testid="collection-edit">
            ${csrfInput(session)}
            ${renderField({ name: 'name', label: t(l, 'name'), value: values.name, error: errors.name, required: true, maxlength: 100 })}
            ${renderTextarea({ name: 'description', label: t(l, 'description'), value: values.description, error: errors.description, rows: 3 })}
            ${renderSelect({
              name: 'visibility',
              label: t(l, 'visibility'),
              value: values.visibility,
              error: errors.visibility,
              hint: t(l, 'publicMeans'),
              options: [
                { value: 'private', label: walletText(l, 'visibility_private') },
                { value: 'public', label: walletText(l, 'visibility_public') },
              ],
            })}
            <p><button type="submit" data-testid="collection-save">${t(l, 'save')}</button></p>
          </form>
          <form method="post" action="${path}/delete" class="inline">
            ${csrfInput(session)}
            <button type="submit" class="danger" data-testid="collection-delete">${t(l, 'delete')}</button>
          </form>
          <p class="hint">${t(l, 'deleteHint')}</p>
        </section>`,
    }),
    status,
  );
};

/** The new order of the collection's badges for an operation, or undefined when none. */
const newOrder = (ids: readonly string[], op: string, chosen: readonly string[]) => {
  const id = chosen[0] ?? '';
  const index = ids.indexOf(id);
  const swap = (a: number, b: number) => {
    const next = [...ids];
    [next[a], next[b]] = [ids[b] ?? '', ids[a] ?? ''];
    return next;
  };
  switch (op) {
    case 'up':
      return index > 0 ? swap(index, index - 1) : ids;
    case 'down':
      return index >= 0 && index < ids.length - 1 ? swap(index, index + 1) : ids;
    case 'remove':
      return ids.filter((one) => one !== id);
    case 'add':
      return [...ids, ...chosen.filter((one) => !ids.includes(one))];
    default:
      return undefined;
  }
};

const DONE_AFTER: Readonly<Record<string, string>> = {
  up: 'moved',
  down: 'moved',
  remove: 'removed',
  add: 'added',
};

export const registerWalletCollectionPage = (app: FastifyInstance, web: WebContext): void => {
  const open = async (page: Page, id: string) => {
    const loaded = await loadCollections(page);
    if (!loaded.ok) return { failure: loaded.answer } as const;
    return { collection: loaded.items.find((c) => c.id === id) } as const;
  };

  app.get<{ Params: { id: string } }>(
    '/wallet/collections/:id',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page, session } = opened;
      const found = await open(page, request.params.id);
      if ('failure' in found) return sendApiErrorPage(page, found.failure);
      if (found.collection === undefined) return sendNotFound(page);
      return sendCollectionPage(page, session, found.collection, {});
    },
  );

  app.post<{ Params: { id: string } }>(
    '/wallet/collections/:id',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page, session } = opened;
      const found = await open(page, request.params.id);
      if ('failure' in found) return sendApiErrorPage(page, found.failure);
      if (found.collection === undefined) return sendNotFound(page);
      const fields = formFields(request);
      const values = {
        name: fields.name ?? '',
        description: fields.description ?? '',
        visibility: fields.visibility === 'public' ? 'public' : 'private',
      };
      const answer = await page.api('PATCH', `${collectionsUrl}/${segment(found.collection.id)}`, {
        json: {
          name: values.name,
          description: values.description.trim() === '' ? null : values.description,
          visibility: values.visibility,
        },
        csrfToken: fields._csrf,
      });
      if (answer.ok) {
        return redirectTo(page, `/wallet/collections/${segment(found.collection.id)}?done=saved`);
      }
      if (isPageError(answer)) return sendApiErrorPage(page, answer);
      const errors = fieldErrors(answer.error);
      return sendCollectionPage(
        page,
        session,
        found.collection,
        { values, errors },
        formStatus(answer),
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/wallet/collections/:id/items',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page, session } = opened;
      const found = await open(page, request.params.id);
      if ('failure' in found) return sendApiErrorPage(page, found.failure);
      const { collection } = found;
      if (collection === undefined) return sendNotFound(page);
      const fields = formFields(request);
      const op = fields.op ?? '';
      const chosen = formValues(request, 'credentialId');
      if (op === 'add' && chosen.length === 0) {
        const addError = t(page.language, 'addNothing');
        return sendCollectionPage(page, session, collection, { addError }, 400);
      }
      const order = newOrder(collection.credentialIds, op, chosen);
      if (order === undefined) return sendNotFound(page);
      const answer = await page.api('PUT', `${collectionsUrl}/${segment(collection.id)}/items`, {
        json: { credentialIds: order },
        csrfToken: fields._csrf,
      });
      if (!answer.ok) {
        if (isPageError(answer)) return sendApiErrorPage(page, answer);
        const addError = answer.error?.message;
        return sendCollectionPage(
          page,
          session,
          collection,
          addError === undefined ? {} : { addError },
          formStatus(answer),
        );
      }
      const done = DONE_AFTER[op] ?? 'saved';
      return redirectTo(page, `/wallet/collections/${segment(collection.id)}?done=${done}`);
    },
  );
};
