/**
 * `GET /operator/audit`: the platform's audit log (every organisation's events and the platform's
 * own) through `GET /api/v1/audit-events`, newest first, with filters in a GET form, a "next
 * page" link (cursor pagination) and a link to the CSV export with the same filters. Dates are
 * days in Japan time; "to" includes its day.
 */
import type { FastifyInstance } from 'fastify';
import { formatDateTime } from '../kit/dates.js';
import { fieldErrors, renderErrorSummary, renderField, type FieldErrors } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { openPage, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { renderOperator, requireOperator, sendApiErrorPage } from './operator-frame.js';
import { operatorText as t } from './operator-texts.js';
import {
  APPLICATION_STATUSES,
  type ApplicationList,
  type AuditEventPageView,
  type AuditEventView,
} from './operator-types.js';
import { labelledErrors } from './organisation-format.js';

const TEXT_FILTERS = ['action', 'actor', 'organisationId', 'targetType', 'targetId'] as const;
const DATE_FILTERS = ['from', 'to'] as const;
const FILTERS = [...TEXT_FILTERS, ...DATE_FILTERS] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Partial<Record<Filter, string>>;

const DAY_MS = 24 * 60 * 60 * 1000;
const DETAILS_MAX = 240;

/** The instant a day (YYYY-MM-DD) starts in Japan, or undefined for anything else. */
const startOfJapanDay = (day: string): Date | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00+09:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  // 2025-02-30 is not a day, whatever the parser makes of it.
  const back = new Date(date.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return back === day ? date : undefined;
};

const readFilters = (query: Readonly<Record<string, unknown>>): Filters => {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') filters[name] = value.trim();
  }
  return filters;
};

/** The API's query for the filters; field errors for dates that are not dates. */
const apiQuery = (
  filters: Filters,
  language: Language,
): { readonly query: URLSearchParams; readonly errors: FieldErrors } => {
  const query = new URLSearchParams();
  const errors: Record<string, string> = {};
  for (const name of TEXT_FILTERS) {
    const value = filters[name];
    if (value !== undefined) query.set(name, value);
  }
  for (const name of DATE_FILTERS) {
    const value = filters[name];
    if (value === undefined) continue;
    const start = startOfJapanDay(value);
    if (start === undefined) errors[name] = t(language, 'badDate');
    else {
      const instant = name === 'from' ? start : new Date(start.getTime() + DAY_MS);
      query.set(name, instant.toISOString());
    }
  }
  return { query, errors };
};

const pageQuery = (filters: Filters, extra: Readonly<Record<string, string>> = {}): string => {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = filters[name];
    if (value !== undefined) query.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query.toString();
};

const renderActor = (event: AuditEventView, l: Language): SafeHtml => {
  const { actor } = event;
  switch (actor.type) {
    case 'user':
      return actor.email === null
        ? html`${t(l, 'deletedUser')}<br /><code class="hint">${actor.userId}</code>`
        : html`${actor.displayName ?? ''}<br /><span class="hint">${actor.email}</span>`;
    case 'api-key':
      return html`${t(l, 'apiKey')}: ${actor.name ?? ''}<br /><code class="hint"
          >${actor.keyPrefix ?? actor.apiKeyId}</code
        >`;
    case 'anonymous':
      return html`${t(l, 'anonymous')}`;
  }
};

const renderDetails = (details: Readonly<Record<string, unknown>>): string => {
  if (Object.keys(details).length === 0) return '';
  const text = JSON.stringify(details);
  return text.length > DETAILS_MAX ? `${text.slice(0, DETAILS_MAX)}…` : text;
};

const renderEvents = (
  page: Page,
  events: readonly AuditEventView[],
  names: ReadonlyMap<string, string>,
): SafeHtml => {
  const l = page.language;
  if (events.length === 0) return html`<p data-testid="audit-none">${t(l, 'noEvents')}</p>`;
  return html`<div class="table-wrap">
    <table class="audit" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">${t(l, 'occurredAt')}</th>
          <th scope="col">${t(l, 'action')}</th>
          <th scope="col">${t(l, 'actor')}</th>
          <th scope="col">${t(l, 'organisation')}</th>
          <th scope="col">${t(l, 'target')}</th>
          <th scope="col">${t(l, 'details')}</th>
          <th scope="col">${t(l, 'ip')}</th>
        </tr>
      </thead>
      <tbody>
        ${events.map(
          (event) =>
            html`<tr data-testid="audit-row">
              <td>
                <time datetime="${event.occurredAt}">${formatDateTime(event.occurredAt, l)}</time>
              </td>
              <td><code>${event.action}</code></td>
              <td>${renderActor(event, l)}</td>
              <td>
                ${
                  event.organisationId === null
                    ? t(l, 'platform')
                    : html`<a
                        href="/operator/audit?${pageQuery({ organisationId: event.organisationId })}"
                        >${names.get(event.organisationId) ?? event.organisationId}</a
                      >`
                }
              </td>
              <td>
                ${
                  event.target !== null &&
                  html`${event.target.type ?? ''}<br /><code class="hint"
                      >${event.target.id ?? ''}</code
                    >`
                }
              </td>
              <td><code class="details">${renderDetails(event.details)}</code></td>
              <td>${event.ip ?? ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
};

/** Organisation names by id, for the table (every status: events of rejected ones too). */
const organisationNames = async (page: Page): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  const lists = await Promise.all(
    APPLICATION_STATUSES.map((status) =>
      page.api<ApplicationList>('GET', `/api/v1/organisation-applications?status=${status}`),
    ),
  );
  for (const list of lists) {
    if (!list.ok) continue;
    for (const one of list.body.applications) {
      names.set(one.id, page.language === 'en' && one.nameEn !== '' ? one.nameEn : one.legalName);
    }
  }
  return names;
};

const renderFilterForm = (page: Page, filters: Filters, errors: FieldErrors): SafeHtml => {
  const l = page.language;
  const field = (name: Filter, extra: { type?: string; hint?: string } = {}) =>
    renderField({ name, label: t(l, name), value: filters[name], error: errors[name], ...extra });
  return html`<form
    method="get"
    action="/operator/audit"
    class="filters"
    aria-label="${t(l, 'filters')}"
  >
    ${field('action', { hint: t(l, 'actionHint') })} ${field('actor')} ${field('organisationId')}
    ${field('from', { type: 'date' })} ${field('to', { type: 'date', hint: t(l, 'toHint') })}
    ${field('targetType')} ${field('targetId')}
    <div class="actions">
      <button type="submit" class="secondary">${t(l, 'filter')}</button>
      <a href="/operator/audit">${t(l, 'clearFilters')}</a>
    </div>
  </form>`;
};

export const registerOperatorAuditPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Querystring: Record<string, unknown> }>(
    '/operator/audit',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      if (requireOperator(page) === undefined) return reply;
      const l = page.language;
      const filters = readFilters(request.query);
      const { query, errors: dateErrors } = apiQuery(filters, l);
      const csvQuery = new URLSearchParams(query);
      csvQuery.set('lang', l);
      const { cursor, limit } = request.query;
      if (typeof cursor === 'string' && cursor !== '') query.set('cursor', cursor);
      if (typeof limit === 'string' && /^\d{1,3}$/.test(limit)) query.set('limit', limit);
      let errors: FieldErrors = dateErrors;
      let listing: SafeHtml | undefined;
      let next: string | undefined;
      if (Object.keys(errors).length === 0) {
        const [answer, names] = await Promise.all([
          page.api<AuditEventPageView>('GET', `/api/v1/audit-events?${query.toString()}`),
          organisationNames(page),
        ]);
        if (answer.ok) {
          listing = renderEvents(page, answer.body.events, names);
          if (answer.body.nextCursor !== null) {
            const extra: Record<string, string> = { cursor: answer.body.nextCursor };
            if (query.has('limit')) extra.limit = query.get('limit') ?? '';
            next = `/operator/audit?${pageQuery(filters, extra)}`;
          }
        } else {
          const sent = sendApiErrorPage(page, answer.status, answer.error);
          if (sent !== undefined) return sent;
          errors = fieldErrors(answer.error);
        }
      }
      const paged = query.has('cursor');
      return sendHtml(
        page,
        renderOperator(page, {
          active: 'audit',
          title: t(l, 'auditTitle'),
          body: html`<h1>${t(l, 'auditTitle')}</h1>
            <p class="lead">${t(l, 'auditLead')}</p>
            ${renderErrorSummary(
              l,
              labelledErrors(errors, (name) => t(l, name as Filter)),
            )}
            ${renderFilterForm(page, filters, errors)}
            <p class="toolbar">
              <a
                href="/api/v1/audit-events.csv?${csvQuery.toString()}"
                download
                data-testid="audit-csv"
                >${t(l, 'exportCsv')}</a
              >
            </p>
            ${listing}
            <nav class="pagination" aria-label="${t(l, 'audit')}">
              ${paged && html`<a href="/operator/audit?${pageQuery(filters)}">${t(l, 'firstPage')}</a>`}
              ${next !== undefined && html`<a href="${next}" rel="next" data-testid="next-page">${t(l, 'nextPage')}</a>`}
            </nav>`,
        }),
        Object.keys(errors).length === 0 ? 200 : 400,
      );
    },
  );
};
