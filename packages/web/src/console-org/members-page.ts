/**
 * `/console/{org}/members` (org admins): the organisation's members with their roles and
 * departments; add an existing account by e-mail, change a member's role and departments, remove
 * a member (the API refuses to lose the last org admin, and its message is shown).
 */
import type { FastifyInstance } from 'fastify';
import { formFields, formValues } from '../kit/forms.js';
import { openPage, redirectTo, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { apiOrgPath, confirmed, confirmRefusal, formErrors } from './console-org-shared.js';
import { loadConsole } from '../kit/console.js';
import { renderMembersPage, type MemberFormValues } from './members-view.js';

type OrgParams = { Params: { org: string } };
type MemberParams = { Params: { org: string; userId: string } };

const BY_CODE = {
  ERR_MEMBER_USER_NOT_FOUND: 'email',
  ERR_MEMBER_ALREADY_EXISTS: 'email',
  ERR_MEMBER_DEPARTMENTS_INVALID: 'departmentIds',
  ERR_ORG_DEPARTMENT_NOT_FOUND: 'departmentIds',
  ERR_MEMBER_LAST_ADMIN: 'role',
};

const RENAME = { '/departmentIds': 'departmentIds' };

/** The API body: departments only for an issuer (boxes left ticked for other roles are dropped). */
const memberBody = (values: MemberFormValues) => ({
  role: values.role,
  ...(values.role === 'issuer' ? { departmentIds: [...new Set(values.departmentIds)] } : {}),
});

const readValues = (request: Parameters<typeof formFields>[0]): MemberFormValues => {
  const fields = formFields(request);
  return {
    email: fields.email ?? '',
    role: fields.role ?? '',
    departmentIds: formValues(request, 'departmentIds'),
  };
};

export const registerMembersPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<OrgParams>('/console/:org/members', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    return renderMembersPage(context, {});
  });

  app.post<OrgParams>('/console/:org/members', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    const values = readValues(request);
    const answer = await page.api('POST', `${apiOrgPath(context)}/members`, {
      json: { email: values.email, ...memberBody(values) },
      csrfToken: formFields(request)._csrf,
    });
    if (answer.ok) return redirectTo(page, `${context.base}/members?done=added`);
    const errors = formErrors(answer.error, RENAME, BY_CODE);
    return renderMembersPage(context, {
      status: answer.status,
      ...(answer.status === 403 ? { refusal: answer.error } : { add: { values, errors } }),
    });
  });

  app.post<MemberParams>('/console/:org/members/:userId', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const context = await loadConsole(page, request.params.org);
    if (context === undefined) return reply;
    const values = readValues(request);
    const { userId } = request.params;
    const answer = await page.api(
      'PUT',
      `${apiOrgPath(context)}/members/${encodeURIComponent(userId)}/role`,
      { json: memberBody(values), csrfToken: formFields(request)._csrf },
    );
    if (answer.ok) return redirectTo(page, `${context.base}/members?done=changed`);
    return renderMembersPage(context, {
      status: answer.status,
      ...(answer.status === 403 || answer.error === undefined
        ? { refusal: answer.error }
        : { change: { userId, values, error: answer.error.message } }),
    });
  });

  app.post<MemberParams>(
    '/console/:org/members/:userId/remove',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const context = await loadConsole(page, request.params.org);
      if (context === undefined) return reply;
      const fields = formFields(request);
      if (!confirmed(fields)) {
        return renderMembersPage(context, { status: 400, refusal: confirmRefusal(page) });
      }
      const answer = await page.api(
        'DELETE',
        `${apiOrgPath(context)}/members/${encodeURIComponent(request.params.userId)}`,
        { csrfToken: fields._csrf },
      );
      if (answer.ok) return redirectTo(page, `${context.base}/members?done=removed`);
      return renderMembersPage(context, { status: answer.status, refusal: answer.error });
    },
  );
};
