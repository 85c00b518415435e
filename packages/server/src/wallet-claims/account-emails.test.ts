import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import { hitRateLimit } from '../auth/rate-limit.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { findLinkToken } from '../mail/read-test-mail.js';
import { ADD_EMAIL_PER_USER, MAX_FURTHER_ADDRESSES } from './account-emails.js';
import { syncAwardsIntoWallet } from './sync-awards.js';
import { errorCode, PUBLIC_URL, startClaimTestWorld } from './wallet-claim-test-world.js';

interface Emails {
  primary: { email: string; verified: boolean };
  others: { id: string; email: string; verified: boolean; createdAt: string }[];
}

const VERIFY_LINK = `${PUBLIC_URL}/account/emails/verify?token=`;

describe('further e-mail addresses', () => {
  forEachDatabase(
    'add, confirm by the e-mailed link (awards come in), list and remove an address',
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const owner = await t.learner({ email: 'hanako@example.ac.jp' });
        const stranger = await t.learner();
        const award = await t.issue('Hanako.Work@Example.co.jp', { notify: false });

        assert.equal((await t.call('GET', '/api/v1/account/emails', {})).statusCode, 401);
        const added = await t.call('POST', '/api/v1/account/emails', owner.headers, {
          email: 'Hanako.Work@Example.co.jp',
        });
        assert.equal(added.statusCode, 201, added.body);
        const address = added.json<Emails['others'][number]>();
        assert.equal(address.email, 'hanako.work@example.co.jp');
        assert.equal(address.verified, false);

        const listed = await t.call('GET', '/api/v1/account/emails', owner.headers);
        assert.deepEqual(listed.json<Emails>(), {
          primary: { email: 'hanako@example.ac.jp', verified: true },
          others: [address],
        });
        // Not confirmed yet: the award to it is not matched.
        assert.equal(await syncAwardsIntoWallet(t.world.context, owner.id), 0);

        const mail = await t.mailTo('hanako.work@example.co.jp', '追加のメールアドレスの確認');
        assert.ok(mail.text.startsWith('山田 花子 様'));
        assert.ok(mail.text.includes('ウォレットに自動的に追加'));
        const token = findLinkToken(mail, VERIFY_LINK);

        // Only the account that added it can confirm it.
        const wrong = await t.call('POST', '/api/v1/account/emails/verify', stranger.headers, {
          token,
        });
        assert.equal(wrong.statusCode, 400);
        assert.equal(errorCode(wrong), 'ERR_ACCOUNT_TOKEN_INVALID');
        assert.equal(
          (await t.call('POST', '/api/v1/account/emails/verify', {}, { token })).statusCode,
          401,
        );

        const verified = await t.call('POST', '/api/v1/account/emails/verify', owner.headers, {
          token,
        });
        assert.equal(verified.statusCode, 200, verified.body);
        assert.deepEqual(verified.json(), { email: 'hanako.work@example.co.jp', added: 1 });
        const wallet = await db.kysely
          .selectFrom('wallet_credentials')
          .select(['id', 'award_id'])
          .where('user_id', '=', owner.id)
          .execute();
        assert.deepEqual(
          wallet.map((row) => row.award_id),
          [award],
        );
        const again = await t.call('POST', '/api/v1/account/emails/verify', owner.headers, {
          token,
        });
        assert.equal(errorCode(again), 'ERR_ACCOUNT_TOKEN_INVALID');

        // Confirmed here: another account cannot add it; this one cannot add it twice.
        const taken = await t.call('POST', '/api/v1/account/emails', stranger.headers, {
          email: 'hanako.work@example.co.jp',
        });
        assert.equal(taken.statusCode, 409);
        assert.equal(errorCode(taken), 'ERR_ACCOUNT_EMAIL_IN_USE');
        for (const email of ['HANAKO.WORK@example.co.jp', 'Hanako@Example.ac.jp']) {
          const twice = await t.call('POST', '/api/v1/account/emails', owner.headers, { email });
          assert.equal(twice.statusCode, 409);
          assert.equal(errorCode(twice), 'ERR_ACCOUNT_EMAIL_ALREADY_ADDED');
        }
        // Another account's own confirmed address cannot be added either.
        const primaryTaken = await t.call('POST', '/api/v1/account/emails', stranger.headers, {
          email: 'hanako@example.ac.jp',
        });
        assert.equal(errorCode(primaryTaken), 'ERR_ACCOUNT_EMAIL_IN_USE');

        const bad = await t.call('POST', '/api/v1/account/emails', owner.headers, {
          email: 'not an address',
        });
        assert.equal(bad.statusCode, 400);
        assert.equal(
          bad.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path,
          '/email',
        );

        // Removing the address keeps the badge; the address is gone for good.
        const foreign = await t.call(
          'DELETE',
          `/api/v1/account/emails/${address.id}`,
          stranger.headers,
        );
        assert.equal(foreign.statusCode, 404);
        assert.equal(errorCode(foreign), 'ERR_ACCOUNT_EMAIL_NOT_FOUND');
        const removed = await t.call(
          'DELETE',
          `/api/v1/account/emails/${address.id}`,
          owner.headers,
        );
        assert.equal(removed.statusCode, 204);
        assert.deepEqual(
          (await t.call('GET', '/api/v1/account/emails', owner.headers)).json<Emails>().others,
          [],
        );
        const kept = await db.kysely
          .selectFrom('wallet_credentials')
          .select('id')
          .where('user_id', '=', owner.id)
          .execute();
        assert.equal(kept.length, 1);
        assert.equal(
          (await t.call('DELETE', `/api/v1/account/emails/${address.id}`, owner.headers))
            .statusCode,
          404,
        );

        const actions = await db.kysely
          .selectFrom('audit_events')
          .select('action')
          .where('actor_user_id', '=', owner.id)
          .orderBy('occurred_at')
          .execute();
        assert.deepEqual(
          actions.map((row) => row.action),
          ['account.email-add', 'account.email-verify', 'account.email-remove'],
        );
      } finally {
        await t.close();
      }
    },
  );

  forEachDatabase(
    'English mail, a new link for a pending address, expiry, the limit and the rate limit',
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const learner = await t.learner();
        await db.kysely
          .updateTable('users')
          .set({ locale: 'en' })
          .where('id', '=', learner.id)
          .execute();
        const add = (email: string) =>
          t.call('POST', '/api/v1/account/emails', learner.headers, { email });

        const first = await add('ann@example.org');
        assert.equal(first.statusCode, 201);
        const firstMail = await t.mailTo('ann@example.org', 'Confirm the address added');
        assert.ok(firstMail.text.startsWith('Hello 山田 花子,'));
        const oldToken = findLinkToken(firstMail, VERIFY_LINK);
        // Asking again for a pending address sends a new link (200, the same address).
        const repeat = await add('ann@example.org');
        assert.equal(repeat.statusCode, 200);
        assert.equal(repeat.json<{ id: string }>().id, first.json<{ id: string }>().id);
        const secondMail = await t.mailTo('ann@example.org', 'Confirm the address added');
        const newToken = findLinkToken(secondMail, VERIFY_LINK);
        await db.kysely
          .updateTable('email_tokens')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .where('purpose', '=', 'add-email')
          .where('email', '=', 'ann@example.org')
          .execute();
        for (const token of [oldToken, newToken]) {
          const expired = await t.call('POST', '/api/v1/account/emails/verify', learner.headers, {
            token,
          });
          assert.equal(errorCode(expired), 'ERR_ACCOUNT_TOKEN_EXPIRED');
        }

        const now = new Date().toISOString();
        await db.kysely
          .insertInto('user_emails')
          .values(
            Array.from({ length: MAX_FURTHER_ADDRESSES - 1 }, (_, i) => ({
              id: randomUUID(),
              user_id: learner.id,
              email: `extra-${String(i)}@example.org`,
              verified_at: null,
              created_at: now,
            })),
          )
          .execute();
        const over = await add('eleventh@example.org');
        assert.equal(over.statusCode, 409);
        assert.equal(errorCode(over), 'ERR_ACCOUNT_EMAIL_LIMIT');
        assert.match(over.json<{ error: { message: string } }>().error.message, /at most 10/);

        for (let i = 0; i < ADD_EMAIL_PER_USER.limit; i += 1) {
          await hitRateLimit(
            db.kysely,
            `add-email:user:${learner.id}`,
            ADD_EMAIL_PER_USER,
            new Date(),
          );
        }
        const limited = await add('later@example.org');
        assert.equal(limited.statusCode, 429);
        assert.ok(Number(limited.headers['retry-after']) > 0);
      } finally {
        await t.close();
      }
    },
  );
});
