import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { isServerError } from '../http/server-error.js';
import { readAward } from './award.js';
import { buildAwardTestWorld } from './award-test-world.js';
import { changeAwardState } from './change-award-state.js';
import { issueAward, issueAwards } from './issue-awards.js';
import { reissueAward } from './reissue-award.js';

const summary = (report: {
  status: string;
  checks: readonly { name: string; outcome: string; code?: string }[];
}) =>
  `${report.status}: ${report.checks.map((c) => `${c.name}=${c.outcome}${c.code === undefined ? '' : `(${c.code})`}`).join(', ')}`;

describe('issueAwards', () => {
  forEachDatabase(
    'issues a credential that our verifier accepts, with its status list',
    async (db) => {
      const world = await buildAwardTestWorld(db);
      try {
        const { award, created } = await issueAward(
          world.context,
          {
            organisationId: world.organisationId,
            achievementId: world.achievement.id,
            input: {
              recipient: { email: 'Hanako.Yamada@Example.ac.jp', name: '山田 花子' },
              awardedDate: '2026-03-31',
            },
          },
          world.origin(),
        );
        assert.equal(created, true);
        assert.equal(award.state, 'active');
        assert.equal(award.recipient.name, '山田 花子');
        assert.equal(award.awardedAt, '2026-03-30T15:00:00.000Z');
        const credential = award.credential;
        assert.equal(credential.id, `${world.context.config.publicUrl}/badges/${award.id}`);
        assert.equal(credential.awardedDate, '2026-03-30T15:00:00Z');
        const status = credential.credentialStatus as Record<string, unknown>;
        assert.equal(status.statusPurpose, 'revocation');
        assert.equal(status.type, 'BitstringStatusListEntry');
        const report = await world.verifier.verify(credential);
        assert.equal(report.status, 'valid', summary(report));
        // The notification is queued with the award.
        const notifications = await db.kysely
          .selectFrom('notifications')
          .select(['award_id', 'recipient_name', 'state'])
          .execute();
        assert.deepEqual(notifications, [
          { award_id: award.id, recipient_name: '山田 花子', state: 'pending' },
        ]);
      } finally {
        await world.test.close();
      }
    },
  );

  forEachDatabase('is idempotent by key, in the same batch and across calls', async (db) => {
    const world = await buildAwardTestWorld(db);
    try {
      const request = {
        organisationId: world.organisationId,
        achievementId: world.achievement.id,
        inputs: [
          { recipient: { email: 'a@example.ac.jp' }, externalId: 'S-001', notify: false },
          { recipient: { email: 'b@example.ac.jp' }, externalId: 'S-002', notify: false },
          { recipient: { email: 'a@example.ac.jp' }, externalId: 'S-001', notify: false },
          { recipient: { email: 'not an address' }, externalId: 'S-003', notify: false },
        ],
      };
      const first = await issueAwards(world.context, request, world.origin());
      assert.deepEqual(
        first.map((o) => o.state),
        ['issued', 'issued', 'duplicate', 'failed'],
      );
      const firstId = first[0]?.state === 'issued' ? first[0].award.id : '';
      assert.deepEqual(first[2], { state: 'duplicate', awardId: firstId });
      const failed = first[3];
      assert.ok(failed?.state === 'failed' && failed.error.code === 'ERR_AWARD_INVALID_RECIPIENT');

      const again = await issueAwards(world.context, request, world.origin());
      assert.deepEqual(
        again.map((o) => o.state),
        ['duplicate', 'duplicate', 'duplicate', 'failed'],
      );
      const count = await db.kysely
        .selectFrom('awards')
        .select(db.kysely.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 2);

      // The same external id for another person is a conflict, not a silent duplicate.
      const conflict = await issueAwards(
        world.context,
        { ...request, inputs: [{ recipient: { email: 'c@example.ac.jp' }, externalId: 'S-001' }] },
        world.origin(),
      );
      assert.ok(
        conflict[0]?.state === 'failed' &&
          conflict[0].error.code === 'ERR_AWARD_IDEMPOTENCY_CONFLICT',
      );
    } finally {
      await world.test.close();
    }
  });

  forEachDatabase(
    'revokes, suspends and reinstates, and the verifier sees each at once',
    async (db) => {
      const world = await buildAwardTestWorld(db);
      try {
        const issue = (suspendable: boolean) =>
          issueAward(
            world.context,
            {
              organisationId: world.organisationId,
              achievementId: world.achievement.id,
              input: { recipient: { email: 'taro@example.ac.jp' }, suspendable, notify: false },
            },
            world.origin(),
          );
        const { award: plain } = await issue(false);
        const { award: suspendable } = await issue(true);
        assert.ok(Array.isArray(suspendable.credential.credentialStatus));
        assert.equal((await world.verifier.verify(suspendable.credential)).status, 'valid');

        await assert.rejects(
          changeAwardState(
            world.context,
            {
              organisationId: world.organisationId,
              awardId: plain.id,
              change: 'suspend',
              reason: 'x',
            },
            world.origin(),
          ),
          (error) => isServerError(error) && error.code === 'ERR_AWARD_NOT_SUSPENDABLE',
        );

        const suspended = await changeAwardState(
          world.context,
          {
            organisationId: world.organisationId,
            awardId: suspendable.id,
            change: 'suspend',
            reason: '調査中',
          },
          world.origin(),
        );
        assert.equal(suspended.state, 'suspended');
        assert.equal((await world.verifier.verify(suspendable.credential)).status, 'suspended');
        await changeAwardState(
          world.context,
          { organisationId: world.organisationId, awardId: suspendable.id, change: 'reinstate' },
          world.origin(),
        );
        assert.equal((await world.verifier.verify(suspendable.credential)).status, 'valid');

        const revoked = await changeAwardState(
          world.context,
          {
            organisationId: world.organisationId,
            awardId: plain.id,
            change: 'revoke',
            reason: '不正受験',
          },
          world.origin(),
        );
        assert.equal(revoked.state, 'revoked');
        assert.equal(revoked.stateReason, '不正受験');
        assert.equal((await world.verifier.verify(plain.credential)).status, 'revoked');
        await assert.rejects(
          changeAwardState(
            world.context,
            {
              organisationId: world.organisationId,
              awardId: plain.id,
              change: 'revoke',
              reason: 'x',
            },
            world.origin(),
          ),
          (error) => isServerError(error) && error.code === 'ERR_AWARD_ALREADY_REVOKED',
        );
        // The other award is untouched by the revocation.
        assert.equal((await world.verifier.verify(suspendable.credential)).status, 'valid');
      } finally {
        await world.test.close();
      }
    },
  );

  forEachDatabase(
    're-issues: a new credential, the award date kept, the old one revoked and linked',
    async (db) => {
      const world = await buildAwardTestWorld(db);
      try {
        const { award: old } = await issueAward(
          world.context,
          {
            organisationId: world.organisationId,
            achievementId: world.achievement.id,
            input: {
              recipient: { email: 'jiro@example.ac.jp', name: '佐藤 次郎' },
              awardedDate: '2025-04-01',
              notify: false,
            },
          },
          world.origin(),
        );
        const { award, previous } = await reissueAward(
          world.context,
          world.organisationId,
          old.id,
          { recipient: { email: 'jiro@example.ac.jp', name: '佐藤 二郎' } },
          world.origin(),
        );
        assert.notEqual(award.id, old.id);
        assert.equal(award.awardedAt, old.awardedAt);
        assert.equal(award.recipient.name, '佐藤 二郎');
        assert.equal(award.replacesAwardId, old.id);
        assert.equal(previous.replacedByAwardId, award.id);
        assert.equal(previous.state, 'revoked');
        assert.equal((await world.verifier.verify(old.credential)).status, 'revoked');
        assert.equal((await world.verifier.verify(award.credential)).status, 'valid');
        await assert.rejects(
          reissueAward(world.context, world.organisationId, old.id, {}, world.origin()),
          (error) => isServerError(error) && error.code === 'ERR_AWARD_REPLACED',
        );
        assert.equal((await readAward(db, award.id)).replacesAwardId, old.id);
      } finally {
        await world.test.close();
      }
    },
  );
});
