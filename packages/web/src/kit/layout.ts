/**
 * The one page shell: language, title, Open Graph tags, the site header (navigation, language
 * switch, sign-out) and footer (calendar preference, API docs). Styles and scripts come from
 * `/assets/` (the Content-Security-Policy allows nothing inline); public pages ship no script
 * unless they ask for one.
 */
import { assetHref } from './assets.js';
import { html, type HtmlValue, type SafeHtml } from './html.js';
import type { Language } from './language.js';
import { layoutText as t } from './layout-texts.js';
import type { Page } from './page.js';

export interface OpenGraph {
  readonly title: string;
  readonly description: string;
  /** Absolute URL. */
  readonly image?: string;
  /** Absolute URL of the page. */
  readonly url: string;
}

export interface LayoutOptions {
  readonly title: string;
  readonly body: HtmlValue;
  /** Which top-level section is current (marks the link `aria-current`). */
  readonly section?:
    'home' | 'verify' | 'organisations' | 'wallet' | 'console' | 'operator' | 'account';
  readonly openGraph?: OpenGraph;
  /** Extra style sheets under /assets/ (a page group's own, e.g. 'bulk.css'). */
  readonly styles?: readonly string[];
  /** Names of scripts under /assets/ (e.g. 'passkeys.js'); none by default. */
  readonly scripts?: readonly string[];
  /** Reload the page after this many seconds (progress pages work without script). */
  readonly refreshSeconds?: number;
  /** Extra elements for <head>. */
  readonly head?: HtmlValue;
  /** Wider main column (tables). */
  readonly wide?: boolean;
}

const OG_LOCALES: Readonly<Record<Language, string>> = { ja: 'ja_JP', en: 'en_US' };

/** The current URL with `lang` set, for the language switch (works without the cookie too). */
const switchHref = (page: Page, to: string): string =>
  `/preferences?lang=${to}&next=${encodeURIComponent(page.here)}`;

const navLink = (href: string, label: string, current: boolean): SafeHtml =>
  html`<a href="${href}" ${current ? html` aria-current="page"` : ''}>${label}</a>`;

const renderHeader = (page: Page, section: LayoutOptions['section']): SafeHtml => {
  const { language: l, session } = page;
  const other: Language = l === 'ja' ? 'en' : 'ja';
  const signedIn = session !== undefined && session.secondFactor.status !== 'required';
  return html`<header class="site-header">
    <a class="brand" href="/">${t(l, 'siteName')}</a>
    <nav aria-label="${t(l, 'mainNav')}">
      <ul>
        <li>${navLink('/verify', t(l, 'verify'), section === 'verify')}</li>
        <li>${navLink('/organisations', t(l, 'organisations'), section === 'organisations')}</li>
        ${
          signedIn
            ? html`<li>${navLink('/wallet', t(l, 'wallet'), section === 'wallet')}</li>
                <li>${navLink('/console', t(l, 'console'), section === 'console')}</li>
                ${session.account.isOperator && html`<li>${navLink('/operator', t(l, 'operator'), section === 'operator')}</li>`}
                <li>${navLink('/account', t(l, 'account'), section === 'account')}</li>
                <li>
                  <form method="post" action="/sign-out" class="inline">
                    <input type="hidden" name="_csrf" value="${session.csrfToken}" /><button
                      class="link"
                      type="submit"
                    >
                      ${t(l, 'signOut')}
                    </button>
                  </form>
                </li>`
            : html`<li>${navLink('/sign-in', t(l, 'signIn'), false)}</li>
                <li>${navLink('/sign-up', t(l, 'signUp'), false)}</li>`
        }
        <li>
          <a
            href="${switchHref(page, other)}"
            lang="${other}"
            hreflang="${other}"
            title="${t(l, 'switchLanguage')}"
            data-testid="language-switch"
            >${t(l, 'otherLanguage')}</a
          >
        </li>
      </ul>
    </nav>
  </header>`;
};

const renderFooter = (page: Page): SafeHtml => {
  const l = page.language;
  const calendarLink =
    l === 'ja'
      ? html`<a
          href="/preferences?calendar=${page.calendar === 'wareki' ? 'gregorian' : 'wareki'}&amp;next=${encodeURIComponent(page.here)}"
          >${t(l, page.calendar === 'wareki' ? 'calendarGregorian' : 'calendarWareki')}</a
        >`
      : '';
  return html`<footer class="site-footer">
    <p>${t(l, 'footer')}</p>
    <p><a href="/api/docs">${t(l, 'apiDocs')}</a> ${calendarLink}</p>
  </footer>`;
};

const renderOpenGraph = (page: Page, og: OpenGraph): SafeHtml =>
  html` <meta property="og:type" content="website" />
    <meta property="og:site_name" content="Akashi" />
    <meta property="og:title" content="${og.title}" />
    <meta property="og:description" content="${og.description}" />
    <meta property="og:url" content="${og.url}" />
    <meta property="og:locale" content="${OG_LOCALES[page.language]}" />
    ${og.image !== undefined && html`<meta property="og:image" content="${og.image}" />`}
    <meta
      name="twitter:card"
      content="${og.image === undefined ? 'summary' : 'summary_large_image'}"
    />
    <meta name="description" content="${og.description}" />`;

export const renderLayout = (page: Page, options: LayoutOptions): SafeHtml =>
  html`<!doctype html>
    <html lang="${page.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} | Akashi</title>
        <link rel="stylesheet" href="${assetHref('fonts.css')}" />
        <link rel="stylesheet" href="${assetHref('app.css')}" />
        ${(options.styles ?? []).map((name) => html`<link rel="stylesheet" href="${assetHref(name)}" />`)}
        ${options.refreshSeconds !== undefined && html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />`}
        ${options.openGraph !== undefined && renderOpenGraph(page, options.openGraph)}
        ${options.head}
        ${(options.scripts ?? []).map((name) => html`<script type="module" src="${assetHref(name)}"></script>`)}
      </head>
      <body>
        <a class="skip" href="#content">${t(page.language, 'skipToContent')}</a>
        ${renderHeader(page, options.section)}
        <main id="content" class="${options.wide === true ? 'wide' : ''}" tabindex="-1">
          ${options.body}
        </main>
        ${renderFooter(page)}
      </body>
    </html>`;
