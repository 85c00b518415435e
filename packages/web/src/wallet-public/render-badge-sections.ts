/**
 * The sections of a public badge page, each escaping everything it shows: the badge itself
 * (image, name, issuer, holder, dates, status in words), what it carries (description,
 * criteria, alignments, evidence, results — text, never the credential's own markup) and the
 * live verification (verdict in plain words and every check, with the verify page's wording).
 */
import { formatDate, formatDateTime, type CalendarPreference } from '../kit/dates.js';
import { html, join, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { checkText, verdictText, verifyText } from '../verify/verify-texts.js';
import { isKnownCheck, OUTCOME_TONE, VERDICT_TONE } from '../verify/verdict-tones.js';
import type { VerificationCheckView, VerifyAnswer } from '../verify/verify-types.js';
import type { CredentialContent, EvidenceView } from './credential-content.js';
import { publicText as t } from './wallet-public-texts.js';
import type { WalletCredentialCard, WalletStatus } from './wallet-public-types.js';

const STATUS_TONE: Readonly<Record<WalletStatus, string>> = {
  valid: 'ok',
  expired: 'warn',
  revoked: 'bad',
  suspended: 'warn',
  unverified: 'bad',
};

/** Plain text over several lines: paragraphs at blank lines, line breaks kept, all escaped. */
export const renderMultiline = (text: string): SafeHtml =>
  join(
    text
      .replace(/\r\n?/g, '\n')
      .split(/\n{2,}/)
      .filter((paragraph) => paragraph.trim() !== '')
      .map((paragraph) => html`<p>${join(paragraph.trim().split('\n'), html`<br />`)}</p>`),
  );

/**
 * Whether the page may show the image: a data: image, or one served by this platform. The pages'
 * Content-Security-Policy allows no other origin, so an image elsewhere is not loaded.
 */
export const displayableImage = (image: string | null, publicUrl: string): string | undefined => {
  if (image === null) return undefined;
  if (/^data:image\/(png|svg\+xml|jpeg|gif|webp);/i.test(image)) return image;
  if (image.startsWith(`${publicUrl}/`)) return image.slice(publicUrl.length);
  if (image.startsWith('/') && !image.startsWith('//')) return image;
  return undefined;
};

export const statusPill = (l: Language, status: WalletStatus): SafeHtml =>
  html`<span class="pill ${STATUS_TONE[status]}" data-testid="badge-status" data-status="${status}"
    >${t(l, `status-${status}`)}</span
  >`;

export const badgeName = (l: Language, card: WalletCredentialCard): string =>
  card.name ?? t(l, 'unnamedBadge');

export const renderBadgeImage = (
  l: Language,
  card: WalletCredentialCard,
  publicUrl: string,
  size: 'large' | 'small',
): SafeHtml => {
  const src = displayableImage(card.image, publicUrl);
  const px = size === 'large' ? 200 : 96;
  return src === undefined
    ? html`<div class="badge-image badge-image-${size} no-image" aria-hidden="true">
        <span>${t(l, 'noImage')}</span>
      </div>`
    : html`<img
        class="badge-image badge-image-${size}"
        src="${src}"
        alt="${t(l, 'badgeImageAlt', { name: badgeName(l, card) })}"
        width="${px}"
        height="${px}"
      />`;
};

const fact = (label: string, value: SafeHtml | string | undefined): SafeHtml | '' =>
  value === undefined || value === ''
    ? ''
    : html`<dt>${label}</dt>
        <dd>${value}</dd>`;

const dateFact = (
  l: Language,
  calendar: CalendarPreference,
  iso: string | null,
): SafeHtml | undefined =>
  iso === null ? undefined : html`<time datetime="${iso}">${formatDate(iso, l, calendar)}</time>`;

export interface BadgeHeroOptions {
  readonly language: Language;
  readonly calendar: CalendarPreference;
  readonly card: WalletCredentialCard;
  readonly holder: string | null | undefined;
  /** The holder's public profile, when enabled. */
  readonly holderHref?: string | undefined;
  readonly publicUrl: string;
}

const renderHolder = (options: BadgeHeroOptions): SafeHtml | undefined => {
  const { holder, holderHref } = options;
  if (holder === null || holder === undefined) return undefined;
  return holderHref === undefined
    ? html`<span data-testid="badge-holder">${holder}</span>`
    : html`<a href="${holderHref}" data-testid="badge-holder">${holder}</a>`;
};

export const renderBadgeHero = (options: BadgeHeroOptions): SafeHtml => {
  const { language: l, calendar, card } = options;
  const validFrom =
    card.validFrom !== null && card.validFrom !== card.issuedAt ? card.validFrom : null;
  return html`<section class="card badge-hero" aria-labelledby="badge-name">
    ${renderBadgeImage(l, card, options.publicUrl, 'large')}
    <div class="badge-hero-text">
      <h1 id="badge-name" data-testid="badge-name">${badgeName(l, card)}</h1>
      <p>${statusPill(l, card.status)}</p>
      <dl class="facts">
        ${fact(t(l, 'issuer'), card.issuerName ?? undefined)}
        ${fact(t(l, 'heldBy'), renderHolder(options))}
        ${fact(t(l, 'issuedOn'), dateFact(l, calendar, card.issuedAt))}
        ${fact(t(l, 'validFrom'), dateFact(l, calendar, validFrom))}
        ${fact(t(l, 'validUntil'), dateFact(l, calendar, card.validUntil) ?? t(l, 'noExpiry'))}
        ${fact(t(l, 'standard'), `Open Badges ${card.obVersion === 2 ? '2.0' : '3.0'}`)}
      </dl>
    </div>
  </section>`;
};

const externalLink = (url: string, label: string): SafeHtml =>
  html`<a href="${url}" rel="nofollow noopener noreferrer">${label}</a>`;

const renderEvidence = (l: Language, item: EvidenceView): SafeHtml => {
  const title = item.name ?? t(l, 'evidenceUntitled');
  return html`<li>
    <h4>${item.url === undefined ? title : externalLink(item.url, title)}</h4>
    ${item.description !== undefined && renderMultiline(item.description)}
    ${item.narrative !== undefined && renderMultiline(item.narrative)}
  </li>`;
};

export const renderBadgeContent = (
  l: Language,
  description: string | null,
  content: CredentialContent,
): SafeHtml => {
  const { criteria, alignments, evidence, results } = content;
  const hasLinks =
    criteria?.url !== undefined ||
    alignments.some((a) => a.url !== undefined) ||
    evidence.some((e) => e.url !== undefined);
  return html`<section class="card badge-content" aria-labelledby="details-heading">
    <h2 id="details-heading">${t(l, 'details')}</h2>
    ${
      description !== null &&
      html`<h3>${t(l, 'description')}</h3>
      <div data-testid="badge-description">${renderMultiline(description)}</div>`
    }
    ${
      criteria !== undefined &&
      html`<h3>${t(l, 'criteria')}</h3>
      <div data-testid="badge-criteria">
        ${criteria.narrative !== undefined && renderMultiline(criteria.narrative)}
        ${criteria.url !== undefined && html`<p>${externalLink(criteria.url, t(l, 'criteriaPage'))}</p>`}
      </div>`
    }
    ${
      alignments.length > 0 &&
      html`<h3>${t(l, 'alignments')}</h3>
      <ul class="plain-list" data-testid="badge-alignments">
        ${alignments.map(
          (a) => html`<li>
            <strong>${a.url === undefined ? a.name : externalLink(a.url, a.name)}</strong>
            ${a.framework !== undefined && html`<span class="muted"> — ${t(l, 'framework')}: ${a.framework}</span>`}
            ${a.code !== undefined && html`<span class="muted"> (${t(l, 'code')}: <code>${a.code}</code>)</span>`}
            ${a.description !== undefined && html`<p>${a.description}</p>`}
          </li>`,
        )}
      </ul>`
    }
    ${
      evidence.length > 0 &&
      html`<h3>${t(l, 'evidence')}</h3>
      <ul class="plain-list" data-testid="badge-evidence">
        ${evidence.map((item) => renderEvidence(l, item))}
      </ul>`
    }
    ${
      results.length > 0 &&
      html`<h3>${t(l, 'results')}</h3>
      <dl class="facts" data-testid="badge-results">
        ${results.map((r) =>
          fact(
            r.name ?? t(l, 'result'),
            html`${r.value ?? ''}${r.status !== undefined && html` <span class="muted">(${t(l, 'resultStatus')}: ${r.status})</span>`}`,
          ),
        )}
      </dl>`
    }
    ${hasLinks && html`<p class="hint">${t(l, 'externalNote')}</p>`}
  </section>`;
};

const renderCheck = (l: Language, check: VerificationCheckView): SafeHtml => {
  const known = isKnownCheck(check.name) ? check.name : undefined;
  const name = known === undefined ? check.name : checkText(l, `${known}-name`);
  return html`<li data-testid="verify-check" data-check="${check.name}" data-outcome="${check.outcome}">
    <h3>
      ${name}
      <span class="pill ${OUTCOME_TONE[check.outcome]}">${checkText(l, `outcome-${check.outcome}`)}</span>
    </h3>
    <p>${check.message[l]}</p>
    ${known !== undefined && html`<p class="hint">${verifyText(l, 'whatItMeans')}: ${checkText(l, `${known}-means`)}</p>`}
  </li>`;
};

/** The live verdict in plain words, then every check the verifier made. */
export const renderLiveVerification = (
  l: Language,
  answer: VerifyAnswer,
  verifiedAt: string,
): SafeHtml => {
  const { verdict } = answer;
  const tone = VERDICT_TONE[verdict];
  return html`<section class="card" aria-labelledby="verification-heading">
    <h2 id="verification-heading">${t(l, 'verificationTitle')}</h2>
    <div class="verdict verdict-${tone}" data-testid="verdict" data-verdict="${verdict}">
      <p><span class="pill ${tone}">${verdictText(l, `${verdict}-pill`)}</span></p>
      <p class="verdict-headline"><strong>${verdictText(l, `${verdict}-headline`)}</strong></p>
      <p>${verdictText(l, `${verdict}-lead`)}</p>
      ${verdict !== 'valid' && html`<p class="verdict-reason" data-testid="verdict-reason">${answer.explanation[l]}</p>`}
      <p class="muted">${t(l, 'verifiedAt', { time: formatDateTime(verifiedAt, l) })}</p>
    </div>
    ${
      answer.report.checks.length > 0 &&
      // Folded when all is well (a phone shows the verdict, not eleven checks); open otherwise.
      html`<details class="verify-details"${verdict !== 'valid' && html` open`}>
        <summary>${t(l, 'checksSummary', { count: answer.report.checks.length })}</summary>
        <p>${t(l, 'verificationLead')}</p>
        <ol class="verify-checks" data-testid="verify-checks">
          ${answer.report.checks.map((check) => renderCheck(l, check))}
        </ol>
      </details>`
    }
    <p class="hint">${t(l, 'verifyElsewhere')} <a href="/verify">${t(l, 'verifyPage')}</a></p>
  </section>`;
};
