/**
 * An award sent to the recipient's own host when that host is this platform's real OB 3.0
 * provider, a second app listening on loopback (the authorization server, the OB 3.0 API, the
 * wallet and the status lists): the issuing
 * app starts the push with the claim token, the remote's learner consents through its consent
 * API, the callback upserts the credential (the remote verifies it: a did:key issuer, offline),
 * and the remote wallet then holds an equal credential, read back with `getCredentials`; the
 * token used for the push was revoked at the remote; a denied consent pushes nothing.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { createAchievement } from '../achievements/manage-achievements.js';
import { insertTestOrganisation, insertTestUser, signInForTest } from '../auth/test-factories.js';
import { ACHIEVEMENT_BODY } from '../awards/award-test-world.js';
import { issueAward } from '../awards/issue-awards.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { createOAuthRoutes } from '../oauth/oauth-routes.js';
import { insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import {
  authorizeForTest,
  obtainTokensForTest,
  registerTestClient,
  sampleRegistration,
} from '../oauth/oauth-test-world.js';
import { OB3_SCOPES } from '../oauth/scopes.js';
import { createOb3ApiRoutes } from '../ob3-api/ob3-api-routes.js';
import { registerStatusListRoutes } from '../status-lists/status-list-routes.js';
import { createWalletRoutes } from '../wallet/wallet-routes.js';
import { createClaimToken } from '../wallet-claims/claim-token.js';
import { buildDeliveryTestWorld } from '../wallet-delivery/delivery-test-world.js';

type Json = Record<string, unknown>;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });

describe('an award sent to this platform as the recipient’s host', () => {
  forEachDatabase('push with the claim token, read it back with getCredentials', async (db) => {
    // The remote listens on loopback; both apps share the database, the public origin and the
    // master key, as two instances of one deployment (the remote serves the status lists).
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${String(port)}`;
    const issuing = await buildDeliveryTestWorld(db, {
      config: { publicUrl: baseUrl, fetchAllowHosts: [new URL(baseUrl).host] },
    });
    const remote = buildTestApp({
      db,
      masterKey: issuing.context.masterKey,
      config: { publicUrl: baseUrl, port },
      routes: [
        { prefix: '', routes: createOAuthRoutes() },
        { prefix: '', routes: createOb3ApiRoutes() },
        { prefix: '/api/v1', routes: createWalletRoutes({ rechecker: { intervalMs: 600_000 } }) },
        { prefix: '', routes: registerStatusListRoutes },
      ],
    });
    await remote.app.listen({ port, host: '127.0.0.1' });
    const learner = await signInForTest(db, (await insertTestUser(db)).id);
    try {
      // An organisation whose issuer is a did:key: the remote verifies it offline.
      const organisationId = await insertTestOrganisation(db, {
        domain: `u${randomUUID().slice(0, 8)}.example.ac.jp`,
      });
      await insertTestIssuerProfile(issuing.context, organisationId, {
        identifierMethod: 'did:key',
      });
      const achievement = await createAchievement(
        db,
        organisationId,
        ACHIEVEMENT_BODY,
        issuing.origin(),
      );
      const { award } = await issueAward(
        issuing.context,
        {
          organisationId,
          achievementId: achievement.id,
          input: { recipient: { email: 'hanako@example.ac.jp', name: '山田 花子' } },
        },
        issuing.origin(),
      );
      const token = createClaimToken(issuing.context.masterKey.walletClaimKey, award.id);
      const call = (url: string, payload: Json) =>
        issuing.test.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
      const start = async () => {
        const started = await call(`/awards/${award.id}/host-pushes`, {
          token,
          baseUrl: baseUrl,
        });
        assert.equal(started.statusCode, 201, started.body);
        const url = started.json<{ authorizationUrl: string }>().authorizationUrl;
        return Object.fromEntries(new URL(url).searchParams);
      };

      // Denied consent at the remote: failed, nothing stored there.
      const deniedBack = await authorizeForTest(remote.app, learner, await start(), false);
      const denied = await call(
        '/awards/host-pushes/callback',
        Object.fromEntries(deniedBack.searchParams),
      );
      assert.equal(denied.json<Json>().state, 'failed', denied.body);
      assert.match(String(denied.json<Json>().description), /^access_denied/);

      // Consent: the credential is upserted (201) and the remote wallet holds it.
      const parameters = await start();
      assert.equal(parameters.scope, OB3_SCOPES.credentialUpsert);
      const back = await authorizeForTest(remote.app, learner, parameters);
      const done = await call(
        '/awards/host-pushes/callback',
        Object.fromEntries(back.searchParams),
      );
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json<Json>().state, 'pushed', done.body);
      assert.equal(done.json<Json>().status, 201);

      // The access token of the push was revoked at the remote (RFC 7009).
      const live = await db.kysely
        .selectFrom('oauth_tokens')
        .select('id')
        .where('kind', '=', 'access')
        .where('revoked_at', 'is', null)
        .execute();
      assert.equal(live.length, 0);

      // getCredentials at the remote, as another client of the learner: an equal credential.
      const reader = await registerTestClient(remote.app, sampleRegistration());
      const tokens = await obtainTokensForTest(
        remote.app,
        learner,
        reader,
        OB3_SCOPES.credentialReadonly,
      );
      const listed = await remote.app.inject({
        method: 'GET',
        url: '/ims/ob/v3p0/credentials',
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      assert.equal(listed.statusCode, 200, listed.body);
      const body = listed.json<{ credential: Json[] }>();
      const held = body.credential.find((item) => item.id === award.credential.id);
      assert.deepEqual(held, award.credential);
    } finally {
      const closing = remote.app.close();
      remote.app.server.closeAllConnections();
      await closing;
      await issuing.test.close();
    }
  });
});
