/**
 * The public documents of every issuer profile, without signing in, archived ones included (the
 * badges they issued must keep verifying):
 *
 * - `GET /issuers/:id`: the OB 2.0 issuer Profile (JSON-LD), or an HTML page for browsers;
 * - `GET /issuers/:id/did.json`: its did:web DID document;
 * - `GET /issuers/:id/jwks.json`: every key, current and retired;
 * - `GET /issuers/:id/keys/:kid`: an OB 2.0 CryptographicKey (RSA) or a Multikey (Ed25519).
 *
 * JSON for `application/json`, `application/ld+json` and `application/vc+ld+json` (and for
 * clients that do not say), HTML for browsers (`http/content-negotiation.ts`). Unknown ids are
 * 404 envelopes.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, RoutePlugin } from '../http/app-context.js';
import {
  PUBLIC_DOCUMENT_CACHE_CONTROL,
  prefersHtml,
  sendPublicJson,
} from '../http/content-negotiation.js';
import { pickLanguage } from '../http/pick-language.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import {
  buildIssuerDidDocument,
  buildIssuerJwks,
  buildIssuerKeyDocument,
  buildOb2IssuerDocument,
  loadIssuerWithKeys,
} from './issuer-documents.js';
import { issuerUrls } from './issuer-urls.js';
import {
  ISSUER_PAGE_CONTENT_SECURITY_POLICY,
  renderIssuerPage,
  renderJsonDocumentPage,
} from './render-issuer-page.js';

const TAGS = ['issuers', 'public'];

const IssuerIdParams = Type.Object(
  { issuerId: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const IssuerKeyParams = Type.Object(
  {
    issuerId: Type.String({ minLength: 1, maxLength: 200 }),
    kid: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
const JsonDocument = (description: string) =>
  Type.Object({}, { additionalProperties: true, description });

const sendHtml = (reply: FastifyReply, html: string): FastifyReply =>
  reply
    .type('text/html; charset=utf-8')
    .header('vary', 'accept, accept-language')
    .header('cache-control', PUBLIC_DOCUMENT_CACHE_CONTROL)
    .header('content-security-policy', ISSUER_PAGE_CONTENT_SECURITY_POLICY)
    .send(html);

/** Sends `document` as JSON, or shown in an HTML page to a browser (also for awards/). */
export const sendIssuerDocument = (
  request: FastifyRequest,
  reply: FastifyReply,
  context: AppContext,
  profileId: string,
  title: string,
  document: unknown,
  fallback: 'application/ld+json' | 'application/json' = 'application/ld+json',
): FastifyReply => {
  const { accept } = request.headers;
  if (!prefersHtml(accept)) return sendPublicJson(reply, document, accept, fallback);
  const lang = pickLanguage(request.headers['accept-language']);
  const profileUrl = issuerUrls(context.config.publicUrl, profileId).profile;
  return sendHtml(reply, renderJsonDocumentPage(title, document, profileUrl, lang));
};

export const registerPublicIssuerRoutes: RoutePlugin = (app, context) => {
  const { db, config } = context;

  app.get(
    '/issuers/:issuerId',
    {
      schema: {
        summary: 'The OB 2.0 issuer Profile (JSON-LD), or its HTML page for browsers (public)',
        tags: TAGS,
        operationId: 'readPublicIssuerProfile',
        params: IssuerIdParams,
        response: { 200: JsonDocument('An Open Badges 2.0 Profile (type Issuer).') },
      },
    },
    async (request, reply) => {
      await authorizeRequest(db, request.actor, 'org.list-public', {});
      const issuer = await loadIssuerWithKeys(context, request.params.issuerId);
      const { accept } = request.headers;
      if (!prefersHtml(accept)) {
        return sendPublicJson(reply, buildOb2IssuerDocument(issuer, config.publicUrl), accept);
      }
      const organisation = await readOrganisation(db, issuer.profile.organisationId);
      const lang = pickLanguage(request.headers['accept-language']);
      const html = renderIssuerPage(
        issuer,
        {
          legalName: organisation.legal_name,
          nameEn: organisation.name_en,
          status: organisation.status,
          decidedAt: organisation.decided_at,
        },
        config.publicUrl,
        lang,
      );
      return sendHtml(reply, html);
    },
  );

  app.get(
    '/issuers/:issuerId/did.json',
    {
      schema: {
        summary: "The issuer's did:web DID document: every key, current and retired (public)",
        tags: TAGS,
        operationId: 'readIssuerDidDocument',
        params: IssuerIdParams,
        response: { 200: JsonDocument('A DID document.') },
      },
    },
    async (request, reply) => {
      await authorizeRequest(db, request.actor, 'org.list-public', {});
      const { issuerId } = request.params;
      const issuer = await loadIssuerWithKeys(context, issuerId);
      const document = buildIssuerDidDocument(issuer, config.publicUrl);
      return sendIssuerDocument(request, reply, context, issuerId, 'DID document', document);
    },
  );

  app.get(
    '/issuers/:issuerId/jwks.json',
    {
      schema: {
        summary: "The issuer's JSON Web Key Set: every key, current and retired (public)",
        tags: TAGS,
        operationId: 'readIssuerJwks',
        params: IssuerIdParams,
        response: { 200: JsonDocument('A JWK Set.') },
      },
    },
    async (request, reply) => {
      await authorizeRequest(db, request.actor, 'org.list-public', {});
      const { issuerId } = request.params;
      const issuer = await loadIssuerWithKeys(context, issuerId);
      const jwks = buildIssuerJwks(issuer);
      return sendIssuerDocument(
        request,
        reply,
        context,
        issuerId,
        'JWKS',
        jwks,
        'application/json',
      );
    },
  );

  app.get(
    '/issuers/:issuerId/keys/:kid',
    {
      schema: {
        summary:
          'A public key of the issuer: an OB 2.0 CryptographicKey (RSA) or a Multikey (Ed25519) (public)',
        tags: TAGS,
        operationId: 'readIssuerKey',
        params: IssuerKeyParams,
        response: { 200: JsonDocument('An OB 2.0 CryptographicKey or a Multikey document.') },
      },
    },
    async (request, reply) => {
      await authorizeRequest(db, request.actor, 'org.list-public', {});
      const { issuerId, kid } = request.params;
      const issuer = await loadIssuerWithKeys(context, issuerId);
      const document = buildIssuerKeyDocument(issuer, kid, config.publicUrl);
      return sendIssuerDocument(request, reply, context, issuerId, kid, document);
    },
  );
};
