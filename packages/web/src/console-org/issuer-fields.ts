/**
 * The fields of an issuer profile form (create and edit share them): names in Japanese and
 * English, web site, e-mail and descriptions; reading them back into the API's body and placing
 * the API's errors next to them.
 */
import type { ApiError } from '../kit/api.js';
import type { FieldErrors } from '../kit/forms.js';
import { renderField, renderTextarea } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { formErrors } from './console-org-shared.js';
import type { IssuerProfile } from './console-org-types.js';
import { issuerText as t } from './issuer-texts.js';

export interface IssuerFormValues {
  readonly nameJa: string;
  readonly nameEn: string;
  readonly url: string;
  readonly email: string;
  readonly descriptionJa: string;
  readonly descriptionEn: string;
}

export const EMPTY_ISSUER_VALUES: IssuerFormValues = {
  nameJa: '',
  nameEn: '',
  url: '',
  email: '',
  descriptionJa: '',
  descriptionEn: '',
};

export const issuerValuesOf = (profile: IssuerProfile): IssuerFormValues => ({
  nameJa: profile.name.ja,
  nameEn: profile.name.en,
  url: profile.url,
  email: profile.email,
  descriptionJa: profile.description.ja,
  descriptionEn: profile.description.en,
});

/** The posted values, exactly as typed. */
export const readIssuerValues = (fields: Readonly<Record<string, string>>): IssuerFormValues => ({
  nameJa: fields.nameJa ?? '',
  nameEn: fields.nameEn ?? '',
  url: fields.url ?? '',
  email: fields.email ?? '',
  descriptionJa: fields.descriptionJa ?? '',
  descriptionEn: fields.descriptionEn ?? '',
});

/** The API body's common part. */
export const issuerBody = (values: IssuerFormValues) => ({
  name: { ja: values.nameJa, en: values.nameEn },
  url: values.url,
  email: values.email,
  description: { ja: values.descriptionJa, en: values.descriptionEn },
});

const RENAME = {
  '/name/ja': 'nameJa',
  '/name/en': 'nameEn',
  '/name': 'nameJa',
  '/description/ja': 'descriptionJa',
  '/description/en': 'descriptionEn',
  '/departmentId': 'departmentId',
};

const BY_CODE = {
  ERR_ISSUER_URL_NOT_HTTPS: 'url',
  ERR_ISSUER_DEPARTMENT_PROFILE_EXISTS: 'departmentId',
  ERR_ISSUER_DEFAULT_EXISTS: 'departmentId',
  ERR_ORG_DEPARTMENT_NOT_FOUND: 'departmentId',
  ERR_ISSUER_DID_WEB_NEEDS_HTTPS: 'identifierMethod',
};

export const issuerErrors = (error: ApiError | undefined): FieldErrors =>
  formErrors(error, RENAME, BY_CODE);

export const renderIssuerFields = (
  l: Language,
  values: IssuerFormValues,
  errors: FieldErrors,
): SafeHtml =>
  html`${renderField({ name: 'nameJa', label: t(l, 'nameJa'), value: values.nameJa, error: errors.nameJa, required: true, maxlength: 200, lang: 'ja' })}
  ${renderField({ name: 'nameEn', label: t(l, 'nameEn'), value: values.nameEn, error: errors.nameEn, required: true, maxlength: 200, lang: 'en' })}
  ${renderField({ name: 'url', label: t(l, 'url'), type: 'url', value: values.url, error: errors.url, hint: t(l, 'urlHint'), required: true, maxlength: 2000, autocomplete: 'url' })}
  ${renderField({ name: 'email', label: t(l, 'email'), type: 'email', value: values.email, error: errors.email, required: true, maxlength: 254, autocomplete: 'email' })}
  ${renderTextarea({ name: 'descriptionJa', label: t(l, 'descriptionJa'), value: values.descriptionJa, error: errors.descriptionJa, rows: 3, lang: 'ja' })}
  ${renderTextarea({ name: 'descriptionEn', label: t(l, 'descriptionEn'), value: values.descriptionEn, error: errors.descriptionEn, rows: 3, lang: 'en' })}`;
