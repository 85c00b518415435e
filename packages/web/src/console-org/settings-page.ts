/**
 * `/console/{org}/settings`: the organisation (names, domain, type, contact, status, approval
 * date, LinkedIn company page id) with its settings form for org admins (`PATCH /organisations/{id}`), its issuer profiles
 * and the form that creates one (`POST …/issuers`). Non-admins see it read only.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError } from '../kit/api.js';
import type { ConsoleContext, OrganisationView } from '../kit/console.js';
import { formatDate } from '../kit/dates.js';
import {
  csrfInput,
  formFields,
  renderCheckbox,
  renderErrorSummary,
  renderField,
  renderNotice,
  type FieldErrors,
} from '../kit/forms.js';
import { html } from '../kit/html.js';
import { openPage, redirectTo, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  apiOrgPath,
  doneMessage,
  formErrors,
  isAdmin,
  renderRefusal,
  sendConsolePage,
} from './console-org-shared.js';
import { loadConsole } from '../kit/console.js';
import { orgText, type OrgTextKey } from './console-org-texts.js';
import type { Department, IssuerProfile } from './console-org-types.js';
import {
  issuerBody,
  issuerErrors,
  readIssuerValues,
  EMPTY_ISSUER_VALUES,
} from './issuer-fields.js';
import { renderCreateIssuerForm, renderIssuerList, type CreateIssuerState } from './issuer-list.js';
import { settingsText as t } from './settings-texts.js';

interface SettingsState {
  readonly status?: number;
  readonly refusal?: ApiError | undefined;
  readonly settings?: {
    readonly values: {
      readonly contactEmail: string;
      readonly require2fa: boolean;
      readonly linkedinOrganizationId: string;
    };
    readonly errors: FieldErrors;
  };
  readonly create?: CreateIssuerState;
}

type OrgParams = { Params: { org: string } };

/** The organisation as the API sends it, with LinkedIn's company page id (wallet, ADR 0010). */
type OrganisationSettingsView = OrganisationView & {
  readonly linkedinOrganizationId?: string | null;
};

/** The form's LinkedIn id as the API takes it: digits, or null to clear (spaces around dropped). */
const linkedinValue = (field: string): string | null => (field.trim() === '' ? null : field.trim());

const renderSettingsPage = async (
  context: ConsoleContext,
  state: SettingsState,
): Promise<FastifyReply> => {
  const { page, membership } = context;
  const l = page.language;
  const organisation: OrganisationSettingsView = membership.organisation;
  const linkedinId = organisation.linkedinOrganizationId ?? null;
  const admin = isAdmin(context);
  const base = apiOrgPath(context);
  const [issuers, departments] = await Promise.all([
    page.api<{ issuers: readonly IssuerProfile[] }>('GET', `${base}/issuers?includeArchived=true`),
    page.api<{ departments: readonly Department[] }>('GET', `${base}/departments`),
  ]);
  const profiles = issuers.ok ? issuers.body.issuers : [];
  const departmentList = departments.ok ? departments.body.departments : [];
  const settings = state.settings ?? {
    values: {
      contactEmail: organisation.contactEmail,
      require2fa: organisation.require2fa,
      linkedinOrganizationId: linkedinId ?? '',
    },
    errors: {},
  };
  const facts = html`<dl class="facts" data-testid="organisation-facts">
    <dt>${t(l, 'legalName')}</dt>
    <dd>${organisation.legalName}</dd>
    <dt>${t(l, 'nameEn')}</dt>
    <dd lang="en">${organisation.nameEn}</dd>
    <dt>${t(l, 'domain')}</dt>
    <dd><code>${organisation.domain}</code></dd>
    <dt>${t(l, 'type')}</dt>
    <dd>${orgText(l, `type-${organisation.type}` as OrgTextKey)}</dd>
    <dt>${t(l, 'contactEmail')}</dt>
    <dd>${organisation.contactEmail}</dd>
    <dt>${t(l, 'status')}</dt>
    <dd>
      <span class="pill ${organisation.status === 'approved' ? 'ok' : 'warn'}"
        >${orgText(l, `status-${organisation.status}` as OrgTextKey)}</span
      >
    </dd>
    <dt>${t(l, 'approvedAt')}</dt>
    <dd>
      ${organisation.approvedAt === null ? t(l, 'notApproved') : formatDate(organisation.approvedAt, l, page.calendar)}
    </dd>
    <dt>${t(l, 'require2fa')}</dt>
    <dd>${t(l, organisation.require2fa ? 'on' : 'off')}</dd>
    <dt>${t(l, 'linkedinOrganizationId')}</dt>
    <dd data-testid="linkedin-organization-id">
      ${linkedinId === null ? t(l, 'notSet') : html`<code>${linkedinId}</code>`}
    </dd>
  </dl>`;
  const settingsForm =
    admin &&
    html`<section>
      <h2>${t(l, 'settings')}</h2>
      ${renderErrorSummary(l, settings.errors)}
      <form
        method="post"
        action="${context.base}/settings"
        class="stack"
        data-testid="organisation-settings-form"
      >
        ${csrfInput(context.session)}
        ${renderField({ name: 'contactEmail', label: t(l, 'contactEmail'), type: 'email', value: settings.values.contactEmail, error: settings.errors.contactEmail, required: true, maxlength: 254, autocomplete: 'email' })}
        ${renderCheckbox({ name: 'require2fa', label: t(l, 'require2faLabel'), checked: settings.values.require2fa, value: 'yes', hint: t(l, 'require2faHint') })}
        ${settings.errors.require2fa !== undefined && html`<p class="field-error">${settings.errors.require2fa}</p>`}
        ${renderField({ name: 'linkedinOrganizationId', label: t(l, 'linkedinOrganizationId'), value: settings.values.linkedinOrganizationId, error: settings.errors.linkedinOrganizationId, hint: t(l, 'linkedinOrganizationIdHint'), inputmode: 'numeric', pattern: '[0-9]*', maxlength: 20, autocomplete: 'off' })}
        <button type="submit">${t(l, 'saveSettings')}</button>
      </form>
    </section>`;
  return sendConsolePage(context, {
    active: 'settings',
    title: t(l, 'title'),
    status: state.status ?? 200,
    body: html`<h1>${t(l, 'title')}</h1>
      ${renderNotice(doneMessage(page))} ${renderRefusal(page, state.refusal)}
      ${!admin && html`<p class="hint" data-testid="read-only">${orgText(l, 'readOnly')}</p>`}
      <section>
        <h2>${t(l, 'organisation')}</h2>
        ${facts}
        <p class="hint">${t(l, 'vettedNote')}</p>
      </section>
      ${settingsForm} ${renderIssuerList(context, profiles, departmentList)}
      ${admin && renderCreateIssuerForm(context, profiles, departmentList, state.create)}`,
  });
};

export const registerSettingsPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<OrgParams>('/console/:org/settings', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    return renderSettingsPage(context, {});
  });

  app.post<OrgParams>('/console/:org/settings', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    const fields = formFields(request);
    const values = {
      contactEmail: fields.contactEmail ?? '',
      require2fa: fields.require2fa === 'yes',
      linkedinOrganizationId: fields.linkedinOrganizationId ?? '',
    };
    const answer = await page.api('PATCH', apiOrgPath(context), {
      json: {
        contactEmail: values.contactEmail,
        require2fa: values.require2fa,
        // Only a form that has the field changes it (an older form cannot clear it by accident).
        ...(fields.linkedinOrganizationId === undefined
          ? {}
          : { linkedinOrganizationId: linkedinValue(values.linkedinOrganizationId) }),
      },
      csrfToken: fields._csrf,
    });
    if (answer.ok) return redirectTo(page, `${context.base}/settings?done=saved`);
    const errors = formErrors(answer.error);
    return renderSettingsPage(context, {
      status: answer.status,
      ...(isAdmin(context) ? { settings: { values, errors } } : { refusal: answer.error }),
    });
  });

  app.post<OrgParams>('/console/:org/settings/issuers', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    const fields = formFields(request);
    const values = readIssuerValues(fields);
    const departmentId = fields.departmentId ?? '';
    const identifierMethod = fields.identifierMethod ?? '';
    const answer = await page.api<IssuerProfile>('POST', `${apiOrgPath(context)}/issuers`, {
      json: {
        ...issuerBody(values),
        departmentId: departmentId === '' ? null : departmentId,
        ...(identifierMethod === '' ? {} : { identifierMethod }),
      },
      csrfToken: fields._csrf,
    });
    if (answer.ok) return redirectTo(page, `${context.base}/settings?done=created`);
    return renderSettingsPage(context, {
      status: answer.status,
      ...(isAdmin(context)
        ? {
            create: {
              values: { ...EMPTY_ISSUER_VALUES, ...values },
              departmentId,
              identifierMethod,
              errors: issuerErrors(answer.error),
            },
          }
        : { refusal: answer.error }),
    });
  });
};
