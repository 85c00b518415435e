/**
 * Test support for the wallet's connections: the whole app on a migrated database with the fake
 * Open Badges host (`fake-ob3-host.ts`) in `AKASHI_FETCH_ALLOW_HOSTS` (the routes' default
 * guarded fetcher and POST reach it on loopback), a signed-in learner, credentials of a foreign
 * did:key issuer (Data Integrity and VC-JWT, verifiable offline) and one forged, and helpers for
 * the connection flow. Not for production code.
 */
import {
  didKeyFor,
  generateSigningKey,
  issueJwtCredential,
  verificationMethodIdFor,
} from '@akashi/core';
import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import {
  insertTestApiKey,
  insertTestOrganisation,
  insertTestUser,
  signInForTest,
} from '../auth/test-factories.js';
import type { Database } from '../db/open-database.js';
import { buildTestApp, type TestApp } from '../http/build-test-app.js';
import { createTestMasterKey } from '../keys/key-test-factories.js';
import type { MasterKey } from '../keys/master-key.js';
import { createForeignIssuer } from '../wallet/wallet-test-world.js';
import { startFakeHost, type FakeHost } from './fake-ob3-host.js';

type Json = Record<string, unknown>;

/** An allowed host where nothing listens (the discard port): unreachable. */
export const CLOSED_HOST = '127.0.0.1:9';

export interface ConnectionWorld {
  readonly test: TestApp;
  readonly host: FakeHost;
  readonly masterKey: MasterKey;
  readonly learner: Record<string, string>;
  readonly other: Record<string, string>;
  readonly apiKey: Record<string, string>;
  call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: Json,
    as?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Connects the learner: start, the host's consent, the callback; the connection id. */
  connect(as?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export interface HostCredentials {
  readonly genuine: readonly [Json, Json, Json];
  readonly forged: Json;
  readonly jwt: string;
}

const subjectOf = (name: string) => ({
  id: 'did:example:learner',
  type: ['AchievementSubject'],
  achievement: {
    id: `https://example.net/achievements/${encodeURIComponent(name)}`,
    type: ['Achievement'],
    name,
    description: `${name}の修了を証明します。`,
    criteria: { narrative: '全課題を提出すること。' },
  },
});

/** Three genuine signed credentials, one forged, and a VC-JWT, from foreign did:key issuers. */
export const makeHostCredentials = async (): Promise<HostCredentials> => {
  const issuer = createForeignIssuer('他大学');
  const sign = (name: string) => issuer.sign({ name, credentialSubject: subjectOf(name) });
  const genuine = [
    await sign('データサイエンス基礎'),
    await sign('情報倫理'),
    await sign('English for Research'),
  ] as const;
  const forged = structuredClone(await issuer.sign({ name: '偽造バッジ' }));
  (forged.credentialSubject as { achievement: Json }).achievement.name = '書き換えられた名前';
  const key = generateSigningKey('ed25519');
  const did = didKeyFor(key);
  const jwt = await issueJwtCredential(
    {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'JWT badge',
      issuer: { id: did, type: ['Profile'], name: 'JWT 大学' },
      validFrom: '2025-04-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:learner',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://example.net/achievements/jwt',
          type: ['Achievement'],
          name: 'JWT badge',
          description: 'A badge sent as a VC-JWT',
          criteria: { narrative: 'Do the work.' },
        },
      },
    },
    key,
    { kidUrl: verificationMethodIdFor(did) },
  );
  return { genuine, forged, jwt };
};

export const buildConnectionWorld = async (db: Database): Promise<ConnectionWorld> => {
  const host = await startFakeHost();
  const masterKey = createTestMasterKey();
  const test = buildTestApp({
    db,
    masterKey,
    config: { fetchAllowHosts: [host.host, CLOSED_HOST] },
  });
  const signedIn = async () => signInForTest(db, (await insertTestUser(db)).id);
  const learner = await signedIn();
  const other = await signedIn();
  const organisationId = await insertTestOrganisation(db, {
    domain: `u${randomUUID().slice(0, 8)}.example.ac.jp`,
  });
  const apiKey = (await insertTestApiKey(db, organisationId, ['badges:read'])).headers;
  const call: ConnectionWorld['call'] = (method, url, payload, as = learner) =>
    test.app.inject({
      method,
      url,
      headers: as,
      ...(payload === undefined ? {} : { payload }),
    });
  return {
    test,
    host,
    masterKey,
    learner,
    other,
    apiKey,
    call,
    connect: async (as = learner) => {
      const started = await call(
        'POST',
        '/api/v1/wallet/connections',
        { baseUrl: host.origin },
        as,
      );
      if (started.statusCode !== 201) throw new Error(started.body);
      const { authorizationUrl } = started.json<{ authorizationUrl: string }>();
      const back = new URL(host.approve(authorizationUrl));
      const done = await call(
        'POST',
        '/api/v1/wallet/connections/callback',
        Object.fromEntries(back.searchParams),
        as,
      );
      if (done.statusCode !== 200) throw new Error(done.body);
      return done.json<{ id: string }>().id;
    },
    close: async () => {
      await test.close();
      await host.close();
    },
  };
};
