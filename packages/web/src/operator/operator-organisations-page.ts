/**
 * `GET /operator/organisations?status=approved|rejected|pending`: the organisations that applied,
 * by status (approved by default), with the date of the decision and, for rejections, the reason.
 */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../kit/dates.js';
import { renderSelect } from '../kit/forms.js';
import { html } from '../kit/html.js';
import { openPage, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { renderOperator, requireOperator, sendApiErrorPage } from './operator-frame.js';
import { operatorText as t } from './operator-texts.js';
import {
  APPLICATION_STATUSES,
  isApplicationStatus,
  type ApplicationList,
  type ApplicationStatus,
  type ApplicationView,
} from './operator-types.js';
import { statusPill, typeLabel } from './organisation-format.js';
import { organisationText as o } from './organisation-texts.js';

const renderTable = (
  page: Page,
  status: ApplicationStatus,
  applications: readonly ApplicationView[],
) => {
  const l = page.language;
  if (applications.length === 0) return html`<p>${t(l, 'noOrganisations')}</p>`;
  const dateHeading =
    status === 'approved'
      ? o(l, 'approvedAt')
      : o(l, status === 'pending' ? 'submittedAt' : 'decidedAt');
  return html`<p>${t(l, 'organisationCount', { count: applications.length })}</p>
    <div class="table-wrap">
      <table data-testid="organisations-table">
        <thead>
          <tr>
            <th scope="col">${o(l, 'legalName')}</th>
            <th scope="col">${o(l, 'nameEn')}</th>
            <th scope="col">${o(l, 'type')}</th>
            <th scope="col">${o(l, 'domain')}</th>
            <th scope="col">${o(l, 'contactEmail')}</th>
            <th scope="col">${o(l, 'status')}</th>
            <th scope="col">${dateHeading}</th>
            ${status === 'rejected' && html`<th scope="col">${o(l, 'decisionReason')}</th>`}
          </tr>
        </thead>
        <tbody>
          ${applications.map((application) => {
            const date = status === 'pending' ? application.createdAt : application.decidedAt;
            return html`<tr data-testid="organisation-row">
              <th scope="row">
                <a href="/operator/applications/${application.id}" lang="ja"
                  >${application.legalName}</a
                >
              </th>
              <td lang="en">${application.nameEn}</td>
              <td>${typeLabel(application.type, l)}</td>
              <td><code>${application.domain}</code></td>
              <td>${application.contactEmail}</td>
              <td>${statusPill(application.status, l)}</td>
              <td>
                ${date !== null && html`<time datetime="${date}">${formatDate(date, l, page.calendar)}</time>`}
              </td>
              ${status === 'rejected' && html`<td>${application.decisionReason ?? ''}</td>`}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
};

export const registerOperatorOrganisationsPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Querystring: { status?: string } }>(
    '/operator/organisations',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      if (requireOperator(page) === undefined) return reply;
      const l = page.language;
      const status = isApplicationStatus(request.query.status) ? request.query.status : 'approved';
      const answer = await page.api<ApplicationList>(
        'GET',
        `/api/v1/organisation-applications?status=${status}`,
      );
      if (!answer.ok) return sendApiErrorPage(page, answer.status, answer.error) ?? reply;
      return sendHtml(
        page,
        renderOperator(page, {
          active: 'organisations',
          title: t(l, 'organisationsTitle'),
          body: html`<h1>${t(l, 'organisationsTitle')}</h1>
            <p class="lead">${t(l, 'organisationsLead')}</p>
            <form method="get" action="/operator/organisations" class="filters">
              ${renderSelect({
                name: 'status',
                label: o(l, 'status'),
                value: status,
                options: APPLICATION_STATUSES.map((value) => ({ value, label: o(l, value) })),
              })}
              <button type="submit" class="secondary">${t(l, 'filter')}</button>
            </form>
            ${renderTable(page, status, answer.body.applications)}`,
        }),
      );
    },
  );
};
