/**
 * `GET /console/{org}/audit`: the organisation's audit log (`GET …/audit-events`), newest first,
 * with filters (a GET form: action, actor, target, dates in Japan time), cursor pagination and a
 * link to the CSV export with the same filters. The API lets org admins read it.
 */
import type { FastifyInstance } from 'fastify';
import type { ConsoleContext } from '../kit/console.js';
import { formatDateTime } from '../kit/dates.js';
import { renderErrorSummary, renderField } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { auditText as t } from './audit-texts.js';
import { apiOrgPath, formErrors, sendConsolePage } from './console-org-shared.js';
import { loadConsole } from '../kit/console.js';
import { orgText } from './console-org-texts.js';
import type { AuditEvent, AuditEventPage } from './console-org-types.js';

const FILTERS = ['action', 'actor', 'targetType', 'targetId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Readonly<Partial<Record<Filter, string>>>;

type AuditRoute = { Params: { org: string }; Querystring: Record<string, unknown> };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date typed in the form as the start of that day in Japan; anything else as typed. */
const startOfDay = (value: string): string =>
  DATE.test(value) ? `${value}T00:00:00+09:00` : value;

/** The day after a typed date, so that `to` includes the whole day. */
const endOfDay = (value: string): string => {
  const match = DATE.exec(value);
  if (match === null) return value;
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return Number.isNaN(next.getTime()) ? value : `${next.toISOString().slice(0, 10)}T00:00:00+09:00`;
};

const readFilters = (query: Record<string, unknown>): Filters => {
  const out: Partial<Record<Filter, string>> = {};
  for (const name of FILTERS) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') out[name] = value.trim();
  }
  return out;
};

/** The API's query for the filters (dates in Japan time). */
const apiQuery = (filters: Filters): URLSearchParams => {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = filters[name];
    if (value === undefined) continue;
    query.set(name, name === 'from' ? startOfDay(value) : name === 'to' ? endOfDay(value) : value);
  }
  return query;
};

const pageQuery = (filters: Filters, extra: Readonly<Record<string, string>>): string => {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = filters[name];
    if (value !== undefined) query.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
};

const renderActor = (context: ConsoleContext, event: AuditEvent): SafeHtml => {
  const l = context.page.language;
  const { actor } = event;
  if (actor.type === 'user') {
    return actor.email === null
      ? html`${t(l, 'deletedUser')} <code>${actor.userId}</code>`
      : html`${actor.displayName ?? ''}<br /><span class="hint">${actor.email}</span>`;
  }
  if (actor.type === 'api-key') {
    return html`${t(l, 'apiKey')}: ${actor.name ?? ''}
      <code>${actor.keyPrefix ?? actor.apiKeyId}</code>`;
  }
  return html`${t(l, 'anonymous')}`;
};

const renderEvent = (context: ConsoleContext, event: AuditEvent): SafeHtml => {
  const l = context.page.language;
  const details = Object.keys(event.details).length === 0 ? '' : JSON.stringify(event.details);
  return html`<tr data-testid="audit-event">
    <td>${formatDateTime(event.occurredAt, l)}</td>
    <th scope="row"><code>${event.action}</code></th>
    <td>${renderActor(context, event)}</td>
    <td>
      ${
        event.target !== null &&
        html`${event.target.type ?? ''}<br /><code class="hint">${event.target.id ?? ''}</code>`
      }
    </td>
    <td>${event.ip ?? ''}</td>
    <td>
      ${
        details !== '' &&
        html`<details>
          <summary>${t(l, 'details')}</summary>
          <pre class="audit-details">${details}</pre>
        </details>`
      }
    </td>
  </tr>`;
};

export const registerAuditPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<AuditRoute>('/console/:org/audit', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    const l = page.language;
    const filters = readFilters(request.query);
    const query = apiQuery(filters);
    const { cursor, limit } = request.query;
    if (typeof cursor === 'string' && cursor !== '') query.set('cursor', cursor);
    if (typeof limit === 'string' && /^\d{1,3}$/.test(limit)) query.set('limit', limit);
    const answer = await page.api<AuditEventPage>(
      'GET',
      `${apiOrgPath(context)}/audit-events?${query.toString()}`,
    );
    const title = t(l, 'title');
    if (answer.status === 403) {
      return sendConsolePage(context, {
        active: 'audit',
        title,
        status: 403,
        body: html`<h1>${title}</h1>
          <p class="warning" data-testid="admin-only">${orgText(l, 'adminOnly')}</p>`,
      });
    }
    const errors = formErrors(answer.error);
    const csvQuery = apiQuery(filters);
    csvQuery.set('lang', l);
    const keep = typeof limit === 'string' && /^\d{1,3}$/.test(limit) ? { limit } : {};
    const events = answer.ok ? answer.body.events : [];
    const nextCursor = answer.ok ? answer.body.nextCursor : null;
    const field = (name: Filter, type = 'text', hint?: string) =>
      renderField({
        name,
        label: t(l, name),
        type,
        value: filters[name] ?? '',
        error: errors[name],
        ...(hint === undefined ? {} : { hint }),
      });
    return sendConsolePage(context, {
      active: 'audit',
      title,
      status: answer.ok ? 200 : answer.status,
      body: html`<h1>${title}</h1>
        <p>${t(l, 'lead')}</p>
        ${renderErrorSummary(l, errors)}
        <h2>${t(l, 'filters')}</h2>
        <form
          method="get"
          action="${context.base}/audit"
          class="filters"
          data-testid="audit-filters"
        >
          ${field('action', 'text', t(l, 'actionHint'))}
          ${field('actor', 'text', t(l, 'actorHint'))} ${field('targetType')} ${field('targetId')}
          ${field('from', 'date')} ${field('to', 'date')}
          <div class="actions">
            <button type="submit">${t(l, 'apply')}</button>
            <a href="${context.base}/audit">${t(l, 'clear')}</a>
          </div>
        </form>
        <p class="toolbar">
          <a
            class="button secondary"
            href="${apiOrgPath(context)}/audit-events.csv?${csvQuery.toString()}"
            data-testid="audit-csv"
            download
            >${t(l, 'export')}</a
          >
          <span class="hint">${t(l, 'exportHint')}</span>
        </p>
        ${
          events.length === 0
            ? html`<p data-testid="audit-empty">${t(l, 'none')}</p>`
            : html`<div class="table-wrap">
                <table data-testid="audit-events">
                  <thead>
                    <tr>
                      <th scope="col">${t(l, 'occurredAt')}</th>
                      <th scope="col">${t(l, 'action')}</th>
                      <th scope="col">${t(l, 'who')}</th>
                      <th scope="col">${t(l, 'target')}</th>
                      <th scope="col">${t(l, 'ip')}</th>
                      <th scope="col">${t(l, 'details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${events.map((event) => renderEvent(context, event))}
                  </tbody>
                </table>
              </div>`
        }
        <nav class="pagination" aria-label="${t(l, 'pagination')}">
          ${
            typeof cursor === 'string' &&
            cursor !== '' &&
            html`<a
              href="${context.base}/audit${pageQuery(filters, keep)}"
              data-testid="audit-first"
              >${t(l, 'first')}</a
            >`
          }
          ${
            nextCursor !== null &&
            html`<a
              href="${context.base}/audit${pageQuery(filters, { ...keep, cursor: nextCursor })}"
              rel="next"
              data-testid="audit-next"
              >${t(l, 'next')}</a
            >`
          }
        </nav>`,
    });
  });
};
