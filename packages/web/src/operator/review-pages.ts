/**
 * Member vetting, step two, for platform operators: `GET /operator` lists the applications
 * waiting for review; `GET /operator/applications/{id}` shows one with a form to approve it
 * (`POST …/approve`, an optional note) and one to reject it (`POST …/reject`, a reason the
 * applicant reads). A decided application shows its decision and no forms.
 */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../kit/dates.js';
import {
  csrfInput,
  formFields,
  renderErrorSummary,
  renderNotice,
  renderTextarea,
  type FieldErrors,
} from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import {
  openPage,
  redirectTo,
  sendHtml,
  type Page,
  type SessionView,
  type WebContext,
} from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { renderOperator, requireOperator, sendApiErrorPage } from './operator-frame.js';
import { operatorText as t } from './operator-texts.js';
import type { ApplicationList, ApplicationView } from './operator-types.js';
import {
  formErrors,
  labelledErrors,
  renderApplicationFacts,
  statusPill,
} from './organisation-format.js';
import { organisationText as o } from './organisation-texts.js';

const applicationUrl = (id: string): string =>
  `/api/v1/organisation-applications/${encodeURIComponent(id)}`;

const DONE: Readonly<Record<string, 'doneApproved' | 'doneRejected'>> = {
  approved: 'doneApproved',
  rejected: 'doneRejected',
};

const renderQueue = (
  page: Page,
  applications: readonly ApplicationView[],
  done: string | undefined,
) => {
  const l = page.language;
  const doneKey = done === undefined ? undefined : DONE[done];
  return renderOperator(page, {
    active: 'applications',
    title: t(l, 'pendingTitle'),
    body: html`<h1>${t(l, 'pendingTitle')}</h1>
      ${renderNotice(doneKey === undefined ? undefined : t(l, doneKey))}
      <p class="lead">${t(l, 'pendingLead')}</p>
      ${
        applications.length === 0
          ? html`<p data-testid="pending-none">${t(l, 'pendingNone')}</p>`
          : html`<p>${t(l, 'pendingCount', { count: applications.length })}</p>
              ${applications.map(
                (application) =>
                  html`<article class="card application" data-testid="application">
                    <h2>${application.legalName}</h2>
                    ${renderApplicationFacts(page, application, { withApplicant: true })}
                    <p>
                      <a
                        class="button"
                        href="/operator/applications/${application.id}"
                        data-testid="application-link"
                        >${t(l, 'reviewLink', { name: application.legalName })}</a
                      >
                    </p>
                  </article>`,
              )}`
      }`,
  });
};

const renderDecision = (page: Page, application: ApplicationView): SafeHtml => {
  const l = page.language;
  const date =
    application.decidedAt === null ? '' : formatDate(application.decidedAt, l, page.calendar);
  const reasonLabel = application.status === 'approved' ? 'decisionNote' : 'decisionReason';
  return html`<section
    class="card"
    data-testid="application-decision"
    data-status="${application.status}"
  >
    <h2>${t(l, 'decisionTitle')} ${statusPill(application.status, l)}</h2>
    <p>${t(l, 'decidedOn', { date })}</p>
    ${
      application.decisionReason !== null &&
      html`<h3>${o(l, reasonLabel)}</h3>
        <p class="decision-reason" data-testid="decision-reason">${application.decisionReason}</p>`
    }
  </section>`;
};

const renderForms = (
  page: Page,
  session: SessionView,
  application: ApplicationView,
  values: Readonly<Record<string, string>>,
  errors: FieldErrors,
): SafeHtml => {
  const l = page.language;
  const base = `/operator/applications/${application.id}`;
  return html`<div class="decision-forms">
    <section class="card">
      <h2>${t(l, 'approveHeading')}</h2>
      <p>${t(l, 'approveHelp')}</p>
      <form method="post" action="${base}/approve" class="stack">
        ${csrfInput(session)}
        ${renderTextarea({ name: 'note', label: t(l, 'noteLabel'), hint: t(l, 'noteHint'), value: values.note, error: errors.note, rows: 3 })}
        <div class="actions">
          <button type="submit" data-testid="approve">${t(l, 'approveButton')}</button>
        </div>
      </form>
    </section>
    <section class="card">
      <h2>${t(l, 'rejectHeading')}</h2>
      <p>${t(l, 'rejectHelp')}</p>
      <form method="post" action="${base}/reject" class="stack">
        ${csrfInput(session)}
        ${renderTextarea({ name: 'reason', label: t(l, 'reasonLabel'), value: values.reason, error: errors.reason, required: true, rows: 4 })}
        <div class="actions">
          <button type="submit" class="danger" data-testid="reject">${t(l, 'rejectButton')}</button>
        </div>
      </form>
    </section>
  </div>`;
};

const renderReview = (
  page: Page,
  session: SessionView,
  application: ApplicationView,
  values: Readonly<Record<string, string>> = {},
  errors: FieldErrors = {},
) => {
  const l = page.language;
  const label = (name: string) => (name === 'note' ? t(l, 'noteLabel') : t(l, 'reasonLabel'));
  return renderOperator(page, {
    active: 'applications',
    title: `${t(l, 'reviewTitle')}: ${application.legalName}`,
    body: html`<p><a href="/operator">${t(l, 'backToQueue')}</a></p>
      <h1>${t(l, 'reviewTitle')}: ${application.legalName}</h1>
      ${renderErrorSummary(l, labelledErrors(errors, label))}
      <p>${o(l, 'status')}: ${statusPill(application.status, l)}</p>
      <section>
        <h2>${t(l, 'applicationDetails')}</h2>
        ${renderApplicationFacts(page, application, { withApplicant: true })}
      </section>
      ${
        application.status === 'pending'
          ? renderForms(page, session, application, values, errors)
          : renderDecision(page, application)
      }`,
  });
};

type Decision = 'approve' | 'reject';

export const registerReviewPages = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Querystring: { done?: string } }>('/operator', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    if (requireOperator(page) === undefined) return reply;
    const answer = await page.api<ApplicationList>(
      'GET',
      '/api/v1/organisation-applications?status=pending',
    );
    if (!answer.ok) return sendApiErrorPage(page, answer.status, answer.error) ?? reply;
    return sendHtml(page, renderQueue(page, answer.body.applications, request.query.done));
  });

  app.get<{ Params: { id: string } }>(
    '/operator/applications/:id',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const session = requireOperator(page);
      if (session === undefined) return reply;
      const answer = await page.api<ApplicationView>('GET', applicationUrl(request.params.id));
      if (!answer.ok) return sendApiErrorPage(page, 404, undefined);
      return sendHtml(page, renderReview(page, session, answer.body));
    },
  );

  for (const decision of ['approve', 'reject'] as const satisfies readonly Decision[]) {
    app.post<{ Params: { id: string } }>(
      `/operator/applications/:id/${decision}`,
      PAGE_ROUTE,
      async (request, reply) => {
        const page = await openPage(web, request, reply);
        const session = requireOperator(page);
        if (session === undefined) return reply;
        const fields = formFields(request);
        const values = { note: fields.note ?? '', reason: fields.reason ?? '' };
        const url = applicationUrl(request.params.id);
        const json =
          decision === 'approve'
            ? values.note.trim() === ''
              ? {}
              : { note: values.note }
            : { reason: values.reason };
        let errors: FieldErrors;
        let status = 400;
        if (decision === 'reject' && values.reason.trim() === '') {
          // A reason of spaces tells the applicant nothing: asked for before calling the API.
          errors = { reason: t(page.language, 'reasonRequired') };
        } else {
          const answer = await page.api<ApplicationView>('POST', `${url}/${decision}`, {
            json,
            csrfToken: fields._csrf,
          });
          if (answer.ok) {
            return redirectTo(
              page,
              `/operator?done=${decision === 'approve' ? 'approved' : 'rejected'}`,
            );
          }
          const sent = sendApiErrorPage(page, answer.status, answer.error);
          if (sent !== undefined) return sent;
          errors = formErrors(page.language, answer.error, values);
          status = answer.status;
        }
        const current = await page.api<ApplicationView>('GET', url);
        if (!current.ok) return sendApiErrorPage(page, 404, undefined);
        return sendHtml(page, renderReview(page, session, current.body, values, errors), status);
      },
    );
  }
};
