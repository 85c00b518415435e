/**
 * The wallet's badges (ADR 0010), under /api/v1, for any signed-in account (a wallet is an
 * account; API keys cannot use one):
 *
 *   POST   /wallet/credentials                      import (JSON, or raw PNG / SVG / PDF bytes)
 *   GET    /wallet/credentials                      list: search, filters, sort, pages
 *   GET    /wallet/credentials/:id                  the badge in full
 *   PATCH  /wallet/credentials/:id                  visibility, "status change seen"
 *   DELETE /wallet/credentials/:id                  remove
 *   POST   /wallet/credentials/:id/recheck          verify again now
 *   GET    /wallet/credentials/:id/download         original, json, jwt or png
 *   POST   /wallet/status-seen                      every change of status seen
 *   GET    /wallet/export                           the whole wallet as a ZIP
 *
 * The plugin also runs the background re-check (`wallet-rechecker.ts`): started when the app is
 * ready, stopped when it closes. One platform verifier serves imports and re-checks.
 */
import { createWalletDeps } from './create-wallet-deps.js';
import type { FetchDocument } from '@akashi/core';
import type { FastifyError } from 'fastify';
import type { Actor } from '../auth/actor.js';

import type { RoutePlugin } from '../http/app-context.js';
import { ErrorEnvelope } from '../http/error-envelope.js';
import { sendError } from '../http/send-error.js';
import { ServerError } from '../http/server-error.js';

import { syncAwardsIntoWallet } from '../wallet-claims/sync-awards.js';
import { exportWallet } from './export-wallet.js';
import {
  checkedColumns,
  importWalletCredential,
  verifyForWallet,
} from './import-wallet-credential.js';
import { listWalletCredentials } from './list-wallet-credentials.js';
import {
  changeWalletCredential,
  markAllStatusesSeen,
  removeWalletCredential,
} from './manage-wallet-credential.js';
import { presentWalletCredential, readOwnWalletRow } from './present-wallet-credential.js';
import { readImportInput } from './read-import-input.js';
import { contentDisposition, readWalletFile, safeFileName } from './wallet-downloads.js';
import { createWalletRechecker, recheckInputOf, type WalletRechecker } from './wallet-rechecker.js';
import {
  MAX_WALLET_IMPORT_BYTES,
  WALLET_RAW_MEDIA_TYPES,
  WalletCredential,
  WalletCredentialPage,
  WalletCredentialParams,
  WalletCredentialPatch,
  WalletDownloadQuery,
  WalletFileBody,
  WalletImportBody,
  WalletImportQuery,
  WalletImportResult,
  WalletListQuery,
} from './wallet-schemas.js';

export interface WalletRoutesOptions {
  /** Fetches URLs outside `PUBLIC_URL` (default: the guarded fetcher, `AKASHI_FETCH_ALLOW_HOSTS`). */
  readonly fetchRemote?: FetchDocument;
  /** The background re-check: interval and batch size (defaults: `wallet-rechecker.ts`). */
  readonly rechecker?: { readonly intervalMs?: number; readonly batchSize?: number };
  /** Called with the re-checker once made (tests drive it with `runOnce`). */
  readonly onRechecker?: (rechecker: WalletRechecker) => void;
}

const TAGS = ['wallet'];
const ERRORS = { 401: ErrorEnvelope, 403: ErrorEnvelope } as const;
const IMPORT_PATH = '/wallet/credentials';

/** The signed-in account whose wallet this is. */
const walletOwner = (actor: Actor): string => {
  if (actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if (actor.kind === 'api-key') throw new ServerError('ERR_WALLET_API_KEY_NOT_ALLOWED');
  return actor.userId;
};

const IMPORT_DESCRIPTION =
  'The body is JSON `{ "url": "https://…" }` or `{ "credential": … }` (an object, JSON text, a compact VC-JWT or an OB 2.0 signed assertion), with an optional `keepUnverified`; or the raw bytes of a baked PNG or SVG image or a sealed PDF certificate (Content-Type image/png, image/svg+xml or application/pdf) with `?keepUnverified=true` when wanted. At most 5 MiB (413 ERR_WALLET_IMPORT_TOO_LARGE).\n\n' +
  'The badge is verified first, like `POST /verify`. Input holding no credential: 422 ERR_WALLET_IMPORT_UNREADABLE, nothing stored. A badge that is not genuine (verdict other than valid, expired, revoked or suspended): 422 ERR_WALLET_IMPORT_UNVERIFIED with `details: { verdict, explanation, report }`, nothing stored — unless `keepUnverified` is true, then it is stored with status `unverified`. Expired, revoked and suspended badges are stored with that status.\n\n' +
  'A badge already in the wallet (same issuer and credential id, or the same JSON) is merged: 200 `{ item, merged: true, kept }`, where `kept` says whether the stored credential stayed or the new one (with the newer validFrom / issuedOn) replaced it. A new badge: 201 `{ item, merged: false }`. Importing a removed award brings it back (201).';

export const createWalletRoutes =
  (options: WalletRoutesOptions = {}): RoutePlugin =>
  (app, context) => {
    const { db, clock, config } = context;
    const deps = createWalletDeps(app, context, options.fetchRemote);
    const rechecker = createWalletRechecker({
      deps,
      log: app.log.child({ component: 'wallet-rechecker' }),
      ...options.rechecker,
    });
    options.onRechecker?.(rechecker);
    app.addHook('onReady', async () => {
      rechecker.start();
      return Promise.resolve();
    });
    app.addHook('onClose', async () => {
      await rechecker.stop();
    });

    app.addContentTypeParser(
      WALLET_RAW_MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_WALLET_IMPORT_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const tooLarge =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' &&
        request.method === 'POST' &&
        request.routeOptions.url?.endsWith(IMPORT_PATH) === true
          ? new ServerError('ERR_WALLET_IMPORT_TOO_LARGE', {
              params: { limit: MAX_WALLET_IMPORT_BYTES },
              cause: error,
            })
          : undefined;
      return sendError(tooLarge ?? error, request, reply);
    });

    const present = async (userId: string, id: string) =>
      presentWalletCredential(db, config.publicUrl, await readOwnWalletRow(db, userId, id));

    app.post(
      IMPORT_PATH,
      {
        bodyLimit: MAX_WALLET_IMPORT_BYTES,
        schema: {
          summary: 'Import a badge into your wallet (URL, credential, baked image or sealed PDF)',
          description: IMPORT_DESCRIPTION,
          tags: TAGS,
          operationId: 'importWalletCredential',
          querystring: WalletImportQuery,
          body: WalletImportBody,
          response: {
            200: WalletImportResult,
            201: WalletImportResult,
            400: ErrorEnvelope,
            ...ERRORS,
            413: ErrorEnvelope,
            422: ErrorEnvelope,
          },
        },
      },
      async (request, reply) => {
        const userId = walletOwner(request.actor);
        const body = request.body;
        const keep =
          (body instanceof Uint8Array ? undefined : body.keepUnverified) ??
          request.query.keepUnverified ??
          false;
        const source = await readImportInput(body);
        const result = await importWalletCredential(deps, userId, source, keep);
        const item = await presentWalletCredential(db, config.publicUrl, result.row);
        return reply.code(result.merged ? 200 : 201).send({
          item,
          merged: result.merged,
          ...(result.kept === undefined ? {} : { kept: result.kept }),
        });
      },
    );

    app.get(
      '/wallet/credentials',
      {
        schema: {
          summary: 'List the badges in your wallet',
          description:
            'Awards made to your verified e-mail addresses are brought in first. `q` searches the name, issuer name and description (case-insensitive); `status` and `collection` filter; `sort` is added (default, newest first), issued, name or issuer; page with `cursor` (the previous `nextCursor`, with the same sort). `total` counts every match; `changed` counts the badges whose status changed since you last looked (`previousStatus` set).',
          tags: TAGS,
          operationId: 'listWalletCredentials',
          querystring: WalletListQuery,
          response: { 200: WalletCredentialPage, 400: ErrorEnvelope, ...ERRORS },
        },
      },
      async (request) => {
        const userId = walletOwner(request.actor);
        await syncAwardsIntoWallet(context, userId);
        return listWalletCredentials(db, userId, request.query);
      },
    );

    const ONE = '/wallet/credentials/:id';
    const ONE_ERRORS = { ...ERRORS, 404: ErrorEnvelope } as const;

    app.get(
      ONE,
      {
        schema: {
          summary: 'One badge of your wallet, in full',
          description:
            'The card, the credential as verified, the last verification report and its explanation, the collections it is in, its active share links and the downloads it has. A badge of another account: 404.',
          tags: TAGS,
          operationId: 'getWalletCredential',
          params: WalletCredentialParams,
          response: { 200: WalletCredential, ...ONE_ERRORS },
        },
      },
      async (request) => present(walletOwner(request.actor), request.params.id),
    );

    app.patch(
      ONE,
      {
        schema: {
          summary: 'Make a badge public or private, or mark its change of status as seen',
          description:
            '`visibility`: public badges appear on your public profile (when it is enabled). `statusSeen: true` clears `previousStatus`.',
          tags: TAGS,
          operationId: 'updateWalletCredential',
          params: WalletCredentialParams,
          body: WalletCredentialPatch,
          response: { 200: WalletCredential, 400: ErrorEnvelope, ...ONE_ERRORS },
        },
      },
      async (request) => {
        const userId = walletOwner(request.actor);
        const row = await readOwnWalletRow(db, userId, request.params.id);
        await changeWalletCredential(db, row, request.body, clock());
        return present(userId, row.id);
      },
    );

    app.delete(
      ONE,
      {
        schema: {
          summary: 'Remove a badge from your wallet',
          description:
            'An import is deleted with its collection entries and share links. An award of this platform is hidden for good (it does not come back through your e-mail addresses; importing it again does): taken out of every collection, its share links revoked, made private.',
          tags: TAGS,
          operationId: 'deleteWalletCredential',
          params: WalletCredentialParams,
          response: { 204: { type: 'null' }, ...ONE_ERRORS },
        },
      },
      async (request, reply) => {
        const row = await readOwnWalletRow(db, walletOwner(request.actor), request.params.id);
        await removeWalletCredential(db, row, clock());
        return reply.code(204).send();
      },
    );

    app.post(
      `${ONE}/recheck`,
      {
        schema: {
          summary: 'Verify a badge of your wallet again now',
          description:
            'Runs the verification now (a URL import is fetched again) and stores the result; the answer is the badge in full.',
          tags: TAGS,
          operationId: 'recheckWalletCredential',
          params: WalletCredentialParams,
          response: { 200: WalletCredential, ...ONE_ERRORS },
        },
      },
      async (request) => {
        const userId = walletOwner(request.actor);
        const row = await readOwnWalletRow(db, userId, request.params.id);
        const verification = await verifyForWallet(deps, recheckInputOf(row));
        await db.kysely
          .updateTable('wallet_credentials')
          .set({
            ...checkedColumns(deps, verification),
            // The learner is looking at it: the new status is seen.
            previous_status: null,
            ...(verification.status === row.status
              ? {}
              : { status_changed_at: clock().toISOString() }),
            updated_at: clock().toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
        return present(userId, row.id);
      },
    );

    app.get(
      `${ONE}/download`,
      {
        exposeHeadRoute: false,
        schema: {
          summary: 'Download a badge of your wallet',
          description:
            '`format`: `original` (the PNG, SVG or PDF as imported), `json` (the credential; application/vc+ld+json for OB 3.0, application/json for OB 2.0), `jwt` (the compact VC-JWT, application/vc+jwt; an OB 2.0 signed assertion as application/jose), `png` (an award of this platform: its image with the credential baked in — SVG when the achievement image is SVG). A format the badge does not have: 404 ERR_WALLET_DOWNLOAD_UNAVAILABLE. The file name is the badge name (RFC 5987 `filename*` for non-ASCII names).',
          tags: TAGS,
          operationId: 'downloadWalletCredential',
          params: WalletCredentialParams,
          querystring: WalletDownloadQuery,
          response: { 200: WalletFileBody, ...ONE_ERRORS, 400: ErrorEnvelope },
        },
      },
      async (request, reply) => {
        const row = await readOwnWalletRow(db, walletOwner(request.actor), request.params.id);
        const file = await readWalletFile(context, row, request.query.format);
        const name = safeFileName(row.achievement_name, 'badge');
        return reply
          .type(file.mediaType)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .header(
            'content-disposition',
            contentDisposition(`${name}.${file.extension}`, `badge-${row.id}.${file.extension}`),
          )
          .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      },
    );

    app.post(
      '/wallet/status-seen',
      {
        schema: {
          summary: 'Mark every change of status in your wallet as seen',
          description: 'Clears `previousStatus` on all your badges.',
          tags: TAGS,
          operationId: 'markWalletStatusesSeen',
          response: { 204: { type: 'null' }, ...ERRORS },
        },
      },
      async (request, reply) => {
        await markAllStatusesSeen(db, walletOwner(request.actor), clock());
        return reply.code(204).send();
      },
    );

    app.get(
      '/wallet/export',
      {
        exposeHeadRoute: false,
        schema: {
          summary: 'Export your whole wallet as a ZIP',
          description:
            '`akashi-wallet-YYYY-MM-DD.zip` (the day in Japan): per badge `NNN-<name>.json` (the credential), `.jwt` / `.jws` (when it came as one) and the original `.png` / `.svg` / `.pdf`, plus `index.json` (each badge and its files) and `index.csv` (UTF-8 with BOM, for Excel).',
          tags: TAGS,
          operationId: 'exportWallet',
          response: { 200: WalletFileBody, ...ERRORS },
        },
      },
      async (request, reply) => {
        const exported = await exportWallet(db, walletOwner(request.actor), clock());
        return reply
          .type('application/zip')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="${exported.fileName}"`)
          .send(Buffer.from(exported.zip.buffer, exported.zip.byteOffset, exported.zip.byteLength));
      },
    );
  };

export const registerWalletRoutes: RoutePlugin = createWalletRoutes();
