/**
 * The share links of a badge on its page: create one; for each, the URL in a read-only field
 * (selectable without script, a copy button with `wallet-copy.js`), its QR code (SVG drawn on the
 * server, as a data: image the page's policy allows), "Add to LinkedIn" through `/s/{id}/linkedin`
 * (which counts the click and fills LinkedIn's parameters), an e-mail link with subject and body
 * in the page's language, and revoke.
 */
import QRCode from 'qrcode';
import { formatDate } from '../kit/dates.js';
import { csrfInput } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Page, SessionView } from '../kit/page.js';
import { segment } from './wallet-shared.js';
import { detailText as t } from './wallet-detail-texts.js';
import type { WalletCredentialView, WalletShareLink } from './wallet-types.js';

/** The QR code of a URL as a data: URL of an SVG image. */
export const qrCodeDataUrl = async (url: string): Promise<string> => {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
};

const mailtoHref = (page: Page, name: string, url: string): string => {
  const l = page.language;
  const subject = encodeURIComponent(t(l, 'emailSubject', { name }));
  const body = encodeURIComponent(t(l, 'emailBody', { name, url }));
  return `mailto:?subject=${subject}&body=${body}`;
};

const renderLink = async (
  page: Page,
  session: SessionView,
  item: WalletCredentialView,
  name: string,
  link: WalletShareLink,
): Promise<SafeHtml> => {
  const l = page.language;
  const fieldId = `share-url-${link.id}`;
  const qr = await qrCodeDataUrl(link.url);
  return html`<li class="wallet-share" data-testid="wallet-share-link" data-id="${link.id}">
    <div class="wallet-share-url">
      <label for="${fieldId}"
        >${t(l, 'shareUrl', { date: formatDate(link.createdAt, l, 'gregorian') })}</label
      >
      <input id="${fieldId}" type="url" value="${link.url}" readonly data-testid="share-url" />
      <button
        type="button"
        class="secondary"
        hidden
        data-copy-target="${fieldId}"
        data-copied-label="${t(l, 'copied')}"
      >
        ${t(l, 'copy')}
      </button>
    </div>
    <p class="hint">${t(l, 'shareStats', { views: link.views, clicks: link.linkedinClicks })}</p>
    <img
      class="wallet-qr"
      src="${qr}"
      alt="${t(l, 'qrAlt')}"
      width="160"
      height="160"
      data-testid="share-qr"
    />
    <p class="actions">
      <a
        class="button secondary"
        href="/s/${segment(link.id)}/linkedin"
        rel="noopener"
        data-testid="share-linkedin"
        >${t(l, 'linkedin')}</a
      >
      <a class="button secondary" href="${mailtoHref(page, name, link.url)}" data-testid="share-email"
        >${t(l, 'email')}</a
      >
    </p>
    <form
      method="post"
      action="/wallet/credentials/${segment(item.id)}/share-links/${segment(link.id)}/revoke"
      class="inline"
    >
      ${csrfInput(session)}
      <button type="submit" class="danger" data-testid="share-revoke">${t(l, 'revoke')}</button>
    </form>
  </li>`;
};

export const renderShareSection = async (
  page: Page,
  session: SessionView,
  item: WalletCredentialView,
  name: string,
): Promise<SafeHtml> => {
  const l = page.language;
  const links = await Promise.all(
    item.shareLinks.map((link) => renderLink(page, session, item, name, link)),
  );
  return html`<section class="wallet-section" aria-labelledby="share-title" data-testid="wallet-share">
    <h2 id="share-title">${t(l, 'shareTitle')}</h2>
    <p>${t(l, 'shareLead')}</p>
    ${
      links.length === 0
        ? html`<p class="muted">${t(l, 'shareNone')}</p>`
        : html`<ul class="wallet-shares">
          ${links}
        </ul>`
    }
    <form method="post" action="/wallet/credentials/${segment(item.id)}/share-links">
      ${csrfInput(session)}
      <button type="submit" data-testid="share-create">${t(l, 'shareCreate')}</button>
    </form>
  </section>`;
};
