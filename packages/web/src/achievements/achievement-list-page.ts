/**
 * `GET /console/{org}/achievements`: the organisation's badges, newest first, with a name search
 * (`q`), a status filter (active, archived, all) and a "next page" link (the API's cursor). The
 * "New badge" button shows for org admins and issuers.
 */
import type { FastifyInstance } from 'fastify';
import { loadConsole, renderConsole, type ConsoleContext } from '../kit/console.js';
import { formatDate } from '../kit/dates.js';
import { fieldErrors, renderErrorSummary, renderField, renderSelect } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import type { AchievementList, AchievementView } from './achievement-api-types.js';
import { localPath, pickText } from './achievement-api-types.js';
import { achievementsApi, mayCreate } from './achievement-loaders.js';
import { achievementTypeLabel } from './achievement-type-labels.js';
import { achievementsText as t } from './achievements-texts.js';

interface ListQuery {
  q?: string;
  status?: string;
  cursor?: string;
}

const STATUSES = ['active', 'archived', 'all'] as const;

export const statusPill = (l: 'ja' | 'en', status: AchievementView['status']): SafeHtml =>
  status === 'active'
    ? html`<span class="pill ok">${t(l, 'statusActive')}</span>`
    : html`<span class="pill warn">${t(l, 'statusArchived')}</span>`;

const renderRow = (context: ConsoleContext, a: AchievementView): SafeHtml => {
  const l = context.page.language;
  const other = l === 'en' ? a.name.ja : a.name.en;
  return html`<tr data-testid="achievement-row">
    <td>
      <img class="badge-thumb" src="${localPath(a.urls.image)}" alt="" width="48" height="48" />
    </td>
    <th scope="row">
      <a href="${context.base}/achievements/${a.id}">${pickText(a.name, l)}</a>
      ${other !== undefined && other !== pickText(a.name, l) && html`<br /><span class="muted" lang="${l === 'en' ? 'ja' : 'en'}">${other}</span>`}
    </th>
    <td>
      ${a.achievementType === undefined ? t(l, 'noType') : achievementTypeLabel(a.achievementType, l)}
    </td>
    <td>${statusPill(l, a.status)}</td>
    <td>${formatDate(a.updatedAt, l, context.page.calendar)}</td>
  </tr>`;
};

const renderFilters = (context: ConsoleContext, q: string, status: string): SafeHtml => {
  const l = context.page.language;
  return html`<form
    method="get"
    action="${context.base}/achievements"
    class="filters"
    role="search"
    data-testid="achievement-filters"
  >
    ${renderField({ name: 'q', label: t(l, 'search'), type: 'search', value: q, maxlength: 100 })}
    ${renderSelect({
      name: 'status',
      label: t(l, 'statusFilter'),
      value: status,
      options: [
        { value: 'active', label: t(l, 'statusActive') },
        { value: 'archived', label: t(l, 'statusArchived') },
        { value: 'all', label: t(l, 'statusAll') },
      ],
    })}
    <div class="field">
      <button type="submit" class="secondary">${t(l, 'applyFilters')}</button>
    </div>
    ${(q !== '' || status !== 'active') && html`<div class="field"><a href="${context.base}/achievements">${t(l, 'clearFilters')}</a></div>`}
  </form>`;
};

export const registerAchievementListPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: { organisationId: string }; Querystring: ListQuery }>(
    '/console/:organisationId/achievements',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const l = page.language;
      const q = (request.query.q ?? '').trim().slice(0, 100);
      const status = STATUSES.find((s) => s === request.query.status) ?? 'active';
      const cursor = request.query.cursor ?? '';
      const search = new URLSearchParams({ status, limit: '50' });
      if (q !== '') search.set('q', q);
      if (cursor !== '') search.set('cursor', cursor);
      const answer = await page.api<AchievementList>(
        'GET',
        `${achievementsApi(context.organisationId)}?${search.toString()}`,
      );
      const achievements = answer.ok ? answer.body.achievements : [];
      const nextCursor = answer.ok ? answer.body.nextCursor : null;
      const filtered = q !== '' || status !== 'active';
      const next = new URLSearchParams({ status });
      if (q !== '') next.set('q', q);
      if (nextCursor !== null) next.set('cursor', nextCursor);
      const body = html`<div class="toolbar">
          <h1>${t(l, 'listTitle')}</h1>
          ${mayCreate(context) && html`<a class="button" href="${context.base}/achievements/new" data-testid="new-achievement">${t(l, 'newBadge')}</a>`}
        </div>
        <p class="lead">${t(l, 'listLead')}</p>
        ${!answer.ok && renderErrorSummary(l, fieldErrors(answer.error))}
        ${renderFilters(context, q, status)}
        ${
          achievements.length === 0
            ? html`<p class="card" data-testid="achievements-empty">
                ${filtered ? t(l, 'emptySearch') : t(l, mayCreate(context) ? 'emptyList' : 'emptyListViewer')}
              </p>`
            : html`<div class="table-wrap">
                <table data-testid="achievement-list">
                  <thead>
                    <tr>
                      <th scope="col"><span class="visually-hidden">${t(l, 'colImage')}</span></th>
                      <th scope="col">${t(l, 'colName')}</th>
                      <th scope="col">${t(l, 'colType')}</th>
                      <th scope="col">${t(l, 'colStatus')}</th>
                      <th scope="col">${t(l, 'colUpdated')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${achievements.map((a) => renderRow(context, a))}
                  </tbody>
                </table>
              </div>`
        }
        ${
          (cursor !== '' || nextCursor !== null) &&
          html`<nav class="actions" aria-label="${t(l, 'pages')}">
            ${cursor !== '' && html`<a href="${context.base}/achievements?${new URLSearchParams({ status, ...(q === '' ? {} : { q }) }).toString()}">${t(l, 'firstPage')}</a>`}
            ${nextCursor !== null && html`<a href="${context.base}/achievements?${next.toString()}" rel="next" data-testid="next-page">${t(l, 'nextPage')}</a>`}
          </nav>`
        }`;
      return sendHtml(
        page,
        renderConsole(context, {
          active: 'achievements',
          title: t(l, 'listTitle'),
          body,
          styles: ['achievements.css'],
        }),
        answer.ok || answer.status >= 500 ? 200 : answer.status,
      );
    },
  );
};
