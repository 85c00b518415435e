/**
 * `GET /console/{org}/awards`: the organisation's awards, newest first, with a filter form
 * (name or e-mail, badge, status, award dates) and cursor pages. The API filters by badge and
 * state; the search, the dates and "expired" are applied here over a bounded number of API
 * pages (the page then says when it searched only part of the list).
 */
import type { FastifyInstance } from 'fastify';
import { loadConsole, renderConsole, type ConsoleContext } from '../kit/console.js';
import { formatDate } from '../kit/dates.js';
import { renderField, renderSelect, type FieldErrors } from '../kit/forms.js';
import { html } from '../kit/html.js';
import { openPage, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  achievementName,
  displayStatus,
  isUuid,
  loadAchievements,
  recipientName,
  renderStatusPill,
} from './award-shared.js';
import type {
  AchievementSummary,
  AwardDisplayStatus,
  AwardPage,
  AwardView,
} from './award-types.js';
import { awardsText as t } from './awards-texts.js';

const STATUSES: readonly AwardDisplayStatus[] = ['active', 'suspended', 'revoked', 'expired'];
const DEFAULT_PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Query = Readonly<Record<string, string | undefined>>;

interface Filters {
  readonly q: string;
  readonly achievementId: string;
  readonly status: AwardDisplayStatus | '';
  readonly from: string;
  readonly to: string;
  readonly cursor: string;
  readonly limit: number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const readFilters = (query: Query): { filters: Filters; errors: FieldErrors } => {
  const status = text(query.status);
  const limit = Number.parseInt(text(query.limit), 10);
  const filters: Filters = {
    q: text(query.q),
    achievementId: isUuid(text(query.achievementId)) ? text(query.achievementId) : '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as AwardDisplayStatus) : '',
    from: text(query.from),
    to: text(query.to),
    cursor: text(query.cursor),
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 200 ? limit : DEFAULT_PAGE_SIZE,
  };
  const errors: Record<string, string> = {};
  for (const name of ['from', 'to'] as const) {
    const value = filters[name];
    if (value !== '' && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) errors[name] = '';
  }
  return { filters, errors };
};

/** Midnight in Japan at the start of a calendar date, as an instant. */
const japanMidnight = (date: string, addDays = 0): string =>
  new Date(Date.parse(`${date}T00:00:00+09:00`) + addDays * 86_400_000).toISOString();

interface Results {
  readonly awards: readonly AwardView[];
  readonly nextCursor: string | null;
  readonly error?: string;
}

/**
 * One page of results, every filter applied by the API: the search (e-mail, names as stored,
 * external id), the award dates (Japan calendar days, `to` included), the stored state and, for
 * active/expired, whether the end date has passed.
 */
const loadResults = async (
  context: ConsoleContext,
  filters: Filters,
  errors: FieldErrors,
): Promise<Results> => {
  const { page, organisationId } = context;
  const query = new URLSearchParams({ limit: String(filters.limit) });
  if (filters.q !== '') query.set('q', filters.q);
  if (filters.achievementId !== '') query.set('achievementId', filters.achievementId);
  if (filters.status !== '') {
    query.set('state', filters.status === 'expired' ? 'active' : filters.status);
    if (filters.status === 'active') query.set('validity', 'current');
    if (filters.status === 'expired') query.set('validity', 'expired');
  }
  if (filters.from !== '' && errors.from === undefined)
    query.set('awardedFrom', japanMidnight(filters.from));
  if (filters.to !== '' && errors.to === undefined)
    query.set('awardedTo', japanMidnight(filters.to, 1));
  if (filters.cursor !== '') query.set('cursor', filters.cursor);
  const answer = await page.api<AwardPage>(
    'GET',
    `/api/v1/organisations/${organisationId}/awards?${query.toString()}`,
  );
  if (!answer.ok) return { awards: [], nextCursor: null, error: answer.error?.message ?? '' };
  return { awards: answer.body.awards, nextCursor: answer.body.nextCursor };
};

const filterHref = (base: string, filters: Filters, cursor?: string): string => {
  const query = new URLSearchParams();
  for (const name of ['q', 'achievementId', 'status', 'from', 'to'] as const) {
    if (filters[name] !== '') query.set(name, filters[name]);
  }
  if (filters.limit !== DEFAULT_PAGE_SIZE) query.set('limit', String(filters.limit));
  if (cursor !== undefined) query.set('cursor', cursor);
  const search = query.toString();
  return `${base}/awards${search === '' ? '' : `?${search}`}`;
};

const renderFilters = (
  context: ConsoleContext,
  filters: Filters,
  errors: FieldErrors,
  achievements: readonly AchievementSummary[],
) => {
  const l = context.page.language;
  const dateError = (name: 'from' | 'to') =>
    errors[name] === undefined ? undefined : t(l, 'badDate');
  return html`<section aria-labelledby="filters-heading" class="card">
    <h2 id="filters-heading">${t(l, 'filtersTitle')}</h2>
    <form method="get" action="${context.base}/awards" class="filters" data-testid="award-filters">
      ${renderField({ name: 'q', label: t(l, 'q'), type: 'search', value: filters.q, maxlength: 200 })}
      ${renderSelect({
        name: 'achievementId',
        label: t(l, 'achievement'),
        value: filters.achievementId,
        options: [
          { value: '', label: t(l, 'allAchievements') },
          ...achievements.map((a) => ({ value: a.id, label: achievementName(a, l) })),
        ],
      })}
      ${renderSelect({
        name: 'status',
        label: t(l, 'status'),
        value: filters.status,
        options: [
          { value: '', label: t(l, 'allStatuses') },
          ...STATUSES.map((s) => ({ value: s, label: t(l, `status_${s}`) })),
        ],
      })}
      ${renderField({ name: 'from', label: t(l, 'issuedFrom'), type: 'date', value: filters.from, error: dateError('from') })}
      ${renderField({ name: 'to', label: t(l, 'issuedTo'), type: 'date', value: filters.to, error: dateError('to') })}
      <div class="actions">
        <button type="submit">${t(l, 'applyFilters')}</button>
        <a href="${context.base}/awards">${t(l, 'clearFilters')}</a>
      </div>
    </form>
  </section>`;
};

const renderTable = (
  context: ConsoleContext,
  awards: readonly AwardView[],
  names: ReadonlyMap<string, string>,
) => {
  const { page, base } = context;
  const l = page.language;
  const now = new Date();
  return html`<div class="table-wrap">
    <table data-testid="award-table">
      <thead>
        <tr>
          <th scope="col">${t(l, 'recipient')}</th>
          <th scope="col">${t(l, 'email')}</th>
          <th scope="col">${t(l, 'achievement')}</th>
          <th scope="col">${t(l, 'issuedOn')}</th>
          <th scope="col">${t(l, 'status')}</th>
        </tr>
      </thead>
      <tbody>
        ${awards.map((award) => {
          const name = recipientName(award.recipient);
          const kana = award.recipient.name === null ? null : award.recipient.nameKana;
          return html`<tr data-testid="award-row" data-award-id="${award.id}">
            <th scope="row">
              <a href="${base}/awards/${award.id}">${name ?? t(l, 'noName')}</a>
              ${kana !== null && html`<br /><span class="hint">${kana}</span>`}
            </th>
            <td class="award-email">${award.recipient.email}</td>
            <td>${names.get(award.achievementId) ?? t(l, 'unknownBadge')}</td>
            <td>${formatDate(award.awardedAt, l, page.calendar)}</td>
            <td>${renderStatusPill(displayStatus(award, now), l)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
};

export const registerAwardListPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: { organisationId: string }; Querystring: Query }>(
    '/console/:organisationId/awards',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const l = page.language;
      const { filters, errors } = readFilters(request.query);
      const [achievements, results] = await Promise.all([
        loadAchievements(page, context.organisationId),
        loadResults(context, filters, errors),
      ]);
      const names = new Map(achievements.map((a) => [a.id, achievementName(a, l)]));
      const filtered =
        filters.q !== '' ||
        filters.achievementId !== '' ||
        filters.status !== '' ||
        filters.from !== '' ||
        filters.to !== '';
      const empty =
        filtered || filters.cursor !== ''
          ? html`<p data-testid="award-empty">${t(l, 'none')}</p>`
          : html`<p data-testid="award-empty">${t(l, 'noneYet')}</p>
              <p><a href="${context.base}/achievements">${t(l, 'goAchievements')}</a></p>`;
      const body = html`<h1>${t(l, 'listTitle')}</h1>
        ${renderFilters(context, filters, errors, achievements)}
        ${
          results.error !== undefined &&
          html`<p class="warning" role="alert" data-testid="award-list-error">
            ${t(l, 'listFailed', { message: results.error })}
          </p>`
        }
        ${
          results.awards.length === 0
            ? results.error === undefined && empty
            : html`<p class="hint">${t(l, 'shown', { count: results.awards.length })}</p>
                ${renderTable(context, results.awards, names)}`
        }
        ${
          (filters.cursor !== '' || results.nextCursor !== null) &&
          html`<nav class="toolbar award-pager" aria-label="${t(l, 'pages')}">
            ${filters.cursor !== '' && html`<a href="${filterHref(context.base, filters)}" data-testid="award-first">${t(l, 'first')}</a>`}
            ${
              results.nextCursor !== null &&
              html`<a
                href="${filterHref(context.base, filters, results.nextCursor)}"
                rel="next"
                data-testid="award-next"
                >${t(l, 'next')}</a
              >`
            }
          </nav>`
        }`;
      return sendHtml(
        page,
        renderConsole(context, {
          active: 'awards',
          title: t(l, 'listTitle'),
          styles: ['awards.css'],
          body,
        }),
      );
    },
  );
};
