/**
 * An award sent to its recipient's own Open Badges host (`push-award-to-host.ts`) against the
 * fake host (`fake-ob3-host.ts`): with the claim token and no account, the host's consent, the
 * callback authorised by `state` alone → the host holds the award's credential, the token was
 * revoked there and is not kept; a reused or unknown `state`; a refused upsert (the host's
 * `imsx_description`); denied consent; a stranger without the token; a signed-in holder; a
 * revoked award travels as it is; a late answer (30 minutes).
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestUser, signInForTest } from '../auth/test-factories.js';
import { changeAwardState } from '../awards/change-award-state.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { OB3_SCOPES } from '../oauth/scopes.js';
import { createClaimToken } from '../wallet-claims/claim-token.js';
import { buildDeliveryTestWorld } from '../wallet-delivery/delivery-test-world.js';
import { startFakeHost } from './fake-ob3-host.js';

type Json = Record<string, unknown>;

const setUp = async (db: Database, clock?: () => Date) => {
  const host = await startFakeHost();
  const world = await buildDeliveryTestWorld(db, {
    config: { fetchAllowHosts: [host.host] },
    ...(clock === undefined ? {} : { clock }),
  });
  const award = await world.issue();
  const token = createClaimToken(world.context.masterKey.walletClaimKey, award.id);
  const call = (url: string, payload: Json, headers: Record<string, string> = {}) =>
    world.test.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  const start = (payload: Json = { token, baseUrl: host.origin }, headers = {}) =>
    call(`/awards/${award.id}/host-pushes`, payload, headers);
  const callback = (redirect: string) =>
    call('/awards/host-pushes/callback', Object.fromEntries(new URL(redirect).searchParams));
  const authorizationUrl = async () => {
    const started = await start();
    assert.equal(started.statusCode, 201, started.body);
    return started.json<{ authorizationUrl: string }>().authorizationUrl;
  };
  return {
    host,
    world,
    award,
    token,
    start,
    callback,
    authorizationUrl,
    close: async () => {
      await world.test.close();
      await host.close();
    },
  };
};

describe('sending an award to the recipient’s own Open Badges host', () => {
  forEachDatabase('claim token → consent → the host holds the credential', async (db) => {
    const t = await setUp(db);
    try {
      const url = new URL(await t.authorizationUrl());
      assert.equal(url.searchParams.get('scope'), OB3_SCOPES.credentialUpsert);
      assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      assert.ok((url.searchParams.get('state') ?? '').length >= 43);
      const redirect = t.host.approve(url.href);
      assert.ok(redirect.includes('/wallet/connections/callback?'));
      const done = await t.callback(redirect);
      assert.equal(done.statusCode, 200, done.body);
      const view = done.json<Json>();
      assert.equal(view.state, 'pushed', done.body);
      assert.equal(view.status, 201);
      assert.equal(view.awardState, 'active');
      assert.deepEqual(view.host, { name: 'Fake OB Host', baseUrl: t.host.origin });

      // The host holds the award's credential, sent as JSON, unchanged.
      const credentialId = String(t.award.credential.id);
      const stored = t.host.stored.get(credentialId);
      assert.ok(stored !== undefined);
      assert.equal(stored.mediaType, 'application/json');
      assert.deepEqual(JSON.parse(stored.body), t.award.credential);

      // The token was exchanged with Basic auth and PKCE, then revoked; nothing is kept.
      const request = t.host.tokenRequests.at(-1);
      assert.ok(request?.authorization.startsWith('Basic '));
      assert.ok((request?.form.get('code_verifier') ?? '').length >= 43);
      assert.equal(t.host.revoked.length, 2);
      const row = await db.kysely
        .selectFrom('award_host_pushes')
        .selectAll()
        .where('id', '=', String(view.id))
        .executeTakeFirstOrThrow();
      assert.equal(row.code_verifier, null);
      assert.equal(row.state, 'pushed');
      assert.ok(!JSON.stringify(row).includes(t.host.revoked[0] ?? '-'));

      // The same state again: refused, nothing pushed twice.
      const again = await t.callback(redirect);
      assert.equal(again.statusCode, 400);
      assert.equal(
        again.json<{ error: { code: string } }>().error.code,
        'ERR_WALLET_HOST_PUSH_STATE_USED',
      );
      const unknown = await t.callback(
        `${t.world.context.config.publicUrl}/wallet/connections/callback?code=x&state=nope`,
      );
      assert.equal(
        unknown.json<{ error: { code: string } }>().error.code,
        'ERR_WALLET_HOST_PUSH_STATE_UNKNOWN',
      );

      // A second push of the same award: the host answers 200 (replaced or kept).
      const second = await t.callback(t.host.approve(await t.authorizationUrl()));
      assert.equal(second.json<Json>().status, 200, second.body);
      // One registration at the host for both.
      assert.equal(t.host.registrations.length, 1);
    } finally {
      await t.close();
    }
  });

  forEachDatabase('a refused upsert, denied consent, a stranger, the holder', async (db) => {
    const t = await setUp(db);
    try {
      t.host.refuseUpsert = 'The credential subject is not one of our learners.';
      const refused = await t.callback(t.host.approve(await t.authorizationUrl()));
      assert.equal(refused.statusCode, 200, refused.body);
      assert.equal(refused.json<Json>().state, 'failed');
      assert.equal(refused.json<Json>().status, 400);
      assert.equal(refused.json<Json>().description, t.host.refuseUpsert);
      assert.equal(t.host.revoked.length, 2, 'the token is revoked after a refusal too');
      t.host.refuseUpsert = undefined;

      const denied = await t.callback(t.host.approve(await t.authorizationUrl(), false));
      assert.equal(denied.statusCode, 200, denied.body);
      assert.equal(denied.json<Json>().state, 'failed');
      assert.equal(denied.json<Json>().description, 'access_denied');
      assert.equal(t.host.stored.size, 0);

      // A stranger: no token (401), a wrong token (403), another signed-in account (403).
      const none = await t.start({ baseUrl: t.host.origin });
      assert.equal(none.statusCode, 401, none.body);
      const wrong = await t.start({ token: `${t.token}x`, baseUrl: t.host.origin });
      assert.equal(wrong.statusCode, 403, wrong.body);
      assert.equal(wrong.json<{ error: { code: string } }>().error.code, 'ERR_DELIVERY_FORBIDDEN');
      const stranger = await signInForTest(db, (await insertTestUser(db)).id);
      const other = await t.start({ baseUrl: t.host.origin }, stranger);
      assert.equal(other.statusCode, 403, other.body);

      // Bad base URLs and a host that takes no badges: errors before anything is stored.
      const invalid = await t.start({ token: t.token, baseUrl: 'ftp://x' });
      assert.equal(
        invalid.json<{ error: { code: string } }>().error.code,
        'ERR_WALLET_CONNECTION_BASE_URL_INVALID',
      );

      // The signed-in holder (the badge in the wallet) needs no token.
      const holder = await signInForTest(db, (await insertTestUser(db)).id);
      const claimed = await t.world.test.app.inject({
        method: 'POST',
        url: '/api/v1/wallet/claims',
        headers: holder,
        payload: { awardId: t.award.id, token: t.token },
      });
      assert.equal(claimed.statusCode, 201, claimed.body);
      const own = await t.start({ baseUrl: t.host.origin }, holder);
      assert.equal(own.statusCode, 201, own.body);
    } finally {
      await t.close();
    }
  });

  forEachDatabase('a revoked award travels as it is; a late answer fails', async (db) => {
    let now = Date.now();
    const t = await setUp(db, () => new Date(now));
    try {
      await changeAwardState(
        t.world.context,
        {
          awardId: t.award.id,
          organisationId: t.world.organisationId,
          change: 'revoke',
          reason: '誤って授与したため',
        },
        t.world.origin(),
      );
      const pushed = await t.callback(t.host.approve(await t.authorizationUrl()));
      assert.equal(pushed.json<Json>().state, 'pushed', pushed.body);
      assert.equal(pushed.json<Json>().awardState, 'revoked');

      const late = t.host.approve(await t.authorizationUrl());
      now += 31 * 60_000;
      const expired = await t.callback(late);
      assert.equal(expired.json<Json>().state, 'failed', expired.body);
      assert.match(String(expired.json<Json>().description), /30 minutes/);
    } finally {
      await t.close();
    }
  });
});
