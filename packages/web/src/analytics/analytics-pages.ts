/**
 * `GET /console/{org}`: the console's overview. Totals by state (cards), then three charts drawn
 * on the server (awards per month, awards per badge, verifications per month), each with its
 * numbers in a table; a GET form to choose the months (`from`, `to`: `YYYY-MM`, default the last
 * 12 months) with links for the last 12 months and the fiscal years (April to March); quick links
 * to create, award and list badges. A new organisation sees what to do first instead of empty
 * charts. Every member may look (viewers too); the API decides.
 */
import type { FastifyInstance } from 'fastify';
import {
  loadConsole,
  organisationName,
  renderConsole,
  type ConsoleContext,
} from '../kit/console.js';
import { renderErrorPage } from '../kit/error-page.js';
import { fieldErrors, renderErrorSummary, renderField, type FieldErrors } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  renderAwardsPerBadge,
  renderAwardsPerMonth,
  renderVerifications,
} from './analytics-sections.js';
import { analyticsText as t } from './analytics-texts.js';
import {
  currentJapanMonth,
  formatCount,
  monthLabel,
  type AnalyticsView,
} from './analytics-types.js';

interface Range {
  readonly from: string;
  readonly to: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const quickLinks = (context: ConsoleContext): SafeHtml => {
  const { base, membership, page } = context;
  const l = page.language;
  const canIssue = membership.role !== 'viewer';
  return html`<nav aria-label="${t(l, 'quickLinks')}" data-testid="analytics-quick-links">
    <ul class="quick-links">
      ${
        canIssue &&
        html`<li><a class="button" href="${base}/achievements/new">${t(l, 'createBadge')}</a></li>
          <li><a class="button secondary" href="${base}/achievements">${t(l, 'awardBadge')}</a></li>
          <li>
            <a class="button secondary" href="${base}/bulk-jobs/new">${t(l, 'bulkAward')}</a>
          </li>`
      }
      <li><a class="button secondary" href="${base}/awards">${t(l, 'awardList')}</a></li>
    </ul>
  </nav>`;
};

const renderEmpty = (context: ConsoleContext): SafeHtml => {
  const { base, membership, page } = context;
  const l = page.language;
  return html`<section class="card analytics-empty" data-testid="analytics-empty">
    <h2>${t(l, 'emptyTitle')}</h2>
    <p>${t(l, 'emptyBody')}</p>
    ${
      membership.role === 'viewer'
        ? html`<p class="hint">${t(l, 'emptyViewer')}</p>`
        : html`<ol>
            <li>
              <a href="${base}/achievements/new">${t(l, 'createBadge')}</a>:
              ${t(l, 'emptyStepCreate')}
            </li>
            <li>
              <a href="${base}/achievements">${t(l, 'awardBadge')}</a> /
              <a href="${base}/bulk-jobs/new">${t(l, 'bulkAward')}</a>: ${t(l, 'emptyStepAward')}
            </li>
          </ol>`
    }
  </section>`;
};

const renderTotals = (view: AnalyticsView, context: ConsoleContext): SafeHtml => {
  const l = context.page.language;
  const card = (id: string, label: string, value: string) =>
    html`<div class="card total" data-testid="total-${id}">
      <p class="total-label">${label}</p>
      <p class="total-value">${value}</p>
    </div>`;
  const count = (n: number) => t(l, 'countUnit', { count: formatCount(n, l) });
  return html`<section aria-labelledby="h-totals">
    <h2 id="h-totals">${t(l, 'totalsTitle')}</h2>
    <div class="cards totals" data-testid="analytics-totals">
      ${card('awards', t(l, 'totalAwards'), count(view.totals.awards))}
      ${card('active', t(l, 'totalActive'), count(view.totals.active))}
      ${card('suspended', t(l, 'totalSuspended'), count(view.totals.suspended))}
      ${card('revoked', t(l, 'totalRevoked'), count(view.totals.revoked))}
      ${card(
        'verifications',
        t(l, 'totalVerifications'),
        t(l, 'timesUnit', { count: formatCount(view.verifications.total, l) }),
      )}
    </div>
  </section>`;
};

const renderRangeForm = (
  context: ConsoleContext,
  values: Range,
  shown: Range | undefined,
  errors: FieldErrors,
): SafeHtml => {
  const { base, page } = context;
  const l = page.language;
  const now = currentJapanMonth(new Date());
  const year = Number(now.slice(0, 4));
  const fiscal = Number(now.slice(5, 7)) >= 4 ? year : year - 1;
  const fiscalLink = (y: number) =>
    html`<li>
      <a href="${base}?from=${String(y)}-04&amp;to=${String(y + 1)}-03"
        >${t(l, 'fiscalYear', { year: y })}</a
      >
    </li>`;
  return html`<section class="card" aria-labelledby="h-range">
    <h2 id="h-range">${t(l, 'rangeTitle')}</h2>
    ${
      shown !== undefined &&
      html`<p data-testid="analytics-range-shown">
        ${t(l, 'rangeNow', { from: monthLabel(shown.from, l), to: monthLabel(shown.to, l) })}
      </p>`
    }
    <form method="get" action="${base}" class="filters" data-testid="analytics-range">
      ${renderField({
        name: 'from',
        label: t(l, 'from'),
        type: 'month',
        value: values.from,
        hint: t(l, 'monthHint'),
        pattern: '\\d{4}-\\d{2}',
        error: errors.from,
      })}
      ${renderField({
        name: 'to',
        label: t(l, 'to'),
        type: 'month',
        value: values.to,
        hint: t(l, 'monthHint'),
        pattern: '\\d{4}-\\d{2}',
        error: errors.to,
      })}
      <div class="field"><button type="submit">${t(l, 'show')}</button></div>
    </form>
    <ul class="range-presets" aria-label="${t(l, 'presets')}">
      <li><a href="${base}">${t(l, 'last12')}</a></li>
      ${fiscalLink(fiscal)} ${fiscalLink(fiscal - 1)}
    </ul>
  </section>`;
};

export const registerAnalyticsPages = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: { organisationId: string }; Querystring: { from?: string; to?: string } }>(
    '/console/:organisationId',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const l = page.language;
      const asked: Range = { from: text(request.query.from), to: text(request.query.to) };
      const query = new URLSearchParams();
      if (asked.from !== '') query.set('from', asked.from);
      if (asked.to !== '') query.set('to', asked.to);
      const search = query.size === 0 ? '' : `?${query.toString()}`;
      const answer = await page.api<AnalyticsView>(
        'GET',
        `/api/v1/organisations/${context.organisationId}/analytics${search}`,
      );
      const heading = html`<h1>${t(l, 'title')}</h1>
        <p class="lead">
          ${t(l, 'lead', { organisation: organisationName(context.membership.organisation, l) })}
        </p>
        ${quickLinks(context)}`;
      const render = (body: SafeHtml, status = 200) =>
        sendHtml(
          page,
          renderConsole(context, {
            active: 'overview',
            title: t(l, 'title'),
            styles: ['analytics.css'],
            body: html`${heading}${body}`,
          }),
          status,
        );

      if (answer.status === 400 && answer.error !== undefined) {
        const errors = fieldErrors(answer.error);
        const summary = Object.keys(errors).some((name) => name === 'from' || name === 'to')
          ? errors
          : { '': t(l, 'rangeError') };
        return render(
          html`${renderErrorSummary(l, summary)}${renderRangeForm(context, asked, undefined, errors)}`,
          400,
        );
      }
      if (!answer.ok) {
        return sendHtml(page, renderErrorPage(page, answer.status, answer.error), answer.status);
      }
      const view = answer.body;
      if (view.totals.awards === 0) return render(renderEmpty(context));
      return render(
        html`${renderTotals(view, context)}
        ${renderRangeForm(context, { from: view.from, to: view.to }, view, {})}
        ${renderAwardsPerMonth(view, l)} ${renderAwardsPerBadge(view, l)}
        ${renderVerifications(view, l)}`,
      );
    },
  );
};
