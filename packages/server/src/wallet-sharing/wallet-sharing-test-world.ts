/**
 * Test support for sharing: the app on a migrated database with this part's routes (the outside
 * world a stub that records every request and has nothing), the routes our own badges' documents
 * need for live verification, the awards and organisation routes; the policy test world's users
 * plus a second learner; a factory that puts badges straight into `wallet_credentials`, and one
 * that issues an award through the awards API and puts it in a wallet as an award-origin row.
 * Not for production code.
 */
import { randomUUID } from 'node:crypto';
import type { FetchDocument } from '@akashi/core';
import type { LightMyRequestResponse } from 'fastify';
import { createAchievement } from '../achievements/manage-achievements.js';
import { registerPublicAchievementRoutes } from '../achievements/public-achievement-routes.js';
import { insertTestUser, signInForTest } from '../auth/test-factories.js';
import { registerAwardRoutes } from '../awards/award-routes.js';
import { registerPublicAwardRoutes } from '../awards/public-award-routes.js';
import type { Database } from '../db/open-database.js';
import type { RouteModule } from '../http/app-context.js';
import { buildTestApp, type TestApp } from '../http/build-test-app.js';
import { createTestContext, insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { registerPublicIssuerRoutes } from '../issuers/public-issuer-routes.js';
import { testActor } from '../keys/key-test-factories.js';
import { registerOrganisationRoutes } from '../organisations/organisation-routes.js';
import { buildPolicyTestWorld, type PolicyTestWorld } from '../policy/policy-test-world.js';
import { registerStatusListRoutes } from '../status-lists/status-list-routes.js';
import type { WalletCredentialsTable } from '../wallet/wallet-tables.js';
import type { RateLimitRule } from '../auth/rate-limit.js';
import { createWalletSharingRoutes } from './wallet-sharing-routes.js';

export const PUBLIC_URL = 'https://badges.example.ac.jp';

export interface SharingTestWorld extends PolicyTestWorld {
  readonly test: TestApp;
  readonly db: Database;
  /** A second learner, and their session headers. */
  readonly otherLearnerUserId: string;
  readonly otherLearner: Record<string, string>;
  /** Every URL the verifier asked the outside world for. */
  readonly remoteCalls: readonly string[];
  readonly call: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers?: Record<string, string>,
    payload?: unknown,
    remoteAddress?: string,
  ) => Promise<LightMyRequestResponse>;
  /** Puts a badge straight into a wallet. */
  readonly insertCredential: (
    userId: string,
    overrides?: Partial<WalletCredentialsTable>,
  ) => Promise<WalletCredentialsTable>;
  /** Issues an award of organisation A through the awards API and puts it in `userId`'s wallet. */
  readonly insertAward: (
    userId: string,
    options?: { readonly validUntil?: string; readonly awardedDate?: string },
  ) => Promise<{ awardId: string; row: WalletCredentialsTable }>;
  readonly close: () => Promise<void>;
}

const stubRemote =
  (calls: string[]): FetchDocument =>
  (url) => {
    calls.push(url);
    return Promise.resolve({
      url,
      status: 404,
      contentType: 'application/json',
      body: new TextEncoder().encode('{}'),
    });
  };

export const buildSharingTestWorld = async (
  db: Database,
  options: { readonly perClient?: RateLimitRule; readonly clock?: () => Date } = {},
): Promise<SharingTestWorld> => {
  const world = await buildPolicyTestWorld(db);
  const clock = options.clock ?? (() => new Date());
  const { context, masterKey } = createTestContext(db, {
    config: { publicUrl: PUBLIC_URL },
    clock,
  });
  await insertTestIssuerProfile(context, world.orgA);
  const achievement = await createAchievement(
    db,
    world.orgA,
    {
      name: { ja: '研究 & 開発 入門', en: 'R&D basics' },
      description: { ja: '研究開発の基礎を修得した。', en: 'Learnt the basics of R&D.' },
      criteria: { narrative: { ja: '全課題を提出すること。', en: 'Hand in every assignment.' } },
    },
    { actor: testActor(), now: clock() },
  );
  const remoteCalls: string[] = [];
  const routes: RouteModule[] = [
    { prefix: '/api/v1', routes: registerOrganisationRoutes },
    { prefix: '', routes: registerPublicIssuerRoutes },
    { prefix: '', routes: registerPublicAchievementRoutes },
    { prefix: '', routes: registerStatusListRoutes },
    { prefix: '/api/v1', routes: registerAwardRoutes },
    { prefix: '', routes: registerPublicAwardRoutes },
    {
      prefix: '/api/v1',
      routes: createWalletSharingRoutes({
        fetchRemote: stubRemote(remoteCalls),
        ...(options.perClient === undefined ? {} : { perClient: options.perClient }),
      }),
    },
  ];
  const test = buildTestApp({ db, masterKey, clock, routes, config: { publicUrl: PUBLIC_URL } });
  await test.app.ready();
  const other = await insertTestUser(db, { displayName: '佐藤 次郎' });
  const otherLearner = await signInForTest(db, other.id);

  let address = 0;
  const call: SharingTestWorld['call'] = (method, url, headers = {}, payload, remoteAddress) => {
    address += 1;
    return test.app.inject({
      method,
      url,
      headers: { 'accept-language': 'en', ...headers },
      remoteAddress: remoteAddress ?? `198.51.100.${String(address % 250)}`,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  };

  const insertCredential: SharingTestWorld['insertCredential'] = async (userId, overrides = {}) => {
    const id = randomUUID();
    const now = clock().toISOString();
    const row: WalletCredentialsTable = {
      id,
      user_id: userId,
      origin: 'import',
      award_id: null,
      format: 'ob3-json',
      ob_version: 3,
      dedupe_key: `https://issuer.example.org\nurn:uuid:${id}`,
      credential: JSON.stringify({ id: `urn:uuid:${id}`, type: ['VerifiableCredential'] }),
      credential_jwt: null,
      original: null,
      original_media_type: null,
      source_url: null,
      issuer_id: 'https://issuer.example.org',
      issuer_name: 'Example Issuer',
      achievement_name: `Imported ${id.slice(0, 4)}`,
      description: null,
      image: null,
      issued_at: now,
      valid_from: now,
      valid_until: null,
      verdict: 'valid',
      status: 'valid',
      report: null,
      checked_at: now,
      next_check_at: now,
      status_changed_at: null,
      previous_status: null,
      visibility: 'private',
      removed_at: null,
      created_at: now,
      updated_at: now,
      ...overrides,
    };
    await db.kysely.insertInto('wallet_credentials').values(row).execute();
    return row;
  };

  const insertAward: SharingTestWorld['insertAward'] = async (userId, awardOptions = {}) => {
    const answer = await call(
      'POST',
      `/api/v1/organisations/${world.orgA}/achievements/${achievement.id}/awards`,
      world.headers['org-admin'],
      {
        recipient: { email: 'hanako@example.ac.jp', name: '山田 花子' },
        notify: false,
        ...(awardOptions.validUntil === undefined ? {} : { validUntil: awardOptions.validUntil }),
        ...(awardOptions.awardedDate === undefined
          ? {}
          : { awardedDate: awardOptions.awardedDate }),
      },
    );
    if (answer.statusCode !== 201) throw new Error(`award not issued: ${answer.body}`);
    const awardId = answer.json<{ award: { id: string } }>().award.id;
    const award = await db.kysely
      .selectFrom('awards')
      .selectAll()
      .where('id', '=', awardId)
      .executeTakeFirstOrThrow();
    const credential = JSON.parse(award.credential) as {
      id: string;
      issuer: { id: string; name: string };
      credentialSubject: { achievement: { name: string; description?: string } };
    };
    const row = await insertCredential(userId, {
      origin: 'award',
      award_id: awardId,
      format: 'award',
      dedupe_key: `${credential.issuer.id}\n${credential.id}`,
      credential: award.credential,
      credential_jwt: award.credential_jwt,
      issuer_id: credential.issuer.id,
      issuer_name: credential.issuer.name,
      achievement_name: credential.credentialSubject.achievement.name,
      description: credential.credentialSubject.achievement.description ?? null,
      issued_at: award.awarded_at,
      valid_from: award.valid_from,
      valid_until: award.valid_until,
    });
    return { awardId, row };
  };

  return {
    ...world,
    test,
    db,
    otherLearnerUserId: other.id,
    otherLearner,
    remoteCalls,
    call,
    insertCredential,
    insertAward,
    close: () => test.close(),
  };
};
