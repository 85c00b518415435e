/**
 * The Open Badges 3.0 API with this platform as the host (ADR 0011), under `/ims/ob/v3p0`:
 *
 *   GET  /discovery     the Service Description Document (no auth; Cache-Control, ETag, 304)
 *   GET  /credentials   getCredentials     (…/scope/credential.readonly)
 *   POST /credentials   upsertCredential   (…/scope/credential.upsert)
 *   GET  /profile       getProfile         (…/scope/profile.readonly)
 *   PUT  /profile       putProfile         (…/scope/profile.update)
 *
 * The wallet of the account behind the OAuth 2.0 access token is the host. The routes read
 * `Authorization` themselves (`ownAuthorization`); every error under the prefix, unknown paths
 * and methods included, is an `Imsx_StatusInfo` (`imsx-status.ts`). Bodies are read as text so
 * that the credential is stored and echoed exactly as sent.
 */
import { createWalletDeps } from '../wallet/create-wallet-deps.js';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FetchDocument } from '@akashi/core';

import type { App, AppContext, RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { authenticateOAuthBearer, OAuthBearerError, type OAuthGrant } from '../oauth/bearer.js';
import { OB3_SCOPES } from '../oauth/scopes.js';

import { MAX_WALLET_IMPORT_BYTES } from '../wallet/wallet-schemas.js';
import { getApiProfile, putApiProfile, readProfileBody } from './api-profile.js';
import {
  DEFAULT_PAGE_LIMIT,
  getCredentials,
  MAX_PAGE_LIMIT,
  readSince,
} from './get-credentials.js';
import { ImsxStatusInfo, sendImsxError } from './imsx-status.js';
import { matchesEtag, OB3_API_BASE, serializeServiceDescription } from './service-description.js';
import { upsertCredential, type UpsertMediaType } from './upsert-credential.js';

export interface Ob3ApiRoutesOptions {
  /** Fetches URLs outside `PUBLIC_URL` for verification (default: the guarded fetcher). */
  readonly fetchRemote?: FetchDocument;
}

const TAGS = ['ob3-api'];
const FAILURES = { 400: ImsxStatusInfo, 401: ImsxStatusInfo, 403: ImsxStatusInfo } as const;
const JSON_TYPES = ['application/json', 'application/vc+ld+json', 'application/ld+json'];
const PROTECTED = { ownAuthorization: true } as const;
const ANY_OBJECT = Type.Object({}, { additionalProperties: true });

/** The 405 answer for the methods a path does not have. */
const OTHER_METHODS = ['DELETE', 'PATCH', 'POST', 'PUT', 'OPTIONS'] as const;

/** The terms and privacy policy the SDD names (`AKASHI_TERMS_URL`, `AKASHI_PRIVACY_URL`). */
const policyUrlsOf = (context: AppContext) => {
  const { publicUrl, termsUrl, privacyUrl } = context.config;
  return { termsUrl: termsUrl ?? `${publicUrl}/`, privacyUrl: privacyUrl ?? `${publicUrl}/` };
};

const sendJson = (reply: FastifyReply, status: number, body: unknown, type = 'application/json') =>
  reply
    .code(status)
    .header('cache-control', 'no-store')
    .type(`${type}; charset=utf-8`)
    .send(typeof body === 'string' ? body : JSON.stringify(body));

/** How `POST /credentials` reads its body: JSON (three media types) or a compact JWS. */
const upsertMediaTypeOf = (request: FastifyRequest): { kind: UpsertMediaType; type: string } => {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'text/plain' ? { kind: 'jws', type } : { kind: 'json', type };
};

const registerApi = (api: App, context: AppContext, options: Ob3ApiRoutesOptions): void => {
  const { db, clock, config } = context;
  const deps = createWalletDeps(api, context, options.fetchRemote);
  const description = serializeServiceDescription({
    publicUrl: config.publicUrl,
    ...policyUrlsOf(context),
  });

  api.setErrorHandler((error, request, reply) => sendImsxError(error, request, reply));
  api.setNotFoundHandler((request, reply) =>
    sendImsxError(new ServerError('ERR_OB3_NOT_FOUND'), request, reply),
  );
  api.removeAllContentTypeParsers();
  api.addContentTypeParser(
    [...JSON_TYPES, 'text/plain'],
    { parseAs: 'string', bodyLimit: MAX_WALLET_IMPORT_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );

  /** The grants of the requests being answered, set by `requireScope`. */
  const grants = new WeakMap<FastifyRequest, OAuthGrant>();
  /** An `onRequest` hook: the access token must be live and carry `scope` (before anything else). */
  const requireScope = (scope: string) => async (request: FastifyRequest) => {
    try {
      grants.set(request, await authenticateOAuthBearer(context, request, scope));
    } catch (error) {
      if (!(error instanceof OAuthBearerError)) throw error;
      throw error.error === 'invalid_token'
        ? new ServerError('ERR_OB3_TOKEN_INVALID', { details: { challenge: error.challenge } })
        : new ServerError('ERR_OB3_SCOPE_INSUFFICIENT', {
            params: { scope },
            details: { challenge: `${error.challenge}, scope="${scope}"` },
          });
    }
  };
  const grantOf = (request: FastifyRequest): OAuthGrant => {
    const grant = grants.get(request);
    if (grant === undefined) throw new ServerError('ERR_OB3_TOKEN_INVALID');
    return grant;
  };

  api.get(
    '/discovery',
    {
      config: PROTECTED,
      schema: {
        summary: 'The Service Description Document of the Open Badges 3.0 API (no authentication)',
        description:
          'A profiled OpenAPI 3.0 document: the operations, the terms and privacy policy, and the OAuth 2.0 authorization-code flow (registration, authorization and token URLs, the four scopes). Cacheable for 5 minutes; `If-None-Match` with its ETag → 304.',
        tags: TAGS,
        operationId: 'ob3GetServiceDescription',
        response: { 200: ANY_OBJECT, 304: Type.Null({ description: 'Not modified.' }) },
      },
    },
    (request, reply) => {
      void reply.header('cache-control', 'public, max-age=300').header('etag', description.etag);
      if (matchesEtag(request.headers['if-none-match'], description.etag)) {
        return reply.code(304).send(null);
      }
      return reply.type('application/json; charset=utf-8').send(description.text);
    },
  );

  api.get(
    '/credentials',
    {
      config: PROTECTED,
      onRequest: requireScope(OB3_SCOPES.credentialReadonly),
      schema: {
        summary: 'getCredentials: the wallet’s Open Badges 3.0 credentials, a page at a time',
        description: `OAuth 2.0 scope \`${OB3_SCOPES.credentialReadonly}\`. The account's wallet credentials (OB 3.0, not removed) ordered by when they came in; Data Integrity credentials in \`credential\`, VC-JWTs in \`compactJwsString\`. \`since\`: only those issued after it (a date-time; without a zone it is UTC). Headers \`X-Total-Count\` and \`Link\` (first, last, next, prev). Errors are \`Imsx_StatusInfo\`.`,
        tags: TAGS,
        operationId: 'ob3GetCredentials',
        querystring: Type.Object({
          limit: Type.Optional(
            Type.Integer({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT }),
          ),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          since: Type.Optional(
            Type.String({
              pattern:
                '^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([Zz]|[+-]\\d{2}:?\\d{2})?$',
              description: 'An ISO 8601 date-time.',
            }),
          ),
        }),
        response: {
          200: Type.Object({
            credential: Type.Array(ANY_OBJECT),
            compactJwsString: Type.Array(Type.String()),
          }),
          ...FAILURES,
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const since = readSince(query.since);
      const grant = grantOf(request);
      const page = await getCredentials(db, config.publicUrl, grant.userId, {
        limit: query.limit ?? DEFAULT_PAGE_LIMIT,
        offset: query.offset ?? 0,
        since,
        sinceText: query.since,
      });
      void reply.header('x-total-count', String(page.total)).header('link', page.link);
      return sendJson(reply, 200, page.body);
    },
  );

  api.post(
    '/credentials',
    {
      config: PROTECTED,
      onRequest: requireScope(OB3_SCOPES.credentialUpsert),
      bodyLimit: MAX_WALLET_IMPORT_BYTES,
      schema: {
        summary: 'upsertCredential: put an Open Badges 3.0 credential in the wallet',
        description: `OAuth 2.0 scope \`${OB3_SCOPES.credentialUpsert}\`. The body is an AchievementCredential (\`application/json\` or \`application/vc+ld+json\`) or a compact JWS (\`text/plain\`). It is verified first; one that is not genuine is refused (400, \`invalid_data\`, with the verdict). An equal credential (same issuer id and credential id, percent-decoded and trimmed) with a newer \`validFrom\` replaces the stored one → 200; an older or equal one keeps the stored one → 200; a new one → 201. The body echoes the request in its media type.`,
        tags: TAGS,
        operationId: 'ob3UpsertCredential',
        response: FAILURES,
      },
    },
    async (request, reply) => {
      const grant = grantOf(request);
      const { kind, type } = upsertMediaTypeOf(request);
      const text = typeof request.body === 'string' ? request.body : '';
      const result = await upsertCredential(deps, grant.userId, { mediaType: kind, text });
      return sendJson(reply, result.created ? 201 : 200, text, type);
    },
  );

  api.get(
    '/profile',
    {
      config: PROTECTED,
      onRequest: requireScope(OB3_SCOPES.profileReadonly),
      schema: {
        summary: 'getProfile: the Profile of the account',
        description: `OAuth 2.0 scope \`${OB3_SCOPES.profileReadonly}\`. The Profile stored by putProfile, else one built from the account (its public wallet profile URL, else a stable \`urn:uuid:\`; its name).`,
        tags: TAGS,
        operationId: 'ob3GetProfile',
        response: { 200: ANY_OBJECT, ...FAILURES },
      },
    },
    async (request, reply) => {
      const grant = grantOf(request);
      const profile = await getApiProfile(db, config.publicUrl, grant.userId);
      if (profile === undefined) throw new ServerError('ERR_OB3_NOT_FOUND');
      return sendJson(reply, 200, profile);
    },
  );

  api.put(
    '/profile',
    {
      config: PROTECTED,
      onRequest: requireScope(OB3_SCOPES.profileUpdate),
      schema: {
        summary: 'putProfile: replace the Profile of the account',
        description: `OAuth 2.0 scope \`${OB3_SCOPES.profileUpdate}\`. The body (\`application/json\`) is the whole Profile: \`id\` any IRI, \`type\` "Profile" or a list including it; every other property is kept as sent. 200 with the Profile.`,
        tags: TAGS,
        operationId: 'ob3PutProfile',
        response: { 200: ANY_OBJECT, ...FAILURES },
      },
    },
    async (request, reply) => {
      const grant = grantOf(request);
      const profile = readProfileBody(typeof request.body === 'string' ? request.body : '');
      await putApiProfile(db, grant.userId, profile, clock());
      return sendJson(reply, 200, profile);
    },
  );

  const allowed: Record<string, readonly string[]> = {
    '/discovery': ['GET', 'HEAD'],
    '/credentials': ['GET', 'HEAD', 'POST'],
    '/profile': ['GET', 'HEAD', 'PUT'],
  };
  for (const [url, methods] of Object.entries(allowed)) {
    api.route({
      method: OTHER_METHODS.filter((method) => !methods.includes(method)),
      url,
      config: PROTECTED,
      schema: { hide: true },
      handler: (request) => {
        throw new ServerError('ERR_OB3_METHOD_NOT_ALLOWED', {
          params: { method: request.method, allowed: methods.join(', ') },
          details: { allow: methods.join(', ') },
        });
      },
    });
  }
  // Any other path under the prefix: 404, whatever the Authorization header holds (the
  // platform's not-found route would read an OAuth token as an API key and answer 401).
  api.route({
    method: ['GET', 'HEAD', ...OTHER_METHODS],
    url: '/*',
    config: PROTECTED,
    schema: { hide: true },
    handler: () => {
      throw new ServerError('ERR_OB3_NOT_FOUND');
    },
  });
};

export const createOb3ApiRoutes =
  (options: Ob3ApiRoutesOptions = {}): RoutePlugin =>
  async (app, context) => {
    await app.register(
      async (api) => {
        registerApi(api, context, options);
        return Promise.resolve();
      },
      { prefix: OB3_API_BASE },
    );
  };

export const registerOb3ApiRoutes: RoutePlugin = createOb3ApiRoutes();
