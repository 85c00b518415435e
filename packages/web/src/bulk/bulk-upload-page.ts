/**
 * `GET /console/{org}/achievements/{id}/bulk`: the upload form with instructions (the columns
 * read, Excel and Shift_JIS, the template); `POST` the same URL: the file goes to the API's dry
 * run (`POST …/achievements/{id}/bulk-awards`, text/csv) and the browser to the job's page. A
 * file the API refuses (empty, not CSV, unreadable encoding, too many rows) or whose heading row
 * is wrong comes back to the form with the message next to the file field.
 * `GET /console/{org}/bulk-template.csv`: the template.
 */
import type { FastifyInstance } from 'fastify';
import { loadConsole, renderConsole, type ConsoleContext } from '../kit/console.js';
import { renderErrorPage } from '../kit/error-page.js';
import {
  csrfInput,
  formFields,
  renderCheckbox,
  renderErrorSummary,
  renderSelect,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, redirectTo, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  achievementName,
  issueMessage,
  jobApi,
  orgApi,
  readAchievement,
  type AchievementSummary,
  type SubmitAnswer,
} from './bulk-api.js';
import { BULK_COLUMNS, bulkTemplateCsv } from './bulk-columns.js';
import { bulkText as t } from './bulk-texts.js';

interface UploadParams {
  readonly organisationId: string;
  readonly achievementId: string;
}

interface UploadValues {
  readonly notify: boolean;
  readonly locale: string;
}

const renderColumns = (context: ConsoleContext): SafeHtml => {
  const l = context.page.language;
  return html`<div class="table-wrap">
    <table class="bulk-columns" data-testid="bulk-columns">
      <caption>
        ${t(l, 'columnsCaption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t(l, 'colHeading')}</th>
          <th scope="col">${t(l, 'colContent')}</th>
          <th scope="col">${t(l, 'colRequired')}</th>
        </tr>
      </thead>
      <tbody>
        ${BULK_COLUMNS.map(
          (column) =>
            html`<tr>
              <th scope="row">
                <code>${column.headings.ja}</code> / <code>${column.headings.en}</code>
                <span class="hint">${column.otherHeadings.join('、')}</span>
              </th>
              <td>${t(l, column.description)}</td>
              <td>
                ${column.required ? html`<span class="pill warn">${t(l, 'yes')}</span>` : t(l, 'no')}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
};

const renderUploadForm = (
  context: ConsoleContext,
  achievement: AchievementSummary,
  values: UploadValues,
  errors: FieldErrors,
): SafeHtml => {
  const { page, session, base } = context;
  const l = page.language;
  const badge = achievementName(achievement, l) ?? achievement.id;
  const fileError = errors.file;
  const canIssue = context.membership.role !== 'viewer';
  const form =
    achievement.status !== 'active'
      ? html`<p class="warning">${t(l, 'archived')}</p>`
      : !canIssue
        ? html`<p class="warning" data-testid="bulk-read-only">${t(l, 'readOnly')}</p>`
        : html`<form
            class="stack"
            method="post"
            enctype="multipart/form-data"
            action="${base}/achievements/${achievement.id}/bulk"
            data-testid="bulk-upload-form"
          >
            ${csrfInput(session)}
            <input type="hidden" name="fileName" value="" data-bulk-file-name />
            <div class="field${fileError === undefined ? '' : ' has-error'}">
              <label for="f-file">${t(l, 'fileLabel')}</label>
              <p class="hint" id="f-file-hint">${t(l, 'fileHint')}</p>
              ${
                fileError !== undefined &&
                html`<p class="field-error" id="f-file-error" data-testid="bulk-file-error">
                  ${fileError}
                </p>`
              }
              <input
                id="f-file"
                name="file"
                type="file"
                accept=".csv,.txt,text/csv"
                required
                data-testid="bulk-file"
                aria-describedby="f-file-hint${fileError === undefined ? '' : ' f-file-error'}"
                ${fileError !== undefined && html` aria-invalid="true"`}
              />
            </div>
            ${renderCheckbox({ name: 'notify', label: t(l, 'notifyLabel'), checked: values.notify })}
            ${renderSelect({
              name: 'locale',
              label: t(l, 'localeLabel'),
              value: values.locale,
              options: [
                { value: 'ja', label: t(l, 'localeJa') },
                { value: 'en', label: t(l, 'localeEn') },
              ],
            })}
            <div class="actions">
              <button type="submit" data-testid="bulk-upload-submit">${t(l, 'submit')}</button>
            </div>
          </form>`;
  return renderConsole(context, {
    active: 'bulk',
    title: t(l, 'uploadTitle'),
    styles: ['bulk.css'],
    scripts: ['bulk-upload.js'],
    body: html`<h1>${t(l, 'uploadTitle')}</h1>
      <p class="lead">${t(l, 'uploadLead', { badge })}</p>
      ${renderErrorSummary(l, errors)}
      <section class="card">
        <h2>${t(l, 'step1')}</h2>
        <p>${t(l, 'step1Body')}</p>
        ${renderColumns(context)}
        <p>${t(l, 'excelNote')}</p>
        <p>
          <a
            class="button secondary"
            href="${base}/bulk-template.csv"
            download
            data-testid="bulk-template"
            >${t(l, 'template')}</a
          >
        </p>
      </section>
      <section class="card">
        <h2>${t(l, 'step2')}</h2>
        ${form}
      </section>
      <p><a href="${base}/bulk-jobs">${t(l, 'jobsLink')}</a></p>`,
  });
};

/** The achievement, or undefined after a 404 page. */
const loadAchievement = async (
  context: ConsoleContext,
  achievementId: string,
): Promise<AchievementSummary | undefined> => {
  const { page } = context;
  const answer = await readAchievement(page, context.organisationId, achievementId);
  if (!answer.ok) {
    const status = answer.status === 403 ? 403 : 404;
    void sendHtml(page, renderErrorPage(page, status, answer.error), status);
    return undefined;
  }
  return answer.body;
};

export const registerBulkUploadPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: UploadParams }>(
    '/console/:organisationId/achievements/:achievementId/bulk',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const achievement = await loadAchievement(context, request.params.achievementId);
      if (achievement === undefined) return reply;
      const values = { notify: true, locale: page.language };
      return sendHtml(page, renderUploadForm(context, achievement, values, {}));
    },
  );

  app.post<{ Params: UploadParams }>(
    '/console/:organisationId/achievements/:achievementId/bulk',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const achievement = await loadAchievement(context, request.params.achievementId);
      if (achievement === undefined) return reply;
      const l = page.language;
      const fields = formFields(request);
      const values: UploadValues = {
        notify: fields.notify !== undefined,
        locale: fields.locale === 'en' ? 'en' : 'ja',
      };
      const again = (errors: FieldErrors, status: number) =>
        sendHtml(page, renderUploadForm(context, achievement, values, errors), status);
      const file = (request.body as Record<string, unknown> | undefined)?.file;
      if (!Buffer.isBuffer(file) || file.length === 0) return again({ file: t(l, 'noFile') }, 400);

      const query = new URLSearchParams({ notify: String(values.notify), locale: values.locale });
      const fileName = fields.fileName?.trim().slice(0, 255) ?? '';
      if (fileName !== '') query.set('fileName', fileName);
      const answer = await page.api<SubmitAnswer>(
        'POST',
        `${orgApi(context.organisationId)}/achievements/${encodeURIComponent(achievement.id)}/bulk-awards?${query.toString()}`,
        { payload: file, contentType: 'text/csv', csrfToken: fields._csrf },
      );
      if (!answer.ok) {
        if (answer.error?.code === 'ERR_HTTP_CSRF') {
          return sendHtml(page, renderErrorPage(page, answer.status, answer.error), answer.status);
        }
        return again({ file: answer.error?.message ?? t(l, 'noFile') }, answer.status);
      }
      const { job, report } = answer.body;
      if (report.headerErrors.length > 0) {
        // No row was read: the job is of no use; withdraw it and show what to fix.
        await page.api('POST', `${jobApi(context.organisationId, job.id)}/cancel`, {
          csrfToken: fields._csrf,
        });
        const messages = report.headerErrors.map((issue) => issueMessage(issue, l));
        return again({ file: [t(l, 'headerProblems'), ...messages].join(' ') }, 422);
      }
      return redirectTo(page, `${context.base}/bulk-jobs/${job.id}`);
    },
  );

  app.get<{ Params: { organisationId: string } }>(
    '/console/:organisationId/bulk-template.csv',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.organisationId);
      if (context === undefined) return reply;
      const name =
        page.language === 'ja' ? 'bulk-award-template-ja.csv' : 'bulk-award-template.csv';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(bulkTemplateCsv(page.language));
    },
  );
};
