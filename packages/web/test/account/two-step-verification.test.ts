import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import {
  PASSWORD,
  type AccountHarness,
} from '../../../server/src/accounts/account-test-harness.js';
import {
  assertRedirect,
  Browser,
  inputValue,
  startAccountWorld,
  testIdText,
} from './account-browser.js';

const EMAIL = 'taro@example.ac.jp';

describe('two-step verification pages', () => {
  let world: AccountHarness;
  let secret = '';
  let recoveryCodes: string[] = [];
  const codeNow = () =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({
      timestamp: world.clock.now.getTime(),
    });

  before(async () => {
    world = await startAccountWorld();
    await world.signUpAndVerify(EMAIL);
  });
  after(() => world.close());

  it('sets up an authenticator app: QR code, key in groups of four, code, recovery codes once', async () => {
    const browser = new Browser(world);
    assertRedirect(
      await browser.post('/sign-in', { email: EMAIL, password: PASSWORD }),
      '/console',
    );
    const security = await browser.get('/account/security');
    assert.equal(security.statusCode, 200);
    assert.equal(testIdText(security.body, 'totp-status'), '無効');
    assert.match(security.body, /data-testid="totp-start"/);
    assert.match(security.body, /data-testid="passkeys-none"/);

    const wrong = await browser.post('/account/security/totp', { password: 'not my password' });
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.body, /id="f-password-error"[^>]*>現在のパスワードが正しくありません/);

    const setUp = await browser.post('/account/security/totp', { password: PASSWORD });
    assert.equal(setUp.statusCode, 200);
    assert.match(
      setUp.body,
      /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]+"[^>]*data-testid="totp-qr"/,
    );
    secret = inputValue(setUp.body, 'secret');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    const shown = testIdText(setUp.body, 'totp-secret');
    assert.equal(shown, secret.match(/.{4}/g)?.join(' '));
    assert.match(inputValue(setUp.body, 'uri'), /^otpauth:\/\/totp\//);

    const bad = await browser.post('/account/security/totp/confirm', {
      code: '000000',
      secret,
      uri: inputValue(setUp.body, 'uri'),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="f-code-error"/);
    assert.match(bad.body, /data-testid="totp-qr"/);

    const confirmed = await browser.post('/account/security/totp/confirm', {
      code: codeNow(),
      secret,
      uri: inputValue(setUp.body, 'uri'),
    });
    assert.equal(confirmed.statusCode, 200);
    recoveryCodes = testIdText(confirmed.body, 'recovery-codes').split('\n');
    assert.equal(recoveryCodes.length, 10);
    assert.match(recoveryCodes[0] ?? '', /^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    assert.match(confirmed.body, /href="data:text\/plain;charset=utf-8,[^"]+"\s+download=/);
    assert.match(confirmed.body, /class="warning"/);

    const after = await browser.get('/account/security');
    assert.equal(testIdText(after.body, 'totp-status'), '有効');
    assert.match(
      after.body,
      /data-testid="recovery-codes-left"[^>]*>\s*未使用のリカバリーコード: 10 個/,
    );
    assert.doesNotMatch(after.body, /data-testid="recovery-codes"/);
    assertRedirect(await browser.post('/sign-out', {}), '/');
  });

  it('asks for the code after the password, then lets the user in', async () => {
    world.clock.advance(30_000);
    const browser = new Browser(world, 'en');
    const signIn = await browser.post('/sign-in?next=%2Faccount', {
      email: EMAIL,
      password: PASSWORD,
    });
    assertRedirect(signIn, '/sign-in/second-factor?next=%2Faccount');
    assert.ok(browser.signedIn);
    // Half signed in: other pages send the browser to the second factor.
    assertRedirect(
      await browser.get('/account/security'),
      '/sign-in/second-factor?next=%2Faccount%2Fsecurity',
    );
    const form = await browser.get('/sign-in/second-factor?next=%2Faccount');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Two-step verification<\/h1>/);
    assert.match(form.body, /data-testid="second-factor-form"/);
    const wrong = await browser.post('/sign-in/second-factor?next=%2Faccount', { code: '123456' });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /id="f-code-error"[^>]*>The second factor is not correct\./);
    const done = await browser.post('/sign-in/second-factor?next=%2Faccount', { code: codeNow() });
    assertRedirect(done, '/account');
    assert.equal((await browser.get('/account')).statusCode, 200);
    assertRedirect(await browser.get('/sign-in/second-factor?next=%2Faccount'), '/account');
  });

  it('accepts a recovery code instead, and makes new recovery codes with the password', async () => {
    const browser = new Browser(world);
    await browser.post('/sign-in', { email: EMAIL, password: PASSWORD });
    await browser.get('/sign-in/second-factor');
    const done = await browser.post('/sign-in/second-factor', {
      code: (recoveryCodes[0] ?? '').toUpperCase(),
    });
    assertRedirect(done, '/console');
    const security = await browser.get('/account/security');
    assert.match(security.body, /未使用のリカバリーコード: 9 個/);
    const page = await browser.get('/account/security/recovery-codes');
    assert.match(page.body, /data-testid="recovery-codes-regenerate"/);
    const wrong = await browser.post('/account/security/recovery-codes', {
      password: 'nope nope nope',
    });
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.body, /id="f-password-error"/);
    const fresh = await browser.post('/account/security/recovery-codes', { password: PASSWORD });
    assert.equal(fresh.statusCode, 200);
    assert.equal(testIdText(fresh.body, 'recovery-codes').split('\n').length, 10);
  });

  it('turns the authenticator app off with a code; a wrong code is answered next to the field', async () => {
    world.clock.advance(30_000);
    const browser = new Browser(world);
    await browser.post('/sign-in', { email: EMAIL, password: PASSWORD });
    await browser.get('/sign-in/second-factor');
    assertRedirect(await browser.post('/sign-in/second-factor', { code: codeNow() }), '/console');
    await browser.get('/account/security');
    const wrong = await browser.post('/account/security/totp/disable', { code: '000000' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /id="f-code-error"/);
    world.clock.advance(30_000);
    const off = await browser.post('/account/security/totp/disable', { code: codeNow() });
    assertRedirect(off, '/account/security?done=totp-off');
    const page = await browser.get('/account/security?done=totp-off');
    assert.equal(testIdText(page.body, 'totp-status'), '無効');
    assert.match(page.body, /data-testid="notice"/);
  });

  it('lists passkeys and removes one with a form; adding one is left to the script', async () => {
    const user = await world.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', EMAIL)
      .executeTakeFirstOrThrow();
    const browser = new Browser(world);
    await browser.post('/sign-in', { email: EMAIL, password: PASSWORD });
    const before = await browser.get('/account/security');
    assert.match(before.body, /<form[^>]*data-passkey="add"[^>]*hidden/);
    assert.match(before.body, /data-passkey-unsupported/);
    await world.db.kysely
      .insertInto('passkeys')
      .values({
        id: 'cred-Id_1',
        user_id: user.id,
        name: '研究室の PC',
        public_key: 'AAAA',
        counter: 0,
        transports: '[]',
        created_at: world.clock.now.toISOString(),
        last_used_at: null,
      })
      .execute();
    // As if this session had been completed with that passkey.
    await world.db.kysely
      .updateTable('sessions')
      .set({ second_factor_at: world.clock.now.toISOString() })
      .where('user_id', '=', user.id)
      .execute();
    const listed = await browser.get('/account/security');
    assert.match(listed.body, /<th scope="row">研究室の PC<\/th>/);
    assert.match(listed.body, /action="\/account\/security\/passkeys\/cred-Id_1\/remove"/);
    const forged = await browser.post(
      '/account/security/passkeys/cred-Id_1/remove',
      {},
      { withoutCsrf: true },
    );
    assert.equal(forged.statusCode, 403);
    assertRedirect(
      await browser.post('/account/security/passkeys/cred-Id_1/remove', {}),
      '/account/security?done=passkey-removed',
    );
    const after = await browser.get('/account/security?done=passkey-removed');
    assert.match(after.body, /data-testid="passkeys-none"/);
    assert.match(after.body, /パスキーを削除しました/);
  });
});
