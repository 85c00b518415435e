import assert from 'node:assert/strict';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Session } from './account-schemas.js';
import {
  errorCode,
  PASSWORD,
  PUBLIC_URL,
  readSessionCookie,
  startAccountHarness,
  type AccountHarness,
  type SignedIn,
} from './account-test-harness.js';
import {
  createSoftwareAuthenticator,
  type SoftwareAuthenticator,
} from './software-authenticator.js';

interface CreationOptions {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: { id: string }[];
}

interface RequestOptions {
  challenge: string;
  rpId: string;
  allowCredentials?: { id: string }[];
  userVerification?: string;
}

const addPasskey = async (
  harness: AccountHarness,
  signedIn: SignedIn,
  authenticator: SoftwareAuthenticator,
  name: string,
) => {
  const options = await harness.app.inject({
    method: 'POST',
    url: '/api/v1/account/passkeys/options',
    headers: signedIn.headers,
    payload: { password: PASSWORD },
  });
  assert.equal(options.statusCode, 200, options.body);
  const creation = options.json<CreationOptions>();
  return harness.app.inject({
    method: 'POST',
    url: '/api/v1/account/passkeys',
    headers: signedIn.headers,
    payload: { name, response: authenticator.register(creation) },
  });
};

forEachDatabase(
  'passkeys: register with a software authenticator, then use it as the second factor',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'passkey@example.ac.jp';
      const userId = await harness.signUpAndVerify(email);
      const signedIn = await harness.signIn(email);
      const authenticator = createSoftwareAuthenticator({
        origin: PUBLIC_URL,
        rpId: 'badges.example.ac.jp',
      });

      const options = await app.inject({
        method: 'POST',
        url: '/api/v1/account/passkeys/options',
        headers: signedIn.headers,
        payload: { password: PASSWORD },
      });
      const creation = options.json<CreationOptions>();
      assert.deepEqual(creation.rp, { id: 'badges.example.ac.jp', name: 'Akashi' });
      assert.equal(creation.user.name, email);
      assert.equal(creation.user.displayName, '山田 花子');
      assert.equal(Buffer.from(creation.user.id, 'base64url').toString('utf8'), userId);

      // An answer made for another origin (a phishing site) is refused.
      const phished = await app.inject({
        method: 'POST',
        url: '/api/v1/account/passkeys',
        headers: signedIn.headers,
        payload: {
          name: 'phished',
          response: authenticator.register(creation, { origin: 'https://badges.example.evil' }),
        },
      });
      assert.equal(errorCode(phished), 'ERR_AUTH_PASSKEY_INVALID');
      // …and its challenge is spent.
      const replayed = await app.inject({
        method: 'POST',
        url: '/api/v1/account/passkeys',
        headers: signedIn.headers,
        payload: { name: 'laptop', response: authenticator.register(creation) },
      });
      assert.equal(errorCode(replayed), 'ERR_AUTH_CHALLENGE_EXPIRED');

      const added = await addPasskey(harness, signedIn, authenticator, 'ノート PC');
      assert.equal(added.statusCode, 201, added.body);
      const body = added.json<{ passkey: { id: string; name: string }; recoveryCodes: string[] }>();
      assert.equal(body.passkey.id, authenticator.credentialId);
      assert.equal(body.passkey.name, 'ノート PC');
      assert.equal(body.recoveryCodes.length, 10);
      await harness.mailTo(email, '2 段階認証の設定が追加されました');
      const list = await app.inject({ url: '/api/v1/account/passkeys', headers: signedIn.headers });
      assert.deepEqual(
        list.json<{ passkeys: { id: string }[] }>().passkeys.map((p) => p.id),
        [authenticator.credentialId],
      );
      assert.ok(!list.body.includes('public'), 'no key material in the list');

      const pending = await harness.signIn(email);
      assert.deepEqual(pending.session.secondFactor, {
        status: 'required',
        methods: ['passkey', 'recovery-code'],
      });
      const askOptions = async () =>
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/session/second-factor/passkey-options',
            headers: pending.headers,
          })
        ).json<RequestOptions>();
      const request = await askOptions();
      assert.equal(request.rpId, 'badges.example.ac.jp');
      assert.deepEqual(
        request.allowCredentials?.map((c) => c.id),
        [authenticator.credentialId],
      );

      const forged = await app.inject({
        method: 'POST',
        url: '/api/v1/session/second-factor',
        headers: pending.headers,
        payload: {
          method: 'passkey',
          response: authenticator.assert(request, { badSignature: true }),
        },
      });
      assert.equal(forged.statusCode, 401);
      assert.equal(errorCode(forged), 'ERR_AUTH_SECOND_FACTOR_INVALID');

      const good = await app.inject({
        method: 'POST',
        url: '/api/v1/session/second-factor',
        headers: pending.headers,
        payload: { method: 'passkey', response: authenticator.assert(await askOptions()) },
      });
      assert.equal(good.statusCode, 200, good.body);
      assert.equal(good.json<Session>().secondFactor.status, 'done');
      const stored = await db.kysely
        .selectFrom('passkeys')
        .select(['counter', 'last_used_at'])
        .executeTakeFirstOrThrow();
      assert.equal(stored.counter, 2);
      assert.notEqual(stored.last_used_at, null);

      const removed = await app.inject({
        method: 'DELETE',
        url: `/api/v1/account/passkeys/${authenticator.credentialId}`,
        headers: pending.headers,
      });
      assert.equal(removed.statusCode, 204);
      const gone = await app.inject({
        method: 'DELETE',
        url: `/api/v1/account/passkeys/${authenticator.credentialId}`,
        headers: pending.headers,
      });
      assert.equal(errorCode(gone), 'ERR_ACCOUNT_PASSKEY_NOT_FOUND');
      assert.equal((await db.kysely.selectFrom('recovery_codes').select('id').execute()).length, 0);
      assert.equal((await harness.signIn(email)).session.secondFactor.status, 'none');
      const actions = (await db.kysely.selectFrom('audit_events').select('action').execute()).map(
        (row) => row.action,
      );
      assert.ok(actions.includes('account.passkey-added'));
      assert.ok(actions.includes('account.passkey-removed'));
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase(
  'passkeys: sign in with a passkey alone (usernameless, user verification required)',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'usernameless@example.ac.jp';
      await harness.signUpAndVerify(email);
      const authenticator = createSoftwareAuthenticator({
        origin: PUBLIC_URL,
        rpId: 'badges.example.ac.jp',
      });
      const signedIn = await harness.signIn(email);
      assert.equal((await addPasskey(harness, signedIn, authenticator, 'phone')).statusCode, 201);

      const options = async () =>
        (
          await app.inject({ method: 'POST', url: '/api/v1/session/passkey-options' })
        ).json<RequestOptions>();
      const first = await options();
      assert.equal(first.allowCredentials, undefined);
      assert.equal(first.userVerification, 'required');

      const withoutUv = await app.inject({
        method: 'POST',
        url: '/api/v1/session/passkey',
        payload: { response: authenticator.assert(first, { userVerified: false }) },
      });
      assert.equal(errorCode(withoutUv), 'ERR_AUTH_PASSKEY_INVALID');

      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session/passkey',
        payload: { response: authenticator.assert(await options()) },
      });
      assert.equal(response.statusCode, 200, response.body);
      const session = response.json<Session>();
      assert.equal(session.secondFactor.status, 'done');
      assert.equal(session.account.email, email);
      const cookie = readSessionCookie(response);
      assert.ok(cookie !== undefined && cookie !== '');
      const account = await app.inject({
        url: '/api/v1/account',
        headers: { cookie: `akashi_session=${cookie}` },
      });
      assert.equal(account.statusCode, 200);
      const signIns = await db.kysely
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'account.sign-in')
        .execute();
      assert.ok(signIns.some((row) => row.details.includes('"method":"passkey"')));
    } finally {
      await harness.close();
    }
  },
);
