/**
 * Test support for Badge Connect: the whole app on a migrated database with a given
 * `PUBLIC_URL`, an approved organisation with its issuer profile, an achievement and an API key
 * that issues and revokes, two signed-in learners (confirmed addresses), and helpers to issue
 * awards, build the OB 2.0 assertion a Moodle site would push (hosted, BadgeClass embedded),
 * mint access tokens straight into `oauth_tokens` (for the resource tests that do not replay the
 * OAuth flow), and call the API. Not for production code.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createAchievement } from '../achievements/manage-achievements.js';
import {
  insertTestApiKey,
  insertTestOrganisation,
  insertTestUser,
  signInForTest,
} from '../auth/test-factories.js';
import { createToken, hashToken } from '../auth/session-token.js';
import { ACHIEVEMENT_BODY } from '../awards/award-test-world.js';
import type { Database } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { buildTestApp, createTestConfig, type TestApp } from '../http/build-test-app.js';
import { insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { createKeyStore } from '../keys/key-store.js';
import { createTestMasterKey, testActor } from '../keys/key-test-factories.js';

type Json = Record<string, unknown>;

export interface Learner {
  readonly userId: string;
  readonly email: string;
  /** Session headers (cookie + CSRF). */
  readonly headers: Record<string, string>;
}

export interface BadgeConnectWorld {
  readonly test: TestApp;
  readonly context: AppContext;
  readonly publicUrl: string;
  readonly learner: Learner;
  readonly other: Learner;
  /** Issues an award to `email`; returns its id. */
  issue(email: string): Promise<string>;
  /** The award's hosted OB 2.0 assertion with its BadgeClass embedded, as Moodle pushes it. */
  moodleAssertion(awardId: string): Promise<Json>;
  /** The award's OB 2.0 signed assertion (compact JWS). */
  signedAssertion(awardId: string): Promise<string>;
  /** An access token for `userId` with `scopes`, stored as the authorization server does. */
  token(userId: string, scopes: readonly string[], expiresInMs?: number): Promise<string>;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token?: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const buildBadgeConnectWorld = async (
  db: Database,
  publicUrl = 'https://badges.example.ac.jp',
): Promise<BadgeConnectWorld> => {
  const masterKey = createTestMasterKey();
  const clock = () => new Date();
  const test = buildTestApp({ db, masterKey, clock, config: { publicUrl } });
  const context: AppContext = {
    config: createTestConfig({ publicUrl }),
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
  const issuer = (await insertTestApiKey(db, organisationId, ['badges:issue', 'badges:revoke']))
    .headers;
  const signedIn = async (): Promise<Learner> => {
    const user = await insertTestUser(db);
    return { userId: user.id, email: user.email, headers: await signInForTest(db, user.id) };
  };
  const learner = await signedIn();
  const other = await signedIn();
  const { app } = test;
  const path = (url: string) => (url.startsWith(publicUrl) ? url.slice(publicUrl.length) : url);
  const getJson = async (url: string): Promise<Json> => {
    const response = await app.inject({ method: 'GET', url: path(url) });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.body}`);
    return response.json<Json>();
  };
  const clientId = randomUUID();
  await db.kysely
    .insertInto('oauth_clients')
    .values({
      id: clientId,
      secret_hash: hashToken(createToken()),
      name: 'Moodle (test)',
      redirect_uris: JSON.stringify(['https://moodle.example.ac.jp/admin/oauth2callback.php']),
      grant_types: JSON.stringify(['authorization_code', 'refresh_token']),
      scope: '',
      metadata: '{}',
      created_at: clock().toISOString(),
      disabled_at: null,
    })
    .execute();

  return {
    test,
    context,
    publicUrl,
    learner,
    other,
    issue: async (email) => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${organisationId}/achievements/${achievement.id}/awards`,
        headers: issuer,
        payload: { recipient: { email }, notify: false },
      });
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json<{ award: { id: string } }>().award.id;
    },
    moodleAssertion: async (awardId) => {
      const assertion = await getJson(`/badges/${awardId}/assertion`);
      const badge = await getJson(String(assertion.badge));
      return { ...assertion, badge };
    },
    signedAssertion: async (awardId) => {
      const response = await app.inject({ method: 'GET', url: `/badges/${awardId}/assertion.jws` });
      if (response.statusCode !== 200) throw new Error(response.body);
      return response.body.trim();
    },
    token: async (userId, scopes, expiresInMs = 3_600_000) => {
      const token = createToken();
      const now = clock();
      await db.kysely
        .insertInto('oauth_tokens')
        .values({
          id: hashToken(token),
          kind: 'access',
          client_id: clientId,
          user_id: userId,
          scope: scopes.join(' '),
          code_id: null,
          refresh_token_id: null,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + expiresInMs).toISOString(),
          revoked_at: null,
        })
        .execute();
      return token;
    },
    call: (method, url, token, payload) =>
      app.inject({
        method,
        url,
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
        ...(payload === undefined ? {} : { payload: payload as Json }),
      }),
    close: () => test.close(),
  };
};
