/**
 * The public badge page, `/badges/{id}`, as one self-contained HTML document in Japanese or
 * English: no script, one inline style allowed by its hash (`badge-page-style.ts`), images only
 * from the platform itself. Link previews get Open Graph and Twitter card tags; verifiers and
 * crawlers find the credential itself through `<link rel="alternate">`.
 */
import type { BadgeVerificationReport } from '@akashi/core';
import { assetHref } from '@akashi/web';
import type { Award } from '../awards/award.js';
import type { Language } from '../http/pick-language.js';
import { escapeHtml } from '../organisations/render-organisations-page.js';
import type { AwardLiveStatus } from './award-live-status.js';
import { BADGE_PAGE_STYLE } from './badge-page-style.js';
import { fillText, STATUS_LABELS } from './badge-page-texts.js';
import type { BadgePageFacts } from './load-badge-page.js';
import {
  renderConfirmation,
  renderDetails,
  renderDownloads,
  renderHero,
  renderReplacement,
  renderStatus,
  renderVerification,
  type BadgePageUrls,
  type RecipientConfirmation,
} from './render-badge-sections.js';

export interface BadgePageModel {
  readonly language: Language;
  /** The platform's public URL, no trailing slash. */
  readonly publicUrl: string;
  readonly award: Award;
  readonly facts: BadgePageFacts;
  readonly status: AwardLiveStatus;
  /** Undefined when the verifier could not run at all. */
  readonly verification: BadgeVerificationReport | undefined;
  readonly verifiedAt: string;
  readonly confirmation?: RecipientConfirmation | undefined;
}

/** The public URL's path without a trailing slash (`''` when the platform is at the root). */
export const basePathOf = (publicUrl: string): string =>
  new URL(publicUrl).pathname.replace(/\/+$/, '');

const OG_LOCALES: Readonly<Record<Language, string>> = { ja: 'ja_JP', en: 'en_US' };

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** At most `limit` characters (graphemes), white space collapsed, for previews. */
const shorten = (text: string, limit: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = Array.from(graphemes.segment(flat), ({ segment }) => segment);
  return characters.length <= limit ? flat : `${characters.slice(0, limit - 1).join('')}…`;
};

interface ShellOptions {
  readonly language: Language;
  readonly title: string;
  readonly head: string;
  readonly body: string;
  /** The same page in the other language. */
  readonly otherLanguageHref: string;
}

const renderShell = ({ language, title, head, body, otherLanguageHref }: ShellOptions): string => {
  const other: Language = language === 'ja' ? 'en' : 'ja';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head}
<link rel="stylesheet" href="${assetHref('fonts.css')}">
<style>${BADGE_PAGE_STYLE}</style>
</head>
<body>
<a class="skip" href="#content">${escapeHtml(fillText('skipToContent', language))}</a>
<header>
<span>${escapeHtml(fillText('siteName', language))}</span>
<a href="${escapeHtml(otherLanguageHref)}" lang="${other}" hreflang="${other}">${escapeHtml(fillText('otherLanguage', language))}</a>
</header>
<main id="content">
${body}
</main>
<footer><p>${escapeHtml(fillText('siteName', language))}</p></footer>
</body>
</html>
`;
};

const renderHead = (model: BadgePageModel, pageUrl: string): string => {
  const { facts, language, publicUrl } = model;
  const name = facts.achievement.name.text;
  const issuer = language === 'en' ? facts.issuer.name.en : facts.issuer.name.ja;
  const description = shorten(
    `${issuer}${language === 'en' ? ': ' : '：'}${facts.achievement.description?.text ?? name}`,
    200,
  );
  const ownImage = facts.achievement.imageUrl;
  const image =
    ownImage !== undefined && ownImage.startsWith(`${publicUrl}/`) ? ownImage : `${pageUrl}/image`;
  const meta = (property: string, content: string) =>
    `<meta property="${property}" content="${escapeHtml(content)}">`;
  const named = (metaName: string, content: string) =>
    `<meta name="${metaName}" content="${escapeHtml(content)}">`;
  return [
    named('description', description),
    `<link rel="canonical" href="${escapeHtml(pageUrl)}">`,
    `<link rel="alternate" type="application/ld+json" href="${escapeHtml(pageUrl)}/credential.json">`,
    `<link rel="alternate" hreflang="ja" href="${escapeHtml(pageUrl)}?lang=ja">`,
    `<link rel="alternate" hreflang="en" href="${escapeHtml(pageUrl)}?lang=en">`,
    meta('og:type', 'website'),
    meta('og:site_name', fillText('siteName', language)),
    meta('og:locale', OG_LOCALES[language]),
    meta('og:title', name),
    meta('og:description', description),
    meta('og:url', pageUrl),
    meta('og:image', image),
    meta('og:image:alt', fillText('badgeImageAlt', language, { name })),
    named('twitter:card', 'summary'),
    named('twitter:title', name),
    named('twitter:description', description),
    named('twitter:image', image),
    named('twitter:image:alt', fillText('badgeImageAlt', language, { name })),
    // A page with a recipient check in its address is nobody's business but the viewer's.
    ...(model.confirmation === undefined ? [] : [named('robots', 'noindex')]),
  ].join('\n');
};

export const renderBadgePage = (model: BadgePageModel): string => {
  const { award, facts, language, publicUrl } = model;
  const basePath = basePathOf(publicUrl);
  const urls: BadgePageUrls = { basePath, awardPath: `${basePath}/badges/${award.id}` };
  const pageUrl = `${publicUrl}/badges/${award.id}`;
  const other: Language = language === 'ja' ? 'en' : 'ja';
  const title = `${facts.achievement.name.text} — ${STATUS_LABELS[model.status.kind][language]} | ${fillText('siteName', language)}`;
  return renderShell({
    language,
    title,
    head: renderHead(model, pageUrl),
    otherLanguageHref: `${urls.awardPath}?lang=${other}`,
    body: [
      renderReplacement(award, urls, language),
      renderHero(award, facts, urls, language),
      renderStatus(model.status, language),
      renderDetails(award, facts, urls, language),
      renderVerification(model.verification, model.verifiedAt, urls, language),
      renderConfirmation(model.confirmation, urls, language),
      renderDownloads(award, facts.achievement.imageFormat, urls, language),
    ]
      .filter((part) => part !== '')
      .join('\n'),
  });
};

/** The page for an address with no badge (HTTP 404). */
export const renderBadgeNotFoundPage = (
  language: Language,
  publicUrl: string,
  awardId: string,
): string => {
  const requestPath = `${basePathOf(publicUrl)}/badges/${encodeURIComponent(awardId)}`;
  const other: Language = language === 'ja' ? 'en' : 'ja';
  return renderShell({
    language,
    title: `${fillText('notFoundTitle', language)} | ${fillText('siteName', language)}`,
    head: '<meta name="robots" content="noindex">',
    otherLanguageHref: `${requestPath}?lang=${other}`,
    body: `<section class="card"><h1>${escapeHtml(fillText('notFoundTitle', language))}</h1>
<p>${escapeHtml(fillText('notFoundBody', language))}</p></section>`,
  });
};
