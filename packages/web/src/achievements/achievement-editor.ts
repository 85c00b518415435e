/**
 * The badge editor (new and edit): the fields in sections, the error summary and each message
 * next to its field, and the live preview beside the form. "Update preview" posts the form with
 * `_action=preview`, which redraws the page without saving (the preview works without script).
 */
import type { ConsoleContext } from '../kit/console.js';
import { renderConsole } from '../kit/console.js';
import {
  csrfInput,
  renderErrorSummary,
  renderField,
  renderSelect,
  renderTextarea,
  type FieldErrors,
  type SelectOption,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type { AchievementView, Department, IssuerProfile } from './achievement-api-types.js';
import { localPath, pickText } from './achievement-api-types.js';
import type { FormValues } from './achievement-form.js';
import { renderPreview } from './achievement-preview.js';
import { ACHIEVEMENT_TYPE_LABELS } from './achievement-type-labels.js';
import { achievementsText as t, type AchievementsTextKey } from './achievements-texts.js';
import { renderImageUpload } from './achievement-image-form.js';

export interface EditorOptions {
  readonly mode: 'create' | 'edit';
  /** The saved achievement (edit). */
  readonly achievement?: AchievementView;
  readonly values: FormValues;
  readonly errors: FieldErrors;
  readonly issuers: readonly IssuerProfile[];
  readonly departments: readonly Department[];
  /** Image upload problems (edit). */
  readonly imageError?: string | undefined;
  /** The API said the achievement changed meanwhile. */
  readonly conflict?: boolean;
}

/** The error summary's entries, each message with its field's label. */
export const labelledErrors = (l: Language, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors).map(([name, message]) => [
      name,
      name === '' ? message : `${t(l, name as AchievementsTextKey)}: ${message}`,
    ]),
  );

const departmentOptions = (
  context: ConsoleContext,
  departments: readonly Department[],
  current: string,
): SelectOption[] => {
  const l = context.page.language;
  const { role, departmentIds } = context.membership;
  // Issuers write only in their departments; whatever is already chosen stays visible.
  const allowed = departments.filter(
    (d) => role === 'org_admin' || departmentIds.includes(d.id) || d.id === current,
  );
  const wide = role === 'org_admin' || current === '';
  return [
    ...(wide ? [{ value: '', label: t(l, 'organisationWide') }] : []),
    ...allowed.map((d) => ({ value: d.id, label: d.name })),
  ];
};

const renderIssuerSelect = (
  l: Language,
  options: EditorOptions,
  error: string | undefined,
): SafeHtml => {
  const current = options.values.issuerProfileId ?? '';
  const usable = options.issuers.filter((i) => i.archivedAt === null || i.id === current);
  const fallback = options.issuers.find((i) => i.isDefault);
  const option = (value: string, label: string, issuer: IssuerProfile | undefined) =>
    html`<option
      value="${value}"
      ${value === current && html` selected`}
      data-name-ja="${issuer?.name.ja ?? ''}"
      data-name-en="${issuer === undefined ? '' : issuer.name.en || issuer.name.ja}"
    >
      ${label}
    </option>`;
  const id = 'f-issuerProfileId';
  return html`<div class="field${error !== undefined ? ' has-error' : ''}">
    <label for="${id}">${t(l, 'issuerProfileId')}</label>
    ${error !== undefined && html`<p class="field-error" id="${id}-error">${error}</p>`}
    <select
      id="${id}"
      name="issuerProfileId"
      ${error !== undefined && html` aria-describedby="${id}-error" aria-invalid="true"`}
    >
      ${options.mode === 'create' && option('', t(l, 'defaultIssuer'), fallback)}
      ${usable.map((i) => option(i.id, pickText(i.name, l), i))}
    </select>
  </div>`;
};

const renderFields = (context: ConsoleContext, options: EditorOptions): SafeHtml => {
  const l = context.page.language;
  const { values, errors } = options;
  const field = (name: string, extra: Partial<Parameters<typeof renderField>[0]> = {}) =>
    renderField({
      name,
      label: t(l, name as AchievementsTextKey),
      value: values[name],
      error: errors[name],
      ...extra,
    });
  const area = (name: string, extra: Partial<Parameters<typeof renderTextarea>[0]> = {}) =>
    renderTextarea({
      name,
      label: t(l, name as AchievementsTextKey),
      value: values[name],
      error: errors[name],
      ...extra,
    });
  return html`<fieldset>
      <legend>${t(l, 'sectionBasics')}</legend>
      ${field('name.ja', { required: true, maxlength: 200, lang: 'ja' })}
      ${field('name.en', { maxlength: 200, lang: 'en', hint: t(l, 'nameEnHint') })}
      ${area('description.ja', { required: true, rows: 4, lang: 'ja' })}
      ${area('description.en', { rows: 4, lang: 'en' })}
      ${field('achievementType', {
        hint: t(l, 'achievementTypeHint'),
        attributes: html` list="achievement-types"`,
      })}
      <datalist id="achievement-types">
        ${Object.entries(ACHIEVEMENT_TYPE_LABELS).map(
          ([term, label]) =>
            html`<option value="${term}" data-label-ja="${label.ja}" data-label-en="${label.en}">
              ${label[l]}
            </option>`,
        )}
      </datalist>
    </fieldset>
    <fieldset>
      <legend>${t(l, 'sectionCriteria')}</legend>
      ${area('criteria.narrative.ja', { rows: 6, lang: 'ja', hint: t(l, 'narrativeHint') })}
      ${area('criteria.narrative.en', { rows: 6, lang: 'en' })}
      ${field('criteria.url', { type: 'url', hint: t(l, 'criteriaUrlHint'), inputmode: 'url' })}
    </fieldset>
    <fieldset>
      <legend>${t(l, 'sectionIssuer')}</legend>
      ${renderSelect({
        name: 'departmentId',
        label: t(l, 'departmentId'),
        value: values.departmentId ?? '',
        error: errors.departmentId,
        options: departmentOptions(context, options.departments, values.departmentId ?? ''),
      })}
      ${renderIssuerSelect(l, options, errors.issuerProfileId)}
    </fieldset>
    <fieldset>
      <legend>${t(l, 'sectionDetails')}</legend>
      ${area('tags', { rows: 2, hint: t(l, 'tagsHint') })}
      ${area('skills', { rows: 3, hint: t(l, 'skillsHint') })}
      ${area('alignments', { rows: 3, hint: t(l, 'alignmentsHint') })}
      ${field('creditsAvailable', { inputmode: 'decimal' })} ${field('fieldOfStudy')}
      ${field('specialization')} ${field('humanCode')}
    </fieldset>
    <fieldset>
      <legend>${t(l, 'sectionValidity')}</legend>
      <p class="hint">${t(l, 'validityHint')}</p>
      <div class="validity-fields">
        ${field('validity.years', { inputmode: 'numeric' })}
        ${field('validity.months', { inputmode: 'numeric' })}
        ${field('validity.days', { inputmode: 'numeric' })}
      </div>
    </fieldset>
    <fieldset>
      <legend>${t(l, 'sectionEvidence')}</legend>
      ${area('evidenceRequirement.ja', { rows: 3, lang: 'ja' })}
      ${area('evidenceRequirement.en', { rows: 3, lang: 'en' })}
    </fieldset>`;
};

const renderPreviewAside = (context: ConsoleContext, options: EditorOptions): SafeHtml => {
  const l = context.page.language;
  const chosen = options.values._previewLanguage === 'en' ? 'en' : 'ja';
  const radio = (value: Language, label: string) =>
    html`<label class="radio"
      ><input
        type="radio"
        name="_previewLanguage"
        value="${value}"
        ${chosen === value && html` checked`}
      />
      ${label}</label
    >`;
  return html`<aside class="editor-preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${t(l, 'previewTitle')}</h2>
    <fieldset class="preview-language">
      <legend>${t(l, 'previewLanguage')}</legend>
      ${radio('ja', t(l, 'japanese'))} ${radio('en', t(l, 'english'))}
    </fieldset>
    ${renderPreview(l, {
      values: options.values,
      badgeLanguage: chosen,
      issuers: options.issuers,
      imageSrc:
        options.achievement === undefined ? undefined : localPath(options.achievement.urls.image),
    })}
    <p class="hint">${t(l, 'previewNoJs')}</p>
  </aside>`;
};

export const renderEditor = (context: ConsoleContext, options: EditorOptions): SafeHtml => {
  const { page, base, session } = context;
  const l = page.language;
  const { achievement } = options;
  const title =
    achievement === undefined
      ? t(l, 'newTitle')
      : t(l, 'editTitle', { name: pickText(achievement.name, l) });
  const action =
    achievement === undefined
      ? `${base}/achievements/new`
      : `${base}/achievements/${achievement.id}/edit`;
  const back =
    achievement === undefined ? `${base}/achievements` : `${base}/achievements/${achievement.id}`;
  const body = html`<h1>${title}</h1>
    ${achievement?.status === 'archived' && html`<p class="warning">${t(l, 'archivedWarning')}</p>`}
    ${renderErrorSummary(l, labelledErrors(l, options.errors))}
    ${options.conflict === true && html`<p><a href="${action}">${t(l, 'conflictReload')}</a></p>`}
    <p class="hint">${t(l, 'editorLead')}</p>
    <form method="post" action="${action}" class="editor" data-testid="achievement-form" novalidate>
      ${csrfInput(session)}
      ${achievement !== undefined && html`<input type="hidden" name="expectedVersion" value="${options.values.expectedVersion ?? ''}" />`}
      <div class="editor-fields">
        ${renderFields(context, options)}
        <div class="actions">
          <button type="submit" name="_action" value="save" data-testid="save-achievement">
            ${t(l, achievement === undefined ? 'create' : 'save')}
          </button>
          <button
            type="submit"
            name="_action"
            value="preview"
            class="secondary"
            data-testid="preview-achievement"
          >
            ${t(l, 'previewButton')}
          </button>
          <a href="${back}">${t(l, 'cancel')}</a>
        </div>
      </div>
      ${renderPreviewAside(context, options)}
    </form>
    ${achievement !== undefined && achievement.status === 'active' && renderImageUpload(context, achievement, 'edit', options.imageError)}`;
  return renderConsole(context, {
    active: 'achievements',
    title,
    body,
    styles: ['achievements.css'],
    scripts: ['achievements-preview.js'],
  });
};
