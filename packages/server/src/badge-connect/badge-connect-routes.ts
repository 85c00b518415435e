/**
 * Open Badges 2.1 Badge Connect (ADR 0011): Akashi as a backpack that a Moodle site connects to
 * and pushes badges into, at the root:
 *
 *   GET  /.well-known/badgeconnect.json            the manifest (also under /ims/ob/v2p1)
 *   GET  /ims/ob/v2p1/assertions                   the wallet's OB 2.0 badges (assertion.readonly)
 *   POST /ims/ob/v2p1/assertions                   push a badge into the wallet (assertion.create)
 *   GET  /ims/ob/v2p1/profile                      the account's Profile (profile.readonly)
 *   POST /ims/ob/v2p1/profile                      add identifiers (profile.update)
 *
 * The API routes read `Authorization: Bearer` themselves (`ownAuthorization`): access tokens of
 * this platform's authorization server (`oauth/`). Every answer, errors included (401 with
 * `WWW-Authenticate`, 403, 400, 404 for unknown paths under the API, 405 for other methods),
 * is the status envelope (`badge-connect-envelope.ts`).
 */
import { createWalletDeps } from '../wallet/create-wallet-deps.js';
import type { FetchDocument } from '@akashi/core';

import type { RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { OB21_SCOPES } from '../oauth/scopes.js';

import {
  badgeConnectErrorHandler,
  OK_STATUS,
  bearerScope,
  grantOf,
  sendBadgeConnectError,
} from './badge-connect-envelope.js';
import {
  API_PATH,
  BADGE_CONNECT_LOGO_SVG,
  buildBadgeConnectManifest,
  LOGO_PATH,
  MANIFEST_PATH,
} from './badge-connect-manifest.js';
import { addProfileIdentifiers, readBadgeConnectProfile } from './badge-connect-profile.js';
import {
  AssertionsQuery,
  AssertionsResponse,
  BadgeConnectManifest,
  BadgeConnectStatusResponse,
  MAX_ASSERTION_BODY_BYTES,
  PostAssertionBody,
  PostProfileBody,
  ProfileResponse,
} from './badge-connect-schemas.js';
import { listAssertions } from './list-assertions.js';
import { pushAssertion } from './push-assertion.js';

export interface BadgeConnectRoutesOptions {
  /** Fetches URLs outside `PUBLIC_URL` (default: the guarded fetcher, `AKASHI_FETCH_ALLOW_HOSTS`). */
  readonly fetchRemote?: FetchDocument;
}

const TAGS = ['badge-connect'];
const OWN = { ownAuthorization: true } as const;
const ERRORS = {
  400: BadgeConnectStatusResponse,
  401: BadgeConnectStatusResponse,
  403: BadgeConnectStatusResponse,
} as const;
const SECURITY =
  'Needs an OAuth 2.0 access token of this platform (`Authorization: Bearer …`) with the scope ';
const OTHER_METHODS = ['PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export const createBadgeConnectRoutes =
  (options: BadgeConnectRoutesOptions = {}): RoutePlugin =>
  (app, context) => {
    const { db, config } = context;
    const deps = createWalletDeps(app, context, options.fetchRemote);
    app.setErrorHandler(badgeConnectErrorHandler);

    const notAllowed = (url: string, allowed: string) => {
      app.route({
        method: [...OTHER_METHODS, ...(allowed.includes('POST') ? [] : ['POST' as const])],
        url,
        schema: { hide: true },
        config: OWN,
        handler: async (request, reply) => {
          reply.header('allow', allowed);
          return sendBadgeConnectError(
            new ServerError('ERR_BADGE_CONNECT_METHOD_NOT_ALLOWED', {
              params: { method: request.method },
            }),
            request,
            reply,
          );
        },
      });
    };

    for (const path of [MANIFEST_PATH, `${API_PATH}${MANIFEST_PATH}`]) {
      app.get(
        path,
        {
          config: OWN,
          schema: {
            summary: 'The Badge Connect manifest (Open Badges 2.1)',
            description:
              'What a Badge Connect client (a Moodle site adding Akashi as its backpack) reads first: one `badgeConnectAPI` entry with the API base, the OAuth 2.0 registration, authorization, token and revocation URLs, and the scopes offered. Served at the root and under `/ims/ob/v2p1`, so either can be given as the backpack URL.',
            tags: TAGS,
            operationId:
              path === MANIFEST_PATH ? 'getBadgeConnectManifest' : 'getBadgeConnectManifestAtApi',
            response: { 200: BadgeConnectManifest },
          },
        },
        async (_request, reply) =>
          reply
            .header('cache-control', 'public, max-age=300')
            .header('access-control-allow-origin', '*')
            .send(buildBadgeConnectManifest(config)),
      );
      notAllowed(path, 'GET, HEAD');
    }

    app.get(LOGO_PATH, { config: OWN, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=86400')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(BADGE_CONNECT_LOGO_SVG),
    );

    app.get(
      `${API_PATH}/assertions`,
      {
        ...bearerScope(context, OB21_SCOPES.assertionReadonly),
        schema: {
          summary: 'The Open Badges 2.0 badges in your wallet (Badge Connect getAssertions)',
          description: `${SECURITY}\`${OB21_SCOPES.assertionReadonly}\`. Oldest first; signed badges in \`signedAssertions\`, the others in \`assertions\`. \`X-Total-Count\` and \`Link\` (first, last, next, prev) as in the Open Badges 3.0 API.`,
          tags: TAGS,
          operationId: 'getBadgeConnectAssertions',
          querystring: AssertionsQuery,
          response: { 200: AssertionsResponse, ...ERRORS },
        },
      },
      async (request, reply) => {
        const grant = grantOf(request);
        const page = await listAssertions(
          db,
          grant.userId,
          request.query,
          `${config.publicUrl}${API_PATH}/assertions`,
        );
        return reply
          .header('cache-control', 'no-store')
          .header('x-total-count', String(page.total))
          .header('link', page.link)
          .send({
            status: OK_STATUS,
            assertions: page.assertions,
            signedAssertions: page.signedAssertions,
          });
      },
    );

    app.post(
      `${API_PATH}/assertions`,
      {
        ...bearerScope(context, OB21_SCOPES.assertionCreate),
        bodyLimit: MAX_ASSERTION_BODY_BYTES,
        schema: {
          summary: 'Push an Open Badges 2.0 badge into your wallet (Badge Connect postAssertion)',
          description: `${SECURITY}\`${OB21_SCOPES.assertionCreate}\`. Body \`{ assertion }\` or \`{ signedAssertion }\` (the JWS wins when both come). The badge is verified again — a hosted assertion is fetched from its id and the issuer's copy is what is stored — and must be genuine (else 400 INVALID_BADGE) and awarded to one of your confirmed e-mail addresses (else 400 RECIPIENT_PROFILE_MISMATCH; nothing is stored). A badge already in the wallet is merged. Success: 200 with \`status.statusCode\` 200.`,
          tags: TAGS,
          operationId: 'postBadgeConnectAssertion',
          body: PostAssertionBody,
          response: { 200: BadgeConnectStatusResponse, ...ERRORS },
        },
      },
      async (request, reply) => {
        const grant = grantOf(request);
        await pushAssertion(deps, grant.userId, request.body);
        return reply.header('cache-control', 'no-store').send({ status: OK_STATUS });
      },
    );
    notAllowed(`${API_PATH}/assertions`, 'GET, HEAD, POST');

    app.get(
      `${API_PATH}/profile`,
      {
        ...bearerScope(context, OB21_SCOPES.profileReadonly),
        schema: {
          summary: 'Your Badge Connect Profile (getProfile)',
          description: `${SECURITY}\`${OB21_SCOPES.profileReadonly}\`. An OB 2.0 Profile with your display name and primary confirmed e-mail address.`,
          tags: TAGS,
          operationId: 'getBadgeConnectProfile',
          response: { 200: ProfileResponse, ...ERRORS },
        },
      },
      async (request, reply) => {
        const grant = grantOf(request);
        const profile = await readBadgeConnectProfile(context, grant.userId);
        return reply.header('cache-control', 'no-store').send({ status: OK_STATUS, profile });
      },
    );

    app.post(
      `${API_PATH}/profile`,
      {
        ...bearerScope(context, OB21_SCOPES.profileUpdate),
        schema: {
          summary: 'Add identifiers to your Badge Connect Profile (postProfile)',
          description: `${SECURITY}\`${OB21_SCOPES.profileUpdate}\`. Adds identifiers, never removes: each \`email\` not yet on your account becomes a further address, confirmed by a link sent to it (it shows in the Profile once confirmed). Other properties are ignored. Answers the Profile.`,
          tags: TAGS,
          operationId: 'postBadgeConnectProfile',
          body: PostProfileBody,
          response: { 200: ProfileResponse, ...ERRORS, 429: BadgeConnectStatusResponse },
        },
      },
      async (request, reply) => {
        const grant = grantOf(request);
        const profile = await addProfileIdentifiers(context, request, grant, request.body);
        return reply.header('cache-control', 'no-store').send({ status: OK_STATUS, profile });
      },
    );
    notAllowed(`${API_PATH}/profile`, 'GET, HEAD, POST');

    app.all(`${API_PATH}/*`, { config: OWN, schema: { hide: true } }, async (request, reply) =>
      sendBadgeConnectError(new ServerError('ERR_BADGE_CONNECT_NOT_FOUND'), request, reply),
    );
  };

export const registerBadgeConnectRoutes: RoutePlugin = createBadgeConnectRoutes();
