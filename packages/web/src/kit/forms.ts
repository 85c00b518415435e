/**
 * Forms that answer bad input next to the field: the API's error envelope names the fields at
 * fault (`fields[].path`, a JSON Pointer); `fieldErrors` turns them into messages by form field
 * name and `renderErrorSummary` lists them at the top (focusable links to each field, as the
 * GOV.UK pattern does), so nothing is ever answered with a blank page.
 */
import type { FastifyRequest } from 'fastify';
import type { ApiError } from './api.js';
import { html, type HtmlValue, type SafeHtml } from './html.js';
import type { Language } from './language.js';
import { layoutText } from './layout-texts.js';
import type { SessionView } from './page.js';

export type FieldErrors = Readonly<Record<string, string>>;

/**
 * Messages by form field name from the API's error: `/email` → `email`, `/name/ja` → `name.ja`
 * (or through `rename`, e.g. `{ '/recipient/email': 'email' }`). Errors on no field become `''`.
 */
export const fieldErrors = (
  error: ApiError | undefined,
  rename: Readonly<Record<string, string>> = {},
): FieldErrors => {
  if (error === undefined) return {};
  const out: Record<string, string> = {};
  for (const field of error.fields ?? []) {
    const name = rename[field.path] ?? field.path.replace(/^\//, '').replaceAll('/', '.');
    out[name] ??= field.message;
  }
  if (error.fields === undefined || error.fields.length === 0) out[''] = error.message;
  return out;
};

/** The posted form as strings (a repeated name keeps its last value; use `formValues` for all). */
export const formFields = (request: FastifyRequest): Readonly<Record<string, string>> => {
  const body = request.body as Record<string, unknown> | undefined;
  const out: Record<string, string> = {};
  if (typeof body !== 'object') return out;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value)) {
      const last: unknown = value[value.length - 1];
      if (typeof last === 'string') out[name] = last;
    }
  }
  return out;
};

/** Every value posted under `name` (checkbox groups, multi-selects). */
export const formValues = (request: FastifyRequest, name: string): readonly string[] => {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

export const csrfInput = (session: SessionView): SafeHtml =>
  html`<input type="hidden" name="_csrf" value="${session.csrfToken}" />`;

export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly type?: string;
  readonly value?: string | undefined;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly inputmode?: string;
  readonly pattern?: string;
  readonly maxlength?: number;
  readonly lang?: string;
  readonly attributes?: HtmlValue;
}

const fieldId = (name: string): string => `f-${name.replace(/[^\w-]/g, '-')}`;

const describedBy = (id: string, hint: boolean, error: boolean): SafeHtml | string => {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids === '' ? '' : html` aria-describedby="${ids}"`;
};

const fieldParts = (options: FieldOptions) => {
  const id = fieldId(options.name);
  return {
    id,
    label: html`<label for="${id}"
      >${options.label}${options.required === true && html` <span class="required" aria-hidden="true">*</span>`}</label
    >`,
    hint: options.hint !== undefined && html`<p class="hint" id="${id}-hint">${options.hint}</p>`,
    error:
      options.error !== undefined &&
      html`<p class="field-error" id="${id}-error">${options.error}</p>`,
    aria: html`${describedBy(id, options.hint !== undefined, options.error !== undefined)}${options.error !== undefined && html` aria-invalid="true"`}${options.required === true && html` required`}`,
  };
};

export const renderField = (options: FieldOptions): SafeHtml => {
  const p = fieldParts(options);
  return html`<div class="field${options.error !== undefined ? ' has-error' : ''}">
    ${p.label}${p.hint}${p.error}
    <input
      id="${p.id}"
      name="${options.name}"
      type="${options.type ?? 'text'}"
      value="${options.value ?? ''}"
      ${options.autocomplete !== undefined && html` autocomplete="${options.autocomplete}"`}${options.inputmode !== undefined && html` inputmode="${options.inputmode}"`}${options.pattern !== undefined && html` pattern="${options.pattern}"`}${options.maxlength !== undefined && html` maxlength="${options.maxlength}"`}${options.lang !== undefined && html` lang="${options.lang}"`}${p.aria}${options.attributes}
    />
  </div>`;
};

export const renderTextarea = (options: FieldOptions & { readonly rows?: number }): SafeHtml => {
  const p = fieldParts(options);
  return html`<div class="field${options.error !== undefined ? ' has-error' : ''}">
    ${p.label}${p.hint}${p.error}
    <textarea
      id="${p.id}"
      name="${options.name}"
      rows="${options.rows ?? 5}"
      ${options.lang !== undefined && html` lang="${options.lang}"`}${p.aria}${options.attributes}
    >
${options.value ?? ''}</textarea>
  </div>`;
};

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export const renderSelect = (
  options: FieldOptions & { readonly options: readonly SelectOption[] },
): SafeHtml => {
  const p = fieldParts(options);
  return html`<div class="field${options.error !== undefined ? ' has-error' : ''}">
    ${p.label}${p.hint}${p.error}
    <select id="${p.id}" name="${options.name}" ${p.aria}${options.attributes}>
      ${options.options.map((o) => html`<option value="${o.value}" ${o.value === options.value && html` selected`}>${o.label}</option>`)}
    </select>
  </div>`;
};

export const renderCheckbox = (options: {
  readonly name: string;
  readonly label: string;
  readonly checked: boolean;
  readonly value?: string;
  readonly hint?: string;
}): SafeHtml => {
  const id = fieldId(`${options.name}-${options.value ?? 'on'}`);
  return html`<div class="field checkbox">
    <input
      type="checkbox"
      id="${id}"
      name="${options.name}"
      value="${options.value ?? 'on'}"
      ${options.checked && html` checked`}
    /><label for="${id}">${options.label}</label
    >${options.hint !== undefined && html`<p class="hint">${options.hint}</p>`}
  </div>`;
};

/** The box at the top of a form that failed: every message, each linking to its field. */
export const renderErrorSummary = (language: Language, errors: FieldErrors): SafeHtml | '' => {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1" data-testid="error-summary">
    <h2>${layoutText(language, 'errorsTitle')}</h2>
    <ul>
      ${entries.map(([name, message]) => (name === '' ? html`<li>${message}</li>` : html`<li><a href="#${fieldId(name)}">${message}</a></li>`))}
    </ul>
  </div>`;
};

/** A short confirmation after a change ("Saved."), shown once through `?done=`. */
export const renderNotice = (message: string | undefined): SafeHtml | '' =>
  message === undefined
    ? ''
    : html`<div class="notice" role="status" data-testid="notice">${message}</div>`;
