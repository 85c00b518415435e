/**
 * `GET /console/{org}/bulk-jobs`: the organisation's bulk awards, newest first (state, badge,
 * counts, when uploaded), a page at a time (cursor), and a form to start one: pick a badge →
 * `GET /console/{org}/bulk-jobs/new?achievementId=` → its upload page.
 */
import type { FastifyInstance } from 'fastify';
import { loadConsole, renderConsole, type ConsoleContext } from '../kit/console.js';
import { formatDateTime } from '../kit/dates.js';
import { renderSelect } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  achievementName,
  orgApi,
  readAchievement,
  type AchievementSummary,
  type BulkJobList,
} from './bulk-api.js';
import { renderPager, renderStatePill } from './bulk-job-views.js';
import { bulkText as t } from './bulk-texts.js';

const JOBS_PER_PAGE = 20;

const renderStart = async (context: ConsoleContext): Promise<SafeHtml> => {
  const { page, base } = context;
  const l = page.language;
  const answer = await page.api<{ achievements: readonly AchievementSummary[] }>(
    'GET',
    `${orgApi(context.organisationId)}/achievements?status=active&limit=100`,
  );
  const achievements = answer.ok ? answer.body.achievements : [];
  const body =
    achievements.length === 0
      ? html`<p>${t(l, 'noBadges')}</p>
          <p><a href="${base}/achievements">${t(l, 'badgesLink')}</a></p>`
      : html`<form method="get" action="${base}/bulk-jobs/new" class="filters">
          ${renderSelect({
            name: 'achievementId',
            label: t(l, 'startLabel'),
            options: achievements.map((a) => ({
              value: a.id,
              label: achievementName(a, l) ?? a.id,
            })),
            attributes: html` data-testid="bulk-start-badge"`,
          })}
          <button type="submit" data-testid="bulk-start">${t(l, 'startButton')}</button>
        </form>`;
  return html`<section class="card">
    <h2>${t(l, 'startTitle')}</h2>
    ${body}
  </section>`;
};

export const registerBulkJobsPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: { organisationId: string }; Querystring: { cursor?: string } }>(
    '/console/:organisationId/bulk-jobs',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const { base } = context;
      const l = page.language;
      const query = new URLSearchParams({ limit: String(JOBS_PER_PAGE) });
      const { cursor } = request.query;
      if (typeof cursor === 'string' && cursor !== '') query.set('cursor', cursor);
      const answer = await page.api<BulkJobList>(
        'GET',
        `${orgApi(context.organisationId)}/bulk-jobs?${query.toString()}`,
      );
      const list: BulkJobList = answer.ok ? answer.body : { jobs: [], nextCursor: null };
      const names = new Map<string, string>();
      for (const id of new Set(list.jobs.map((job) => job.achievementId))) {
        const achievement = await readAchievement(page, context.organisationId, id);
        names.set(id, achievementName(achievement.ok ? achievement.body : undefined, l) ?? '');
      }
      const table = html`<div class="table-wrap">
        <table data-testid="bulk-jobs" aria-labelledby="bulk-history-title">
          <thead>
            <tr>
              <th scope="col">${t(l, 'colCreated')}</th>
              <th scope="col">${t(l, 'colBadge')}</th>
              <th scope="col">${t(l, 'colStatus')}</th>
              <th scope="col">${t(l, 'colCounts')}</th>
            </tr>
          </thead>
          <tbody>
            ${list.jobs.map((job) => {
              const created = formatDateTime(job.createdAt, l);
              return html`<tr data-testid="bulk-job" data-job-id="${job.id}">
                <th scope="row">
                  <a
                    href="${base}/bulk-jobs/${job.id}"
                    aria-label="${t(l, 'openJob', { date: created })}"
                    >${created}</a
                  >
                </th>
                <td>${names.get(job.achievementId) || t(l, 'unknownBadge')}</td>
                <td>${renderStatePill(job.state, l)}</td>
                <td>${t(l, 'countsShort', { ...job.counts })}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
      return sendHtml(
        page,
        renderConsole(context, {
          active: 'bulk',
          title: t(l, 'listTitle'),
          styles: ['bulk.css'],
          body: html`<h1>${t(l, 'listTitle')}</h1>
            <p class="lead">${t(l, 'listLead')}</p>
            ${await renderStart(context)}
            <h2 id="bulk-history-title">${t(l, 'historyTitle')}</h2>
            ${list.jobs.length === 0 ? html`<p>${t(l, 'noJobs')}</p>` : table}
            ${renderPager(
              t(l, 'historyTitle'),
              cursor !== undefined && html`<a href="${base}/bulk-jobs">${t(l, 'firstPage')}</a>`,
              list.nextCursor !== null &&
                html`<a
                  href="${base}/bulk-jobs?cursor=${encodeURIComponent(list.nextCursor)}"
                  rel="next"
                  data-testid="bulk-jobs-next"
                  >${t(l, 'nextPage')}</a
                >`,
            )}`,
        }),
      );
    },
  );

  app.get<{ Params: { organisationId: string }; Querystring: { achievementId?: string } }>(
    '/console/:organisationId/bulk-jobs/new',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const id = request.query.achievementId;
      if (typeof id !== 'string' || id === '') return redirectTo(page, `${context.base}/bulk-jobs`);
      return redirectTo(page, `${context.base}/achievements/${encodeURIComponent(id)}/bulk`);
    },
  );
};
