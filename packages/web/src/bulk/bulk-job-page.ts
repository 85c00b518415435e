/**
 * `GET /console/{org}/bulk-jobs/{jobId}`: one bulk award, by state — validated: the counts, the
 * rows (paged, invalid rows highlighted) and the buttons to issue or cancel; queued/running: a
 * progress bar, the page reloading every 2 seconds (no script needed); completed, cancelled or
 * failed: the summary, the error report and the awards. `POST …/confirm` and `POST …/cancel`
 * forward to the API and come back here (303).
 */
import type { FastifyInstance } from 'fastify';
import { loadConsole, renderConsole, type ConsoleContext } from '../kit/console.js';
import { formatDateTime } from '../kit/dates.js';
import { renderErrorPage } from '../kit/error-page.js';
import { csrfInput, formFields, renderErrorSummary, renderNotice } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import type { ApiError } from '../kit/api.js';
import {
  achievementName,
  isFinished,
  jobApi,
  readAchievement,
  type BulkJobRowPage,
  type BulkJobView,
} from './bulk-api.js';
import {
  renderCounts,
  renderPager,
  renderProgress,
  renderRowsTable,
  renderStatePill,
  renderSummary,
} from './bulk-job-views.js';
import { bulkText as t } from './bulk-texts.js';

interface JobParams {
  readonly organisationId: string;
  readonly jobId: string;
}

interface JobQuery {
  readonly rows?: string;
  readonly cursor?: string;
  readonly done?: string;
}

const ROWS_PER_PAGE = 100;

const renderRowsSection = (
  context: ConsoleContext,
  job: BulkJobView,
  rows: BulkJobRowPage | undefined,
  query: JobQuery,
): SafeHtml => {
  const l = context.page.language;
  const here = `${context.base}/bulk-jobs/${job.id}`;
  if (rows === undefined) return html`<p class="hint">${t(l, 'rowsHidden')}</p>`;
  const onlyErrors = query.rows === 'invalid';
  const filter = onlyErrors ? '&rows=invalid' : '';
  return html`<section aria-labelledby="bulk-rows-title">
    <h2 id="bulk-rows-title">${t(l, 'rowsTitle')}</h2>
    <p class="toolbar">
      ${
        onlyErrors
          ? html`<a href="${here}">${t(l, 'allRows')}</a>`
          : job.counts.invalid + job.counts.failed > 0 &&
            html`<a href="${here}?rows=invalid" data-testid="bulk-only-errors"
              >${t(l, 'onlyErrors')}</a
            >`
      }
    </p>
    ${
      rows.rows.length === 0
        ? html`<p>${t(l, 'noRows')}</p>`
        : renderRowsTable(rows.rows, job, context.base, l)
    }
    ${renderPager(
      t(l, 'rowsTitle'),
      query.cursor !== undefined &&
        html`<a href="${here}${onlyErrors ? '?rows=invalid' : ''}">${t(l, 'firstRows')}</a>`,
      rows.nextCursor !== null &&
        html`<a href="${here}?cursor=${encodeURIComponent(rows.nextCursor)}${filter}" rel="next"
          >${t(l, 'nextRows')}</a
        >`,
    )}
  </section>`;
};

const renderPreview = (context: ConsoleContext, job: BulkJobView): SafeHtml => {
  const { session, base } = context;
  const l = context.page.language;
  const { valid, invalid } = job.counts;
  const action = `${base}/bulk-jobs/${job.id}`;
  return html`<section class="card" aria-labelledby="bulk-preview-title">
    <h2 id="bulk-preview-title">${t(l, 'previewTitle')}</h2>
    <p>${t(l, 'previewLead')}</p>
    ${renderCounts(job.counts, ['total', 'valid', 'invalid'], l)}
    ${
      valid === 0
        ? html`<p class="warning" data-testid="bulk-nothing-valid">${t(l, 'nothingValid')}</p>`
        : invalid > 0 && html`<p class="warning">${t(l, 'someInvalid', { count: invalid })}</p>`
    }
    <div class="actions">
      ${
        valid > 0 &&
        html`<form method="post" action="${action}/confirm" class="inline">
          ${csrfInput(session)}
          <button type="submit" data-testid="bulk-confirm">
            ${valid === 1 ? t(l, 'confirmOne') : t(l, 'confirm', { count: valid })}
          </button>
        </form>`
      }
      <form method="post" action="${action}/cancel" class="inline">
        ${csrfInput(session)}
        <button type="submit" class="secondary" data-testid="bulk-cancel">${t(l, 'cancel')}</button>
      </form>
      <a href="${base}/achievements/${job.achievementId}/bulk">${t(l, 'uploadAgain')}</a>
    </div>
  </section>`;
};

const renderStop = (context: ConsoleContext, job: BulkJobView): SafeHtml =>
  html`<form method="post" action="${context.base}/bulk-jobs/${job.id}/cancel" class="inline">
    ${csrfInput(context.session)}
    <button type="submit" class="secondary" data-testid="bulk-cancel">
      ${t(context.page.language, 'stop')}
    </button>
  </form>`;

const renderJobPage = async (
  context: ConsoleContext,
  job: BulkJobView,
  query: JobQuery,
  error: ApiError | undefined,
): Promise<SafeHtml> => {
  const { page, base } = context;
  const l = page.language;
  const achievement = await readAchievement(page, context.organisationId, job.achievementId);
  const badge =
    achievementName(achievement.ok ? achievement.body : undefined, l) ?? t(l, 'unknownBadge');
  const running = job.state === 'queued' || job.state === 'running';
  let rows: BulkJobRowPage | undefined;
  if (!running) {
    const search = new URLSearchParams({ limit: String(ROWS_PER_PAGE) });
    if (query.rows === 'invalid') search.set('state', 'invalid');
    if (query.cursor !== undefined) search.set('cursor', query.cursor);
    const answer = await page.api<BulkJobRowPage>(
      'GET',
      `${jobApi(context.organisationId, job.id)}/rows?${search.toString()}`,
    );
    // A viewer may not read rows (personal data); a stale cursor shows no rows.
    rows = answer.ok
      ? answer.body
      : answer.status === 403
        ? undefined
        : { rows: [], nextCursor: null };
  }
  const canIssue = context.membership.role !== 'viewer';
  // "Issuing has started" only while it runs (the page reloads with the same address).
  const done =
    (query.done === 'confirmed' && running) || query.done === 'cancelled' ? query.done : undefined;
  const notify = job.options.notify
    ? t(l, 'notifyOn', { language: t(l, job.options.locale === 'en' ? 'localeEn' : 'localeJa') })
    : t(l, 'notifyOff');
  return renderConsole(context, {
    active: 'bulk',
    title: t(l, 'jobTitle', { badge }),
    styles: ['bulk.css'],
    ...(running ? { refreshSeconds: 2 } : {}),
    body: html`<p><a href="${base}/bulk-jobs">${t(l, 'jobsLink')}</a></p>
      <h1>${t(l, 'jobTitle', { badge })}</h1>
      ${renderNotice(done === undefined ? undefined : t(l, `done_${done}`))}
      ${error !== undefined && renderErrorSummary(l, { '': error.message })}
      <dl class="facts bulk-facts">
        <dt>${t(l, 'factState')}</dt>
        <dd>${renderStatePill(job.state, l)}</dd>
        <dt>${t(l, 'factBadge')}</dt>
        <dd><a href="${base}/achievements/${job.achievementId}">${badge}</a></dd>
        ${
          job.fileName !== null &&
          html`<dt>${t(l, 'factFile')}</dt>
            <dd>${job.fileName}</dd>`
        }
        <dt>${t(l, 'factCreated')}</dt>
        <dd>${formatDateTime(job.createdAt, l)}</dd>
        <dt>${t(l, 'factNotify')}</dt>
        <dd>${notify}</dd>
      </dl>
      ${job.state === 'validated' && canIssue && renderPreview(context, job)}
      ${
        job.state === 'validated' &&
        !canIssue &&
        renderCounts(job.counts, ['total', 'valid', 'invalid'], l)
      }
      ${running && renderProgress(job, l)} ${running && canIssue && renderStop(context, job)}
      ${isFinished(job.state) && renderSummary(job, base, l)}
      ${!running && renderRowsSection(context, job, rows, query)}`,
  });
};

/** The job, or undefined after a 404 page. */
const loadJob = async (
  context: ConsoleContext,
  jobId: string,
): Promise<BulkJobView | undefined> => {
  const { page } = context;
  const answer = await page.api<BulkJobView>('GET', jobApi(context.organisationId, jobId));
  if (answer.ok) return answer.body;
  const status = answer.status === 403 ? 403 : 404;
  void sendHtml(page, renderErrorPage(page, status, answer.error), status);
  return undefined;
};

export const registerBulkJobPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: JobParams; Querystring: JobQuery }>(
    '/console/:organisationId/bulk-jobs/:jobId',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const job = await loadJob(context, request.params.jobId);
      if (job === undefined) return reply;
      return sendHtml(page, await renderJobPage(context, job, request.query, undefined));
    },
  );

  for (const action of ['confirm', 'cancel'] as const) {
    app.post<{ Params: JobParams }>(
      `/console/:organisationId/bulk-jobs/:jobId/${action}`,
      PAGE_ROUTE,
      async (request, reply) => {
        const page = await openPage(web, request, reply);
        const context = await loadConsole(page, request.params.organisationId);
        if (context === undefined) return reply;
        const job = await loadJob(context, request.params.jobId);
        if (job === undefined) return reply;
        const answer = await page.api<BulkJobView>(
          'POST',
          `${jobApi(context.organisationId, job.id)}/${action}`,
          { csrfToken: formFields(request)._csrf },
        );
        if (answer.ok) {
          const done = action === 'confirm' ? 'confirmed' : 'cancelled';
          return redirectTo(page, `${context.base}/bulk-jobs/${job.id}?done=${done}`);
        }
        if (answer.error?.code === 'ERR_HTTP_CSRF') {
          return sendHtml(page, renderErrorPage(page, answer.status, answer.error), answer.status);
        }
        // The job may have moved on (confirmed twice, finished): show it as it is now.
        const now = await loadJob(context, job.id);
        if (now === undefined) return reply;
        return sendHtml(page, await renderJobPage(context, now, {}, answer.error), answer.status);
      },
    );
  }
};
