import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import type { WalletCredential } from './wallet-schemas.js';
import { buildWalletWorld } from './wallet-test-world.js';
import { recheckDueWalletCredentials } from './wallet-rechecker.js';

const DAY = 24 * 3_600_000;

describe('the wallet re-check', () => {
  forEachDatabase('notices a revocation: status revoked, previous status valid', async (db) => {
    const world = await buildWalletWorld(db);
    try {
      const json = await world.issue();
      const hosted = await world.issue();
      const fromJson = (await world.importJson({ credential: json.credential })).json<{
        item: WalletCredential;
      }>().item;
      const fromUrl = (await world.importJson({ url: hosted.award.links.ob2Assertion })).json<{
        item: WalletCredential;
      }>().item;
      assert.deepEqual([fromJson.status, fromUrl.status], ['valid', 'valid']);
      // Not due yet: nothing happens.
      assert.equal(await recheckDueWalletCredentials(world.deps(() => new Date())), 0);
      for (const award of [json, hosted]) {
        const revoked = await world.test.app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${world.organisationId}/awards/${award.award.id}/revoke`,
          headers: world.issuer,
          payload: { reason: 'withdrawn' },
        });
        assert.equal(revoked.statusCode, 200, revoked.body);
      }
      const later = new Date(Date.now() + DAY + 60_000);
      assert.equal(
        await recheckDueWalletCredentials(
          world.deps(() => later),
          { limit: 10 },
        ),
        2,
      );
      const rows = await db.kysely
        .selectFrom('wallet_credentials')
        .selectAll()
        .where('user_id', '=', world.learner.userId)
        .orderBy('created_at')
        .execute();
      for (const row of rows) {
        assert.deepEqual(
          [row.status, row.previous_status, row.verdict, row.status_changed_at],
          ['revoked', 'valid', 'revoked', later.toISOString()],
        );
        assert.equal(row.next_check_at, new Date(later.getTime() + DAY).toISOString());
      }
      const page = await world.test.app.inject({
        url: '/api/v1/wallet/credentials',
        headers: world.learner.headers,
      });
      assert.equal(page.json<{ changed: number }>().changed, 2);
      // Checked again: no new change, the unseen one is kept.
      const evenLater = new Date(later.getTime() + DAY + 60_000);
      assert.equal(await recheckDueWalletCredentials(world.deps(() => evenLater)), 2);
      const again = await db.kysely
        .selectFrom('wallet_credentials')
        .select(['previous_status', 'status_changed_at'])
        .where('id', '=', fromJson.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(again, { previous_status: 'valid', status_changed_at: later.toISOString() });
      // Re-checked on demand: the learner sees it, so the change counts as seen.
      const now = await world.test.app.inject({
        method: 'POST',
        url: `/api/v1/wallet/credentials/${fromUrl.id}/recheck`,
        headers: world.learner.headers,
      });
      assert.equal(now.statusCode, 200, now.body);
      assert.deepEqual(
        [now.json<WalletCredential>().status, now.json<WalletCredential>().previousStatus],
        ['revoked', null],
      );
    } finally {
      await world.close();
    }
  });
});
