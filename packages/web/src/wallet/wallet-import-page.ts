/**
 * `GET /wallet/import`: add a badge received elsewhere — a file (PNG, SVG, PDF, JSON, JWT),
 * pasted JSON / JWT, or a URL — each its own multipart form (no script needed).
 * `POST /wallet/import` calls `POST /api/v1/wallet/credentials` and, on success, goes to the
 * badge's page with a notice (new, or merged with the copy already held). A badge that does not
 * verify (`ERR_WALLET_IMPORT_UNVERIFIED`) is shown with its verdict and checks and a "keep it
 * anyway, marked as unverified" form that re-sends the same input with `keepUnverified`; input
 * the API cannot read is answered next to its field.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError } from '../kit/api.js';
import {
  csrfInput,
  renderErrorSummary,
  renderField,
  renderTextarea,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import { redirectTo, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { importText as t } from './wallet-import-texts.js';
import {
  MAX_CARRIED_BYTES,
  importFormValues,
  readImportForm,
  type ImportCall,
  type ImportField,
  type ImportFormValues,
} from './wallet-import-input.js';
import { isReport, isVerdict, renderWalletReport } from './wallet-report.js';
import {
  errorDetails,
  isPageError,
  openWalletPage,
  renderWalletLayout,
  segment,
  sendApiErrorPage,
} from './wallet-shared.js';
import type { WalletImportAnswer } from './wallet-types.js';

const FILE_ACCEPT =
  '.png,.svg,.pdf,.json,.jwt,.txt,image/png,image/svg+xml,application/pdf,application/json';
const UPLOAD_LIMIT_CODES = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT']);
const NO_VALUES: ImportFormValues = { text: '', url: '' };

interface Unverified {
  readonly call: ImportCall;
  readonly values: ImportFormValues;
  readonly result: SafeHtml;
}

interface ImportState {
  readonly values: ImportFormValues;
  readonly errors: FieldErrors;
  readonly unverified?: Unverified;
}

const form = (page: Page, testid: string, content: HtmlValue): SafeHtml =>
  html`<form
    method="post"
    action="/wallet/import"
    enctype="multipart/form-data"
    class="stack"
    data-testid="${testid}"
  >
    ${page.session !== undefined && csrfInput(page.session)} ${content}
  </form>`;

const section = (id: string, title: string, content: SafeHtml): SafeHtml =>
  html`<section class="card" aria-labelledby="${id}">
    <h2 id="${id}">${title}</h2>
    ${content}
  </section>`;

const renderForms = (page: Page, values: ImportFormValues, errors: FieldErrors): SafeHtml => {
  const l = page.language;
  const file = form(
    page,
    'import-form-file',
    html`${renderField({ name: 'file', type: 'file', label: t(l, 'fileLabel'), hint: t(l, 'fileHint'), error: errors.file, attributes: html` accept="${FILE_ACCEPT}" data-testid="import-file"` })}
      <p><button type="submit" data-testid="import-submit-file">${t(l, 'fileSubmit')}</button></p>`,
  );
  const text = form(
    page,
    'import-form-text',
    html`${renderTextarea({ name: 'text', label: t(l, 'textLabel'), hint: t(l, 'textHint'), value: values.text, error: errors.text, rows: 8, attributes: html` spellcheck="false" autocapitalize="off" data-testid="import-text"` })}
      <p><button type="submit" data-testid="import-submit-text">${t(l, 'textSubmit')}</button></p>`,
  );
  const url = form(
    page,
    'import-form-url',
    html`${renderField({ name: 'url', type: 'url', label: t(l, 'urlLabel'), hint: t(l, 'urlHint'), value: values.url, error: errors.url, autocomplete: 'off', inputmode: 'url', maxlength: 2048, attributes: html` placeholder="https://" data-testid="import-url"` })}
      <p><button type="submit" data-testid="import-submit-url">${t(l, 'urlSubmit')}</button></p>`,
  );
  return html`<div class="wallet-import-ways">
    ${section('import-file-title', t(l, 'fileTitle'), file)}
    ${section('import-text-title', t(l, 'textTitle'), text)}
    ${section('import-url-title', t(l, 'urlTitle'), url)}
  </div>`;
};

/** The "keep it anyway" form: the same input again, with `keepUnverified`. */
const renderKeepForm = (page: Page, unverified: Unverified): SafeHtml => {
  const l = page.language;
  const { call, values } = unverified;
  const bytes = call.bytes;
  const carried: HtmlValue =
    call.field === 'text'
      ? html`<input type="hidden" name="text" value="${values.text}" />`
      : call.field === 'url'
        ? html`<input type="hidden" name="url" value="${values.url}" />`
        : bytes !== undefined && bytes.length <= MAX_CARRIED_BYTES
          ? html`<input type="hidden" name="fileData" value="${bytes.toString('base64')}" />`
          : html`<p>${t(l, 'keepChooseAgain')}</p>
              ${renderField({ name: 'file', type: 'file', label: t(l, 'fileLabel'), required: true, attributes: html` accept="${FILE_ACCEPT}" data-testid="import-keep-file"` })}`;
  return html`<section class="card wallet-keep" aria-labelledby="keep-title" data-testid="import-keep">
    <h2 id="keep-title">${t(l, 'keepTitle')}</h2>
    <p>${t(l, 'keepLead')}</p>
    ${form(
      page,
      'import-keep-form',
      html`<input type="hidden" name="keepUnverified" value="true" /> ${carried}
        <p class="actions">
          <button type="submit" data-testid="import-keep-submit">${t(l, 'keepButton')}</button>
          <a href="/wallet/import">${t(l, 'cancel')}</a>
        </p>`,
    )}
  </section>`;
};

const sendImportPage = (page: Page, state: ImportState, status = 200) => {
  const l = page.language;
  const { unverified } = state;
  const body = html`<h1>${t(l, 'title')}</h1>
    ${
      unverified === undefined
        ? html`<p class="lead">${t(l, 'lead')}</p>
          ${renderErrorSummary(l, state.errors)} ${renderForms(page, state.values, state.errors)}
          <p class="muted">${t(l, 'privacy')}</p>`
        : html`<div class="warning" role="alert" data-testid="import-unverified">
            <h2>${t(l, 'unverifiedTitle')}</h2>
            <p>${t(l, 'unverifiedLead')}</p>
          </div>
          ${unverified.result} ${renderKeepForm(page, unverified)}`
    }`;
  return sendHtml(
    page,
    renderWalletLayout(page, {
      title: unverified === undefined ? t(l, 'title') : t(l, 'unverifiedTitle'),
      current: 'import',
      styles: ['verify.css'],
      body,
    }),
    status,
  );
};

const MISSING_TEXT = {
  file: 'fileMissing',
  text: 'textMissing',
  url: 'urlMissing',
} as const satisfies Record<ImportField, string>;

/** The API's refusal as a message next to the field it is about. */
const apiFieldErrors = (page: Page, field: ImportField, error: ApiError): FieldErrors =>
  error.code === 'ERR_HTTP_VALIDATION' && field === 'url'
    ? { url: t(page.language, 'urlInvalid') }
    : { [field]: error.fields?.[0]?.message ?? error.message };

const registerRoutes = (app: FastifyInstance, web: WebContext): void => {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!UPLOAD_LIMIT_CODES.has(error.code)) throw error; // the web app's error page
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const errors = { file: t(opened.page.language, 'fileTooLarge') };
    return sendImportPage(opened.page, { values: NO_VALUES, errors }, 413);
  });

  app.get('/wallet/import', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    return sendImportPage(opened.page, { values: NO_VALUES, errors: {} });
  });

  app.post('/wallet/import', PAGE_ROUTE, async (request, reply) => {
    const opened = await openWalletPage(web, request, reply);
    if (opened === undefined) return reply;
    const { page } = opened;
    const l = page.language;
    const body: unknown = request.body;
    const values = importFormValues(body);
    const call = readImportForm(body);
    if (call.kind === 'refused') {
      const errors: FieldErrors =
        call.field === undefined
          ? { '': t(l, 'nothingSent') }
          : {
              [call.field]: t(
                l,
                call.reason === 'missing' ? MISSING_TEXT[call.field] : 'fileNotBadge',
              ),
            };
      return sendImportPage(page, { values, errors }, 400);
    }
    const csrf = (body as Record<string, unknown> | undefined)?._csrf;
    const answer = await page.api<WalletImportAnswer>('POST', call.url, {
      ...call.options,
      csrfToken: typeof csrf === 'string' ? csrf : undefined,
    });
    if (answer.ok) {
      const done = answer.body.merged ? 'merged' : 'imported';
      return redirectTo(page, `/wallet/credentials/${segment(answer.body.item.id)}?done=${done}`);
    }
    if (isPageError(answer) || answer.error === undefined) return sendApiErrorPage(page, answer);
    if (answer.error.code === 'ERR_WALLET_IMPORT_UNVERIFIED') {
      const details = errorDetails(answer);
      const { verdict, report } = details;
      if (isVerdict(verdict) && isReport(report)) {
        const result = renderWalletReport({
          language: l,
          calendar: page.calendar,
          verdict,
          report,
          explanation: details.explanation,
          verifiedAt: new Date().toISOString(),
        });
        return sendImportPage(
          page,
          { values, errors: {}, unverified: { call, values, result } },
          422,
        );
      }
    }
    const status = answer.status === 413 ? 413 : 400;
    return sendImportPage(
      page,
      { values, errors: apiFieldErrors(page, call.field, answer.error) },
      status,
    );
  });
};

export const registerWalletImportPage = (app: FastifyInstance, web: WebContext): void => {
  // Its own scope, so that a file over the upload limit is answered next to the file field.
  void app.register((scope, _options, done) => {
    registerRoutes(scope, web);
    done();
  });
};
