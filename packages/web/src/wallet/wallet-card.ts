/**
 * One badge as a card in the wallet list (and in a collection): image, name (a link to its page),
 * issuer, dates (with the 和暦 when the learner chose it), status in words, private/public, and
 * — when a background re-check changed its status and the learner has not seen it yet — what it
 * was and what it is now.
 */
import { formatDate } from '../kit/dates.js';
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import type { Page } from '../kit/page.js';
import {
  renderBadgeImage,
  renderStatusPill,
  renderVisibilityMarker,
  segment,
  statusWord,
} from './wallet-shared.js';
import { walletText as t } from './wallet-texts.js';
import type { WalletCredentialSummary } from './wallet-types.js';

export const badgeName = (page: Page, item: WalletCredentialSummary): string =>
  item.name ?? t(page.language, 'noName');

/** The status change to tell the learner about, or '' when there is none. */
export const renderStatusChange = (page: Page, item: WalletCredentialSummary): SafeHtml | '' => {
  if (item.previousStatus === null || item.previousStatus === item.status) return '';
  const l = page.language;
  return html`<p class="wallet-change" data-testid="wallet-change">
    ${t(l, 'statusChange', {
      from: statusWord(l, item.previousStatus),
      to: statusWord(l, item.status),
    })}
  </p>`;
};

const fact = (label: string, value: string | undefined): SafeHtml | '' =>
  value === undefined
    ? ''
    : html`<div>
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`;

export const renderWalletCard = (
  page: Page,
  item: WalletCredentialSummary,
  extra: HtmlValue = '',
): SafeHtml => {
  const l = page.language;
  const name = badgeName(page, item);
  const date = (iso: string | null) =>
    iso === null ? undefined : formatDate(iso, l, page.calendar);
  return html`<li
    class="wallet-card${item.previousStatus !== null ? ' is-changed' : ''}"
    data-testid="wallet-card"
    data-id="${item.id}"
  >
    ${renderBadgeImage(page, item.image, name)}
    <div class="wallet-card-body">
      <h3 class="wallet-card-name">
        <a href="/wallet/credentials/${segment(item.id)}">${name}</a>
      </h3>
      <p class="wallet-card-issuer">${item.issuerName ?? t(l, 'unknownIssuer')}</p>
      <p class="wallet-card-marks">
        ${renderStatusPill(l, item.status)} ${renderVisibilityMarker(l, item.visibility)}
        <span class="wallet-origin">OB ${item.obVersion === 2 ? '2.0' : '3.0'}</span>
      </p>
      ${renderStatusChange(page, item)}
      <dl class="wallet-card-dates">
        ${fact(t(l, 'issuedOn'), date(item.issuedAt ?? item.validFrom))}
        ${fact(t(l, 'validUntil'), date(item.validUntil))}
      </dl>
      ${extra}
    </div>
  </li>`;
};
