/**
 * Applying as an organisation (member vetting, step one): `GET/POST /apply` is the form (signed
 * in), which posts to `POST /api/v1/organisation-applications`; `GET /apply/{organisationId}`
 * shows the applicant the application and its decision (pending, approved, or rejected with the
 * operator's reason).
 */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../kit/dates.js';
import {
  csrfInput,
  formFields,
  renderErrorSummary,
  renderField,
  renderNotice,
  renderSelect,
  renderTextarea,
  type FieldErrors,
} from '../kit/forms.js';
import { html } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import {
  openPage,
  redirectTo,
  requireSignedIn,
  sendHtml,
  type Page,
  type SessionView,
  type WebContext,
} from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { applyText as t } from './apply-texts.js';
import { sendApiErrorPage } from './operator-frame.js';
import {
  formErrors,
  labelledErrors,
  renderApplicationFacts,
  statusPill,
  typeOptions,
} from './organisation-format.js';
import { organisationText as o } from './organisation-texts.js';
import type { ApplicationView } from './operator-types.js';

const FIELDS = ['legalName', 'nameEn', 'domain', 'contactEmail', 'type', 'justification'] as const;
type ApplyField = (typeof FIELDS)[number];

const renderApplyForm = (
  page: Page,
  session: SessionView,
  values: Readonly<Record<string, string>>,
  errors: FieldErrors,
) => {
  const l = page.language;
  const field = (name: ApplyField) => ({
    name,
    label: o(l, name),
    value: values[name],
    error: errors[name],
    required: true,
  });
  return renderLayout(page, {
    title: t(l, 'title'),
    body: html`<h1>${t(l, 'title')}</h1>
      <p class="lead">${t(l, 'lead')}</p>
      ${renderErrorSummary(
        l,
        labelledErrors(errors, (name) => o(l, name as ApplyField)),
      )}
      <form method="post" action="/apply" class="stack" data-testid="apply-form" novalidate>
        ${csrfInput(session)}
        ${renderField({ ...field('legalName'), hint: t(l, 'legalNameHint'), lang: 'ja', maxlength: 200 })}
        ${renderField({ ...field('nameEn'), hint: t(l, 'nameEnHint'), lang: 'en', maxlength: 200 })}
        ${renderField({ ...field('domain'), hint: t(l, 'domainHint'), autocomplete: 'url', inputmode: 'url', maxlength: 253 })}
        ${renderField({ ...field('contactEmail'), type: 'email', hint: t(l, 'contactEmailHint'), autocomplete: 'email', maxlength: 254 })}
        ${renderSelect({ ...field('type'), options: typeOptions(l) })}
        ${renderTextarea({ ...field('justification'), hint: t(l, 'justificationHint'), rows: 6 })}
        <div class="actions">
          <button type="submit" data-testid="apply-submit">${t(l, 'submit')}</button>
        </div>
      </form>`,
  });
};

const renderStatus = (page: Page, application: ApplicationView) => {
  const l = page.language;
  const decided =
    application.decidedAt === null ? '' : formatDate(application.decidedAt, l, page.calendar);
  switch (application.status) {
    case 'pending':
      return html`<p>${t(l, 'pendingBody')}</p>`;
    case 'approved':
      return html`<p>${t(l, 'approvedBody', { date: decided })}</p>
        <p><a class="button" href="/console/${application.id}">${t(l, 'openConsole')}</a></p>`;
    case 'rejected':
      return html`<p>${t(l, 'rejectedBody', { date: decided })}</p>
        <blockquote class="decision-reason" data-testid="decision-reason">
          ${application.decisionReason ?? ''}
        </blockquote>
        <p><a href="/apply">${t(l, 'applyAgain')}</a></p>`;
  }
};

export const registerApplyPages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/apply', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    return sendHtml(page, renderApplyForm(page, session, { type: 'university' }, {}));
  });

  app.post('/apply', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const fields = formFields(request);
    const values: Record<string, string> = {};
    for (const name of FIELDS) values[name] = fields[name] ?? '';
    const answer = await page.api<ApplicationView>('POST', '/api/v1/organisation-applications', {
      json: values,
      csrfToken: fields._csrf,
    });
    if (answer.ok) return redirectTo(page, `/apply/${answer.body.id}?done=applied`);
    if (answer.status !== 409) {
      const sent = sendApiErrorPage(page, answer.status, answer.error);
      if (sent !== undefined) return sent;
    }
    const errors =
      answer.error?.code === 'ERR_ORG_DOMAIN_TAKEN'
        ? { domain: answer.error.message }
        : formErrors(page.language, answer.error, values);
    return sendHtml(page, renderApplyForm(page, session, values, errors), answer.status);
  });

  app.get<{ Params: { organisationId: string }; Querystring: { done?: string } }>(
    '/apply/:organisationId',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const session = requireSignedIn(page);
      if (session === undefined) return reply;
      const l = page.language;
      const answer = await page.api<ApplicationView>(
        'GET',
        `/api/v1/organisation-applications/${encodeURIComponent(request.params.organisationId)}`,
      );
      // Someone else's application, or none at all: the same 404, nothing revealed.
      if (!answer.ok) return sendApiErrorPage(page, 404, undefined);
      const application = answer.body;
      return sendHtml(
        page,
        renderLayout(page, {
          title: t(l, 'statusTitle'),
          body: html`<h1>${t(l, 'statusTitle')}</h1>
            ${renderNotice(request.query.done === 'applied' ? t(l, 'doneApplied') : undefined)}
            <section
              class="card"
              data-testid="application-status"
              data-status="${application.status}"
            >
              <h2>${application.legalName} ${statusPill(application.status, l)}</h2>
              ${renderStatus(page, application)}
            </section>
            <section>
              <h2>${t(l, 'details')}</h2>
              ${renderApplicationFacts(page, application, { withApplicant: false })}
            </section>`,
        }),
      );
    },
  );
};
