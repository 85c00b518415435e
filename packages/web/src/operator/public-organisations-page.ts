/**
 * `GET /organisations`: the public list of approved issuing organisations, so that anyone
 * checking a badge can see that its issuer was vetted and since when (from
 * `GET /api/v1/public/organisations`, which stays the machine-readable form). Public, no script.
 */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../kit/dates.js';
import { html, type SafeHtml } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import { openPage, sendHtml, type Page, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import type { PublicOrganisationView } from './operator-types.js';
import { typeLabel } from './organisation-format.js';
import { organisationText as o } from './organisation-texts.js';
import { publicOrganisationsText as t } from './public-organisations-texts.js';

const renderTable = (page: Page, organisations: readonly PublicOrganisationView[]): SafeHtml => {
  const l = page.language;
  if (organisations.length === 0)
    return html`<p data-testid="public-organisations-none">${t(l, 'none')}</p>`;
  return html`<p>${t(l, 'count', { count: organisations.length })}</p>
    <div class="table-wrap">
      <table data-testid="public-organisations">
        <thead>
          <tr>
            <th scope="col">${o(l, 'legalName')}</th>
            <th scope="col">${o(l, 'nameEn')}</th>
            <th scope="col">${o(l, 'type')}</th>
            <th scope="col">${o(l, 'domain')}</th>
            <th scope="col">${t(l, 'vetting')}</th>
          </tr>
        </thead>
        <tbody>
          ${organisations.map(
            (organisation) =>
              html`<tr data-testid="public-organisation">
                <th scope="row" lang="ja">${organisation.legalName}</th>
                <td lang="en">${organisation.nameEn}</td>
                <td>${typeLabel(organisation.type, l)}</td>
                <td><code>${organisation.domain}</code></td>
                <td>
                  <span class="pill ok">${t(l, 'vetted')}</span>
                  <time datetime="${organisation.approvedAt}"
                    >${t(l, 'since', { date: formatDate(organisation.approvedAt, l, page.calendar) })}</time
                  >
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
};

export const registerPublicOrganisationsPage = (app: FastifyInstance, web: WebContext): void => {
  app.get('/organisations', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const l = page.language;
    const answer = await page.api<{ organisations: readonly PublicOrganisationView[] }>(
      'GET',
      '/api/v1/public/organisations',
    );
    if (!answer.ok) throw new Error(`the public list of organisations answered ${answer.status}`);
    return sendHtml(
      page,
      renderLayout(page, {
        title: t(l, 'title'),
        section: 'organisations',
        wide: true,
        openGraph: {
          title: `Akashi — ${t(l, 'title')}`,
          description: t(l, 'lead'),
          url: `${web.publicUrl}/organisations`,
        },
        head: html`<link
          rel="alternate"
          type="application/json"
          href="/api/v1/public/organisations"
        />`,
        body: html`<h1>${t(l, 'title')}</h1>
          <p class="lead">${t(l, 'lead')}</p>
          ${renderTable(page, answer.body.organisations)}
          <p class="hint"><a href="/api/v1/public/organisations">${t(l, 'json')}</a></p>
          <section class="card">
            <h2>${t(l, 'applyLead')}</h2>
            <p><a class="button" href="/apply">${t(l, 'apply')}</a></p>
          </section>`,
      }),
    );
  });
};
