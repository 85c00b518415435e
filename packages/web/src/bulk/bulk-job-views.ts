/**
 * Parts of the bulk job page: the state pill, the counts, the rows table (invalid rows
 * highlighted with their messages in the page's language), the progress bar and the summary.
 */
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import {
  issueMessage,
  issuesOf,
  quotedValue,
  type BulkJobCounts,
  type BulkJobRow,
  type BulkJobState,
  type BulkJobView,
} from './bulk-api.js';
import { bulkText as t, type BulkTextKey } from './bulk-texts.js';

const STATE_CLASSES: Readonly<Record<BulkJobState, string>> = {
  validated: 'warn',
  queued: '',
  running: '',
  completed: 'ok',
  cancelled: '',
  failed: 'bad',
};

export const renderStatePill = (state: BulkJobState, language: Language): SafeHtml =>
  html`<span class="pill ${STATE_CLASSES[state]}" data-testid="bulk-state" data-state="${state}"
    >${t(language, `state_${state}`)}</span
  >`;

type CountKey = keyof BulkJobCounts;

const COUNT_LABELS: Readonly<Record<CountKey, BulkTextKey>> = {
  total: 'countTotal',
  valid: 'countValid',
  invalid: 'countInvalid',
  issued: 'countIssued',
  duplicate: 'countDuplicate',
  failed: 'countFailed',
};

export const renderCounts = (
  counts: BulkJobCounts,
  keys: readonly CountKey[],
  language: Language,
): SafeHtml =>
  html`<dl class="bulk-counts">
    ${keys.map(
      (key) =>
        html`<div class="bulk-count bulk-count-${key}">
          <dt>${t(language, COUNT_LABELS[key])}</dt>
          <dd data-testid="bulk-count-${key}">${counts[key]}</dd>
        </div>`,
    )}
  </dl>`;

/** The row's status word and pill class, given the job's state. */
const rowStatus = (row: BulkJobRow, job: BulkJobView): [BulkTextKey, string] => {
  switch (row.state) {
    case 'invalid':
      return ['row_invalid', 'bad'];
    case 'pending':
      if (job.state === 'validated') return ['row_valid', 'ok'];
      return job.state === 'cancelled' || job.state === 'failed'
        ? ['row_notIssued', '']
        : ['row_pending', ''];
    case 'claimed':
      return ['row_claimed', ''];
    case 'issued':
      return ['row_issued', 'ok'];
    case 'duplicate':
      return ['row_duplicate', 'warn'];
    case 'failed':
      return ['row_failed', 'bad'];
  }
};

/** The row's messages in the page's language: errors, then warnings. */
export const rowMessages = (row: BulkJobRow, language: Language): string[] => [
  ...issuesOf(row.errors).map((issue) => issueMessage(issue, language)),
  ...(row.state === 'duplicate' ? [t(language, 'duplicateMessage')] : []),
  ...issuesOf(row.warnings).map(
    (issue) => t(language, 'warningPrefix') + issueMessage(issue, language),
  ),
];

export const renderRowsTable = (
  rows: readonly BulkJobRow[],
  job: BulkJobView,
  base: string,
  language: Language,
): SafeHtml => {
  const l = language;
  const showAwards = job.state !== 'validated';
  return html`<div class="table-wrap">
    <table class="bulk-rows" data-testid="bulk-rows">
      <caption>
        ${t(l, 'rowsCaption')}
      </caption>
      <thead>
        <tr>
          <th scope="col" class="num">${t(l, 'colRow')}</th>
          <th scope="col">${t(l, 'colEmail')}</th>
          <th scope="col">${t(l, 'colName')}</th>
          <th scope="col">${t(l, 'colStatus')}</th>
          <th scope="col">${t(l, 'colMessages')}</th>
          ${showAwards && html`<th scope="col">${t(l, 'colAward')}</th>`}
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const [label, pill] = rowStatus(row, job);
          const bad = row.state === 'invalid' || row.state === 'failed';
          const messages = rowMessages(row, l);
          return html`<tr
            ${bad && html` class="row-error" data-testid="bulk-row-error"`}
            ${!bad && html` data-testid="bulk-row"`}
            data-row="${row.rowNumber}"
          >
            <th scope="row" class="num">${row.rowNumber}</th>
            <td>${quotedValue(row, 'email')}</td>
            <td>${quotedValue(row, 'name')}</td>
            <td><span class="pill ${pill}">${t(l, label)}</span></td>
            <td>
              ${
                messages.length > 0 &&
                html`<ul class="bulk-messages">
                  ${messages.map((message) => html`<li>${message}</li>`)}
                </ul>`
              }
            </td>
            ${
              showAwards &&
              html`<td>
                ${
                  row.awardId !== null &&
                  html`<a href="${base}/awards/${row.awardId}">${t(l, 'viewAward')}</a>`
                }
              </td>`
            }
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
};

export const renderProgress = (job: BulkJobView, language: Language): SafeHtml => {
  const total = job.counts.valid;
  const done = job.progress.done;
  return html`<section class="card" aria-labelledby="bulk-progress-title">
    <h2 id="bulk-progress-title">${t(language, 'progressTitle')}</h2>
    <progress
      value="${done}"
      max="${Math.max(total, 1)}"
      data-testid="bulk-progress"
      aria-labelledby="bulk-progress-title"
      aria-describedby="bulk-progress-text"
    >
      ${job.progress.percent}%
    </progress>
    <p id="bulk-progress-text" role="status" data-testid="bulk-progress-text">
      ${t(language, 'progressText', { done, total })}
    </p>
    <p class="hint">${t(language, 'progressLead')}</p>
  </section>`;
};

export const renderSummary = (job: BulkJobView, base: string, language: Language): SafeHtml => {
  const l = language;
  const problems = job.counts.invalid + job.counts.failed + job.counts.duplicate;
  return html`<section class="card" data-testid="bulk-summary" aria-labelledby="bulk-summary-title">
    <h2 id="bulk-summary-title">${t(l, 'summaryTitle')}</h2>
    ${
      job.state === 'failed' &&
      job.error !== null &&
      html`<p class="warning">${t(l, 'jobFailed', { message: job.error.message[l] })}</p>`
    }
    ${renderCounts(job.counts, ['total', 'issued', 'duplicate', 'failed', 'invalid'], l)}
    <div class="actions">
      ${
        problems > 0 &&
        html`<a
          class="button secondary"
          href="${base}/bulk-jobs/${job.id}/errors.csv"
          download
          data-testid="bulk-error-report"
          >${t(l, 'errorReport')}</a
        >`
      }
      <a href="${base}/awards?achievementId=${job.achievementId}" data-testid="bulk-awards-link"
        >${t(l, 'awardsLink')}</a
      >
    </div>
  </section>`;
};

/** Links to the first and next pages, or nothing when there is one page. */
export const renderPager = (
  label: string,
  first: SafeHtml | false,
  next: SafeHtml | false,
): SafeHtml | '' =>
  first === false && next === false
    ? ''
    : html`<nav class="bulk-pager" aria-label="${label}">${first} ${next}</nav>`;
