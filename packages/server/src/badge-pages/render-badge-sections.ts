/**
 * The sections of the badge page, each a function of what it shows returning escaped HTML:
 * the badge itself, its details and live status, the check-by-check verification, the
 * downloads and the recipient confirmation form. Every value from outside is escaped here.
 */
import type { BadgeVerificationReport } from '@akashi/core';
import type { Award } from '../awards/award.js';
import type { Language } from '../http/pick-language.js';
import { escapeHtml } from '../organisations/render-organisations-page.js';
import type { AwardLiveStatus } from './award-live-status.js';
import {
  CHECK_LABELS,
  fillText,
  labelled,
  OUTCOME_LABELS,
  STATUS_LABELS,
  VERDICT_LABELS,
  type TextKey,
} from './badge-page-texts.js';
import { formatBadgeDate, formatBadgeDateTime } from './format-badge-date.js';
import type { BadgePageFacts, LanguageText } from './load-badge-page.js';

/** Where the page's links point: paths for our own resources, absolute URLs for sharing. */
export interface BadgePageUrls {
  /** `/badges/{id}` under the public URL's path (for links and images). */
  readonly awardPath: string;
  /** The public URL's path, no trailing slash (`''` at the root). */
  readonly basePath: string;
}

export type RecipientConfirmation =
  | { readonly kind: 'match' | 'no-match'; readonly email: string }
  | { readonly kind: 'refused'; readonly message: string };

const t = (key: TextKey, language: Language, params?: Record<string, string>) =>
  escapeHtml(fillText(key, language, params));

/** A label followed by its colon, escaped. */
const label = (key: TextKey, language: Language) =>
  escapeHtml(labelled(fillText(key, language), language));

/** The `lang` attribute a text needs inside a page in `language`. */
const langAttribute = (text: LanguageText, language: Language): string =>
  text.language === language ? '' : ` lang="${text.language}"`;

/** Plain text over several lines: paragraphs at blank lines, line breaks kept. */
export const renderMultiline = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

const renderBlock = (text: LanguageText, language: Language): string =>
  `<div${langAttribute(text, language)}>${renderMultiline(text.text)}</div>`;

const externalLink = (url: string, label: string): string =>
  /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow">${escapeHtml(label)}</a>`
    : escapeHtml(label);

export const renderHero = (
  award: Award,
  facts: BadgePageFacts,
  urls: BadgePageUrls,
  language: Language,
): string => {
  const { name } = facts.achievement;
  const recipient =
    award.recipient.public && award.recipient.name !== null
      ? `<p><strong>${label('recipient', language)}</strong>${escapeHtml(award.recipient.name)}</p>`
      : `<p class="vetting">${t('recipientHidden', language)}</p>`;
  const issuerName = language === 'en' ? facts.issuer.name.en : facts.issuer.name.ja;
  return `<section class="card hero" aria-labelledby="badge-name">
<img src="${escapeHtml(urls.awardPath)}/image" alt="${t('badgeImageAlt', language, { name: name.text })}" width="180" height="180">
<div>
<h1 id="badge-name"${langAttribute(name, language)}>${escapeHtml(name.text)}</h1>
<p>${label('issuer', language)}${escapeHtml(issuerName)}</p>
${recipient}
</div>
</section>`;
};

const statusDetail = (status: AwardLiveStatus, language: Language): string => {
  switch (status.kind) {
    case 'active':
      return `<p>${t('statusActiveDetail', language)}</p>`;
    case 'revoked':
    case 'suspended': {
      const intro = t(
        status.kind === 'revoked' ? 'statusRevokedDetail' : 'statusSuspendedDetail',
        language,
      );
      const reason =
        status.reason === null || status.reason.trim() === ''
          ? ''
          : `<p><strong>${label('reason', language)}</strong>${escapeHtml(status.reason)}</p>`;
      const since =
        status.kind === 'revoked' && status.since !== null
          ? `<p><strong>${label('revokedOn', language)}</strong>${escapeHtml(formatBadgeDateTime(status.since, language))}</p>`
          : '';
      return `<p>${intro}</p>${reason}${since}`;
    }
    case 'expired':
      return `<p>${t('statusExpiredDetail', language, { date: formatBadgeDateTime(status.since, language) })}</p>`;
    case 'not-yet-valid':
      return `<p>${t('statusNotYetValidDetail', language, { date: formatBadgeDateTime(status.from, language) })}</p>`;
  }
};

export const renderStatus = (status: AwardLiveStatus, language: Language): string =>
  `<section class="card" aria-labelledby="status-heading">
<h2 id="status-heading">${t('status', language)}</h2>
<p><span class="status s-${status.kind}" id="live-status" data-status="${status.kind}">${escapeHtml(STATUS_LABELS[status.kind][language])}</span></p>
${statusDetail(status, language)}
</section>`;

export const renderReplacement = (
  award: Award,
  urls: BadgePageUrls,
  language: Language,
): string => {
  const link = (id: string, key: TextKey) =>
    `<a href="${escapeHtml(`${urls.basePath}/badges/${id}`)}?lang=${language}">${t(key, language)}</a>`;
  const parts: string[] = [];
  if (award.replacedByAwardId !== null) {
    parts.push(
      `<div class="notice" role="note"><p>${t('replacedBy', language)} ${link(award.replacedByAwardId, 'replacedByLink')}</p></div>`,
    );
  }
  if (award.replacesAwardId !== null) {
    parts.push(`<p>${t('replaces', language)} ${link(award.replacesAwardId, 'replacesLink')}</p>`);
  }
  return parts.join('\n');
};

export const renderDetails = (
  award: Award,
  facts: BadgePageFacts,
  urls: BadgePageUrls,
  language: Language,
): string => {
  const { achievement, issuer, vetting } = facts;
  const description =
    achievement.description === undefined
      ? ''
      : `<h3>${t('description', language)}</h3>${renderBlock(achievement.description, language)}`;
  const narrative =
    achievement.criteriaNarrative === undefined
      ? ''
      : renderBlock(achievement.criteriaNarrative, language);
  const criteriaLink =
    achievement.criteriaUrl === undefined
      ? ''
      : `<p>${externalLink(achievement.criteriaUrl, fillText('criteriaPage', language))}</p>`;
  const criteria =
    narrative === '' && criteriaLink === ''
      ? ''
      : `<h3>${t('criteria', language)}</h3>${narrative}${criteriaLink}`;
  const primary = language === 'en' ? issuer.name.en : issuer.name.ja;
  const secondary = language === 'en' ? issuer.name.ja : issuer.name.en;
  const issuerName =
    issuer.url === undefined ? escapeHtml(primary) : externalLink(issuer.url, primary);
  const otherName =
    secondary === '' || secondary === primary
      ? ''
      : ` <span lang="${language === 'en' ? 'ja' : 'en'}">(${escapeHtml(secondary)})</span>`;
  const vettingText =
    vetting?.status !== 'approved'
      ? t('vettingNotApproved', language)
      : vetting.decidedAt === null
        ? t('vettingApprovedUndated', language)
        : t('vettingApproved', language, { date: formatBadgeDate(vetting.decidedAt, language) });
  const validUntil =
    award.validUntil === null
      ? t('noExpiry', language)
      : escapeHtml(formatBadgeDateTime(award.validUntil, language));
  return `<section class="card" aria-labelledby="details-heading">
<h2 id="details-heading">${t('details', language)}</h2>
${description}
${criteria}
<h3>${t('issuer', language)}</h3>
<p>${issuerName}${otherName}</p>
${issuer.description === undefined ? '' : renderBlock(issuer.description, language)}
<p class="vetting">${vettingText} <a href="${escapeHtml(urls.basePath)}/organisations">${t('vettingList', language)}</a></p>
<dl>
${issuer.identifier === undefined ? '' : `<dt>${t('issuerIdentifier', language)}</dt><dd><code>${escapeHtml(issuer.identifier)}</code></dd>`}
<dt>${t('awardedOn', language)}</dt><dd><time datetime="${escapeHtml(award.awardedAt)}">${escapeHtml(formatBadgeDate(award.awardedAt, language))}</time></dd>
<dt>${t('validFrom', language)}</dt><dd><time datetime="${escapeHtml(award.validFrom)}">${escapeHtml(formatBadgeDateTime(award.validFrom, language))}</time></dd>
<dt>${t('validUntil', language)}</dt><dd>${award.validUntil === null ? validUntil : `<time datetime="${escapeHtml(award.validUntil)}">${validUntil}</time>`}</dd>
</dl>
</section>`;
};

export const renderVerification = (
  report: BadgeVerificationReport | undefined,
  verifiedAt: string,
  urls: BadgePageUrls,
  language: Language,
): string => {
  const heading = `<h2 id="verification-heading">${t('verification', language)}</h2>`;
  const again = `<a href="${escapeHtml(urls.awardPath)}?lang=${language}">${t('verifyAgain', language)}</a>`;
  const when = `<p>${label('verifiedAt', language)}<time datetime="${escapeHtml(verifiedAt)}">${escapeHtml(formatBadgeDateTime(verifiedAt, language))}</time> — ${again}</p>`;
  if (report === undefined) {
    return `<section class="card" aria-labelledby="verification-heading">${heading}
<p class="notice" role="status">${t('verificationFailed', language)}</p>${when}</section>`;
  }
  const rows = report.checks
    .map(
      (
        check,
      ) => `<tr data-check="${escapeHtml(check.name)}" data-outcome="${escapeHtml(check.outcome)}">
<td>${escapeHtml(CHECK_LABELS[check.name][language])}</td>
<td><span class="status o-${escapeHtml(check.outcome)}">${escapeHtml(OUTCOME_LABELS[check.outcome][language])}</span></td>
<td>${escapeHtml(check.message[language])}</td>
</tr>`,
    )
    .join('\n');
  return `<section class="card" aria-labelledby="verification-heading">
${heading}
<p>${t('verificationIntro', language)}</p>
<p>${label('verdict', language)}<span class="status v-${escapeHtml(report.status)}" id="verdict" data-verdict="${escapeHtml(report.status)}">${escapeHtml(VERDICT_LABELS[report.status][language])}</span></p>
${when}
<table>
<thead><tr><th scope="col">${t('check', language)}</th><th scope="col">${t('outcome', language)}</th><th scope="col">${t('detail', language)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
};

export const renderDownloads = (
  award: Award,
  format: 'PNG' | 'SVG',
  urls: BadgePageUrls,
  language: Language,
): string => {
  const path = escapeHtml(urls.awardPath);
  const item = (href: string, key: TextKey, download?: string, format = '') =>
    `<li><a href="${path}${href}"${download === undefined ? '' : ` download="${escapeHtml(download)}"`}>${t(key, language, { format })}</a></li>`;
  const name = `badge-${award.id}`;
  return `<section class="card" aria-labelledby="downloads-heading">
<h2 id="downloads-heading">${t('downloads', language)}</h2>
<p>${t('downloadsIntro', language)}</p>
<ul class="downloads">
${item('/image', 'downloadOb3Image', undefined, format)}
${item('/credential.json', 'downloadJson', `${name}.json`)}
${award.credentialJwt === null ? '' : item('/credential.jwt', 'downloadJwt', `${name}.jwt`)}
${item('/assertion', 'downloadOb2Hosted')}
${item('/assertion.jws', 'downloadOb2Signed', `${name}-ob2.jws`)}
${item('/ob2-image', 'downloadOb2Image', undefined, format)}
</ul>
<p><a href="${escapeHtml(`${urls.basePath}/wallet/deliver/${encodeURIComponent(award.id)}`)}" data-testid="send-to-wallet">${t('sendToWallet', language)}</a></p>
</section>`;
};

export const renderConfirmation = (
  confirmation: RecipientConfirmation | undefined,
  urls: BadgePageUrls,
  language: Language,
): string => {
  let result = '';
  if (confirmation !== undefined) {
    const text =
      confirmation.kind === 'refused'
        ? escapeHtml(confirmation.message)
        : t(confirmation.kind === 'match' ? 'confirmMatch' : 'confirmNoMatch', language, {
            email: confirmation.email,
          });
    result = `<p class="result" role="status" id="confirm-result" data-result="${confirmation.kind}">${text}</p>`;
  }
  return `<section class="card" aria-labelledby="confirm-heading">
<h2 id="confirm-heading">${t('confirm', language)}</h2>
<p>${t('confirmIntro', language)}</p>
<form method="get" action="${escapeHtml(urls.awardPath)}#confirm-heading">
<input type="hidden" name="lang" value="${language}">
<label for="confirm-email">${t('emailLabel', language)}</label>
<input type="email" id="confirm-email" name="email" required maxlength="320" autocomplete="off" spellcheck="false">
<button type="submit">${t('confirmButton', language)}</button>
</form>
${result}
</section>`;
};
