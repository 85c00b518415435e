/**
 * Test support for the wallet: the app on a migrated database with the wallet's routes given a
 * `fetchRemote` that plays example.org (the 1EdTech validator's OB 2.0 assets, served by a
 * loopback `node:http` server reached through the core's guarded fetcher), an approved
 * organisation with its issuer profile and an achievement, an API key that issues and revokes,
 * two learners with signed-in sessions, and helpers to issue awards and call the wallet. Not for
 * production code.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- test stand-in for example.org only
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  AkashiError,
  addDataIntegrityProof,
  createGuardedFetcher,
  didKeyFor,
  generateSigningKey,
  verificationMethodIdFor,
  type FetchDocument,
  type SigningKey,
} from '@akashi/core';
import type { LightMyRequestResponse } from 'fastify';
import type { AwardView } from '../awards/award-schemas.js';
import {
  insertTestApiKey,
  insertTestOrganisation,
  insertTestUser,
  signInForTest,
} from '../auth/test-factories.js';
import { createAchievement } from '../achievements/manage-achievements.js';
import { ACHIEVEMENT_BODY } from '../awards/award-test-world.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { buildTestApp, createTestConfig, type TestApp } from '../http/build-test-app.js';
import { ROUTE_MODULES } from '../http/route-modules.js';
import { insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { createKeyStore } from '../keys/key-store.js';
import { createTestMasterKey, testActor } from '../keys/key-test-factories.js';
import { createPlatformVerifier } from '../verification/platform-verifier.js';
import type { WalletDeps } from './import-wallet-credential.js';
import { createWalletRoutes, registerWalletRoutes } from './wallet-routes.js';

type Json = Record<string, unknown>;

export const OB20_FIXTURES = fileURLToPath(
  new URL('../../../../../shared/fixtures/validator/ob20/', import.meta.url),
);
export const OB30_FIXTURES = fileURLToPath(
  new URL('../../../../../shared/fixtures/validator/ob30/', import.meta.url),
);

export interface ExampleOrg {
  readonly fetchRemote: FetchDocument;
  /** Serves `body` at `path` (e.g. `/beths-robotics-badge.json`), over the assets. */
  serve(path: string, body: string, status?: number): void;
  close(): Promise<void>;
}

const MAPPED = /^https?:\/\/(www\.)?example\.org\//;

/** example.org played by a loopback server: URL path = file name under `ob20/assets/`. */
export const startExampleOrg = async (): Promise<ExampleOrg> => {
  const overrides = new Map<string, { body: string; status: number }>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const override = overrides.get(path);
    const type = path.endsWith('.png') ? 'image/png' : 'application/ld+json';
    if (override !== undefined) {
      response.writeHead(override.status, { 'content-type': type });
      response.end(override.body);
      return;
    }
    const name = path.slice(1);
    if (name === '' || name.includes('/') || name.startsWith('.')) {
      response.writeHead(404).end();
      return;
    }
    readFile(`${OB20_FIXTURES}assets/${name}`).then(
      (body) => response.writeHead(200, { 'content-type': type }).end(body),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${String(port)}`;
  const guarded = createGuardedFetcher({ allowHosts: [host], cacheTtlMs: 0 });
  const fetchRemote: FetchDocument = async (url, options) => {
    if (!MAPPED.test(url)) {
      throw new AkashiError(
        'ERR_FETCH_FAILED',
        { en: `no network in tests: ${url}`, ja: `テストではネットワークに出ません: ${url}` },
        { details: { url, reason: 'connection' } },
      );
    }
    const target = new URL(url);
    const fetched = await guarded.fetchDocument(
      `http://${host}${target.pathname}${target.search}`,
      options,
    );
    return { ...fetched, url };
  };
  return {
    fetchRemote,
    serve: (path, body, status = 200) => overrides.set(path, { body, status }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};

export interface IssuedAward {
  readonly award: AwardView;
  readonly credential: Json;
}

export interface WalletWorld {
  readonly test: TestApp;
  readonly context: AppContext;
  readonly exampleOrg: ExampleOrg;
  readonly organisationId: string;
  readonly achievementId: string;
  /** Headers of an API key of the organisation (issue, revoke, achievements). */
  readonly issuer: Record<string, string>;
  readonly learner: { readonly userId: string; readonly headers: Record<string, string> };
  readonly other: { readonly userId: string; readonly headers: Record<string, string> };
  /** Another signed-in account with an empty wallet. */
  newLearner(): Promise<{ readonly userId: string; readonly headers: Record<string, string> }>;
  issue(recipient?: Json, achievementId?: string): Promise<IssuedAward>;
  /** A path of this app from one of its public URLs. */
  path(url: string): string;
  get(url: string): Promise<LightMyRequestResponse>;
  /** `POST /api/v1/wallet/credentials` as `who` (default the learner). */
  importJson(payload: Json, who?: Record<string, string>): Promise<LightMyRequestResponse>;
  importBytes(
    bytes: Uint8Array,
    contentType: string,
    query?: string,
    who?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** The wallet's commands with another clock (for the re-check). */
  deps(clock: () => Date): WalletDeps;
  close(): Promise<void>;
}

export const buildWalletWorld = async (db: Database): Promise<WalletWorld> => {
  const masterKey = createTestMasterKey();
  const clock = () => new Date();
  const exampleOrg = await startExampleOrg();
  const routes = ROUTE_MODULES.map((module) =>
    module.routes === registerWalletRoutes
      ? {
          ...module,
          routes: createWalletRoutes({
            fetchRemote: exampleOrg.fetchRemote,
            rechecker: { intervalMs: 600_000 },
          }),
        }
      : module,
  );
  const test = buildTestApp({ db, masterKey, clock, routes });
  const context: AppContext = {
    config: createTestConfig(),
    db,
    clock,
    keys: createKeyStore({ db, masterKey, clock }),
    masterKey,
  };
  const organisationId = await insertTestOrganisation(db, {
    domain: `u${randomUUID().slice(0, 8)}.example.ac.jp`,
  });
  await insertTestIssuerProfile(context, organisationId);
  const achievement = await createAchievement(db, organisationId, ACHIEVEMENT_BODY, {
    actor: testActor(),
    now: clock(),
  });
  const issuer = (
    await insertTestApiKey(db, organisationId, [
      'badges:issue',
      'badges:revoke',
      'badges:read',
      'achievements:write',
      'achievements:read',
    ])
  ).headers;
  const signedIn = async () => {
    const user = await insertTestUser(db);
    return { userId: user.id, headers: await signInForTest(db, user.id) };
  };
  const learner = await signedIn();
  const other = await signedIn();
  const { app } = test;
  const publicUrl = context.config.publicUrl;

  const importJson = (payload: Json, who = learner.headers) =>
    app.inject({ method: 'POST', url: '/api/v1/wallet/credentials', headers: who, payload });
  const importBytes = (bytes: Uint8Array, contentType: string, query = '', who = learner.headers) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/wallet/credentials${query}`,
      headers: { ...who, 'content-type': contentType },
      payload: Buffer.from(bytes),
    });

  return {
    test,
    context,
    exampleOrg,
    organisationId,
    achievementId: achievement.id,
    issuer,
    learner,
    other,
    newLearner: signedIn,
    issue: async (
      recipient = { email: 'hanako@example.ac.jp' },
      achievementId = achievement.id,
    ) => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${organisationId}/achievements/${achievementId}/awards`,
        headers: issuer,
        payload: { recipient, notify: false },
      });
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json<IssuedAward>();
    },
    path: (url) => (url.startsWith(publicUrl) ? url.slice(publicUrl.length) : url),
    get: (url) => app.inject({ method: 'GET', url }),
    importJson,
    importBytes,
    deps: (other) => ({
      db,
      verifier: createPlatformVerifier(
        app,
        { ...context, clock: other },
        {
          fetchRemote: exampleOrg.fetchRemote,
        },
      ),
      clock: other,
      recheckHours: 24,
    }),
    close: async () => {
      await test.close();
      await exampleOrg.close();
    },
  };
};

/** A foreign OB 3.0 issuer: a did:key that signs its own credentials (verifiable offline). */
export interface ForeignIssuer {
  readonly did: string;
  sign(extra?: Json): Promise<Json>;
}

export const createForeignIssuer = (name = '外部大学'): ForeignIssuer => {
  const key: SigningKey = generateSigningKey('ed25519');
  const did = didKeyFor(key);
  return {
    did,
    sign: (extra = {}) =>
      addDataIntegrityProof(
        {
          '@context': [
            'https://www.w3.org/ns/credentials/v2',
            'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
          ],
          id: `urn:uuid:${randomUUID()}`,
          type: ['VerifiableCredential', 'OpenBadgeCredential'],
          name: 'Foreign badge',
          issuer: { id: did, type: ['Profile'], name },
          validFrom: '2025-04-01T00:00:00Z',
          credentialSubject: {
            id: 'did:example:learner',
            type: ['AchievementSubject'],
            achievement: {
              id: 'https://example.net/achievements/1',
              type: ['Achievement'],
              name: 'Foreign badge',
              description: 'A badge from elsewhere',
              criteria: { narrative: 'Do the work.' },
            },
          },
          ...extra,
        },
        { key, verificationMethod: verificationMethodIdFor(did) },
      ),
  };
};
