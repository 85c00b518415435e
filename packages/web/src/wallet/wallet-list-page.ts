/**
 * `GET /wallet`: the learner's badges as cards — awards and imports, OB 2.0 and 3.0 together —
 * with filters (status, collection), search, sort and paging (the API's cursor), all in a plain
 * GET form that works without script. When a background re-check changed some badge's status, a
 * banner says how many, each changed card says what it was and is now, and
 * `POST /wallet/status-seen` marks them seen. With no badge at all, the page explains how badges
 * arrive. `GET /wallet/export` sends the browser to the API's ZIP of the whole wallet (a GET the
 * session cookie authorises, streamed by the API).
 */
import type { FastifyInstance } from 'fastify';
import { csrfInput, renderField, renderSelect, type SelectOption } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { redirectTo, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { renderWalletCard } from './wallet-card.js';
import {
  doneNotice,
  openWalletPage,
  postedCsrf,
  queryValue,
  renderWalletLayout,
  sendApiErrorPage,
} from './wallet-shared.js';
import { walletText as t } from './wallet-texts.js';
import {
  WALLET_STATUSES,
  isWalletStatus,
  type WalletCollectionList,
  type WalletListAnswer,
} from './wallet-types.js';

const SORTS = ['added', 'issued', 'name', 'issuer'] as const;
type Sort = (typeof SORTS)[number];
const PAGE_SIZE = 24;

interface ListQuery {
  readonly q: string;
  readonly status: string;
  readonly collection: string;
  readonly sort: Sort;
  readonly order: 'asc' | 'desc';
  readonly cursor: string;
}

const readQuery = (page: Page): ListQuery => {
  const sort = queryValue(page, 'sort');
  const status = queryValue(page, 'status');
  return {
    q: queryValue(page, 'q').trim().slice(0, 200),
    status: isWalletStatus(status) ? status : '',
    collection: queryValue(page, 'collection'),
    sort: SORTS.find((s) => s === sort) ?? 'added',
    order: queryValue(page, 'order') === 'asc' ? 'asc' : 'desc',
    cursor: queryValue(page, 'cursor'),
  };
};

/** The query string for the API or for a link to this page (empty values left out). */
const queryString = (query: ListQuery, extra: Record<string, string> = {}): string => {
  const params = new URLSearchParams();
  const entries: [string, string][] = [
    ['q', query.q],
    ['status', query.status],
    ['collection', query.collection],
    ['sort', query.sort === 'added' ? '' : query.sort],
    ['order', query.order === 'desc' ? '' : query.order],
    ...Object.entries(extra),
  ];
  for (const [name, value] of entries) if (value !== '') params.set(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

const renderFilters = (
  page: Page,
  query: ListQuery,
  collections: WalletCollectionList | undefined,
): SafeHtml => {
  const l = page.language;
  const statusOptions: SelectOption[] = [
    { value: '', label: t(l, 'anyStatus') },
    ...WALLET_STATUSES.map((s) => ({ value: s, label: t(l, `status_${s}`) })),
  ];
  const collectionOptions: SelectOption[] = [
    { value: '', label: t(l, 'anyCollection') },
    ...(collections?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  return html`<form
    method="get"
    action="/wallet"
    class="filters wallet-filters"
    role="search"
    aria-label="${t(l, 'filters')}"
    data-testid="wallet-filters"
  >
    ${renderField({ name: 'q', type: 'search', label: t(l, 'search'), hint: t(l, 'searchHint'), value: query.q, maxlength: 200 })}
    ${renderSelect({ name: 'status', label: t(l, 'statusLabel'), value: query.status, options: statusOptions })}
    ${collectionOptions.length > 1 && renderSelect({ name: 'collection', label: t(l, 'collection'), value: query.collection, options: collectionOptions })}
    ${renderSelect({ name: 'sort', label: t(l, 'sort'), value: query.sort, options: SORTS.map((s) => ({ value: s, label: t(l, `sort_${s}`) })) })}
    ${renderSelect({
      name: 'order',
      label: t(l, 'order'),
      value: query.order,
      options: [
        { value: 'desc', label: t(l, 'order_desc') },
        { value: 'asc', label: t(l, 'order_asc') },
      ],
    })}
    <p class="actions">
      <button type="submit" data-testid="wallet-filter-submit">${t(l, 'apply')}</button>
      <a href="/wallet">${t(l, 'clear')}</a>
    </p>
  </form>`;
};

const renderChangedBanner = (page: Page, changed: number): SafeHtml | '' => {
  if (changed <= 0 || page.session === undefined) return '';
  const l = page.language;
  const message =
    changed === 1 ? t(l, 'changedBannerOne') : t(l, 'changedBanner', { count: changed });
  return html`<div class="warning wallet-changed" role="status" data-testid="wallet-changed">
    <p>${message}</p>
    <form method="post" action="/wallet/status-seen" class="inline">
      ${csrfInput(page.session)}
      <button type="submit" class="secondary" data-testid="wallet-mark-seen">
        ${t(l, 'markSeen')}
      </button>
    </form>
  </div>`;
};

const renderEmpty = (page: Page): SafeHtml => {
  const l = page.language;
  return html`<section class="card wallet-empty" data-testid="wallet-empty">
    <h2>${t(l, 'emptyTitle')}</h2>
    <p>${t(l, 'emptyLead')}</p>
    <ol>
      <li>${t(l, 'emptyClaim')}</li>
      <li>${t(l, 'emptyEmails')} <a href="/account/emails">${t(l, 'emptyEmailsLink')}</a></li>
      <li>${t(l, 'emptyImport')} <a href="/wallet/import">${t(l, 'navImport')}</a></li>
    </ol>
  </section>`;
};

const isFiltered = (query: ListQuery): boolean =>
  query.q !== '' || query.status !== '' || query.collection !== '' || query.cursor !== '';

export const registerWalletListPage = (app: FastifyInstance, web: WebContext): void => {
  app.get('/wallet', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const { page } = opened;
    const l = page.language;
    const query = readQuery(page);
    const [answer, collections] = await Promise.all([
      page.api<WalletListAnswer>(
        'GET',
        `/api/v1/wallet/credentials${queryString(query, { cursor: query.cursor, limit: String(PAGE_SIZE) })}`,
      ),
      page.api<WalletCollectionList>('GET', '/api/v1/wallet/collections'),
    ]);
    if (!answer.ok) return sendApiErrorPage(page, answer);
    const { items, nextCursor, changed, total } = answer.body;
    const empty = items.length === 0 && !isFiltered(query);
    const list =
      items.length === 0
        ? html`<p data-testid="wallet-no-match">${t(l, 'noMatch')}</p>`
        : html`<ul class="wallet-cards" data-testid="wallet-cards">
            ${items.map((item) => renderWalletCard(page, item))}
          </ul>`;
    const paging = html`<nav class="actions wallet-paging" aria-label="${t(l, 'listTitle')}">
      ${query.cursor !== '' && html`<a href="/wallet${queryString(query)}">${t(l, 'firstPage')}</a>`}
      ${nextCursor !== null && html`<a href="/wallet${queryString(query, { cursor: nextCursor })}" rel="next" data-testid="wallet-next">${t(l, 'nextPage')}</a>`}
    </nav>`;
    return sendHtml(
      page,
      renderWalletLayout(page, {
        title: t(l, 'title'),
        current: 'badges',
        wide: true,
        body: html`<h1>${t(l, 'title')}</h1>
          <p class="lead">${t(l, 'lead')}</p>
          ${doneNotice(page, ['deleted', 'seen'] as const, (k) => t(l, `done_${k}`))}
          ${renderChangedBanner(page, changed)}
          ${
            empty
              ? renderEmpty(page)
              : html`${renderFilters(page, query, collections.ok ? collections.body : undefined)}
                <h2 class="visually-hidden">${t(l, 'listTitle')}</h2>
                <p class="muted" data-testid="wallet-total">${t(l, 'count', { count: total })}</p>
                ${list} ${paging}`
          }`,
      }),
    );
  });

  app.post('/wallet/status-seen', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const { page } = opened;
    const answer = await page.api('POST', '/api/v1/wallet/status-seen', {
      json: {},
      csrfToken: postedCsrf(page),
    });
    if (!answer.ok) return sendApiErrorPage(page, answer);
    return redirectTo(page, '/wallet?done=seen');
  });

  app.get('/wallet/export', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    return redirectTo(opened.page, '/api/v1/wallet/export');
  });
};
