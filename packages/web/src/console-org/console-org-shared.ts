/**
 * Helpers shared by the organisation console's pages: loading the console for an organisation,
 * sending a console page with this group's style sheet, the `?done=` notice, API errors placed
 * next to form fields (also the errors the API gives without a field, by their code), and the
 * small form parts that repeat on every row of a table (ids unique per row).
 */
import type { FastifyReply } from 'fastify';
import type { ApiError } from '../kit/api.js';
import {
  renderConsole,
  type ConsoleContext,
  type ConsoleSection,
  type Membership,
} from '../kit/console.js';
import { fieldErrors, type FieldErrors } from '../kit/forms.js';
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import { sendHtml, type Page } from '../kit/page.js';
import { orgText, type OrgTextKey } from './console-org-texts.js';

/** The signed-in user's memberships (`GET /api/v1/organisations`), or undefined on failure. */
export const listMemberships = async (page: Page): Promise<readonly Membership[] | undefined> => {
  const answer = await page.api<{ memberships?: readonly Membership[] }>(
    'GET',
    '/api/v1/organisations',
  );
  return answer.ok ? (answer.body.memberships ?? []) : undefined;
};

export const isAdmin = (context: ConsoleContext): boolean =>
  context.membership.role === 'org_admin';

export const apiOrgPath = (context: ConsoleContext): string =>
  `/api/v1/organisations/${encodeURIComponent(context.organisationId)}`;

/** Sends a console page with this group's style sheet. */
export const sendConsolePage = (
  context: ConsoleContext,
  options: {
    readonly active: ConsoleSection;
    readonly title: string;
    readonly body: HtmlValue;
    readonly status?: number;
    readonly scripts?: readonly string[];
  },
): FastifyReply =>
  sendHtml(
    context.page,
    renderConsole(context, {
      active: options.active,
      title: options.title,
      body: options.body,
      styles: ['console-org.css'],
      ...(options.scripts === undefined ? {} : { scripts: options.scripts }),
    }),
    options.status ?? 200,
  );

const DONE_KEYS = [
  'saved',
  'created',
  'renamed',
  'deleted',
  'added',
  'changed',
  'removed',
  'revoked',
  'rotated',
  'archived',
] as const;

/** The notice text for `?done=…`, when it names a known change. */
export const doneMessage = (page: Page): string | undefined => {
  const done = (page.request.query as Record<string, unknown> | undefined)?.done;
  const key = DONE_KEYS.find((k) => k === done);
  return key === undefined ? undefined : orgText(page.language, `done-${key}` as OrgTextKey);
};

/**
 * Messages by form field: the API's field errors (renamed), or, for an error the API gives with
 * no field, the field `byCode` names for its code (else the message goes to the summary only).
 */
export const formErrors = (
  error: ApiError | undefined,
  rename: Readonly<Record<string, string>> = {},
  byCode: Readonly<Record<string, string>> = {},
): FieldErrors => {
  if (error === undefined) return {};
  const field = byCode[error.code];
  if (field !== undefined && (error.fields ?? []).length === 0) return { [field]: error.message };
  return fieldErrors(error, rename);
};

/** Whether a confirmation checkbox (`confirm=yes`) was ticked. */
export const confirmed = (fields: Readonly<Record<string, string>>): boolean =>
  fields.confirm === 'yes';

/** A required confirmation checkbox with its sentence; the id is unique per form. */
export const confirmBox = (id: string, sentence: string): SafeHtml =>
  html`<div class="field checkbox confirm">
    <input type="checkbox" id="${id}" name="confirm" value="yes" required /><label for="${id}"
      >${sentence}</label
    >
  </div>`;

/** A text input with an explicit id (forms repeated on table rows). */
export const rowField = (options: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly error?: string | undefined;
  readonly maxlength?: number;
}): SafeHtml =>
  html`<div class="field${options.error !== undefined ? ' has-error' : ''}">
    <label for="${options.id}">${options.label}</label>
    ${options.error !== undefined && html`<p class="field-error" id="${options.id}-error">${options.error}</p>`}
    <input
      id="${options.id}"
      name="${options.name}"
      type="text"
      value="${options.value}"
      required
      ${options.maxlength !== undefined && html` maxlength="${options.maxlength}"`}${options.error !== undefined && html` aria-invalid="true" aria-describedby="${options.id}-error"`}
    />
  </div>`;

/** A checkbox with an explicit id (checkbox groups repeated on table rows). */
export const rowCheckbox = (options: {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly label: string;
  readonly checked: boolean;
}): SafeHtml =>
  html`<div class="field checkbox">
    <input
      type="checkbox"
      id="${options.id}"
      name="${options.name}"
      value="${options.value}"
      ${options.checked && html` checked`}
    /><label for="${options.id}">${options.label}</label>
  </div>`;

/** The API's refusal shown at the top of a page (a forced write by someone who may not). */
export const renderRefusal = (page: Page, error: ApiError | undefined): SafeHtml | '' =>
  error === undefined
    ? ''
    : html`<div class="error-summary" role="alert" tabindex="-1" data-testid="error-summary">
        <h2>${orgText(page.language, 'refused')}</h2>
        <p>${error.message}</p>
      </div>`;

/** The refusal shown when a confirmation box was not ticked. */
export const confirmRefusal = (page: Page): ApiError => ({
  code: 'ERR_WEB_CONFIRM',
  message: orgText(page.language, 'confirmMissing'),
  requestId: '',
});

/** The error summary for a form on a table row: its message links to the row's field. */
export const renderRowErrorSummary = (page: Page, fieldId: string, message: string): SafeHtml =>
  html`<div class="error-summary" role="alert" tabindex="-1" data-testid="error-summary">
    <h2>${orgText(page.language, 'refused')}</h2>
    <ul>
      <li><a href="#${fieldId}">${message}</a></li>
    </ul>
  </div>`;
