import assert from 'node:assert/strict';
import { forEachDatabase } from '../db/for-each-database.js';
import { findLinkToken } from '../mail/read-test-mail.js';
import { errorCode, PASSWORD, PUBLIC_URL, startAccountHarness } from './account-test-harness.js';

const NEW_PASSWORD = '新しいパスワードは十文字以上';

forEachDatabase(
  'password reset: same answer for unknown addresses, old sessions end, the link works once',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'forgetful@example.ac.jp';
      await harness.signUpAndVerify(email, { locale: 'en', displayName: 'Forgetful' });
      const laptop = await harness.signIn(email);
      const phone = await harness.signIn(email);

      const unknown = await app.inject({
        method: 'POST',
        url: '/api/v1/password-reset',
        payload: { email: 'nobody@example.ac.jp' },
      });
      const known = await app.inject({
        method: 'POST',
        url: '/api/v1/password-reset',
        payload: { email: 'Forgetful@example.ac.jp' },
      });
      assert.equal(unknown.statusCode, 202);
      assert.equal(known.statusCode, 202);
      assert.equal(unknown.body, known.body);

      const mail = await harness.mailTo(email, 'Reset your Akashi password');
      assert.match(mail.text, /within 1 hour/);
      const token = findLinkToken(mail, `${PUBLIC_URL}/reset-password?token=`);
      const reset = await app.inject({
        method: 'POST',
        url: '/api/v1/password-reset/confirm',
        payload: { token, password: NEW_PASSWORD },
      });
      assert.equal(reset.statusCode, 204, reset.body);
      for (const device of [laptop, phone]) {
        const stale = await app.inject({
          url: '/api/v1/account',
          headers: { cookie: device.headers.cookie },
        });
        assert.equal(stale.statusCode, 401, 'every earlier session ended');
      }
      const reused = await app.inject({
        method: 'POST',
        url: '/api/v1/password-reset/confirm',
        payload: { token, password: 'yet another password' },
      });
      assert.equal(reused.statusCode, 400);
      assert.equal(errorCode(reused), 'ERR_ACCOUNT_TOKEN_INVALID');
      const old = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email, password: PASSWORD },
      });
      assert.equal(errorCode(old), 'ERR_AUTH_INVALID_CREDENTIALS');
      await harness.signIn(email, NEW_PASSWORD);

      const events = await db.kysely
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'account.password-reset')
        .execute();
      assert.deepEqual(
        events.map((event) => JSON.parse(event.details) as unknown),
        [{ sessionsEnded: 2 }],
      );
      // Only the known address got an e-mail.
      assert.equal(
        harness.smtp.messages().filter((m) => m.rcptTo.includes('nobody@example.ac.jp')).length,
        0,
      );
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase('password reset: an expired link is refused', async (db) => {
  const harness = await startAccountHarness(db);
  try {
    const email = 'slow@example.ac.jp';
    await harness.signUpAndVerify(email);
    await harness.app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email } });
    const mail = await harness.mailTo(email, '【Akashi】パスワードの再設定');
    const token = findLinkToken(mail, `${PUBLIC_URL}/reset-password?token=`);
    harness.clock.advance(60 * 60 * 1000 + 1);
    const late = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/password-reset/confirm',
      payload: { token, password: NEW_PASSWORD },
    });
    assert.equal(late.statusCode, 400);
    assert.equal(errorCode(late), 'ERR_ACCOUNT_TOKEN_EXPIRED');
    await harness.signIn(email);
  } finally {
    await harness.close();
  }
});

forEachDatabase('password reset requests are limited per address: 429', async (db) => {
  const harness = await startAccountHarness(db);
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/api/v1/password-reset',
        payload: { email: 'victim@example.ac.jp' },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) assert.equal(response.headers['retry-after'], '3600');
    }
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
  } finally {
    await harness.close();
  }
});

forEachDatabase(
  'changing the password needs the current one and ends the other sessions',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'changer@example.ac.jp';
      await harness.signUpAndVerify(email);
      const here = await harness.signIn(email);
      const elsewhere = await harness.signIn(email);
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/account/password',
        headers: here.headers,
        payload: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
      });
      assert.equal(wrong.statusCode, 403);
      assert.equal(errorCode(wrong), 'ERR_ACCOUNT_PASSWORD_INCORRECT');
      const changed = await app.inject({
        method: 'POST',
        url: '/api/v1/account/password',
        headers: here.headers,
        payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      });
      assert.equal(changed.statusCode, 204, changed.body);
      assert.equal(
        (await app.inject({ url: '/api/v1/account', headers: here.headers })).statusCode,
        200,
      );
      assert.equal(
        (await app.inject({ url: '/api/v1/account', headers: elsewhere.headers })).statusCode,
        401,
      );
      await harness.signIn(email, NEW_PASSWORD);
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase(
  'sessions end after 12 idle hours; an old cookie does not block signing in again',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'idle@example.ac.jp';
      await harness.signUpAndVerify(email);
      const first = await harness.signIn(email);
      harness.clock.advance(11 * 60 * 60 * 1000);
      assert.equal(
        (await app.inject({ url: '/api/v1/account', headers: first.headers })).statusCode,
        200,
      );
      harness.clock.advance(11 * 60 * 60 * 1000);
      assert.equal(
        (await app.inject({ url: '/api/v1/account', headers: first.headers })).statusCode,
        200,
        'activity keeps the session alive',
      );
      harness.clock.advance(12 * 60 * 60 * 1000);
      const idle = await app.inject({ url: '/api/v1/account', headers: first.headers });
      assert.equal(idle.statusCode, 401);
      // The browser still sends the dead cookie (and its CSRF token) when it signs in again.
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: first.headers,
        payload: { email, password: PASSWORD },
      });
      assert.equal(again.statusCode, 200, again.body);
      // Signing out with a dead cookie also works (and clears it).
      const out = await app.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: first.headers,
      });
      assert.equal(out.statusCode, 204);
    } finally {
      await harness.close();
    }
  },
);
