/**
 * The wallet's connections to other Open Badges 3.0 hosts (ADR 0011), under /api/v1, for a
 * signed-in account (API keys cannot use a wallet):
 *
 *   POST   /wallet/connections                 connect: discovery, registration → authorizationUrl
 *   POST   /wallet/connections/callback        the host sent the learner back: code or error
 *   GET    /wallet/connections                 the connections (never a token)
 *   DELETE /wallet/connections/:id             disconnect (tokens revoked at the host, dropped)
 *   POST   /wallet/connections/:id/import      getCredentials (paged) + getProfile into the wallet
 *   POST   /wallet/connections/:id/push        upsertCredential of one wallet badge
 *   POST   /awards/:awardId/host-pushes        an award sent to its recipient's own host, and
 *   POST   /awards/host-pushes/callback        its callback (`award-host-push-routes.ts`)
 *
 * Every outbound request goes through the core's guarded fetcher and guarded POST (the hosts of
 * `AKASHI_FETCH_ALLOW_HOSTS` may be private and plain http); tests inject their own.
 */
import { createWalletDeps } from '../wallet/create-wallet-deps.js';
import { createGuardedPoster, type FetchDocument, type GuardedPost } from '@akashi/core';
import type { Actor } from '../auth/actor.js';

import type { RoutePlugin } from '../http/app-context.js';
import { ErrorEnvelope } from '../http/error-envelope.js';
import { ServerError } from '../http/server-error.js';
import { createPlatformFetchRemote } from '../verification/platform-verifier.js';

import { registerAwardHostPushRoutes } from './award-host-push-routes.js';
import { completeConnection, startConnection } from './connect-wallet.js';
import { openConnection } from './connection-tokens.js';
import { importFromHost } from './import-from-host.js';
import { disconnect, listConnections, viewConnection } from './manage-connections.js';
import { pushToHost } from './push-to-host.js';
import type { ConnectionDeps } from './register-remote-host.js';
import {
  CallbackBody,
  ConnectBody,
  ConnectionList,
  ConnectionParams,
  ConnectionView,
  ConnectResult,
  ImportResult,
  PushBody,
  PushResult,
} from './wallet-connection-schemas.js';

export interface WalletConnectionRoutesOptions {
  /** GETs from other hosts (default: the guarded fetcher with `AKASHI_FETCH_ALLOW_HOSTS`). */
  readonly fetchRemote?: FetchDocument;
  /** POSTs to other hosts (default: the guarded POST with `AKASHI_FETCH_ALLOW_HOSTS`). */
  readonly post?: GuardedPost;
}

const TAGS = ['wallet'];
const ERRORS = { 401: ErrorEnvelope, 403: ErrorEnvelope } as const;
const HOST_ERRORS = { 409: ErrorEnvelope, 422: ErrorEnvelope, 502: ErrorEnvelope } as const;

const walletOwner = (actor: Actor): string => {
  if (actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if (actor.kind === 'api-key') throw new ServerError('ERR_WALLET_API_KEY_NOT_ALLOWED');
  return actor.userId;
};

export const createWalletConnectionRoutes =
  (options: WalletConnectionRoutesOptions = {}): RoutePlugin =>
  (app, context) => {
    const { db, clock, config, masterKey } = context;
    const allowHosts = config.fetchAllowHosts ?? [];
    const fetchRemote = createPlatformFetchRemote(context, options.fetchRemote);
    const deps: ConnectionDeps = {
      db,
      clock,
      masterKey,
      publicUrl: config.publicUrl,
      http: {
        fetchRemote,
        post: options.post ?? createGuardedPoster(allowHosts.length === 0 ? {} : { allowHosts }),
        allowHosts,
      },
    };
    const walletDeps = createWalletDeps(app, context, options.fetchRemote);

    app.post(
      '/wallet/connections',
      {
        schema: {
          summary: 'Connect your wallet to another Open Badges host',
          description:
            "Reads the host's service description (`{baseUrl}/ims/ob/v3p0/discovery`), registers this platform there once per host (RFC 7591), and starts an authorization: send the browser to `authorizationUrl`. The host sends it back to `/wallet/connections/callback`, which calls `POST /wallet/connections/callback`. Errors: 400 ERR_WALLET_CONNECTION_BASE_URL_INVALID, 502 ERR_WALLET_CONNECTION_HOST_UNREACHABLE, 422 ERR_WALLET_CONNECTION_NOT_OB_HOST or ERR_WALLET_CONNECTION_DISCOVERY_INVALID, 502 ERR_WALLET_CONNECTION_REGISTRATION_REFUSED.",
          tags: TAGS,
          operationId: 'connectWalletToHost',
          body: ConnectBody,
          response: { 201: ConnectResult, 400: ErrorEnvelope, ...ERRORS, ...HOST_ERRORS },
        },
      },
      async (request, reply) => {
        const userId = walletOwner(request.actor);
        const started = await startConnection(deps, userId, request.body.baseUrl);
        return reply.code(201).send(started);
      },
    );

    app.post(
      '/wallet/connections/callback',
      {
        schema: {
          summary: 'Finish connecting: what the host sent back',
          description:
            'The query parameters the host added to the redirect: `state` with `code` (exchanged for tokens: the connection becomes `connected`) or with `error` (the connection becomes `failed`, the reason in `lastError`). A refused token request also ends as `failed`. A `state` that is not one of your pending connections (or was already used): 400 ERR_WALLET_CONNECTION_STATE_UNKNOWN.',
          tags: TAGS,
          operationId: 'completeWalletConnection',
          body: CallbackBody,
          response: { 200: ConnectionView, 400: ErrorEnvelope, ...ERRORS },
        },
      },
      async (request) => {
        const userId = walletOwner(request.actor);
        const id = await completeConnection(deps, userId, request.body);
        return viewConnection(deps, userId, id);
      },
    );

    app.get(
      '/wallet/connections',
      {
        schema: {
          summary: "Your wallet's connections to other hosts",
          description:
            'Newest first: the host, the state (`pending`, `connected`, `failed`), the scopes, the dates and the last import. Tokens are never shown.',
          tags: TAGS,
          operationId: 'listWalletConnections',
          response: { 200: ConnectionList, ...ERRORS },
        },
      },
      async (request) => ({ items: await listConnections(db, walletOwner(request.actor)) }),
    );

    app.delete(
      '/wallet/connections/:id',
      {
        schema: {
          summary: 'Disconnect from a host',
          description:
            'The tokens are revoked at the host when it publishes a revocation endpoint (RFC 8414 metadata or its service description; best effort), then dropped here. The badges already imported stay in the wallet.',
          tags: TAGS,
          operationId: 'deleteWalletConnection',
          params: ConnectionParams,
          response: { 204: { type: 'null' }, ...ERRORS, 404: ErrorEnvelope },
        },
      },
      async (request, reply) => {
        await disconnect(deps, walletOwner(request.actor), request.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/wallet/connections/:id/import',
      {
        schema: {
          summary: 'Import your badges from a connected host',
          description:
            'Reads every page of the host\'s `getCredentials` (following `Link rel="next"`, at most 50 pages and 5,000 credentials), verifies each credential and adds the genuine ones to the wallet (`imported` new, `merged` already held); the others are listed in `skipped` with their verdict. Then reads the host\'s `getProfile`. The access token is refreshed when it has expired or the host answers 401 (once). A host that is busy (429/503) stops the import: `stopped.reason = busy` with `retryAfterSeconds`. 409 ERR_WALLET_CONNECTION_NOT_CONNECTED or ERR_WALLET_CONNECTION_AUTHORIZATION_LOST (connect again); 502 ERR_WALLET_CONNECTION_HOST_UNREACHABLE or ERR_WALLET_CONNECTION_HOST_ERROR.',
          tags: TAGS,
          operationId: 'importFromWalletConnection',
          params: ConnectionParams,
          response: { 200: ImportResult, ...ERRORS, 404: ErrorEnvelope, ...HOST_ERRORS },
        },
      },
      async (request) => {
        const userId = walletOwner(request.actor);
        const connection = await openConnection(deps, userId, request.params.id);
        return importFromHost(deps, walletDeps, userId, connection);
      },
    );

    app.post(
      '/wallet/connections/:id/push',
      {
        schema: {
          summary: 'Send one of your badges to a connected host',
          description:
            "`upsertCredential` at the host: a signed JSON credential as application/json, a VC-JWT as text/plain. Open Badges 3.0 only (422 ERR_WALLET_CONNECTION_PUSH_UNSUPPORTED). The host's refusal: 422 ERR_WALLET_CONNECTION_PUSH_REFUSED with its `imsx_description`. Needs the `credential.upsert` scope (409 ERR_WALLET_CONNECTION_SCOPE_MISSING).",
          tags: TAGS,
          operationId: 'pushToWalletConnection',
          params: ConnectionParams,
          body: PushBody,
          response: { 200: PushResult, ...ERRORS, 404: ErrorEnvelope, ...HOST_ERRORS },
        },
      },
      async (request) => {
        const userId = walletOwner(request.actor);
        const connection = await openConnection(deps, userId, request.params.id);
        return pushToHost(deps, db, userId, connection, request.body.credentialId);
      },
    );

    registerAwardHostPushRoutes(app, context, deps);
  };

export const registerWalletConnectionRoutes: RoutePlugin = createWalletConnectionRoutes();
