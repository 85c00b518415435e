/**
 * A badge as the public sees it, through a share link (`/s/{id}`) or on a public profile
 * (`/p/{slug}/credentials/{id}`): the badge, what it carries, the live verification, and the
 * share panel (QR code, LinkedIn, copy fields), with Open Graph tags for link previews. No
 * script, and never the recipient's e-mail address (the API does not send it; the credential's
 * recipient is not shown at all).
 */
import { html, type SafeHtml } from '../kit/html.js';
import { renderLayout, type OpenGraph } from '../kit/layout.js';
import type { Page } from '../kit/page.js';
import { httpUrl, readCredentialContent } from './credential-content.js';
import {
  badgeName,
  renderBadgeContent,
  renderBadgeHero,
  renderLiveVerification,
} from './render-badge-sections.js';
import { renderSharePanel } from './render-share-panel.js';
import { publicText as t } from './wallet-public-texts.js';
import type { LinkedInFields, PublicBadgeAnswer } from './wallet-public-types.js';

export const PUBLIC_STYLES = ['verify.css', 'wallet-public.css'] as const;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Shortened to `max` characters, never cutting a character (emoji, combining marks) apart. */
export const shorten = (text: string, max: number): string => {
  const parts = Array.from(graphemes.segment(text.replace(/\s+/g, ' ').trim()), (s) => s.segment);
  return parts.length <= max ? parts.join('') : `${parts.slice(0, max - 1).join('')}…`;
};

const openGraphOf = (page: Page, answer: PublicBadgeAnswer, pageUrl: string): OpenGraph => {
  const l = page.language;
  const card = answer.credential;
  const name = badgeName(l, card);
  const about = card.description ?? name;
  const description = shorten(
    card.issuerName === null ? about : `${card.issuerName}${l === 'ja' ? '：' : ': '}${about}`,
    200,
  );
  const image =
    card.image !== null && httpUrl(card.image)?.startsWith('https:') === true
      ? card.image
      : undefined;
  return { title: name, description, url: pageUrl, ...(image === undefined ? {} : { image }) };
};

/** A URL on this platform as a path (links stay on the site whatever host served the page). */
const localPath = (url: string | null | undefined, publicUrl: string): string | undefined =>
  url?.startsWith(`${publicUrl}/`) === true ? url.slice(publicUrl.length) : undefined;

export interface PublicBadgePageOptions {
  /** The page's absolute URL (Open Graph, the QR code). */
  readonly pageUrl: string;
  /** The QR code file, when there is one (share links). */
  readonly qrHref?: string;
  /** Our LinkedIn redirect, when there is one (share links). */
  readonly linkedinHref?: string;
  /** Links above the heading (a profile's badge links back to the profile). */
  readonly breadcrumb?: SafeHtml;
  /** A share link is a capability URL: kept out of search engines (previews still work). */
  readonly noindex: boolean;
}

export const renderPublicBadgePage = async (
  page: Page,
  answer: PublicBadgeAnswer,
  options: PublicBadgePageOptions,
): Promise<SafeHtml> => {
  const l = page.language;
  const card = answer.credential;
  const { report } = answer.verification;
  const credential = card.credential ?? report.credential;
  const content = readCredentialContent(credential, l, report.badgeClass);
  const given = answer.linkedin?.fields;
  const organizationName = given?.organizationName ?? card.issuerName ?? undefined;
  const fields: LinkedInFields | undefined =
    given === undefined
      ? undefined
      : { ...given, ...(organizationName === undefined ? {} : { organizationName }) };
  const share = await renderSharePanel({
    language: l,
    pageUrl: options.pageUrl,
    qrHref: options.qrHref,
    linkedinHref: options.linkedinHref,
    fields,
  });
  return renderLayout(page, {
    title: badgeName(l, card),
    openGraph: openGraphOf(page, answer, options.pageUrl),
    styles: PUBLIC_STYLES,
    head: options.noindex && html`<meta name="robots" content="noindex" />`,
    body: html`${options.breadcrumb}
      <div class="public-badge" data-testid="public-badge">
        ${renderBadgeHero({
          language: l,
          calendar: page.calendar,
          card,
          holder: answer.owner?.displayName,
          holderHref: localPath(answer.owner?.profileUrl, page.web.publicUrl),
          publicUrl: page.web.publicUrl,
        })}
        ${renderLiveVerification(l, answer.verification, new Date().toISOString())}
        ${renderBadgeContent(l, card.description, content)} ${share}
      </div>`,
  });
};

/** The 404 page of a public address that shows nothing (any more). */
export const renderPublicGonePage = (
  page: Page,
  kind: 'share-link' | 'profile' | 'profile-badge',
): SafeHtml => {
  const l = page.language;
  const [title, body] =
    kind === 'share-link'
      ? [t(l, 'linkGoneTitle'), t(l, 'linkGoneBody')]
      : kind === 'profile'
        ? [t(l, 'profileGoneTitle'), t(l, 'profileGoneBody')]
        : [t(l, 'profileBadgeGoneTitle'), t(l, 'profileBadgeGoneBody')];
  return renderLayout(page, {
    title,
    styles: PUBLIC_STYLES,
    head: html`<meta name="robots" content="noindex" />`,
    body: html`<h1 data-testid="public-gone">${title}</h1>
      <p>${body}</p>
      <p><a href="/">${t(l, 'home')}</a></p>`,
  });
};
