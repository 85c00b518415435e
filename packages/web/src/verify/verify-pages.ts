/**
 * `GET /verify`: the public verification page (no sign-in): a badge file, pasted JSON / JWT, or a
 * URL, each its own form. `POST /verify` (multipart; urlencoded works too) sniffs what was sent,
 * calls `POST /api/v1/verify` in process — anonymously, without the browser's session, so no
 * CSRF token is needed and nothing is tied to the visitor — and shows the verdict, what the
 * credential says and every check. The answer is the page itself (nothing is stored, so there is
 * nothing to redirect to). Bad input — nothing given, a file that is no badge, a file too large,
 * input the verifier cannot read — shows the forms again with the message next to the field.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError } from '../kit/api.js';
import { renderErrorSummary, type FieldErrors } from '../kit/forms.js';
import { html, type HtmlValue } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import { openPage, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE, type WebModule } from '../kit/web-module.js';
import { renderVerifyForms } from './verify-form.js';
import {
  readVerifyForm,
  verifyFormValues,
  type VerifyField,
  type VerifyFormValues,
} from './verify-input.js';
import { renderVerifyResult } from './verify-result.js';
import { verdictText, verifyText as t } from './verify-texts.js';
import type { VerifyAnswer } from './verify-types.js';

const NO_VALUES: VerifyFormValues = { text: '', url: '' };

/** The multipart plugin's refusals of a file over the web app's upload limit. */
const UPLOAD_LIMIT_CODES = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT']);

interface VerifyPageState {
  readonly values: VerifyFormValues;
  readonly errors: FieldErrors;
  readonly answer?: VerifyAnswer;
}

const sendVerifyPage = (page: Page, web: WebContext, state: VerifyPageState, status = 200) => {
  const l = page.language;
  const { answer } = state;
  const result: HtmlValue =
    answer === undefined
      ? ''
      : renderVerifyResult({
          language: l,
          calendar: page.calendar,
          answer,
          verifiedAt: new Date().toISOString(),
        });
  const title =
    answer === undefined
      ? t(l, 'title')
      : `${verdictText(l, `${answer.verdict}-headline`)} — ${t(l, 'resultTitle')}`;
  return sendHtml(
    page,
    renderLayout(page, {
      title,
      section: 'verify',
      openGraph: {
        title: `Akashi — ${t(l, 'title')}`,
        description: t(l, 'ogDescription'),
        url: `${web.publicUrl}/verify`,
      },
      styles: ['verify.css'],
      scripts: ['verify-drop.js'],
      body: html`<h1>${t(l, 'title')}</h1>
        <p class="lead">${t(l, 'lead')}</p>
        ${renderErrorSummary(l, state.errors)} ${result}
        ${answer !== undefined && html`<h2 class="verify-again">${t(l, 'again')}</h2>`}
        ${renderVerifyForms({
          language: l,
          values: state.values,
          errors: state.errors,
          headingLevel: answer === undefined ? 2 : 3,
        })}
        <p class="muted">${t(l, 'privacy')}</p>`,
    }),
    status,
  );
};

const MISSING_TEXT = {
  file: 'fileMissing',
  text: 'textMissing',
  url: 'urlMissing',
} as const satisfies Record<VerifyField, string>;

/** The API's refusal, as a message next to the field (or at the top when about no field). */
const apiErrors = (
  page: Page,
  field: VerifyField,
  error: ApiError,
  status: number,
): FieldErrors => {
  if (error.code === 'ERR_VERIFY_RATE_LIMITED' || status >= 500) return { '': error.message };
  if (error.code === 'ERR_HTTP_VALIDATION' && field === 'url') {
    return { url: t(page.language, 'urlInvalid') };
  }
  return { [field]: error.fields?.[0]?.message ?? error.message };
};

const registerRoutes = (app: FastifyInstance, web: WebContext): void => {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!UPLOAD_LIMIT_CODES.has(error.code)) throw error; // the web app's error page
    const page = await openPage(web, request, reply);
    const errors = { file: t(page.language, 'fileTooLarge') };
    return sendVerifyPage(page, web, { values: NO_VALUES, errors }, 413);
  });

  app.get('/verify', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    return sendVerifyPage(page, web, { values: NO_VALUES, errors: {} });
  });

  app.post('/verify', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const l = page.language;
    const values = verifyFormValues(request.body);
    const call = readVerifyForm(request.body);
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
      return sendVerifyPage(page, web, { values, errors }, 400);
    }
    // Anonymous: the verification is public and must not need the visitor's CSRF token.
    const answer = await page.api<VerifyAnswer>('POST', '/api/v1/verify', {
      ...call.options,
      cookie: '',
    });
    if (answer.error !== undefined) {
      const errors = apiErrors(page, call.field, answer.error, answer.status);
      return sendVerifyPage(page, web, { values, errors }, answer.status);
    }
    if (answer.body.verdict === 'unreadable') {
      const errors = { [call.field]: answer.body.explanation[l] };
      return sendVerifyPage(page, web, { values, errors }, 400);
    }
    return sendVerifyPage(page, web, { values, errors: {}, answer: answer.body });
  });
};

export const registerVerifyPages: WebModule = (app, web) => {
  // Its own scope, so that a file over the upload limit is answered on this page, next to the
  // file field, and every other error still gets the web app's error page.
  void app.register((scope, _options, done) => {
    registerRoutes(scope, web);
    done();
  });
};
