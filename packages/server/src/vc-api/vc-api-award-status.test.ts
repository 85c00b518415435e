/**
 * `POST /credentials/status` on an award: the award's credential id (or its id) names it, and the
 * award's own command changes its state (row, status bit, audit, webhooks), so the badge verifies
 * as suspended, then valid, then revoked.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { readAward } from '../awards/award.js';
import { buildAwardTestWorld } from '../awards/award-test-world.js';
import { issueAward } from '../awards/issue-awards.js';
import { forEachDatabase } from '../db/for-each-database.js';

describe('POST /credentials/status on awards', () => {
  forEachDatabase(
    'suspends, reinstates and revokes an award through its credential id',
    async (db) => {
      const world = await buildAwardTestWorld(db);
      try {
        const { award } = await issueAward(
          world.context,
          {
            organisationId: world.organisationId,
            achievementId: world.achievement.id,
            input: {
              recipient: { email: 'hanako@example.ac.jp', name: '山田 花子' },
              suspendable: true,
            },
          },
          world.origin(),
        );
        const headers = await world.apiKey(['badges:revoke']);
        const credentialId = String(award.credential.id);
        const change = async (statusPurpose: string, status: boolean) => {
          const response = await world.test.app.inject({
            method: 'POST',
            url: '/credentials/status',
            headers,
            payload: {
              credentialId,
              credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose },
              status,
              reason: 'テスト',
            },
          });
          assert.equal(response.statusCode, 200, response.body);
          return (await readAward(db, award.id)).state;
        };
        assert.equal(await change('suspension', true), 'suspended');
        assert.equal((await world.verifier.verify(award.credential)).status, 'suspended');
        assert.equal(await change('suspension', false), 'active');
        assert.equal(await change('revocation', true), 'revoked');
        assert.equal((await world.verifier.verify(award.credential)).status, 'revoked');

        const other = await world.test.app.inject({
          method: 'POST',
          url: '/credentials/status',
          headers: await world.apiKey(['badges:read']),
          payload: {
            credentialId,
            credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
          },
        });
        assert.equal(other.statusCode, 403);
      } finally {
        await world.test.close();
      }
    },
  );
});
