import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Account, Session } from './account-schemas.js';
import {
  errorCode,
  PASSWORD,
  startAccountHarness,
  type AccountHarness,
  type SignedIn,
} from './account-test-harness.js';

const codeAt = (secret: string, at: Date): string =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

/** Signs up, signs in and turns TOTP on; returns the secret and the recovery codes. */
const enableTotp = async (
  harness: AccountHarness,
  email: string,
): Promise<{ secret: string; recoveryCodes: string[]; signedIn: SignedIn }> => {
  await harness.signUpAndVerify(email, { locale: 'en', displayName: 'Jiro Sato' });
  const signedIn = await harness.signIn(email);
  const start = await harness.app.inject({
    method: 'POST',
    url: '/api/v1/account/totp',
    headers: signedIn.headers,
    payload: { password: PASSWORD },
  });
  assert.equal(start.statusCode, 200, start.body);
  const { secret } = start.json<{ secret: string }>();
  const confirm = await harness.app.inject({
    method: 'POST',
    url: '/api/v1/account/totp/confirm',
    headers: signedIn.headers,
    payload: { code: codeAt(secret, harness.clock.now) },
  });
  assert.equal(confirm.statusCode, 200, confirm.body);
  const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
  return { secret, recoveryCodes, signedIn };
};

const giveSecondFactor = (harness: AccountHarness, signedIn: SignedIn, payload: object) =>
  harness.app.inject({
    method: 'POST',
    url: '/api/v1/session/second-factor',
    headers: signedIn.headers,
    payload,
  });

forEachDatabase(
  'TOTP: enrol with a QR code, confirm, then sign-in needs a fresh code (no replay)',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'jiro@example.ac.jp';
      await harness.signUpAndVerify(email, { locale: 'en', displayName: 'Jiro Sato' });
      const signedIn = await harness.signIn(email);
      const wrongPassword = await app.inject({
        method: 'POST',
        url: '/api/v1/account/totp',
        headers: signedIn.headers,
        payload: { password: 'not the password' },
      });
      assert.equal(errorCode(wrongPassword), 'ERR_ACCOUNT_PASSWORD_INCORRECT');
      const start = await app.inject({
        method: 'POST',
        url: '/api/v1/account/totp',
        headers: signedIn.headers,
        payload: { password: PASSWORD },
      });
      const enrolment = start.json<{ secret: string; uri: string; qrCode: string }>();
      assert.match(enrolment.secret, /^[A-Z2-7]{32}$/);
      const uri = new URL(enrolment.uri);
      assert.equal(uri.protocol, 'otpauth:');
      assert.equal(uri.searchParams.get('secret'), enrolment.secret);
      assert.equal(uri.searchParams.get('issuer'), 'Akashi (badges.example.ac.jp)');
      assert.match(enrolment.qrCode, /^data:image\/svg\+xml;base64,/);
      const svg = Buffer.from(enrolment.qrCode.split(',')[1]!, 'base64').toString('utf8');
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

      const stale = codeAt(enrolment.secret, new Date(harness.clock.now.getTime() - 600_000));
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/account/totp/confirm',
        headers: signedIn.headers,
        payload: { code: stale },
      });
      assert.equal(wrong.statusCode, 400);
      assert.equal(errorCode(wrong), 'ERR_ACCOUNT_TOTP_CODE_INVALID');
      const firstCode = codeAt(enrolment.secret, harness.clock.now);
      const confirm = await app.inject({
        method: 'POST',
        url: '/api/v1/account/totp/confirm',
        headers: signedIn.headers,
        payload: { code: firstCode },
      });
      assert.equal(confirm.statusCode, 200, confirm.body);
      const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
      assert.equal(recoveryCodes.length, 10);
      assert.equal(new Set(recoveryCodes).size, 10);
      for (const code of recoveryCodes) assert.match(code, /^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
      const stored = await db.kysely.selectFrom('recovery_codes').select('code_hash').execute();
      assert.ok(stored.every((row) => !recoveryCodes.some((code) => row.code_hash.includes(code))));
      await harness.mailTo(email, 'Two-factor authentication was set up');

      // The session that confirmed counts as having given the factor.
      const here = await app.inject({ url: '/api/v1/session', headers: signedIn.headers });
      assert.equal(here.json<Session>().secondFactor.status, 'done');
      const account = await app.inject({ url: '/api/v1/account', headers: signedIn.headers });
      assert.deepEqual(account.json<Account>().twoFactor, {
        totp: true,
        passkeys: 0,
        recoveryCodesLeft: 10,
      });
      assert.ok(!account.body.includes(enrolment.secret), 'the secret is never shown again');

      const pending = await harness.signIn(email);
      assert.deepEqual(pending.session.secondFactor, {
        status: 'required',
        methods: ['totp', 'recovery-code'],
      });
      const blocked = await app.inject({ url: '/api/v1/account', headers: pending.headers });
      assert.equal(blocked.statusCode, 401);
      assert.equal(errorCode(blocked), 'ERR_AUTH_SECOND_FACTOR_REQUIRED');
      const replay = await giveSecondFactor(harness, pending, { method: 'totp', code: firstCode });
      assert.equal(replay.statusCode, 401, 'a code is good once');
      assert.equal(errorCode(replay), 'ERR_AUTH_SECOND_FACTOR_INVALID');
      harness.clock.advance(30_000);
      const done = await giveSecondFactor(harness, pending, {
        method: 'totp',
        code: codeAt(enrolment.secret, harness.clock.now),
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json<Session>().secondFactor.status, 'done');
      assert.equal(
        (await app.inject({ url: '/api/v1/account', headers: pending.headers })).statusCode,
        200,
      );
      const notPending = await giveSecondFactor(harness, pending, {
        method: 'totp',
        code: '123456',
      });
      assert.equal(errorCode(notPending), 'ERR_AUTH_SECOND_FACTOR_NOT_PENDING');
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase(
  'recovery codes: each works once, typed loosely; disabling TOTP with one clears them',
  async (db) => {
    const harness = await startAccountHarness(db);
    const { app } = harness;
    try {
      const email = 'lost-phone@example.ac.jp';
      const { recoveryCodes } = await enableTotp(harness, email);
      const [first, second, third] = recoveryCodes as [string, string, string];
      const a = await harness.signIn(email);
      assert.equal(
        (await giveSecondFactor(harness, a, { method: 'recovery-code', code: first })).statusCode,
        200,
      );
      const b = await harness.signIn(email);
      const reused = await giveSecondFactor(harness, b, { method: 'recovery-code', code: first });
      assert.equal(errorCode(reused), 'ERR_AUTH_SECOND_FACTOR_INVALID');
      const loose = ` ${second.toUpperCase().replace(/-/g, ' ')} `;
      const ok = await giveSecondFactor(harness, b, { method: 'recovery-code', code: loose });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json<Session>().account.twoFactor.recoveryCodesLeft, 8);

      const disable = (code: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/account/totp/disable',
          headers: b.headers,
          payload: { code },
        });
      assert.equal(errorCode(await disable('000000')), 'ERR_ACCOUNT_TOTP_CODE_INVALID');
      assert.equal((await disable(third)).statusCode, 204);
      await harness.mailTo(email, 'A second factor was removed');
      const codes = await db.kysely.selectFrom('recovery_codes').select('id').execute();
      assert.equal(codes.length, 0);
      const plain = await harness.signIn(email);
      assert.equal(plain.session.secondFactor.status, 'none');
      const actions = (await db.kysely.selectFrom('audit_events').select('action').execute()).map(
        (row) => row.action,
      );
      for (const action of [
        'account.totp-enabled',
        'account.second-factor',
        'account.second-factor-failed',
        'account.totp-disabled',
      ]) {
        assert.ok(actions.includes(action), action);
      }
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase(
  'second-factor guesses are limited: 429 after 10 failures, account.locked audited',
  async (db) => {
    const harness = await startAccountHarness(db);
    try {
      const email = 'guessed@example.ac.jp';
      const { secret } = await enableTotp(harness, email);
      const pending = await harness.signIn(email);
      const wrongCode = codeAt(secret, new Date(harness.clock.now.getTime() + 3_600_000));
      for (let i = 0; i < 10; i += 1) {
        const response = await giveSecondFactor(harness, pending, {
          method: 'totp',
          code: wrongCode,
        });
        assert.equal(response.statusCode, 401);
      }
      harness.clock.advance(30_000);
      const right = await giveSecondFactor(harness, pending, {
        method: 'totp',
        code: codeAt(secret, harness.clock.now),
      });
      assert.equal(right.statusCode, 429);
      assert.equal(right.headers['retry-after'], '870');
      const locked = await db.kysely
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'account.locked')
        .execute();
      assert.equal(locked.length, 1);
    } finally {
      await harness.close();
    }
  },
);

forEachDatabase('recovery codes can be replaced with the password', async (db) => {
  const harness = await startAccountHarness(db);
  const { app } = harness;
  try {
    const email = 'careful@example.ac.jp';
    const { recoveryCodes, signedIn } = await enableTotp(harness, email);
    const regenerate = await app.inject({
      method: 'POST',
      url: '/api/v1/account/recovery-codes',
      headers: signedIn.headers,
      payload: { password: PASSWORD },
    });
    assert.equal(regenerate.statusCode, 200, regenerate.body);
    const fresh = regenerate.json<{ recoveryCodes: string[] }>().recoveryCodes;
    assert.equal(fresh.length, 10);
    const pending = await harness.signIn(email);
    const old = await giveSecondFactor(harness, pending, {
      method: 'recovery-code',
      code: recoveryCodes[0]!,
    });
    assert.equal(old.statusCode, 401);
    const ok = await giveSecondFactor(harness, pending, {
      method: 'recovery-code',
      code: fresh[0]!,
    });
    assert.equal(ok.statusCode, 200);

    await harness.signUpAndVerify('plain@example.ac.jp');
    const plain = await harness.signIn('plain@example.ac.jp');
    const none = await app.inject({
      method: 'POST',
      url: '/api/v1/account/recovery-codes',
      headers: plain.headers,
      payload: { password: PASSWORD },
    });
    assert.equal(errorCode(none), 'ERR_ACCOUNT_SECOND_FACTOR_MISSING');
  } finally {
    await harness.close();
  }
});
