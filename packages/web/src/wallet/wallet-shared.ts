/**
 * What the wallet pages share: the signed-in gate, the error pages for API answers no form can
 * fix, the wallet's own menu and frame, the status pill (always a word, never colour alone), the
 * private/public marker, badge images (only those the page's Content-Security-Policy lets the
 * browser load: data: URLs and this platform's own), and the API's JSON error details.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { renderErrorPage } from '../kit/error-page.js';
import { formFields } from '../kit/forms.js';
import { html, type HtmlValue, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { renderLayout, type LayoutOptions } from '../kit/layout.js';
import {
  openPage,
  requireSignedIn,
  sendHtml,
  type Page,
  type SessionView,
  type WebContext,
} from '../kit/page.js';
import { walletText as t } from './wallet-texts.js';
import type { WalletStatus, WalletVisibility } from './wallet-types.js';

export interface WalletPage {
  readonly page: Page;
  readonly session: SessionView;
}

/** The page for a signed-in learner, or undefined after sending the sign-in redirect. */
export const openWalletPage = async (
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<WalletPage | undefined> => {
  const page = await openPage(web, request, reply);
  const session = requireSignedIn(page);
  return session === undefined ? undefined : { page, session };
};

export const sendNotFound = (page: Page): FastifyReply =>
  sendHtml(page, renderErrorPage(page, 404, undefined), 404);

/** Errors that no form can fix by its fields: shown as the error page instead. */
export const isPageError = (answer: ApiResponse): boolean =>
  answer.status >= 500 ||
  answer.error?.code === 'ERR_HTTP_CSRF' ||
  answer.error?.code === 'ERR_HTTP_UNAUTHENTICATED' ||
  answer.error?.code === 'ERR_AUTH_SECOND_FACTOR_REQUIRED';

/** The error page for an API answer, with its status (a 4xx shows the API's message). */
export const sendApiErrorPage = (page: Page, answer: ApiResponse): FastifyReply => {
  const status = answer.status >= 400 ? answer.status : 500;
  return sendHtml(page, renderErrorPage(page, status, answer.error), status);
};

/** A status for re-showing a form after the API refused it. */
export const formStatus = (answer: ApiResponse): number =>
  answer.status >= 400 && answer.status < 500 ? answer.status : 400;

/** The posted `_csrf` field. */
export const postedCsrf = (page: Page): string | undefined => formFields(page.request)._csrf;

/** A query parameter as a string ('' when absent or repeated). */
export const queryValue = (page: Page, name: string): string => {
  const value = (page.request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/** `error.details` of the API's error envelope (the kit's reader keeps only code and fields). */
export const errorDetails = (answer: ApiResponse): Readonly<Record<string, unknown>> => {
  if (answer.raw.length === 0) return {};
  try {
    const parsed = JSON.parse(answer.raw.toString('utf8')) as {
      error?: { details?: unknown };
    };
    const details = parsed.error?.details;
    return typeof details === 'object' && details !== null
      ? (details as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

/** A path segment from user input (ids are opaque to the pages). */
export const segment = (value: string): string => encodeURIComponent(value);

export type WalletSection = 'badges' | 'import' | 'collections' | 'profile' | 'connections';

const MENU: readonly { readonly section: WalletSection; readonly path: string }[] = [
  { section: 'badges', path: '/wallet' },
  { section: 'import', path: '/wallet/import' },
  { section: 'collections', path: '/wallet/collections' },
  { section: 'profile', path: '/wallet/profile' },
  { section: 'connections', path: '/wallet/connections' },
];

const MENU_TEXT = {
  badges: 'navBadges',
  import: 'navImport',
  collections: 'navCollections',
  profile: 'navProfile',
  connections: 'navConnections',
} as const satisfies Record<WalletSection, string>;

const renderWalletNav = (l: Language, current: WalletSection | undefined): SafeHtml =>
  html`<nav class="wallet-nav" aria-label="${t(l, 'walletNav')}">
    <ul>
      ${MENU.map(
        (item) =>
          html`<li>
            <a href="${item.path}" ${item.section === current && html` aria-current="page"`}
              >${t(l, MENU_TEXT[item.section])}</a
            >
          </li>`,
      )}
      <li><a href="/wallet/export" data-testid="wallet-export">${t(l, 'navExport')}</a></li>
    </ul>
  </nav>`;

export interface WalletLayoutOptions extends Omit<LayoutOptions, 'body' | 'section'> {
  readonly current?: WalletSection;
  readonly body: HtmlValue;
}

/** A wallet page: the site's layout with the wallet's menu above the page's own body. */
export const renderWalletLayout = (page: Page, options: WalletLayoutOptions): SafeHtml =>
  renderLayout(page, {
    ...options,
    section: 'wallet',
    styles: ['wallet.css', ...(options.styles ?? [])],
    body: html`${renderWalletNav(page.language, options.current)} ${options.body}`,
  });

const STATUS_TONE: Readonly<Record<WalletStatus, string>> = {
  valid: 'ok',
  expired: 'warn',
  revoked: 'bad',
  suspended: 'warn',
  unverified: 'bad',
};

export const statusWord = (l: Language, status: string): string =>
  status in STATUS_TONE ? t(l, `status_${status as WalletStatus}`) : status;

export const renderStatusPill = (l: Language, status: WalletStatus): SafeHtml =>
  html`<span class="pill ${STATUS_TONE[status]}" data-testid="wallet-status" data-status="${status}"
    ><span class="visually-hidden">${t(l, 'statusLabel')}: </span>${t(l, `status_${status}`)}</span
  >`;

export const renderVisibilityMarker = (l: Language, visibility: WalletVisibility): SafeHtml =>
  html`<span
    class="wallet-visibility wallet-visibility-${visibility}"
    data-testid="wallet-visibility"
    data-visibility="${visibility}"
    ><span class="visually-hidden">${t(l, 'visibilityLabel')}: </span>${t(l, `visibility_${visibility}`)}</span
  >`;

/**
 * An image the browser may load under the pages' policy (`img-src 'self' data:`): a data: URL of
 * an image, or a URL of this platform (as a local path). Undefined for anything else.
 */
export const displayableImage = (page: Page, image: string | null): string | undefined => {
  if (image === null || image === '') return undefined;
  if (/^data:image\/(png|svg\+xml|jpeg|gif|webp)[;,]/i.test(image)) return image;
  const base = page.web.publicUrl;
  if (image.startsWith(`${base}/`)) return image.slice(base.length);
  return undefined;
};

export const renderBadgeImage = (
  page: Page,
  image: string | null,
  name: string,
  className = 'wallet-image',
): SafeHtml => {
  const source = displayableImage(page, image);
  const l = page.language;
  return source === undefined
    ? html`<span class="${className} wallet-image-none" role="img" aria-label="${t(l, 'noImage')}"
        >${Array.from(name)[0] ?? '?'}</span
      >`
    : html`<img
        class="${className}"
        src="${source}"
        alt="${t(l, 'imageAlt', { name })}"
        loading="lazy"
        decoding="async"
      />`;
};

/** A short confirmation after a change, in the page's language, from `?done=`. */
export const doneNotice = <K extends string>(
  page: Page,
  known: readonly K[],
  text: (key: K) => string,
): SafeHtml | '' => {
  const done = queryValue(page, 'done');
  const key = known.find((k) => k === done);
  return key === undefined
    ? ''
    : html`<div class="notice" role="status" data-testid="notice">${text(key)}</div>`;
};
