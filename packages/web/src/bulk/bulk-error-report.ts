/**
 * `GET /console/{org}/bulk-jobs/{jobId}/errors.csv`: the rows that were not issued (invalid,
 * failed, or skipped as already awarded) as a CSV file that Excel opens correctly in Japan:
 * UTF-8 with a BOM, CRLF, formulas neutralised. Columns: the row number as Excel shows it, the
 * row's values (an invalid row: the cells its errors quote — the API keeps no more of it), the
 * columns at fault and the messages in the page's language.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiError } from '../kit/api.js';
import { loadConsole } from '../kit/console.js';
import { renderErrorPage } from '../kit/error-page.js';
import type { Language } from '../kit/language.js';
import { openPage, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { issuesOf, jobApi, quotedValue, readAllRows, type BulkJobRow } from './bulk-api.js';
import { csvRecord, UTF8_BOM } from './bulk-columns.js';
import { rowMessages } from './bulk-job-views.js';
import { bulkText as t, type BulkTextKey } from './bulk-texts.js';

const VALUE_COLUMNS: readonly [BulkTextKey, Parameters<typeof quotedValue>[1]][] = [
  ['csvEmail', 'email'],
  ['csvName', 'name'],
  ['csvNameKana', 'nameKana'],
  ['csvNameRomaji', 'nameRomaji'],
  ['csvExternalId', 'externalId'],
  ['csvAwardedDate', 'awardedDate'],
];

const STATE_LABELS: Readonly<Record<string, BulkTextKey>> = {
  invalid: 'row_invalid',
  failed: 'row_failed',
  duplicate: 'row_duplicate',
};

/** Where the row's errors are: `C (メールアドレス)`. */
const errorColumns = (row: BulkJobRow): string =>
  [
    ...new Set(
      issuesOf(row.errors)
        .filter((issue) => issue.column !== null && issue.column !== undefined)
        .map((issue) =>
          issue.header === null || issue.header === undefined || issue.header === ''
            ? String(issue.column)
            : `${String(issue.column)} (${issue.header})`,
        ),
    ),
  ].join(' / ');

export const formatErrorReport = (rows: readonly BulkJobRow[], language: Language): string => {
  const l = language;
  const header = [
    t(l, 'csvRow'),
    t(l, 'csvState'),
    ...VALUE_COLUMNS.map(([label]) => t(l, label)),
    t(l, 'csvColumns'),
    t(l, 'csvErrors'),
  ];
  let out = UTF8_BOM + csvRecord(header);
  for (const row of rows) {
    const state = STATE_LABELS[row.state];
    out += csvRecord([
      String(row.rowNumber),
      state === undefined ? row.state : t(l, state),
      ...VALUE_COLUMNS.map(([, field]) => quotedValue(row, field)),
      errorColumns(row),
      rowMessages(row, l).join(' / '),
    ]);
  }
  return out;
};

export const registerBulkErrorReport = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: { organisationId: string; jobId: string } }>(
    '/console/:organisationId/bulk-jobs/:jobId/errors.csv',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const { jobId } = request.params;
      const fail = (status: number, error: ApiError | undefined) => {
        const shown = status === 403 ? 403 : 404;
        return sendHtml(page, renderErrorPage(page, shown, error), shown);
      };
      const job = await page.api('GET', jobApi(context.organisationId, jobId));
      if (!job.ok) return fail(job.status, job.error);
      const states = ['invalid', 'failed', 'duplicate'] as const;
      const answer = await readAllRows(page, context.organisationId, jobId, states);
      if (!answer.ok) return fail(answer.status, answer.error);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="bulk-award-errors-${jobId.slice(0, 8)}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(formatErrorReport(answer.body.rows, page.language));
    },
  );
};
