/**
 * The public documents of achievements, for verifiers, wallets and people, without signing in
 * (mounted at the root; archived achievements stay served, awarded badges point at them):
 *
 * - `GET /achievements/:id`: the OB 3.0 Achievement (JSON-LD, with the VC 2.0 and OB 3.0.3
 *   contexts) or, for browsers, its HTML page. `?lang=en` is the English edition (the Japanese
 *   one without it, or when there is none); `?format=json|html` overrides the Accept header.
 * - `GET /achievements/:id/badgeclass`: the OB 2.0 BadgeClass (JSON-LD).
 * - `GET /images/:id`: an image by its SHA-256, with its media type, cacheable for a year
 *   (content-addressed, so immutable), `nosniff`, and a CSP that keeps an SVG opened on its own
 *   from running or loading anything.
 */
import { Type } from '@sinclair/typebox';
import { CREDENTIALS_V2_URL, OB_V3_CONTEXT_URL } from '@akashi/core';
import type { RoutePlugin } from '../http/app-context.js';
import { prefersHtml, sendPublicJson } from '../http/content-negotiation.js';
import { pickLanguage } from '../http/pick-language.js';
import { ServerError } from '../http/server-error.js';
import { readAchievement } from './achievement.js';
import { readPublicImage } from './achievement-image.js';
import { buildOb2BadgeClass } from './build-ob2-badge-class.js';
import { buildOb3Achievement, editionLanguage } from './build-ob3-achievement.js';
import {
  ACHIEVEMENT_PAGE_CONTENT_SECURITY_POLICY,
  renderAchievementPage,
} from './render-achievement-page.js';

/** Images never change under their id. */
export const IMAGE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** An SVG opened directly may not run script or load anything; inline styles stay. */
export const IMAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

const AchievementIdParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const AchievementQuery = Type.Object(
  {
    lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('html')])),
  },
  { additionalProperties: false },
);

const ImageParams = Type.Object(
  { id: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
  { additionalProperties: false },
);

const readIssuerName = async (
  db: Parameters<RoutePlugin>[1]['db'],
  profileId: string,
  language: 'ja' | 'en',
): Promise<string | undefined> => {
  const row = await db.kysely
    .selectFrom('issuer_profiles')
    .select(['name_ja', 'name_en'])
    .where('id', '=', profileId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return language === 'en' && row.name_en !== '' ? row.name_en : row.name_ja;
};

export const registerPublicAchievementRoutes: RoutePlugin = (app, context) => {
  const { db, config } = context;

  // Public documents: no policy question to ask (anyone may read them).
  app.get(
    '/achievements/:id',
    { schema: { hide: true, params: AchievementIdParams, querystring: AchievementQuery } },
    async (request, reply) => {
      const achievement = await readAchievement(db, request.params.id);
      const { lang, format } = request.query;
      const accept = request.headers.accept;
      const html = format === undefined ? prefersHtml(accept) : format === 'html';
      if (!html) {
        const document = buildOb3Achievement(achievement, config.publicUrl, lang ?? 'ja');
        return sendPublicJson(
          reply,
          { '@context': [CREDENTIALS_V2_URL, OB_V3_CONTEXT_URL], ...document },
          accept,
        );
      }
      const language = lang ?? pickLanguage(request.headers['accept-language']);
      const edition = editionLanguage(achievement, language);
      return reply
        .type('text/html; charset=utf-8')
        .header('vary', 'accept, accept-language')
        .header('cache-control', 'public, max-age=60')
        .header('content-language', language)
        .header('content-security-policy', ACHIEVEMENT_PAGE_CONTENT_SECURITY_POLICY)
        .send(
          renderAchievementPage({
            achievement,
            publicUrl: config.publicUrl,
            edition,
            language,
            issuerName: await readIssuerName(db, achievement.issuerProfileId, edition),
          }),
        );
    },
  );

  app.get(
    '/achievements/:id/badgeclass',
    { schema: { hide: true, params: AchievementIdParams } },
    async (request, reply) => {
      const achievement = await readAchievement(db, request.params.id);
      return sendPublicJson(
        reply,
        buildOb2BadgeClass(achievement, config.publicUrl),
        request.headers.accept,
      );
    },
  );

  app.get(
    '/images/:id',
    { schema: { hide: true, params: ImageParams } },
    async (request, reply) => {
      const image = await readPublicImage(context, request.params.id);
      if (image === undefined) throw new ServerError('ERR_HTTP_NOT_FOUND');
      const etag = `"${image.id}"`;
      void reply
        .header('etag', etag)
        .header('cache-control', IMAGE_CACHE_CONTROL)
        .header('content-security-policy', IMAGE_CONTENT_SECURITY_POLICY)
        .header('x-content-type-options', 'nosniff')
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type(image.mediaType).send(Buffer.from(image.bytes));
    },
  );
};
