import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import { readSessionCookie } from '../accounts/account-test-harness.js';
import { hashPassword } from '../accounts/password-hash.js';
import { insertTestApiKey, insertTestMembership } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { insertTestDepartment, insertTestMember } from '../policy/policy-test-world.js';
import { errorCode, startClaimTestWorld, type ClaimTestWorld } from './wallet-claim-test-world.js';

const PASSWORD = 'correct horse battery staple';

/** Every table that holds rows of an account, and how to count one account's rows in it. */
const countRows = async (db: Database, userId: string, email: string) => {
  const k = db.kysely;
  const n = async (query: { executeTakeFirstOrThrow: () => Promise<{ n: unknown }> }) =>
    Number((await query.executeTakeFirstOrThrow()).n);
  const byUser = (
    table:
      | 'sessions'
      | 'passkeys'
      | 'recovery_codes'
      | 'email_tokens'
      | 'webauthn_challenges'
      | 'user_emails'
      | 'wallet_credentials'
      | 'wallet_collections'
      | 'wallet_share_links'
      | 'wallet_profiles'
      | 'memberships',
  ) =>
    n(
      k
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId),
    );
  return {
    users: await n(
      k
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', '=', userId),
    ),
    sessions: await byUser('sessions'),
    passkeys: await byUser('passkeys'),
    recovery_codes: await byUser('recovery_codes'),
    email_tokens: await byUser('email_tokens'),
    webauthn_challenges: await byUser('webauthn_challenges'),
    user_emails: await byUser('user_emails'),
    wallet_credentials: await byUser('wallet_credentials'),
    wallet_collections: await byUser('wallet_collections'),
    wallet_collection_items: await n(
      k
        .selectFrom('wallet_collection_items')
        .innerJoin(
          'wallet_collections',
          'wallet_collections.id',
          'wallet_collection_items.collection_id',
        )
        .select((eb) => eb.fn.countAll().as('n'))
        .where('wallet_collections.user_id', '=', userId),
    ),
    wallet_share_links: await byUser('wallet_share_links'),
    wallet_profiles: await byUser('wallet_profiles'),
    memberships: await byUser('memberships'),
    membership_departments: await n(
      k
        .selectFrom('membership_departments')
        .innerJoin('memberships', 'memberships.id', 'membership_departments.membership_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('memberships.user_id', '=', userId),
    ),
    rate_limits: await n(
      k
        .selectFrom('rate_limits')
        .select((eb) => eb.fn.countAll().as('n'))
        .where((eb) =>
          eb.or([
            eb('key', 'like', `%:user:${userId}`),
            eb('key', '=', `sign-in:account:${email}`),
          ]),
        ),
    ),
    organisation_references: await n(
      k
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where((eb) =>
          eb.or([eb('decided_by', '=', userId), eb('applicant_user_id', '=', userId)]),
        ),
    ),
    api_key_references: await n(
      k
        .selectFrom('api_keys')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('created_by', '=', userId),
    ),
  };
};

/** A password account with a real session, and a row of its own in every table. */
const fullAccount = async (t: ClaimTestWorld, email: string) => {
  const { db } = t;
  const learner = await t.learner({ email });
  const now = new Date().toISOString();
  const later = new Date(Date.now() + 3600_000).toISOString();
  await db.kysely
    .updateTable('users')
    .set({ password_hash: await hashPassword(PASSWORD) })
    .where('id', '=', learner.id)
    .execute();
  const signIn = await t.call('POST', '/api/v1/session', {}, { email, password: PASSWORD });
  assert.equal(signIn.statusCode, 200, signIn.body);
  const headers = {
    cookie: `akashi_session=${readSessionCookie(signIn) ?? ''}`,
    'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken,
  };
  // The wallet: a claimed award, a collection with it, a share link and a profile.
  const awardId = await t.issue(email);
  const link = await t.claimLink(awardId);
  const claim = await t.call('POST', '/api/v1/wallet/claims', headers, {
    awardId,
    token: link.searchParams.get('token'),
  });
  assert.equal(claim.statusCode, 201, claim.body);
  const credentialId = claim.json<{ item: { id: string } }>().item.id;
  const collectionId = randomUUID();
  await db.kysely
    .insertInto('wallet_collections')
    .values({
      id: collectionId,
      user_id: learner.id,
      name: '学位',
      description: null,
      visibility: 'public',
      position: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db.kysely
    .insertInto('wallet_collection_items')
    .values({ collection_id: collectionId, wallet_credential_id: credentialId, position: 0 })
    .execute();
  await db.kysely
    .insertInto('wallet_share_links')
    .values({
      id: randomUUID(),
      user_id: learner.id,
      wallet_credential_id: credentialId,
      views: 0,
      linkedin_clicks: 0,
      created_at: now,
      revoked_at: null,
    })
    .execute();
  await db.kysely
    .insertInto('wallet_profiles')
    .values({
      user_id: learner.id,
      slug: `p-${learner.id.slice(0, 8)}`,
      enabled: 1,
      display_name: '山田 花子',
      name_kana: 'やまだ はなこ',
      name_romaji: 'Hanako Yamada',
      headline: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // Addresses, factors, tokens, challenges and counters.
  assert.equal(
    (await t.call('POST', '/api/v1/account/emails', headers, { email: `x.${email}` })).statusCode,
    201,
  );
  await db.kysely
    .insertInto('passkeys')
    .values({
      id: randomUUID(),
      user_id: learner.id,
      name: 'ノート PC',
      public_key: 'AQID',
      created_at: now,
      last_used_at: null,
    })
    .execute();
  // With a passkey, the session counts once its second factor is given.
  await db.kysely
    .updateTable('sessions')
    .set({ second_factor_at: now })
    .where('user_id', '=', learner.id)
    .execute();
  await db.kysely
    .insertInto('recovery_codes')
    .values({
      id: randomUUID(),
      user_id: learner.id,
      code_hash: 'h',
      created_at: now,
      used_at: null,
    })
    .execute();
  await db.kysely
    .insertInto('webauthn_challenges')
    .values({
      id: randomUUID(),
      user_id: learner.id,
      challenge: 'c',
      purpose: 'register',
      expires_at: later,
    })
    .execute();
  await db.kysely
    .insertInto('rate_limits')
    .values([
      { key: `password-check:user:${learner.id}`, window_start: now, count: 1 },
      { key: `sign-in:account:${email}`, window_start: now, count: 1 },
    ])
    .execute();
  // Staff of the organisation too, who decided an application and made an API key.
  const department = await insertTestDepartment(db, t.world.organisationId, `工学部 ${email}`);
  const membership = await insertTestMembership(db, t.world.organisationId, learner.id, 'issuer');
  await db.kysely
    .insertInto('membership_departments')
    .values({ membership_id: membership, department_id: department })
    .execute();
  await db.kysely
    .updateTable('organisations')
    .set({ decided_by: learner.id, applicant_user_id: learner.id })
    .where('id', '=', t.world.organisationId)
    .execute();
  const key = await insertTestApiKey(db, t.world.organisationId, ['badges:read']);
  await db.kysely
    .updateTable('api_keys')
    .set({ created_by: learner.id })
    .where('id', '=', key.id)
    .execute();
  return { ...learner, headers, awardId };
};

describe('deleting an account', () => {
  forEachDatabase(
    'removes every row of the account, keeps the issuer records, ends the session',
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const email = 'delete.me@example.ac.jp';
        // The bystander first: the account then takes over the organisation's references.
        const bystander = await fullAccount(t, 'stays@example.ac.jp');
        const account = await fullAccount(t, email);
        const before = await countRows(db, account.id, email);
        for (const [table, count] of Object.entries(before)) {
          assert.ok(count > 0, `the test puts a row in ${table}`);
        }
        const bystanderBefore = await countRows(db, bystander.id, 'stays@example.ac.jp');
        const awardsBefore = await db.kysely.selectFrom('awards').select('id').execute();

        const missing = await t.call('DELETE', '/api/v1/account', account.headers, {});
        assert.equal(missing.statusCode, 400);
        assert.equal(
          missing.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path,
          '/password',
        );
        const wrong = await t.call('DELETE', '/api/v1/account', account.headers, {
          password: 'wrong password entirely',
        });
        assert.equal(wrong.statusCode, 403);
        assert.equal(errorCode(wrong), 'ERR_ACCOUNT_PASSWORD_INCORRECT');
        assert.equal((await t.call('DELETE', '/api/v1/account', {}, {})).statusCode, 401);

        const deleted = await t.call('DELETE', '/api/v1/account', account.headers, {
          password: PASSWORD,
        });
        assert.equal(deleted.statusCode, 204, deleted.body);
        assert.equal(readSessionCookie(deleted), '', 'the session cookie is cleared');

        const after = await countRows(db, account.id, email);
        assert.deepEqual(after, Object.fromEntries(Object.keys(before).map((table) => [table, 0])));
        assert.deepEqual(
          await countRows(db, bystander.id, 'stays@example.ac.jp'),
          bystanderBefore,
          "another account's rows stay",
        );
        assert.equal(
          (await db.kysely.selectFrom('awards').select('id').execute()).length,
          awardsBefore.length,
          "the issuer's award records stay",
        );
        assert.equal(
          (await t.call('GET', '/api/v1/account', account.headers)).statusCode,
          401,
          'the old session cookie no longer works',
        );
        const events = await db.kysely
          .selectFrom('audit_events')
          .select(['actor_user_id', 'target_id', 'details'])
          .where('action', '=', 'account.delete')
          .execute();
        assert.deepEqual(events, [
          { actor_user_id: account.id, target_id: account.id, details: '{}' },
        ]);
        const mail = await t.mailTo(email, 'アカウントを削除しました');
        assert.ok(mail.text.startsWith('山田 花子 様'));
        // The claim link of the deleted account's award can be used again by its recipient.
        const fresh = await t.learner();
        const link = await t.claimLink(account.awardId);
        const reclaim = await t.call('POST', '/api/v1/wallet/claims', fresh.headers, {
          awardId: account.awardId,
          token: link.searchParams.get('token'),
        });
        assert.equal(reclaim.statusCode, 201);
      } finally {
        await t.close();
      }
    },
  );

  forEachDatabase(
    'an account without a password confirms with its second factor; last admin and only operator are refused',
    async (db) => {
      const t = await startClaimTestWorld(db);
      try {
        const passwordless = await t.learner();
        const refused = await t.call('DELETE', '/api/v1/account', passwordless.headers, {});
        assert.equal(refused.statusCode, 403);
        assert.equal(errorCode(refused), 'ERR_ACCOUNT_DELETE_REAUTH');
        const confirmed = await t.learner({ secondFactor: true });
        assert.equal(
          (await t.call('DELETE', '/api/v1/account', confirmed.headers, {})).statusCode,
          204,
        );

        const admin = await insertTestMember(db, t.world.organisationId, 'org_admin', {
          secondFactor: true,
        });
        const last = await t.call('DELETE', '/api/v1/account', admin.headers, {});
        assert.equal(last.statusCode, 409);
        assert.equal(errorCode(last), 'ERR_ACCOUNT_LAST_ADMIN');
        assert.match(last.json<{ error: { message: string } }>().error.message, /国立証大学/);
        await insertTestMember(db, t.world.organisationId, 'org_admin');
        assert.equal(
          (await t.call('DELETE', '/api/v1/account', admin.headers, {})).statusCode,
          204,
        );

        const operator = await t.learner({ secondFactor: true });
        await db.kysely
          .updateTable('users')
          .set({ is_operator: 1 })
          .where('id', '=', operator.id)
          .execute();
        const only = await t.call('DELETE', '/api/v1/account', operator.headers, {});
        assert.equal(only.statusCode, 409);
        assert.equal(errorCode(only), 'ERR_ACCOUNT_LAST_OPERATOR');
        const second = await t.learner();
        await db.kysely
          .updateTable('users')
          .set({ is_operator: 1 })
          .where('id', '=', second.id)
          .execute();
        assert.equal(
          (await t.call('DELETE', '/api/v1/account', operator.headers, {})).statusCode,
          204,
        );
        const apiKey = await t.world.apiKey(['org:read']);
        assert.equal((await t.call('DELETE', '/api/v1/account', apiKey, {})).statusCode, 403);
      } finally {
        await t.close();
      }
    },
  );
});
