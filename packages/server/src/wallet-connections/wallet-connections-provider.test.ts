/**
 * The consumer against this platform's own OB 3.0 provider and authorization server (ADR 0011):
 * a second app listening on a loopback port plays the remote host (its learner holds badges in
 * its wallet and gives consent through the consent API, as its consent page does); our app
 * connects, imports, pushes, survives a revoked access token by refreshing, and disconnects
 * (after which the revoked token is refused by the host).
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { insertTestUser, signInForTest } from '../auth/test-factories.js';
import { createTestMasterKey } from '../keys/key-test-factories.js';
import { authorizeForTest } from '../oauth/oauth-test-world.js';
import { startOb3ApiWorld } from '../ob3-api/ob3-api-test-world.js';
import { openSecret } from './connection-secrets.js';
import { makeHostCredentials } from './wallet-connection-test-world.js';

describe('the wallet connected to this platform as the remote host', () => {
  forEachDatabase('connect, import, push, refresh after revocation, disconnect', async (db) => {
    const remote = await startOb3ApiWorld(db);
    const masterKey = createTestMasterKey();
    const consumer = buildTestApp({
      db,
      masterKey,
      config: { fetchAllowHosts: [new URL(remote.baseUrl).host] },
    });
    try {
      const credentials = await makeHostCredentials();
      const [first, second, third] = credentials.genuine;
      for (const credential of [first, second, credentials.jwt]) {
        await remote.importIntoWallet(credential);
      }
      const learner = await signInForTest(db, (await insertTestUser(db)).id);
      const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
        consumer.app.inject({
          method,
          url,
          headers: learner,
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });

      // Connect: discovery and registration at the remote, consent there, the callback here.
      const started = await call('POST', '/api/v1/wallet/connections', {
        baseUrl: `${remote.baseUrl}/`,
      });
      assert.equal(started.statusCode, 201, started.body);
      const { id, authorizationUrl } = started.json<{ id: string; authorizationUrl: string }>();
      const parameters = Object.fromEntries(new URL(authorizationUrl).searchParams);
      const back = await authorizeForTest(remote.app, remote.learner, parameters);
      assert.equal(back.searchParams.get('state'), parameters.state);
      const done = await call(
        'POST',
        '/api/v1/wallet/connections/callback',
        Object.fromEntries(back.searchParams),
      );
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json<{ state: string }>().state, 'connected', done.body);

      // Import: every badge of the remote wallet, verified; the profile.
      const imported = await call('POST', `/api/v1/wallet/connections/${id}/import`);
      assert.equal(imported.statusCode, 200, imported.body);
      const result = imported.json<{
        imported: number;
        skipped: unknown[];
        profile: { id?: unknown } | null;
      }>();
      assert.equal(result.imported, 3, imported.body);
      assert.deepEqual(result.skipped, []);
      assert.equal(typeof result.profile?.id, 'string');

      // Push a badge the remote does not hold (201), then again (200).
      const own = await call('POST', '/api/v1/wallet/credentials', { credential: third });
      assert.equal(own.statusCode, 201, own.body);
      const credentialId = own.json<{ item: { id: string } }>().item.id;
      const push = () => call('POST', `/api/v1/wallet/connections/${id}/push`, { credentialId });
      const pushed = await push();
      assert.equal(pushed.statusCode, 200, pushed.body);
      assert.equal(pushed.json<{ status: number }>().status, 201);
      assert.equal((await push()).json<{ status: number }>().status, 200);

      // The remote revokes the access tokens: the next call refreshes once and succeeds.
      await db.kysely
        .updateTable('oauth_tokens')
        .set({ revoked_at: new Date().toISOString() })
        .where('kind', '=', 'access')
        .execute();
      const again = await call('POST', `/api/v1/wallet/connections/${id}/import`);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json<{ merged: number }>().merged, 4);

      // Disconnect: the tokens are revoked at the remote (RFC 7009), so they no longer work.
      const row = await db.kysely
        .selectFrom('wallet_connections')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.ok(row.access_token !== null);
      const token = openSecret(masterKey, id, 'access_token', row.access_token);
      assert.equal((await remote.call('/credentials', token)).status, 200);
      const removed = await call('DELETE', `/api/v1/wallet/connections/${id}`);
      assert.equal(removed.statusCode, 204);
      assert.equal((await remote.call('/credentials', token)).status, 401);
    } finally {
      await remote.close();
      await consumer.close();
    }
  });
});
