/**
 * An award's public documents, for verifiers and for the recipient's downloads (no sign-in: the
 * random award id is the capability, as with every Open Badges host):
 *
 * - `GET /badges/:awardId/credential.json`: the OB 3.0 credential as signed;
 * - `GET /badges/:awardId/credential.jwt`: its VC-JWT (when the recipient has a DID);
 * - `GET /badges/:awardId/assertion`: the OB 2.0 hosted assertion; 410 Gone once revoked (and
 *   while suspended: OB 2.0 knows no suspension), with `revoked: true` and the reason;
 * - `GET /badges/:awardId/assertion.jws`: the OB 2.0 signed assertion;
 * - `GET /badges/:awardId/image` and `/ob2-image`: the badge image with the OB 3.0 credential or
 *   the OB 2.0 signed assertion baked in (PNG or SVG, as the achievement's image is);
 * - `GET /issuers/:issuerId/revocations`: the issuer's OB 2.0 RevocationList (JSON, or shown in
 *   an HTML page to a browser).
 *
 * The badge page itself, `/badges/:awardId`, is `badge-pages/`.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { RoutePlugin } from '../http/app-context.js';
import { PUBLIC_DOCUMENT_CACHE_CONTROL, sendPublicJson } from '../http/content-negotiation.js';
import { ServerError } from '../http/server-error.js';
import { readIssuerProfile } from '../issuers/issuer-profile.js';
import { sendIssuerDocument } from '../issuers/public-issuer-routes.js';
import { pickLanguage } from '../http/pick-language.js';
import { readAward } from './award.js';
import {
  bakeAward,
  buildHostedAssertion,
  buildIssuerRevocationList,
  loadSignedAssertion,
  type BakedGeneration,
} from './award-documents.js';

const AwardParams = Type.Object(
  { awardId: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);
const IssuerParams = Type.Object(
  { issuerId: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);

const publicHeaders = (reply: FastifyReply, cacheControl = PUBLIC_DOCUMENT_CACHE_CONTROL) =>
  reply
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', cacheControl);

export const registerPublicAwardRoutes: RoutePlugin = (app, context) => {
  const { db, config } = context;

  app.get(
    '/badges/:awardId/credential.json',
    { schema: { hide: true, params: AwardParams } },
    async (request, reply) => {
      const award = await readAward(db, request.params.awardId);
      return sendPublicJson(reply, award.credential, request.headers.accept, 'application/ld+json');
    },
  );

  app.get(
    '/badges/:awardId/credential.jwt',
    { schema: { hide: true, params: AwardParams } },
    async (request, reply) => {
      const award = await readAward(db, request.params.awardId);
      if (award.credentialJwt === null) throw new ServerError('ERR_HTTP_NOT_FOUND');
      return publicHeaders(reply).type('application/vc+jwt').send(award.credentialJwt);
    },
  );

  app.get(
    '/badges/:awardId/assertion',
    { schema: { hide: true, params: AwardParams } },
    async (request, reply) => {
      const award = await readAward(db, request.params.awardId);
      const assertion = buildHostedAssertion(award, config.publicUrl);
      if (award.state === 'active') {
        return sendPublicJson(reply, assertion, request.headers.accept, 'application/ld+json');
      }
      const reason =
        award.state === 'suspended'
          ? `suspended${award.stateReason === null ? '' : `: ${award.stateReason}`}`
          : award.stateReason;
      return sendPublicJson(
        reply.code(410),
        { ...assertion, revoked: true, ...(reason === null ? {} : { revocationReason: reason }) },
        request.headers.accept,
        'application/ld+json',
      );
    },
  );

  app.get(
    '/badges/:awardId/assertion.jws',
    { schema: { hide: true, params: AwardParams } },
    async (request, reply) => {
      const award = await readAward(db, request.params.awardId);
      const jws = await loadSignedAssertion(context, award);
      return publicHeaders(reply).type('text/plain; charset=utf-8').send(jws);
    },
  );

  const imageRoute = (path: string, generation: BakedGeneration) => {
    app.get(path, { schema: { hide: true, params: AwardParams } }, async (request, reply) => {
      const award = await readAward(db, request.params.awardId);
      const baked = await bakeAward(context, award, generation);
      const extension = baked.mediaType === 'image/png' ? 'png' : 'svg';
      const suffix = generation === 'ob3' ? '' : '-ob2';
      return publicHeaders(reply, 'private, max-age=60')
        .type(baked.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header(
          'content-disposition',
          `attachment; filename="badge-${award.id}${suffix}.${extension}"`,
        )
        .send(Buffer.from(baked.image.buffer, baked.image.byteOffset, baked.image.byteLength));
    });
  };
  imageRoute('/badges/:awardId/image', 'ob3');
  imageRoute('/badges/:awardId/ob2-image', 'ob2');

  app.get(
    '/issuers/:issuerId/revocations',
    { schema: { hide: true, params: IssuerParams } },
    async (request, reply) => {
      const profile = await readIssuerProfile(db, request.params.issuerId);
      const list = await buildIssuerRevocationList(context, profile.id);
      const title =
        pickLanguage(request.headers['accept-language']) === 'ja'
          ? `${profile.name.ja} — 失効リスト（Open Badges 2.0）`
          : `${profile.name.en} — revocation list (Open Badges 2.0)`;
      return sendIssuerDocument(request, reply, context, profile.id, title, list);
    },
  );
};
