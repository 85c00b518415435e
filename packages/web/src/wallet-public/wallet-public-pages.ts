/**
 * The wallet's public pages (ADR 0010), no sign-in needed: share links `/s/{id}` (with
 * `/s/{id}/qr.svg`, the page's QR code as a file, and `/s/{id}/linkedin`, the counted redirect to
 * LinkedIn's "add to profile" form), public profiles `/p/{slug}` and a profile's badge
 * `/p/{slug}/credentials/{id}`. Each reads the public API without the visitor's session: what the
 * page shows is what anyone sees.
 */
import type { FastifyReply } from 'fastify';
import type { ApiResponse } from '../kit/api.js';
import { renderErrorPage } from '../kit/error-page.js';
import { openPage, sendHtml, type Page } from '../kit/page.js';
import { PAGE_ROUTE, type WebModule } from '../kit/web-module.js';
import { renderPublicBadgePage, renderPublicGonePage } from './public-badge-page.js';
import { renderProfileBreadcrumb, renderPublicProfilePage } from './public-profile-page.js';
import { qrCodeSvg } from './render-share-panel.js';
import type { PublicBadgeAnswer, PublicProfileAnswer } from './wallet-public-types.js';

type Gone = Parameters<typeof renderPublicGonePage>[1];

/** Public reads go without the visitor's cookie: a signed-in owner sees what anyone sees. */
const readPublic = <T>(page: Page, url: string): Promise<ApiResponse<T>> =>
  page.api<T>('GET', url, { cookie: '' });

/** The answer's 404 as the page that says so; any other failure as the error page. */
const sendFailure = (page: Page, answer: ApiResponse, gone: Gone): FastifyReply =>
  answer.status === 404
    ? sendHtml(page, renderPublicGonePage(page, gone), 404)
    : sendHtml(
        page,
        renderErrorPage(page, answer.status >= 400 ? answer.status : 500, answer.error),
        answer.status >= 400 ? answer.status : 500,
      );

const shareApiPath = (id: string): string => `/api/v1/public/share-links/${encodeURIComponent(id)}`;

/** LinkedIn's address only: the redirect must never send a visitor anywhere else. */
const isLinkedInUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && /(^|\.)linkedin\.com$/.test(url.hostname);
  } catch {
    return false;
  }
};

interface IdParams {
  readonly id: string;
}

interface SlugParams {
  readonly slug: string;
}

export const registerWalletPublicPages: WebModule = (app, web) => {
  app.get<{ Params: IdParams }>('/s/:id', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const { id } = request.params;
    const answer = await readPublic<PublicBadgeAnswer>(page, shareApiPath(id));
    if (!answer.ok) return sendFailure(page, answer, 'share-link');
    const path = `/s/${encodeURIComponent(id)}`;
    const document = await renderPublicBadgePage(page, answer.body, {
      pageUrl: `${web.publicUrl}${path}`,
      qrHref: `${path}/qr.svg`,
      ...(answer.body.linkedin === undefined ? {} : { linkedinHref: `${path}/linkedin` }),
      noindex: true,
    });
    return sendHtml(page, document);
  });

  app.get<{ Params: IdParams }>('/s/:id/qr.svg', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const { id } = request.params;
    const answer = await readPublic<PublicBadgeAnswer>(page, shareApiPath(id));
    if (!answer.ok) return sendFailure(page, answer, 'share-link');
    const svg = await qrCodeSvg(`${web.publicUrl}/s/${encodeURIComponent(id)}`);
    return reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('content-disposition', 'inline; filename="qr-code.svg"')
      .header('cache-control', 'no-store')
      .send(svg);
  });

  app.get<{ Params: IdParams }>('/s/:id/linkedin', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const answer = await page.api<{ url?: unknown }>(
      'POST',
      `${shareApiPath(request.params.id)}/linkedin`,
      { cookie: '' },
    );
    if (!answer.ok) return sendFailure(page, answer, 'share-link');
    const target = answer.body.url;
    if (!isLinkedInUrl(target)) {
      return sendHtml(page, renderErrorPage(page, 502, undefined), 502);
    }
    return reply.header('cache-control', 'no-store').redirect(target, 302);
  });

  app.get<{ Params: SlugParams }>('/p/:slug', PAGE_ROUTE, async (request, reply) => {
    const page = await openPage(web, request, reply);
    const answer = await readPublic<PublicProfileAnswer>(
      page,
      `/api/v1/public/profiles/${encodeURIComponent(request.params.slug)}`,
    );
    if (!answer.ok) return sendFailure(page, answer, 'profile');
    return sendHtml(page, renderPublicProfilePage(page, answer.body));
  });

  app.get<{ Params: SlugParams & IdParams }>(
    '/p/:slug/credentials/:id',
    PAGE_ROUTE,
    async (request, reply) => {
      const page = await openPage(web, request, reply);
      const { slug, id } = request.params;
      const path = `/p/${encodeURIComponent(slug)}/credentials/${encodeURIComponent(id)}`;
      const answer = await readPublic<PublicBadgeAnswer>(
        page,
        `/api/v1/public/profiles/${encodeURIComponent(slug)}/credentials/${encodeURIComponent(id)}`,
      );
      if (!answer.ok) return sendFailure(page, answer, 'profile-badge');
      // No counted redirect on a profile: the link goes to LinkedIn itself.
      const linkedin = answer.body.linkedin?.addToProfileUrl ?? answer.body.linkedin?.url;
      const document = await renderPublicBadgePage(page, answer.body, {
        pageUrl: `${web.publicUrl}${path}`,
        ...(isLinkedInUrl(linkedin) ? { linkedinHref: linkedin } : {}),
        breadcrumb: renderProfileBreadcrumb(
          page,
          slug,
          answer.body.profile?.displayName ?? answer.body.owner?.displayName,
        ),
        noindex: false,
      });
      return sendHtml(page, document);
    },
  );
};
