/**
 * The three chart sections of the overview: awards per month (awarded and revoked), awards per
 * badge, verifications per month (with the channels). Each is a figure (`data-testid="chart-…"`)
 * holding the SVG chart, its legend, and a table of the same numbers in a `<details>` for screen
 * readers and for copying.
 */
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import {
  bothSizes,
  renderBarChart,
  renderLegend,
  renderMonthChart,
  type ChartSeries,
} from './analytics-charts.js';
import { analyticsText as t } from './analytics-texts.js';
import {
  badgeName,
  formatCount,
  monthLabel,
  VERIFICATION_SOURCES,
  type AnalyticsView,
} from './analytics-types.js';

/** Bars drawn for the badges with the most awards; the table lists them all. */
const MAX_BADGE_BARS = 10;

const dataTable = (
  l: Language,
  testId: string,
  head: readonly string[],
  rows: readonly (readonly HtmlValue[])[],
  foot?: readonly HtmlValue[],
): SafeHtml =>
  html`<details class="chart-data">
    <summary>${t(l, 'showTable')}</summary>
    <div class="table-wrap">
      <table data-testid="${testId}">
        <thead>
          <tr>
            ${head.map((cell, i) => html`<th scope="col" ${i > 0 && html` class="num"`}>${cell}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([first, ...rest]) =>
              html`<tr>
                <th scope="row">${first}</th>
                ${rest.map((cell) => html`<td class="num">${cell}</td>`)}
              </tr>`,
          )}
        </tbody>
        ${
          foot !== undefined &&
          html`<tfoot>
            <tr>
              <th scope="row">${foot[0]}</th>
              ${foot.slice(1).map((cell) => html`<td class="num">${cell}</td>`)}
            </tr>
          </tfoot>`
        }
      </table>
    </div>
  </details>`;

const rangeText = (view: AnalyticsView, l: Language) => ({
  from: monthLabel(view.from, l),
  to: monthLabel(view.to, l),
});

export const renderAwardsPerMonth = (view: AnalyticsView, l: Language): SafeHtml => {
  const rows = view.awardsPerMonth;
  const series: ChartSeries[] = [
    { className: 'bar-issued', label: t(l, 'issued'), values: rows.map((r) => r.issued) },
    { className: 'bar-revoked', label: t(l, 'revoked'), values: rows.map((r) => r.revoked) },
  ];
  const description =
    [
      t(l, 'perMonthLabel', rangeText(view, l)),
      ...rows.map((r) =>
        t(l, 'perMonthPoint', {
          month: monthLabel(r.month, l),
          issued: formatCount(r.issued, l),
          revoked: formatCount(r.revoked, l),
        }),
      ),
    ].join(l === 'ja' ? '。' : '. ') + (l === 'ja' ? '。' : '.');
  const sum = (key: 'issued' | 'revoked') => rows.reduce((n, r) => n + r[key], 0);
  return html`<section class="card chart" aria-labelledby="h-per-month">
    <h2 id="h-per-month">${t(l, 'perMonthTitle')}</h2>
    <figure data-testid="chart-awards-per-month">
      <div class="chart-frame">
        ${bothSizes(
          { id: 'chart-per-month', title: t(l, 'perMonthTitle'), description },
          (text, width) =>
            renderMonthChart(
              text,
              width,
              rows.map((r) => r.month),
              series,
              l,
            ),
        )}
      </div>
      <figcaption>${renderLegend(t(l, 'legend'), series)}</figcaption>
    </figure>
    ${dataTable(
      l,
      'table-awards-per-month',
      [t(l, 'month'), t(l, 'issued'), t(l, 'revoked')],
      rows.map((r) => [
        monthLabel(r.month, l),
        formatCount(r.issued, l),
        formatCount(r.revoked, l),
      ]),
      [t(l, 'total'), formatCount(sum('issued'), l), formatCount(sum('revoked'), l)],
    )}
  </section>`;
};

export const renderAwardsPerBadge = (view: AnalyticsView, l: Language): SafeHtml => {
  const items = view.awardsPerAchievement.map((a) => ({
    label: badgeName(a.name, l),
    value: a.issued,
  }));
  const shown = items.slice(0, MAX_BADGE_BARS);
  const description =
    [
      t(l, 'perBadgeLabel', rangeText(view, l)),
      ...items.map((item) =>
        t(l, 'perBadgePoint', { name: item.label, count: formatCount(item.value, l) }),
      ),
    ].join(l === 'ja' ? '。' : '. ') + (l === 'ja' ? '。' : '.');
  return html`<section class="card chart" aria-labelledby="h-per-badge">
    <h2 id="h-per-badge">${t(l, 'perBadgeTitle')}</h2>
    <figure data-testid="chart-awards-per-achievement">
      ${
        items.length === 0
          ? html`<p class="muted">${t(l, 'perBadgeNone')}</p>`
          : html`<div class="chart-frame">
                ${bothSizes(
                  { id: 'chart-per-badge', title: t(l, 'perBadgeTitle'), description },
                  (text, width) => renderBarChart(text, width, shown, 'bar-issued', l),
                )}
              </div>
              ${
                items.length > shown.length &&
                html`<figcaption class="hint">
                  ${t(l, 'perBadgeMore', { shown: MAX_BADGE_BARS })}
                </figcaption>`
              }`
      }
    </figure>
    ${
      items.length > 0 &&
      dataTable(
        l,
        'table-awards-per-achievement',
        [t(l, 'badge'), t(l, 'awards')],
        items.map((item) => [item.label, formatCount(item.value, l)]),
      )
    }
  </section>`;
};

export const renderVerifications = (view: AnalyticsView, l: Language): SafeHtml => {
  const { perMonth, bySource, total } = view.verifications;
  const series: ChartSeries[] = [
    {
      className: 'bar-verified',
      label: t(l, 'verifications'),
      values: perMonth.map((r) => r.count),
    },
  ];
  const description =
    [
      t(l, 'verificationsLabel', rangeText(view, l)),
      ...perMonth.map((r) =>
        t(l, 'verificationsPoint', {
          month: monthLabel(r.month, l),
          count: formatCount(r.count, l),
        }),
      ),
    ].join(l === 'ja' ? '。' : '. ') + (l === 'ja' ? '。' : '.');
  return html`<section class="card chart" aria-labelledby="h-verifications">
    <h2 id="h-verifications">${t(l, 'verificationsTitle')}</h2>
    <p class="hint">${t(l, 'verificationsHint')}</p>
    <figure data-testid="chart-verifications">
      <div class="chart-frame">
        ${bothSizes(
          { id: 'chart-verifications', title: t(l, 'verificationsTitle'), description },
          (text, width) =>
            renderMonthChart(
              text,
              width,
              perMonth.map((r) => r.month),
              series,
              l,
            ),
        )}
      </div>
    </figure>
    ${dataTable(
      l,
      'table-verifications',
      [t(l, 'month'), t(l, 'verifications')],
      perMonth.map((r) => [monthLabel(r.month, l), formatCount(r.count, l)]),
      [t(l, 'total'), formatCount(total, l)],
    )}
    <h3>${t(l, 'bySourceTitle')}</h3>
    <div class="table-wrap">
      <table data-testid="table-verification-sources">
        <thead>
          <tr>
            <th scope="col">${t(l, 'source')}</th>
            <th scope="col" class="num">${t(l, 'verifications')}</th>
          </tr>
        </thead>
        <tbody>
          ${VERIFICATION_SOURCES.map(
            (source) =>
              html`<tr data-source="${source}">
                <th scope="row">${t(l, `source-${source}`)}</th>
                <td class="num">${formatCount(bySource[source], l)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
};
