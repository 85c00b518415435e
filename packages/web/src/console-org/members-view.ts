/**
 * The members page's markup: the table of members (each with a change-role form and a remove
 * form, folded in a <details>), and the form that adds a member by e-mail.
 */
import type { FastifyReply } from 'fastify';
import type { ApiError } from '../kit/api.js';
import { roleLabel, type ConsoleContext, type OrganisationRole } from '../kit/console.js';
import { formatDate } from '../kit/dates.js';
import {
  csrfInput,
  renderErrorSummary,
  renderField,
  renderNotice,
  renderSelect,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import {
  apiOrgPath,
  confirmBox,
  doneMessage,
  renderRefusal,
  renderRowErrorSummary,
  rowCheckbox,
  sendConsolePage,
} from './console-org-shared.js';
import { orgText } from './console-org-texts.js';
import type { Department, Member } from './console-org-types.js';
import { membersText as t } from './members-texts.js';

export interface MemberFormValues {
  readonly email: string;
  readonly role: string;
  readonly departmentIds: readonly string[];
}

export interface MembersState {
  readonly status?: number;
  readonly refusal?: ApiError | undefined;
  readonly add?: { readonly values: MemberFormValues; readonly errors: FieldErrors };
  readonly change?: {
    readonly userId: string;
    readonly values: MemberFormValues;
    readonly error: string;
  };
}

const ROLES: readonly OrganisationRole[] = ['org_admin', 'issuer', 'viewer'];

const departmentBoxes = (
  context: ConsoleContext,
  departments: readonly Department[],
  idPrefix: string,
  checked: readonly string[],
  error: string | undefined,
): SafeHtml => {
  const l = context.page.language;
  // The add form's group takes the id the error summary links to (`#f-departmentIds`).
  const id = idPrefix === 'add-dept' ? 'f-departmentIds' : `${idPrefix}-group`;
  return html`<fieldset id="${id}" class="${error !== undefined ? 'has-error' : ''}">
    <legend>${t(l, 'departments')}</legend>
    <p class="hint">${t(l, departments.length === 0 ? 'noDepartments' : 'departmentsHint')}</p>
    ${error !== undefined && html`<p class="field-error" id="${idPrefix}-error">${error}</p>`}
    ${departments.map((d) => rowCheckbox({ id: `${idPrefix}-${d.id}`, name: 'departmentIds', value: d.id, label: d.name, checked: checked.includes(d.id) }))}
  </fieldset>`;
};

const renderMemberRow = (
  context: ConsoleContext,
  member: Member,
  departments: readonly Department[],
  state: MembersState,
): SafeHtml => {
  const { page, session } = context;
  const l = page.language;
  const change = state.change?.userId === member.userId ? state.change : undefined;
  const values = change?.values ?? member;
  const action = `${context.base}/members/${encodeURIComponent(member.userId)}`;
  const names = member.departmentIds.map((id) => departments.find((d) => d.id === id)?.name ?? id);
  const roleId = `role-${member.userId}`;
  return html`<tr data-testid="member-row" ${change !== undefined && html` class="row-error"`}>
    <th scope="row">${member.displayName}${member.userId === session.account.id && t(l, 'you')}</th>
    <td>${member.email}</td>
    <td data-testid="member-role">${roleLabel(member.role, l)}</td>
    <td>${names.length === 0 ? orgText(l, 'none') : names.join('、')}</td>
    <td>${formatDate(member.memberSince, l, page.calendar)}</td>
    <td>
      <details ${change !== undefined && html` open`}>
        <summary>${t(l, 'change')}</summary>
        <form method="post" action="${action}" class="stack" data-testid="member-role-form">
          ${csrfInput(session)}
          ${change !== undefined && html`<p class="field-error" id="${roleId}-error">${change.error}</p>`}
          <div class="field">
            <label for="${roleId}">${t(l, 'role')}</label>
            <select id="${roleId}" name="role">
              ${ROLES.map((role) => html`<option value="${role}" ${values.role === role && html` selected`}>${roleLabel(role, l)}</option>`)}
            </select>
          </div>
          ${departmentBoxes(context, departments, `dept-${member.userId}`, values.departmentIds, undefined)}
          <button type="submit" class="secondary">${t(l, 'changeButton')}</button>
        </form>
        <form
          method="post"
          action="${action}/remove"
          class="stack"
          data-testid="member-remove-form"
        >
          ${csrfInput(session)}
          ${confirmBox(`remove-${member.userId}`, t(l, 'removeConfirm', { name: member.displayName }))}
          <button type="submit" class="danger">${t(l, 'remove')}</button>
        </form>
      </details>
    </td>
  </tr>`;
};

const renderAddForm = (
  context: ConsoleContext,
  departments: readonly Department[],
  state: MembersState,
): SafeHtml => {
  const l = context.page.language;
  const values = state.add?.values ?? { email: '', role: 'issuer', departmentIds: [] };
  const errors = state.add?.errors ?? {};
  return html`<section>
    <h2>${t(l, 'add')}</h2>
    <p>${t(l, 'addLead')}</p>
    ${renderErrorSummary(l, errors)}
    <form
      method="post"
      action="${context.base}/members"
      class="stack"
      data-testid="member-add-form"
    >
      ${csrfInput(context.session)}
      ${renderField({ name: 'email', label: t(l, 'email'), type: 'email', value: values.email, error: errors.email, required: true, maxlength: 254, autocomplete: 'off' })}
      ${renderSelect({ name: 'role', label: t(l, 'role'), value: values.role, error: errors.role, options: ROLES.map((role) => ({ value: role, label: roleLabel(role, l) })) })}
      ${departmentBoxes(context, departments, 'add-dept', values.departmentIds, errors.departmentIds)}
      <button type="submit">${t(l, 'addButton')}</button>
    </form>
  </section>`;
};

export const renderMembersPage = async (
  context: ConsoleContext,
  state: MembersState,
): Promise<FastifyReply> => {
  const { page } = context;
  const l = page.language;
  const [members, departments] = await Promise.all([
    page.api<{ members: readonly Member[] }>('GET', `${apiOrgPath(context)}/members`),
    page.api<{ departments: readonly Department[] }>('GET', `${apiOrgPath(context)}/departments`),
  ]);
  const head = html`<h1>${t(l, 'title')}</h1>
    ${renderNotice(doneMessage(page))} ${renderRefusal(page, state.refusal)}`;
  if (!members.ok) {
    return sendConsolePage(context, {
      active: 'members',
      title: t(l, 'title'),
      status: members.status,
      body: html`${head}
        <p class="warning" data-testid="admin-only">
          ${members.status === 403 ? orgText(l, 'adminOnly') : members.error?.message}
        </p>`,
    });
  }
  const departmentList = departments.ok ? departments.body.departments : [];
  const list = members.body.members;
  return sendConsolePage(context, {
    active: 'members',
    title: t(l, 'title'),
    status: state.status ?? 200,
    body: html`${head}
      ${
        state.change !== undefined &&
        renderRowErrorSummary(page, `role-${state.change.userId}`, state.change.error)
      }
      <p>${t(l, 'lead')}</p>
      <h2>${t(l, 'list')}</h2>
      ${
        list.length === 0
          ? html`<p>${t(l, 'none')}</p>`
          : html`<div class="table-wrap">
              <table data-testid="members">
                <thead>
                  <tr>
                    <th scope="col">${t(l, 'name')}</th>
                    <th scope="col">${t(l, 'email')}</th>
                    <th scope="col">${t(l, 'role')}</th>
                    <th scope="col">${t(l, 'departments')}</th>
                    <th scope="col">${t(l, 'since')}</th>
                    <th scope="col">${orgText(l, 'actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.map((m) => renderMemberRow(context, m, departmentList, state))}
                </tbody>
              </table>
            </div>`
      }
      ${renderAddForm(context, departmentList, state)}`,
  });
};
