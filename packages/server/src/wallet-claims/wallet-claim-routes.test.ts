import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { findLink } from '../mail/read-test-mail.js';
import type { WalletCredentialSummary } from '../wallet/wallet-summary.js';
import { createClaimToken } from './claim-token.js';
import { errorCode, PUBLIC_URL, startClaimTestWorld } from './wallet-claim-test-world.js';

const claimOf = (link: URL) => ({
  awardId: decodeURIComponent(link.pathname.replace('/wallet/claim/', '')),
  token: link.searchParams.get('token') ?? '',
});

describe('claim links', () => {
  forEachDatabase(
    "the award e-mail's claim link puts the award into the signed-in learner's wallet, once",
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const awardId = await t.issue('Recipient.One@Example.ac.jp');
        const link = await t.claimLink(awardId);
        assert.equal(link.origin + link.pathname, `${PUBLIC_URL}/wallet/claim/${awardId}`);
        // The e-mail as it arrived carries the same link, with what claiming does.
        const mail = await t.mailTo('Recipient.One@Example.ac.jp', 'バッジが授与されました');
        assert.equal(findLink(mail, `${PUBLIC_URL}/wallet/claim/`), link.href);
        assert.ok(mail.text.includes('ウォレットに受け取ると'));
        const body = claimOf(link);

        assert.equal((await t.call('POST', '/api/v1/wallet/claims', {}, body)).statusCode, 401);
        const apiKey = await t.world.apiKey(['badges:read']);
        assert.equal((await t.call('POST', '/api/v1/wallet/claims', apiKey, body)).statusCode, 403);

        // Any account may claim with the link, whatever its own address.
        const learner = await t.learner();
        const first = await t.call('POST', '/api/v1/wallet/claims', learner.headers, body);
        assert.equal(first.statusCode, 201, first.body);
        const { item } = first.json<{ item: WalletCredentialSummary }>();
        assert.equal(item.origin, 'award');
        assert.equal(item.format, 'award');
        assert.equal(item.awardId, awardId);
        assert.equal(item.obVersion, 3);
        assert.equal(item.name, '情報リテラシー');
        assert.equal(item.description, '情報の扱い方の基礎を修得した。');
        assert.equal(item.issuerName, t.world.profile.name.ja);
        assert.equal(item.issuerId, t.world.profile.identifier);
        assert.equal(item.status, 'valid');
        assert.equal(item.verdict, 'valid', 'verified at once');
        assert.ok(item.checkedAt !== null);
        assert.equal(item.visibility, 'private');
        assert.ok(!JSON.stringify(item).toLowerCase().includes('recipient.one'));

        const award = await db.kysely
          .selectFrom('awards')
          .selectAll()
          .where('id', '=', awardId)
          .executeTakeFirstOrThrow();
        const row = await db.kysely
          .selectFrom('wallet_credentials')
          .selectAll()
          .where('id', '=', item.id)
          .executeTakeFirstOrThrow();
        assert.equal(row.user_id, learner.id);
        assert.equal(row.credential, award.credential);
        assert.equal(row.credential_jwt, award.credential_jwt);
        assert.equal(
          row.dedupe_key,
          `${t.world.profile.identifier}\n${PUBLIC_URL}/badges/${awardId}`,
        );
        assert.equal(row.issued_at, award.awarded_at);
        assert.equal(row.valid_from, award.valid_from);
        assert.ok(row.report !== null && row.next_check_at > row.created_at);
        assert.equal(
          (JSON.parse(row.report) as { status: string }).status,
          'valid',
          'the report is stored',
        );

        const again = await t.call('POST', '/api/v1/wallet/claims', learner.headers, body);
        assert.equal(again.statusCode, 200);
        assert.equal(again.json<{ item: WalletCredentialSummary }>().item.id, item.id);

        // Removed by the learner, the award comes back by its link.
        await db.kysely
          .updateTable('wallet_credentials')
          .set({ removed_at: new Date().toISOString() })
          .where('id', '=', item.id)
          .execute();
        const restored = await t.call('POST', '/api/v1/wallet/claims', learner.headers, body);
        assert.equal(restored.statusCode, 200);
        const back = await db.kysely
          .selectFrom('wallet_credentials')
          .select(['id', 'removed_at'])
          .where('award_id', '=', awardId)
          .execute();
        assert.deepEqual(back, [{ id: item.id, removed_at: null }]);

        // Another account cannot take it.
        const other = await t.learner();
        const elsewhere = await t.call('POST', '/api/v1/wallet/claims', other.headers, body);
        assert.equal(elsewhere.statusCode, 409);
        assert.equal(errorCode(elsewhere), 'ERR_WALLET_CLAIMED_ELSEWHERE');

        const audits = await db.kysely
          .selectFrom('audit_events')
          .select(['actor_user_id', 'target_id', 'details'])
          .where('action', '=', 'wallet.claim')
          .orderBy('occurred_at')
          .execute();
        // The claim and the restore change the wallet; the repeat in between does not.
        assert.equal(audits.length, 2);
        assert.ok(audits.every((event) => event.actor_user_id === learner.id));
        assert.deepEqual(JSON.parse(audits[0]?.details ?? ''), { awardId, restored: false });
        assert.deepEqual(JSON.parse(audits[1]?.details ?? ''), { awardId, restored: true });
      } finally {
        await t.close();
      }
    },
  );

  forEachDatabase(
    "refuses forged tokens and another award's token; unknown awards are 404",
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const first = await t.issue('one@example.ac.jp', { notify: false });
        const second = await t.issue('two@example.ac.jp');
        const learner = await t.learner();
        const { token } = claimOf(await t.claimLink(second));
        const claim = (payload: unknown) =>
          t.call('POST', '/api/v1/wallet/claims', learner.headers, payload);

        for (const payload of [
          { awardId: first, token },
          { awardId: second, token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
          { awardId: second, token: 'not-a-token' },
        ]) {
          const response = await claim(payload);
          assert.equal(response.statusCode, 403, response.body);
          assert.equal(errorCode(response), 'ERR_WALLET_CLAIM_TOKEN');
        }
        const unknown = 'f5d3c0de-0000-4000-8000-000000000000';
        const missing = await claim({
          awardId: unknown,
          token: createClaimToken(t.world.context.masterKey.walletClaimKey, unknown),
        });
        assert.equal(missing.statusCode, 404);
        assert.equal(errorCode(missing), 'ERR_WALLET_AWARD_NOT_FOUND');

        const bad = await claim({ awardId: second });
        assert.equal(bad.statusCode, 400);
        const envelope = bad.json<{ error: { code: string; fields: { path: string }[] } }>();
        assert.equal(envelope.error.code, 'ERR_HTTP_VALIDATION');
        assert.ok(envelope.error.fields.some((field) => field.path === '/token'));

        const count = await db.kysely
          .selectFrom('wallet_credentials')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(count.n, 0);
      } finally {
        await t.close();
      }
    },
  );

  forEachDatabase(
    'a revoked award can be claimed and shows revoked; an earlier import of it becomes the award',
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const revoked = await t.issue('three@example.ac.jp');
        const revoke = await t.call(
          'POST',
          `/api/v1/organisations/${t.world.organisationId}/awards/${revoked}/revoke`,
          await t.world.apiKey(['badges:revoke']),
          { reason: '誤って発行しました。' },
        );
        assert.equal(revoke.statusCode, 200, revoke.body);
        const learner = await t.learner();
        const claimed = await t.call(
          'POST',
          '/api/v1/wallet/claims',
          learner.headers,
          claimOf(await t.claimLink(revoked)),
        );
        assert.equal(claimed.statusCode, 201, claimed.body);
        const { item } = claimed.json<{ item: WalletCredentialSummary }>();
        assert.equal(item.status, 'revoked');
        assert.equal(item.verdict, 'revoked');

        // The learner had imported this award's credential before claiming it.
        const imported = await t.issue('four@example.ac.jp');
        const award = await db.kysely
          .selectFrom('awards')
          .select(['credential'])
          .where('id', '=', imported)
          .executeTakeFirstOrThrow();
        const now = new Date().toISOString();
        await db.kysely
          .insertInto('wallet_credentials')
          .values({
            id: 'imported-row',
            user_id: learner.id,
            origin: 'import',
            award_id: null,
            format: 'ob3-json',
            ob_version: 3,
            dedupe_key: `${t.world.profile.identifier}\n${PUBLIC_URL}/badges/${imported}`,
            credential: award.credential,
            credential_jwt: null,
            original: null,
            original_media_type: null,
            source_url: null,
            issuer_id: t.world.profile.identifier,
            issuer_name: null,
            achievement_name: null,
            description: null,
            image: null,
            issued_at: null,
            valid_from: null,
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
          })
          .execute();
        const merged = await t.call(
          'POST',
          '/api/v1/wallet/claims',
          learner.headers,
          claimOf(await t.claimLink(imported)),
        );
        assert.equal(merged.statusCode, 200, merged.body);
        assert.equal(merged.json<{ item: WalletCredentialSummary }>().item.id, 'imported-row');
        const rows = await db.kysely
          .selectFrom('wallet_credentials')
          .select(['id', 'award_id'])
          .where('user_id', '=', learner.id)
          .orderBy('id')
          .execute();
        assert.equal(rows.length, 2);
        assert.ok(rows.some((row) => row.id === 'imported-row' && row.award_id === imported));
      } finally {
        await t.close();
      }
    },
  );
});
