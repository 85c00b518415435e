import assert from 'node:assert/strict';
import { forEachDatabase } from '../db/for-each-database.js';
import { findLinkToken } from '../mail/read-test-mail.js';
import {
  errorCode,
  PASSWORD,
  PUBLIC_URL,
  readSessionCookie,
  startAccountHarness,
} from './account-test-harness.js';
import type { Account, Session } from './account-schemas.js';

const auditActions = async (
  harness: Awaited<ReturnType<typeof startAccountHarness>>,
): Promise<string[]> =>
  (await harness.db.kysely.selectFrom('audit_events').select('action').execute()).map(
    (row) => row.action,
  );

forEachDatabase(
  'sign-up, e-mail confirmation over real SMTP, sign-in, session and CSRF, sign-out',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'hanako.yamada@example.ac.jp';
      // The display name is kept exactly: 髙 (U+9AD9) and the compatibility ideograph 神
      // (U+FA19) would be changed by NFC/NFKC.
      const displayName = '髙橋 \uFA19子';
      const signUp = await app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { email: 'Hanako.Yamada@Example.ac.jp', password: PASSWORD, displayName },
        headers: { 'accept-language': 'ja' },
      });
      assert.equal(signUp.statusCode, 202, signUp.body);
      assert.deepEqual(signUp.json(), { status: 'accepted' });
      assert.equal(readSessionCookie(signUp), undefined);

      // Signing in before confirming is refused (and sends a new link).
      const early = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email, password: PASSWORD },
      });
      assert.equal(early.statusCode, 403);
      assert.equal(errorCode(early), 'ERR_ACCOUNT_EMAIL_UNVERIFIED');

      const mail = await harness.mailTo(email, '【Akashi】メールアドレスの確認');
      assert.ok(mail.text.startsWith(`${displayName} 様`));
      assert.ok(mail.text.includes('\uFA19'), 'the name is not normalised');
      assert.match(mail.from, /Akashi <no-reply@badges\.example\.ac\.jp>/);
      assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
      assert.match(mail.html, /<html lang="ja">/);
      const token = findLinkToken(mail, `${PUBLIC_URL}/verify-email?token=`);
      const verify = await app.inject({
        method: 'POST',
        url: '/api/v1/accounts/verify-email',
        payload: { token },
      });
      assert.equal(verify.statusCode, 204, verify.body);
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/accounts/verify-email',
        payload: { token },
      });
      assert.equal(errorCode(again), 'ERR_ACCOUNT_TOKEN_INVALID');

      const signedIn = await harness.signIn(email);
      const cookie = signedIn.response.headers['set-cookie'] as string;
      assert.match(
        cookie,
        /^akashi_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=1209600$/,
      );
      assert.equal(signedIn.session.secondFactor.status, 'none');
      assert.equal(signedIn.session.account.email, email);
      assert.equal(signedIn.session.account.displayName, displayName);
      assert.equal(signedIn.session.account.emailVerified, true);
      assert.ok(!JSON.stringify(signedIn.session).includes('scrypt'));

      const read = await app.inject({
        url: '/api/v1/session',
        headers: { cookie: signedIn.headers.cookie },
      });
      assert.equal(read.statusCode, 200);
      assert.equal(read.json<Session>().csrfToken, signedIn.session.csrfToken);

      // A write with the cookie needs the CSRF token.
      const noCsrf = await app.inject({
        method: 'PATCH',
        url: '/api/v1/account',
        headers: { cookie: signedIn.headers.cookie },
        payload: { locale: 'en' },
      });
      assert.equal(errorCode(noCsrf), 'ERR_HTTP_CSRF');
      const patched = await app.inject({
        method: 'PATCH',
        url: '/api/v1/account',
        headers: signedIn.headers,
        payload: { locale: 'en' },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json<Account>().locale, 'en');

      const signOut = await app.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: signedIn.headers,
      });
      assert.equal(signOut.statusCode, 204);
      assert.equal(readSessionCookie(signOut), '');
      const after = await app.inject({
        url: '/api/v1/session',
        headers: { cookie: signedIn.headers.cookie },
      });
      assert.equal(after.statusCode, 401);
      assert.equal(
        (await db.kysely.selectFrom('sessions').select('id').execute()).length,
        0,
        'the session row is gone',
      );
      assert.deepEqual((await auditActions(harness)).sort(), [
        'account.email-verified',
        'account.sign-in',
        'account.sign-out',
        'account.sign-up',
        'account.update',
      ]);
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase(
  'sign-up does not tell whether an address is taken: the owner is told instead',
  async (db) => {
    const harness = await startAccountHarness(db);
    try {
      const email = 'taken@example.ac.jp';
      await harness.signUpAndVerify(email, { locale: 'en', displayName: 'Taro Suzuki' });
      const second = await harness.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { email, password: 'another password 123', displayName: 'Intruder' },
      });
      assert.equal(second.statusCode, 202);
      assert.deepEqual(second.json(), { status: 'accepted' });
      const note = await harness.mailTo(email, 'Someone tried to create an Akashi account');
      assert.match(note.text, /^Hello Taro Suzuki,/);
      const users = await db.kysely.selectFrom('users').select('display_name').execute();
      assert.deepEqual(users, [{ display_name: 'Taro Suzuki' }]);
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase('refuses weak passwords with a code per rule', async (db) => {
  const harness = await startAccountHarness(db);
  try {
    const tryPassword = (password: string) =>
      harness.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { email: 'weak@example.ac.jp', password, displayName: '弱 パスワード' },
      });
    const short = await tryPassword('パスワード九文字');
    assert.equal(errorCode(short), 'ERR_ACCOUNT_PASSWORD_TOO_SHORT');
    assert.equal(short.statusCode, 400);
    assert.equal(
      short.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path,
      '/password',
    );
    assert.equal(
      errorCode(await tryPassword('WEAK@example.ac.jp')),
      'ERR_ACCOUNT_PASSWORD_IS_EMAIL',
    );
    // Ten Japanese characters are enough: length counts characters, not bytes.
    assert.equal((await tryPassword('あいうえおかきくけこ')).statusCode, 202);
  } finally {
    await harness.close();
  }
});

forEachDatabase(
  'a wrong password and an unknown address get the same answer; both are audited',
  async (db) => {
    const harness = await startAccountHarness(db);
    try {
      await harness.signUpAndVerify('known@example.ac.jp');
      const attempt = (email: string) =>
        harness.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email, password: 'not the password' },
        });
      const wrong = await attempt('known@example.ac.jp');
      const unknown = await attempt('nobody@example.ac.jp');
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(errorCode(wrong), 'ERR_AUTH_INVALID_CREDENTIALS');
      assert.deepEqual(
        { ...wrong.json<{ error: object }>().error, requestId: '' },
        { ...unknown.json<{ error: object }>().error, requestId: '' },
      );
      const failures = await db.kysely
        .selectFrom('audit_events')
        .select(['action', 'details', 'target_id'])
        .where('action', '=', 'account.sign-in-failed')
        .orderBy('occurred_at')
        .execute();
      assert.equal(failures.length, 2);
      assert.deepEqual(
        failures.map((row) => (JSON.parse(row.details) as { reason: string }).reason),
        ['wrong-password', 'unknown-account'],
      );
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase(
  'locks an account after 10 failures: 429 with Retry-After, account.locked, open again later',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'target@example.ac.jp';
      await harness.signUpAndVerify(email);
      for (let i = 0; i < 10; i += 1) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email, password: `guess number ${i}` },
        });
        assert.equal(response.statusCode, 401, `attempt ${i + 1}`);
      }
      // Locked: even the right password is refused, without being checked.
      const locked = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email, password: PASSWORD },
      });
      assert.equal(locked.statusCode, 429);
      assert.equal(errorCode(locked), 'ERR_AUTH_RATE_LIMITED');
      assert.equal(locked.headers['retry-after'], '900');
      const lockEvents = await db.kysely
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'account.locked')
        .execute();
      assert.equal(lockEvents.length, 1);
      harness.clock.advance(15 * 60 * 1000);
      await harness.signIn(email);
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase('limits sign-in attempts per client address across accounts', async (db) => {
  const harness = await startAccountHarness(db);
  try {
    let last;
    for (let i = 0; i < 31; i += 1) {
      last = await harness.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: `someone-${i}@example.ac.jp`, password: 'whatever it is' },
      });
    }
    assert.ok(last !== undefined);
    assert.equal(last.statusCode, 429);
    assert.ok(Number(last.headers['retry-after']) > 0);
  } finally {
    await harness.close();
  }
});
