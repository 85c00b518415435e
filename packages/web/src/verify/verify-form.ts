/**
 * The three ways to hand over a badge, each its own small form posting to `POST /verify`
 * (multipart, no script needed): a file (with a drop zone that `verify-drop.js` brings to life),
 * pasted text, or a URL. An error is shown next to the field it is about.
 */
import { renderField, renderTextarea, type FieldErrors } from '../kit/forms.js';
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type { VerifyFormValues } from './verify-input.js';
import { verifyText as t } from './verify-texts.js';

export const FILE_ACCEPT = '.png,.svg,.json,.jwt,.txt,image/png,image/svg+xml,application/json';

export interface VerifyFormOptions {
  readonly language: Language;
  readonly values: VerifyFormValues;
  readonly errors: FieldErrors;
  /** 2 on the form page; 3 under the result's "verify another badge" heading. */
  readonly headingLevel: 2 | 3;
}

const heading = (level: 2 | 3, id: string, text: string): SafeHtml =>
  level === 2 ? html`<h2 id="${id}">${text}</h2>` : html`<h3 id="${id}">${text}</h3>`;

/** One of the three forms: a multipart POST to /verify that works without script. */
const renderForm = (testid: string, content: HtmlValue): SafeHtml =>
  html`<form
    method="post"
    action="/verify"
    enctype="multipart/form-data"
    class="stack"
    data-testid="${testid}"
  >
    ${content}
  </form>`;

const section = (
  level: 2 | 3,
  id: string,
  title: string,
  testid: string,
  content: HtmlValue,
): SafeHtml =>
  html`<section class="card verify-way" aria-labelledby="${id}">
    ${heading(level, id, title)} ${renderForm(testid, content)}
  </section>`;

export const renderVerifyForms = ({
  language: l,
  values,
  errors,
  headingLevel: level,
}: VerifyFormOptions): SafeHtml => {
  const file = html`<div class="verify-drop" data-verify-drop data-testid="verify-drop">
      ${renderField({
        name: 'file',
        type: 'file',
        label: t(l, 'fileLabel'),
        hint: t(l, 'fileHint'),
        error: errors.file,
        attributes: html` accept="${FILE_ACCEPT}" data-testid="verify-file"`,
      })}
      <p class="verify-drop-hint" data-verify-drop-hint hidden>${t(l, 'dropHere')}</p>
    </div>
    <button type="submit" data-testid="verify-submit-file">${t(l, 'submitFile')}</button>`;
  const text = html`${renderTextarea({
    name: 'text',
    label: t(l, 'textLabel'),
    hint: t(l, 'textHint'),
    value: values.text,
    error: errors.text,
    rows: 8,
    attributes: html` spellcheck="false" autocapitalize="off" data-testid="verify-text"`,
  })} <button type="submit" data-testid="verify-submit-text">${t(l, 'submitText')}</button>`;
  const url = html`${renderField({
    name: 'url',
    type: 'url',
    label: t(l, 'urlLabel'),
    hint: t(l, 'urlHint'),
    value: values.url,
    error: errors.url,
    autocomplete: 'off',
    inputmode: 'url',
    maxlength: 2048,
    attributes: html` placeholder="https://" data-testid="verify-url"`,
  })} <button type="submit" data-testid="verify-submit-url">${t(l, 'submitUrl')}</button>`;
  return html`<div class="verify-ways">
    ${section(level, 'verify-file-title', t(l, 'fileTitle'), 'verify-form-file', file)}
    ${section(level, 'verify-text-title', t(l, 'textTitle'), 'verify-form-text', text)}
    ${section(level, 'verify-url-title', t(l, 'urlTitle'), 'verify-form-url', url)}
  </div>`;
};
