/**
 * `/console/{org}/departments`: the organisation's departments; org admins create, rename and
 * delete them (each through a form on this page, then back here with a notice).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError } from '../kit/api.js';
import type { ConsoleContext } from '../kit/console.js';
import { formatDate } from '../kit/dates.js';
import {
  csrfInput,
  formFields,
  renderErrorSummary,
  renderField,
  renderNotice,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { openPage, redirectTo, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import {
  apiOrgPath,
  confirmBox,
  confirmRefusal,
  confirmed,
  doneMessage,
  formErrors,
  isAdmin,
  renderRefusal,
  renderRowErrorSummary,
  rowField,
  sendConsolePage,
} from './console-org-shared.js';
import { loadConsole } from '../kit/console.js';
import { orgText } from './console-org-texts.js';
import type { Department } from './console-org-types.js';
import { departmentsText as t } from './departments-texts.js';

type OrgParams = { Params: { org: string } };
type DepartmentParams = { Params: { org: string; departmentId: string } };

interface DepartmentsState {
  readonly status?: number;
  readonly refusal?: ApiError | undefined;
  readonly create?: { readonly name: string; readonly errors: FieldErrors };
  readonly rename?: { readonly id: string; readonly name: string; readonly error: string };
}

const BY_CODE = { ERR_ORG_DEPARTMENT_NAME_TAKEN: 'name' };

const renderRow = (
  context: ConsoleContext,
  department: Department,
  state: DepartmentsState,
): SafeHtml => {
  const l = context.page.language;
  const admin = isAdmin(context);
  const action = `${context.base}/departments/${encodeURIComponent(department.id)}`;
  const rename = state.rename?.id === department.id ? state.rename : undefined;
  return html`<tr data-testid="department-row" ${rename !== undefined && html` class="row-error"`}>
    <th scope="row">${department.name}</th>
    <td>${formatDate(department.createdAt, l, context.page.calendar)}</td>
    ${
      admin &&
      html`<td>
        <form method="post" action="${action}" class="inline" data-testid="department-rename-form">
          ${csrfInput(context.session)}
          ${rowField({ id: `rename-${department.id}`, name: 'name', label: t(l, 'newName'), value: rename?.name ?? department.name, error: rename?.error, maxlength: 100 })}
          <button type="submit" class="secondary">${t(l, 'rename')}</button>
        </form>
        <form
          method="post"
          action="${action}/delete"
          class="inline"
          data-testid="department-delete-form"
        >
          ${csrfInput(context.session)}
          ${confirmBox(`delete-${department.id}`, t(l, 'deleteConfirm', { name: department.name }))}
          <button type="submit" class="danger">${t(l, 'delete')}</button>
        </form>
      </td>`
    }
  </tr>`;
};

const renderDepartmentsPage = async (
  context: ConsoleContext,
  state: DepartmentsState,
): Promise<FastifyReply> => {
  const { page } = context;
  const l = page.language;
  const admin = isAdmin(context);
  const answer = await page.api<{ departments: readonly Department[] }>(
    'GET',
    `${apiOrgPath(context)}/departments`,
  );
  const departments = answer.ok ? answer.body.departments : [];
  const createErrors = state.create?.errors ?? {};
  return sendConsolePage(context, {
    active: 'departments',
    title: t(l, 'title'),
    status: state.status ?? (answer.ok ? 200 : answer.status),
    body: html`<h1>${t(l, 'title')}</h1>
      ${renderNotice(doneMessage(page))} ${renderRefusal(page, state.refusal ?? answer.error)}
      ${
        state.rename !== undefined &&
        renderRowErrorSummary(page, `rename-${state.rename.id}`, state.rename.error)
      }
      <p>${t(l, 'lead')}</p>
      ${!admin && html`<p class="hint" data-testid="read-only">${orgText(l, 'readOnly')}</p>`}
      <h2>${t(l, 'list')}</h2>
      ${
        departments.length === 0
          ? html`<p>${t(l, 'none')}</p>`
          : html`<div class="table-wrap">
              <table data-testid="departments">
                <thead>
                  <tr>
                    <th scope="col">${t(l, 'name')}</th>
                    <th scope="col">${t(l, 'createdAt')}</th>
                    ${admin && html`<th scope="col">${orgText(l, 'actions')}</th>`}
                  </tr>
                </thead>
                <tbody>
                  ${departments.map((d) => renderRow(context, d, state))}
                </tbody>
              </table>
            </div>`
      }
      ${
        admin &&
        html`<section>
          <h2>${t(l, 'create')}</h2>
          ${renderErrorSummary(l, createErrors)}
          <form
            method="post"
            action="${context.base}/departments"
            class="stack"
            data-testid="department-create-form"
          >
            ${csrfInput(context.session)}
            ${renderField({ name: 'name', label: t(l, 'name'), value: state.create?.name ?? '', error: createErrors.name, required: true, maxlength: 100 })}
            <button type="submit">${t(l, 'createButton')}</button>
          </form>
        </section>`
      }`,
  });
};

export const registerDepartmentsPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<OrgParams>('/console/:org/departments', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    return renderDepartmentsPage(context, {});
  });

  app.post<OrgParams>('/console/:org/departments', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    const fields = formFields(request);
    const name = fields.name ?? '';
    const answer = await page.api('POST', `${apiOrgPath(context)}/departments`, {
      json: { name },
      csrfToken: fields._csrf,
    });
    if (answer.ok) return redirectTo(page, `${context.base}/departments?done=created`);
    return renderDepartmentsPage(context, {
      status: answer.status,
      ...(isAdmin(context)
        ? { create: { name, errors: formErrors(answer.error, {}, BY_CODE) } }
        : { refusal: answer.error }),
    });
  });

  app.post<DepartmentParams>(
    '/console/:org/departments/:departmentId',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.org);
      if (context === undefined) return reply;
      const fields = formFields(request);
      const name = fields.name ?? '';
      const { departmentId } = request.params;
      const answer = await page.api(
        'PATCH',
        `${apiOrgPath(context)}/departments/${encodeURIComponent(departmentId)}`,
        { json: { name }, csrfToken: fields._csrf },
      );
      if (answer.ok) return redirectTo(page, `${context.base}/departments?done=renamed`);
      const errors = formErrors(answer.error, {}, BY_CODE);
      return renderDepartmentsPage(context, {
        status: answer.status,
        ...(isAdmin(context) && errors.name !== undefined
          ? { rename: { id: departmentId, name, error: errors.name } }
          : { refusal: answer.error }),
      });
    },
  );

  app.post<DepartmentParams>(
    '/console/:org/departments/:departmentId/delete',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.org);
      if (context === undefined) return reply;
      const fields = formFields(request);
      if (!confirmed(fields)) {
        return renderDepartmentsPage(context, {
          status: 400,
          refusal: confirmRefusal(page),
        });
      }
      const answer = await page.api(
        'DELETE',
        `${apiOrgPath(context)}/departments/${encodeURIComponent(request.params.departmentId)}`,
        { csrfToken: fields._csrf },
      );
      if (answer.ok) return redirectTo(page, `${context.base}/departments?done=deleted`);
      return renderDepartmentsPage(context, { status: answer.status, refusal: answer.error });
    },
  );
};
