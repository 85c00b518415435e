/**
 * The sharing part of a public badge page: a QR code of the page (SVG drawn on the server, also
 * served as a file), "Add to LinkedIn" through our short redirect, and a copy panel with the same
 * fields, since LinkedIn's pre-filling is best effort (PROTOCOLS.md §4). No script: each value
 * sits in a read-only field that selects and copies like any text.
 */
import QRCode from 'qrcode';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { publicText as t } from './wallet-public-texts.js';
import type { LinkedInFields } from './wallet-public-types.js';

/** The QR code of `url` as an SVG document. */
export const qrCodeSvg = (url: string): Promise<string> =>
  QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });

const monthNames = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** "2025年4月" / "April 2025", or undefined without a valid year and month (1–12). */
export const formatMonthYear = (
  l: Language,
  year: number | string | undefined,
  month: number | string | undefined,
): string | undefined => {
  const y = Number(year);
  const m = Number(month);
  if (!Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12) return undefined;
  const monthName = monthNames.format(new Date(Date.UTC(2000, m - 1, 1)));
  return t(l, 'monthYear', { year: y, month: m, monthName });
};

const copyField = (id: string, label: string, value: string | undefined): SafeHtml | '' =>
  value === undefined || value === ''
    ? ''
    : html`<div class="field copy-field">
        <label for="copy-${id}">${label}</label>
        <input
          id="copy-${id}"
          type="text"
          readonly
          value="${value}"
          data-testid="copy-${id}"
          spellcheck="false"
        />
      </div>`;

export interface SharePanelOptions {
  readonly language: Language;
  /** The public page's absolute URL (what the QR code holds). */
  readonly pageUrl: string;
  /** Where the QR code file is served, when it is (share links). */
  readonly qrHref: string | undefined;
  /** Our redirect to LinkedIn, when the API offers one. */
  readonly linkedinHref: string | undefined;
  readonly fields: LinkedInFields | undefined;
}

export const renderSharePanel = async (options: SharePanelOptions): Promise<SafeHtml> => {
  const { language: l, fields } = options;
  const svg = await qrCodeSvg(options.pageUrl);
  const qr = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
  const issued = formatMonthYear(l, fields?.issueYear, fields?.issueMonth);
  const expires = formatMonthYear(l, fields?.expirationYear, fields?.expirationMonth);
  return html`<section class="card share-panel" aria-labelledby="share-heading">
    <h2 id="share-heading">${t(l, 'shareTitle')}</h2>
    <div class="share-grid">
      <div class="share-qr">
        <h3>${t(l, 'qrTitle')}</h3>
        <img src="${qr}" alt="${t(l, 'qrAlt')}" width="192" height="192" data-testid="share-qr" />
        ${
          options.qrHref !== undefined &&
          html`<p>
          <a href="${options.qrHref}" download="qr-code.svg" data-testid="share-qr-download"
            >${t(l, 'qrDownload')}</a
          >
        </p>`
        }
      </div>
      <div class="share-links">
        ${copyField('page-url', t(l, 'pageAddress'), options.pageUrl)}
        ${
          options.linkedinHref !== undefined &&
          html`<h3>${t(l, 'linkedinTitle')}</h3>
          <p>${t(l, 'linkedinLead')}</p>
          <p>
            <a class="button" href="${options.linkedinHref}" rel="nofollow" data-testid="linkedin-link"
              >${t(l, 'linkedinButton')}</a
            >
          </p>`
        }
      </div>
    </div>
    ${
      fields !== undefined &&
      html`<h3>${t(l, 'copyTitle')}</h3>
      <p class="hint">${t(l, 'copyHint')}</p>
      <div class="copy-panel" data-testid="copy-panel">
        ${copyField('name', t(l, 'fieldName'), fields.name)}
        ${copyField('organization', t(l, 'fieldOrganization'), fields.organizationName)}
        ${copyField('organization-id', t(l, 'fieldOrganizationId'), fields.organizationId)}
        ${copyField('issue-date', t(l, 'fieldIssueDate'), issued)}
        ${copyField('expiration-date', t(l, 'fieldExpirationDate'), expires)}
        ${copyField('cert-url', t(l, 'fieldCertUrl'), fields.certUrl)}
        ${copyField('cert-id', t(l, 'fieldCertId'), fields.certId)}
      </div>`
    }
  </section>`;
};
