import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { changeAwardState } from '../awards/change-award-state.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildBadgePageWorld } from './badge-page-test-world.js';

describe('the badge page on both databases', () => {
  forEachDatabase('verifies, confirms the recipient and shows a revocation at once', async (db) => {
    const world = await buildBadgePageWorld(db);
    try {
      const award = await world.award({ suspendable: true });
      const url = `/badges/${award.id}`;
      const headers = { accept: 'text/html' };
      const fresh = await world.test.app.inject({
        url: `${url}?lang=ja&email=hanako%40example.ac.jp`,
        headers,
      });
      assert.match(fresh.body, /data-verdict="valid"/);
      assert.match(fresh.body, /data-result="match"/);
      assert.match(fresh.body, /令和6年4月1日/);
      await changeAwardState(
        world.context,
        {
          organisationId: world.organisationId,
          awardId: award.id,
          change: 'revoke',
          reason: '誤発行',
        },
        world.origin(),
      );
      const revoked = await world.test.app.inject({ url, headers });
      assert.match(revoked.body, /data-status="revoked"/);
      assert.match(revoked.body, /data-verdict="revoked"/);
      assert.match(revoked.body, /誤発行/);
    } finally {
      await world.close();
    }
  });
});
