/**
 * Small pieces the operator pages share: the status pill (a word, never colour alone), the
 * organisation type's label, an application's details as a definition list, and field errors
 * that say "please fill this in" for an empty field.
 */
import type { ApiError } from '../kit/api.js';
import { formatDate } from '../kit/dates.js';
import { fieldErrors, type FieldErrors } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type { Page } from '../kit/page.js';
import { organisationText as t } from './organisation-texts.js';
import {
  ORGANISATION_TYPES,
  type ApplicationStatus,
  type ApplicationView,
  type OrganisationType,
} from './operator-types.js';

const PILL_CLASS: Readonly<Record<ApplicationStatus, string>> = {
  pending: 'warn',
  approved: 'ok',
  rejected: 'bad',
};

export const statusPill = (status: ApplicationStatus, language: Language): SafeHtml =>
  html`<span class="pill ${PILL_CLASS[status]}">${t(language, status)}</span>`;

export const typeLabel = (type: OrganisationType, language: Language): string =>
  ORGANISATION_TYPES.includes(type) ? t(language, type) : type;

export const typeOptions = (language: Language) =>
  ORGANISATION_TYPES.map((type) => ({ value: type, label: t(language, type) }));

/** The applicant as "name <e-mail>". */
export const applicantLabel = (application: ApplicationView, language: Language): string =>
  application.applicant === null
    ? t(language, 'applicantUnknown')
    : `${application.applicant.displayName} <${application.applicant.email}>`;

/** Every detail of an application, as a `dl.facts`. */
export const renderApplicationFacts = (
  page: Page,
  application: ApplicationView,
  options: { readonly withApplicant: boolean },
): SafeHtml => {
  const l = page.language;
  return html`<dl class="facts">
      <dt>${t(l, 'legalName')}</dt>
      <dd lang="ja">${application.legalName}</dd>
      <dt>${t(l, 'nameEn')}</dt>
      <dd lang="en">${application.nameEn}</dd>
      <dt>${t(l, 'domain')}</dt>
      <dd><code>${application.domain}</code></dd>
      <dt>${t(l, 'type')}</dt>
      <dd>${typeLabel(application.type, l)}</dd>
      <dt>${t(l, 'contactEmail')}</dt>
      <dd>${application.contactEmail}</dd>
      ${
        options.withApplicant &&
        html`<dt>${t(l, 'applicant')}</dt>
          <dd>${applicantLabel(application, l)}</dd>`
      }
      <dt>${t(l, 'submittedAt')}</dt>
      <dd>
        <time datetime="${application.createdAt}"
          >${formatDate(application.createdAt, l, page.calendar)}</time
        >
      </dd>
    </dl>
    <h3>${t(l, 'justification')}</h3>
    <p class="justification">${application.justification}</p>`;
};

/**
 * The API's field errors by form field name; a field that was left empty says "please fill this
 * in" rather than the API's "must be at least 1 character long".
 */
export const formErrors = (
  language: Language,
  error: ApiError | undefined,
  values: Readonly<Record<string, string>>,
): FieldErrors => {
  const errors: Record<string, string> = { ...fieldErrors(error) };
  for (const name of Object.keys(errors)) {
    if (name !== '' && (values[name] ?? '').trim() === '') errors[name] = t(language, 'required');
  }
  return errors;
};

/** The summary at the top names each field: "Domain: is not in the expected form". */
export const labelledErrors = (errors: FieldErrors, label: (name: string) => string): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors).map(([name, message]) =>
      name === '' ? [name, message] : [name, `${label(name)}: ${message}`],
    ),
  );
