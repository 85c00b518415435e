/**
 * `GET /wallet/credentials/{id}`: one badge of the learner's wallet — what the credential
 * carries, its status (and a change the learner has not seen yet), the visibility switch with
 * what it means, the last verification check by check with "check again", share links, the
 * downloads the API offers, the collections it is in, and the way to delete it. Another
 * learner's badge, or no such badge, is the 404 page. The actions are in
 * `wallet-detail-actions.ts`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { formatDateTime } from '../kit/dates.js';
import { csrfInput } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import { layoutText } from '../kit/layout-texts.js';
import { sendHtml, type Page, type SessionView, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { badgeName, renderStatusChange } from './wallet-card.js';
import { renderCredentialContent } from './wallet-credential-view.js';
import { deliveryText } from '../wallet-delivery/wallet-delivery-texts.js';
import { DETAIL_DONE, detailText as t } from './wallet-detail-texts.js';
import { isVerdict, renderWalletReport } from './wallet-report.js';
import { renderShareSection } from './wallet-share-section.js';
import {
  doneNotice,
  openWalletPage,
  renderBadgeImage,
  renderStatusPill,
  renderVisibilityMarker,
  renderWalletLayout,
  segment,
  sendApiErrorPage,
  sendNotFound,
} from './wallet-shared.js';
import type { WalletCredentialView } from './wallet-types.js';

/** The badge through the API (a 404 when it is not the learner's or does not exist). */
export const loadWalletCredential = (
  page: Page,
  id: string,
): Promise<ApiResponse<WalletCredentialView>> =>
  page.api<WalletCredentialView>('GET', `/api/v1/wallet/credentials/${segment(id)}`);

/** The 404 page for a badge that is not there (or not the learner's), else the error page. */
export const sendLoadFailure = (page: Page, answer: ApiResponse): FastifyReply =>
  answer.status === 404 || answer.status === 400
    ? sendNotFound(page)
    : sendApiErrorPage(page, answer);

const section = (id: string, title: string, content: SafeHtml | string): SafeHtml =>
  html`<section class="wallet-section" aria-labelledby="${id}-title" data-testid="${id}">
    <h2 id="${id}-title">${title}</h2>
    ${content}
  </section>`;

const actionForm = (
  session: SessionView,
  action: string,
  label: string,
  testid: string,
  extra: SafeHtml | '' = '',
  className = '',
): SafeHtml =>
  html`<form method="post" action="${action}" class="inline">
    ${csrfInput(session)} ${extra}
    <button type="submit" class="${className}" data-testid="${testid}">${label}</button>
  </form>`;

const renderVisibility = (page: Page, session: SessionView, item: WalletCredentialView) => {
  const l = page.language;
  const makePublic = item.visibility === 'private';
  return section(
    'wallet-visibility-section',
    t(l, 'visibilityTitle'),
    html`<p>${renderVisibilityMarker(l, item.visibility)}</p>
      <p>${t(l, makePublic ? 'privateNow' : 'publicNow')}</p>
      ${actionForm(
        session,
        `/wallet/credentials/${segment(item.id)}/visibility`,
        t(l, makePublic ? 'makePublic' : 'makePrivate'),
        'wallet-visibility-toggle',
        html`<input type="hidden" name="visibility" value="${makePublic ? 'public' : 'private'}" />`,
        makePublic ? '' : 'secondary',
      )}`,
  );
};

const renderVerification = (page: Page, session: SessionView, item: WalletCredentialView) => {
  const l = page.language;
  const { report, verdict } = item;
  const result =
    report !== null && isVerdict(verdict)
      ? renderWalletReport({
          language: l,
          calendar: page.calendar,
          verdict,
          report,
          explanation: item.explanation,
          verifiedAt: item.checkedAt ?? item.addedAt,
        })
      : html`<p>${t(l, 'neverChecked')}</p>`;
  return section(
    'wallet-verification',
    t(l, 'verificationTitle'),
    html`${
      item.checkedAt !== null &&
      html`<p class="muted">
        ${t(l, 'lastChecked', { time: formatDateTime(item.checkedAt, l) })}
      </p>`
    }
      ${result}
      ${actionForm(
        session,
        `/wallet/credentials/${segment(item.id)}/recheck`,
        t(l, 'checkAgain'),
        'wallet-recheck',
        '',
        'secondary',
      )}`,
  );
};

const renderDownloads = (page: Page, item: WalletCredentialView) => {
  const l = page.language;
  return section(
    'wallet-downloads',
    t(l, 'downloadsTitle'),
    html`<ul>
      ${item.downloads.map(
        (format) =>
          html`<li>
            <a
              href="/api/v1/wallet/credentials/${segment(item.id)}/download?format=${format}"
              download
              data-testid="wallet-download-${format}"
              >${t(l, `download_${format}`)}</a
            >
          </li>`,
      )}
      ${
        item.origin === 'award' &&
        item.awardId !== null &&
        html`<li>
        <a href="/wallet/deliver/${segment(item.awardId)}" data-testid="wallet-deliver"
          >${deliveryText(l, 'title')}</a
        >
      </li>`
      }
    </ul>`,
  );
};

const renderCollections = (page: Page, item: WalletCredentialView) => {
  const l = page.language;
  return section(
    'wallet-collections',
    t(l, 'collectionsTitle'),
    html`${
      item.collections.length === 0
        ? html`<p class="muted">${t(l, 'collectionsNone')}</p>`
        : html`<ul>
            ${item.collections.map(
              (c) => html`<li><a href="/wallet/collections/${segment(c.id)}">${c.name}</a></li>`,
            )}
          </ul>`
    }
      <p><a href="/wallet/collections">${t(l, 'collectionsManage')}</a></p>`,
  );
};

const renderDelete = (page: Page, item: WalletCredentialView) => {
  const l = page.language;
  return section(
    'wallet-delete',
    t(l, 'deleteTitle'),
    html`<p>${t(l, 'deleteLead')}</p>
      <p>${t(l, item.origin === 'award' ? 'deleteAward' : 'deleteImport')}</p>
      <p>
        <a
          class="button danger"
          href="/wallet/credentials/${segment(item.id)}/delete"
          data-testid="wallet-delete-start"
          >${t(l, 'deleteButton')}</a
        >
      </p>`,
  );
};

export const breadcrumb = (page: Page, item: WalletCredentialView): SafeHtml =>
  html`<nav class="breadcrumb" aria-label="${layoutText(page.language, 'breadcrumb')}">
    <ol>
      <li><a href="/wallet">${t(page.language, 'breadcrumbWallet')}</a></li>
      <li>
        <a href="/wallet/credentials/${segment(item.id)}" aria-current="page"
          >${badgeName(page, item)}</a
        >
      </li>
    </ol>
  </nav>`;

const renderDetail = async (page: Page, session: SessionView, item: WalletCredentialView) => {
  const l = page.language;
  const name = badgeName(page, item);
  const change = renderStatusChange(page, item);
  return html`${breadcrumb(page, item)}
    <header class="wallet-detail-head">
      ${renderBadgeImage(page, item.image, name, 'wallet-detail-image')}
      <div>
        <h1 data-testid="wallet-name">${name}</h1>
        <p class="wallet-card-issuer">${item.issuerName ?? ''}</p>
        <p>${renderStatusPill(l, item.status)} ${renderVisibilityMarker(l, item.visibility)}</p>
      </div>
    </header>
    ${doneNotice(page, DETAIL_DONE, (k) => t(l, `done_${k}`))}
    ${
      change !== '' &&
      html`<div class="warning" role="status">
      ${change}
      ${actionForm(
        session,
        `/wallet/credentials/${segment(item.id)}/seen`,
        t(l, 'seenButton'),
        'wallet-seen',
        '',
        'secondary',
      )}
    </div>`
    }
    ${renderCredentialContent(page, item)} ${renderVisibility(page, session, item)}
    ${renderVerification(page, session, item)} ${await renderShareSection(page, session, item, name)}
    ${renderDownloads(page, item)} ${renderCollections(page, item)} ${renderDelete(page, item)}`;
};

export const registerWalletDetailPage = (app: FastifyInstance, web: WebContext): void => {
  app.get<{ Params: { id: string } }>(
    '/wallet/credentials/:id',
    PAGE_ROUTE,
    async (request, reply) => {
      const opened = await openWalletPage(web, request, reply);
      if (opened === undefined) return reply;
      const { page, session } = opened;
      const answer = await loadWalletCredential(page, request.params.id);
      if (!answer.ok) return sendLoadFailure(page, answer);
      const item = answer.body;
      return sendHtml(
        page,
        renderWalletLayout(page, {
          title: badgeName(page, item),
          styles: ['verify.css'],
          scripts: ['wallet-copy.js'],
          body: await renderDetail(page, session, item),
        }),
      );
    },
  );
};
