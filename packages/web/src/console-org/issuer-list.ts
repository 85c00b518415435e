/**
 * The issuer profiles on the settings page: one card per profile (identifier, names, web site,
 * e-mail, description, links to its public page and its own console page), and the form that
 * creates a profile for a department that has none (or the default one when it is missing).
 */
import type { ConsoleContext } from '../kit/console.js';
import { csrfInput, renderErrorSummary, renderSelect, type FieldErrors } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import type { Department, IssuerProfile } from './console-org-types.js';
import { renderIssuerFields, type IssuerFormValues, EMPTY_ISSUER_VALUES } from './issuer-fields.js';
import { issuerText as t } from './issuer-texts.js';

export interface CreateIssuerState {
  readonly values: IssuerFormValues;
  readonly departmentId: string;
  readonly identifierMethod: string;
  readonly errors: FieldErrors;
}

const departmentName = (departments: readonly Department[], id: string | null): string =>
  departments.find((d) => d.id === id)?.name ?? '';

/** Where the profile is used: the organisation default, or its department's name. */
export const profileScope = (
  l: Language,
  profile: IssuerProfile,
  departments: readonly Department[],
): string =>
  profile.departmentId === null
    ? t(l, 'default')
    : `${t(l, 'department')}: ${departmentName(departments, profile.departmentId)}`;

export const renderProfileStatus = (l: Language, profile: IssuerProfile): SafeHtml =>
  profile.archivedAt === null
    ? html`<span class="pill ok">${t(l, 'active')}</span>`
    : html`<span class="pill warn">${t(l, 'archived')}</span>`;

const renderProfileCard = (
  context: ConsoleContext,
  profile: IssuerProfile,
  departments: readonly Department[],
): SafeHtml => {
  const l = context.page.language;
  const id = encodeURIComponent(profile.id);
  return html`<li class="card issuer-profile" data-testid="issuer-profile">
    <h3><span lang="ja">${profile.name.ja}</span> / <span lang="en">${profile.name.en}</span></h3>
    <p>${profileScope(l, profile, departments)} ${renderProfileStatus(l, profile)}</p>
    <dl class="facts">
      <dt>${t(l, 'identifier')}</dt>
      <dd>
        <code class="identifier" data-testid="issuer-identifier">${profile.identifier}</code>
        <span class="hint">(${profile.identifierMethod})</span>
      </dd>
      <dt>${t(l, 'url')}</dt>
      <dd><a href="${profile.url}" rel="noopener">${profile.url}</a></dd>
      <dt>${t(l, 'email')}</dt>
      <dd>${profile.email}</dd>
      ${
        profile.description.ja !== '' &&
        html`<dt>${t(l, 'descriptionJa')}</dt>
          <dd lang="ja">${profile.description.ja}</dd>`
      }
      ${
        profile.description.en !== '' &&
        html`<dt>${t(l, 'descriptionEn')}</dt>
          <dd lang="en">${profile.description.en}</dd>`
      }
    </dl>
    <p class="actions">
      <a href="${context.base}/settings/issuers/${id}" data-testid="issuer-edit-link"
        >${t(l, 'edit')}</a
      >
      <a href="/issuers/${id}">${t(l, 'publicPage')}</a>
    </p>
  </li>`;
};

export const renderIssuerList = (
  context: ConsoleContext,
  profiles: readonly IssuerProfile[],
  departments: readonly Department[],
): SafeHtml => {
  const l = context.page.language;
  return html`<section>
    <h2>${t(l, 'profiles')}</h2>
    <p>${t(l, 'profilesLead')}</p>
    ${
      profiles.length === 0
        ? html`<p>${t(l, 'noProfiles')}</p>`
        : html`<ul class="issuer-profiles">
            ${profiles.map((p) => renderProfileCard(context, p, departments))}
          </ul>`
    }
  </section>`;
};

export const renderCreateIssuerForm = (
  context: ConsoleContext,
  profiles: readonly IssuerProfile[],
  departments: readonly Department[],
  state: CreateIssuerState | undefined,
): SafeHtml => {
  const l = context.page.language;
  const live = profiles.filter((p) => p.archivedAt === null);
  const hasDefault = live.some((p) => p.departmentId === null);
  const free = departments.filter((d) => !live.some((p) => p.departmentId === d.id));
  const options = [
    ...(hasDefault ? [] : [{ value: '', label: t(l, 'organisationDefault') }]),
    ...free.map((d) => ({ value: d.id, label: d.name })),
  ];
  const title = t(l, hasDefault ? 'createTitle' : 'createDefaultTitle');
  if (options.length === 0) {
    return html`<section>
      <h2>${title}</h2>
      <p>${t(l, 'noDepartmentLeft')}</p>
    </section>`;
  }
  const errors = state?.errors ?? {};
  return html`<section>
    <h2>${title}</h2>
    <p class="hint">${t(l, 'createHint')}</p>
    ${renderErrorSummary(l, errors)}
    <form
      method="post"
      action="${context.base}/settings/issuers"
      class="stack"
      data-testid="issuer-create-form"
    >
      ${csrfInput(context.session)}
      ${renderSelect({ name: 'departmentId', label: t(l, 'forDepartment'), value: state?.departmentId ?? options[0]?.value, error: errors.departmentId, options })}
      ${renderIssuerFields(l, state?.values ?? EMPTY_ISSUER_VALUES, errors)}
      ${renderSelect({
        name: 'identifierMethod',
        label: t(l, 'identifierMethod'),
        value: state?.identifierMethod ?? '',
        error: errors.identifierMethod,
        options: [
          { value: '', label: t(l, 'methodDefault') },
          { value: 'did:web', label: 'did:web' },
          { value: 'did:key', label: 'did:key' },
          { value: 'https', label: 'https' },
        ],
      })}
      <button type="submit">${t(l, 'create')}</button>
    </form>
  </section>`;
};
