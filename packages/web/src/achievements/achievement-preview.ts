/**
 * The badge as it will appear, beside the editor: image, type, name in the chosen language,
 * issuer, an excerpt of the description, the criteria and the tags. The server draws it from the
 * form's values (so it works without script, refreshed by the "Update preview" button);
 * `assets/achievements-preview.js` redraws the same elements (`data-preview="…"`) as the user types.
 */
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type { IssuerProfile } from './achievement-api-types.js';
import type { FormValues } from './achievement-form.js';
import { parseTags } from './achievement-form.js';
import { achievementTypeLabel } from './achievement-type-labels.js';
import { achievementsText as t } from './achievements-texts.js';

export const DESCRIPTION_EXCERPT = 160;
export const CRITERIA_EXCERPT = 400;

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** The first `length` characters (as people count them) and "…" when there is more. */
export const excerpt = (value: string, length: number): string => {
  const parts = Array.from(graphemes.segment(value), (s) => s.segment);
  return parts.length > length ? `${parts.slice(0, length).join('')}…` : value;
};

export interface PreviewOptions {
  readonly values: FormValues;
  /** The language of the badge shown (the page may be in the other one). */
  readonly badgeLanguage: Language;
  readonly issuers: readonly IssuerProfile[];
  /** The saved image (a path on this site), none for a badge not yet created. */
  readonly imageSrc: string | undefined;
}

const issuerName = (
  issuers: readonly IssuerProfile[],
  id: string,
  language: Language,
): string | undefined => {
  const issuer = issuers.find((i) => i.id === id) ?? issuers.find((i) => i.isDefault);
  if (issuer === undefined) return undefined;
  return language === 'en' && issuer.name.en !== '' ? issuer.name.en : issuer.name.ja;
};

export const renderPreview = (l: Language, options: PreviewOptions): SafeHtml => {
  const { values, badgeLanguage: bl } = options;
  const pick = (field: string) => {
    const en = values[`${field}.en`] ?? '';
    return bl === 'en' && en !== '' ? en : (values[`${field}.ja`] ?? '');
  };
  const name = pick('name');
  const description = pick('description');
  const narrative = pick('criteria.narrative');
  const criteriaUrl = values['criteria.url'] ?? '';
  const type = values.achievementType ?? '';
  const tags = parseTags(values.tags);
  const issuer = issuerName(options.issuers, values.issuerProfileId ?? '', bl);
  return html`<div
    class="card badge-preview"
    data-testid="achievement-preview"
    data-empty-name="${t(l, 'emptyName')}"
    data-empty-description="${t(l, 'emptyDescription')}"
    data-description-excerpt="${DESCRIPTION_EXCERPT}"
    data-criteria-excerpt="${CRITERIA_EXCERPT}"
    lang="${bl}"
  >
    ${
      options.imageSrc === undefined
        ? html`<div class="badge-placeholder" lang="${l}">${t(l, 'noImage')}</div>`
        : html`<img
            class="badge-image"
            src="${options.imageSrc}"
            alt=""
            width="128"
            height="128"
            data-preview="image"
          />`
    }
    <p class="badge-type" data-preview="achievementType" ${type === '' && html` hidden`}>
      ${type === '' ? '' : achievementTypeLabel(type, bl)}
    </p>
    <h3 class="badge-name" data-preview="name">${name === '' ? t(l, 'emptyName') : name}</h3>
    <p class="badge-issuer" ${issuer === undefined && html` hidden`}>
      <span lang="${l}">${t(l, 'issuedBy')}:</span> <span data-preview="issuer">${issuer}</span>
    </p>
    <p class="badge-description" data-preview="description">
      ${description === '' ? t(l, 'emptyDescription') : excerpt(description, DESCRIPTION_EXCERPT)}
    </p>
    <h4 lang="${l}">${t(l, 'criteriaHeading')}</h4>
    <p class="badge-criteria" data-preview="criteria">${excerpt(narrative, CRITERIA_EXCERPT)}</p>
    <p data-preview="criteriaUrlWrap" ${criteriaUrl === '' && html` hidden`}>
      <a
        href="${criteriaUrl.startsWith('https://') ? criteriaUrl : '#'}"
        data-preview="criteriaUrl"
        rel="noopener noreferrer"
        >${criteriaUrl}</a
      >
    </p>
    <ul class="badge-tags" data-preview="tags" ${tags.length === 0 && html` hidden`}>
      ${tags.map((tag) => html`<li>${tag}</li>`)}
    </ul>
  </div>`;
};
