/**
 * `GET /`: what Akashi is and where to go (a signed-in visitor's wallet first);
 * `GET /preferences`: the language switch and the
 * calendar preference (和暦 or Gregorian), kept in cookies for a year, then back to `next`.
 */
import type { FastifyInstance } from 'fastify';
import { CALENDAR_COOKIE } from '../kit/dates.js';
import { html } from '../kit/html.js';
import { isLanguage, LANGUAGE_COOKIE } from '../kit/language.js';
import { renderLayout } from '../kit/layout.js';
import { openPage, redirectTo, safeLocalPath, sendHtml, type WebContext } from '../kit/page.js';
import { PAGE_ROUTE } from '../kit/web-module.js';
import { homeText as t } from './home-texts.js';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

export const registerHomePages = (app: FastifyInstance, web: WebContext): void => {
  app.get('/', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const l = page.language;
    const signedIn = page.session !== undefined;
    return sendHtml(
      page,
      renderLayout(page, {
        title: t(l, 'title'),
        section: 'home',
        openGraph: {
          title: `Akashi — ${t(l, 'title')}`,
          description: t(l, 'lead'),
          url: `${web.publicUrl}/`,
        },
        body: html`<section class="hero-intro">
            <h1>${t(l, 'title')}</h1>
            <p class="lead">${t(l, 'lead')}</p>
          </section>
          <div class="cards">
            ${
              signedIn &&
              html`<section class="card" data-testid="home-wallet">
              <h2><a href="/wallet">${t(l, 'walletTitle')}</a></h2>
              <p>${t(l, 'walletBody')}</p>
              <p><a class="button" href="/wallet">${t(l, 'goWallet')}</a></p>
            </section>`
            }
            <section class="card">
              <h2><a href="/verify">${t(l, 'verifyTitle')}</a></h2>
              <p>${t(l, 'verifyBody')}</p>
            </section>
            <section class="card">
              <h2><a href="/organisations">${t(l, 'issuersTitle')}</a></h2>
              <p>${t(l, 'issuersBody')}</p>
            </section>
            <section class="card">
              <h2>${t(l, 'issueTitle')}</h2>
              <p>${t(l, 'issueBody')}</p>
              <p>
                ${signedIn ? html`<a class="button" href="/console">${t(l, 'goConsole')}</a>` : html`<a class="button" href="/apply">${t(l, 'apply')}</a>`}
              </p>
            </section>
          </div>`,
      }),
    );
  });

  app.get<{ Querystring: { lang?: string; calendar?: string; next?: string } }>(
    '/preferences',
    PAGE_ROUTE,
    async (request, reply) => {
      const { lang, calendar, next } = request.query;
      const secure = web.publicUrl.startsWith('https:') ? '; Secure' : '';
      const cookies: string[] = [];
      if (isLanguage(lang)) {
        cookies.push(
          `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`,
        );
      }
      if (calendar === 'wareki' || calendar === 'gregorian') {
        cookies.push(
          `${CALENDAR_COOKIE}=${calendar}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`,
        );
      }
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      const page = await openPage(web, request, reply);
      // `lang` must not survive in `next`, or the cookie would be overridden on the next page.
      const target = new URL(safeLocalPath(next), 'http://local');
      target.searchParams.delete('lang');
      return redirectTo(page, `${target.pathname}${target.search}`);
    },
  );
};
