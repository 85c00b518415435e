/**
 * `GET /console`: the signed-in user's organisations. One → straight to its console; several → a
 * list to choose from, with the role in each; none → how to join one or apply as an issuer.
 */
import type { FastifyInstance } from 'fastify';
import { organisationName, roleLabel } from '../kit/console.js';
import { html } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import { openPage, redirectTo, requireSignedIn, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { chooserText as t } from './chooser-texts.js';
import { listMemberships } from './console-org-shared.js';
import { orgText } from './console-org-texts.js';

export const registerChooserPage = (app: FastifyInstance, web: WebContext): void => {
  app.get('/console', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const session = requireSignedIn(page);
    if (session === undefined) return reply;
    const l = page.language;
    const memberships = await listMemberships(page);
    const [only] = memberships ?? [];
    if (memberships?.length === 1 && only !== undefined) {
      return redirectTo(page, `/console/${encodeURIComponent(only.organisation.id)}`);
    }
    let body;
    if (memberships === undefined) {
      body = html`<h1>${t(l, 'title')}</h1>
        <p class="warning">${t(l, 'failed')}</p>`;
    } else if (memberships.length === 0) {
      body = html`<h1>${t(l, 'title')}</h1>
        <section class="card" data-testid="no-organisation">
          <h2>${t(l, 'noneTitle')}</h2>
          <p>${t(l, 'noneBody', { email: session.account.email })}</p>
          <p>${t(l, 'pending')}</p>
          <p><a class="button" href="/apply">${t(l, 'apply')}</a></p>
          ${session.account.isOperator && html`<p><a href="/operator">${t(l, 'operator')}</a></p>`}
        </section>`;
    } else {
      body = html`<h1>${t(l, 'title')}</h1>
        <p>${t(l, 'choose')}</p>
        <h2>${t(l, 'organisations')}</h2>
        <ul class="org-choices">
          ${memberships.map(
            (m) =>
              html`<li class="card" data-testid="organisation-choice">
                <a href="/console/${encodeURIComponent(m.organisation.id)}"
                  >${organisationName(m.organisation, l)}</a
                >
                <p class="hint">
                  ${t(l, 'role', { role: roleLabel(m.role, l) })}${
                    m.organisation.status !== 'approved' &&
                    html` <span class="pill warn"
                      >${orgText(l, m.organisation.status === 'rejected' ? 'status-rejected' : 'status-pending')}</span
                    >`
                  }
                </p>
              </li>`,
          )}
        </ul>`;
    }
    return sendHtml(
      page,
      renderLayout(page, {
        title: t(l, 'title'),
        section: 'console',
        styles: ['console-org.css'],
        body,
      }),
    );
  });
};
