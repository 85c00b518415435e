import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  PASSWORD,
  type AccountHarness,
} from '../../../server/src/accounts/account-test-harness.js';
import { announceOperatorSetup } from '../../../server/src/setup/announce-operator-setup.js';
import {
  assertRedirect,
  Browser,
  inputValue,
  mailedToken,
  PUBLIC_URL,
  startAccountWorld,
} from './account-browser.js';

const EMAIL = 'jiro@example.ac.jp';
const NEW_PASSWORD = 'a brand new password 2026';

describe('forgotten password and first-run set-up pages', () => {
  let world: AccountHarness;
  before(async () => {
    world = await startAccountWorld();
    await world.signUpAndVerify(EMAIL);
  });
  after(() => world.close());

  it('answers the same whether or not the address has an account', async () => {
    const browser = new Browser(world);
    const form = await browser.get('/forgot-password');
    assert.match(form.body, /<h1>パスワードの再設定<\/h1>/);
    assertRedirect(
      await browser.post('/forgot-password', { email: 'nobody@example.ac.jp' }),
      '/forgot-password/sent',
    );
    assertRedirect(
      await browser.post('/forgot-password', { email: EMAIL }),
      '/forgot-password/sent',
    );
    const sent = await browser.get('/forgot-password/sent');
    assert.match(sent.body, /data-testid="forgot-password-sent"/);
    const bad = await browser.post('/forgot-password', { email: 'not an address' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="f-email-error"/);
    assert.match(bad.body, /value="not an address"/);
  });

  it('sets a new password with the e-mailed link, then signs in with it', async () => {
    const token = await mailedToken(world, EMAIL, 'パスワード', '/reset-password');
    const browser = new Browser(world, 'en');
    const form = await browser.get(`/reset-password?token=${token}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Set a new password<\/h1>/);
    assert.equal(inputValue(form.body, 'token'), token);
    const weak = await browser.post('/reset-password', { token, password: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /id="f-password-error"/);
    assertRedirect(
      await browser.post('/reset-password', { token, password: NEW_PASSWORD }),
      '/reset-password/done',
    );
    const done = await browser.get('/reset-password/done');
    assert.match(done.body, /data-testid="reset-password-done"/);
    const used = await browser.post('/reset-password', { token, password: NEW_PASSWORD });
    assert.equal(used.statusCode, 400);
    assert.match(used.body, /data-testid="error-summary"/);
    assert.match(used.body, /href="\/forgot-password"/);
    assert.equal(
      (await browser.post('/sign-in', { email: EMAIL, password: PASSWORD })).statusCode,
      401,
    );
    assertRedirect(
      await browser.post('/sign-in', { email: EMAIL, password: NEW_PASSWORD }),
      '/console',
    );
    const missing = await browser.get('/reset-password');
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /data-testid="reset-password-problem"/);
  });

  it('creates the operator with the set-up link once, signed in, and refuses the link after', async () => {
    const link = await announceOperatorSetup({
      db: world.db,
      config: { publicUrl: PUBLIC_URL },
      log: { warn: () => undefined } as never,
      now: world.clock.now,
    });
    assert.ok(link !== undefined);
    const token = new URL(link).searchParams.get('token') ?? '';
    const browser = new Browser(world);

    const invalid = await browser.get('/setup?token=this-is-not-a-good-token-at-all');
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /data-testid="setup-invalid"/);
    assert.equal((await browser.get('/setup')).statusCode, 400);

    const form = await browser.get(`/setup?token=${token}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>運営者アカウントの作成<\/h1>/);
    assert.match(form.body, /data-testid="setup-form"/);
    assert.match(
      (await new Browser(world, 'en').get(`/setup?token=${token}`)).body,
      /<h1>Create the operator account<\/h1>/,
    );

    const weak = await browser.post('/setup', {
      token,
      displayName: '運営 太郎',
      email: 'operator@example.ac.jp',
      password: 'short',
    });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /id="f-password-error"/);
    assert.match(weak.body, /value="運営 太郎"/);

    const created = await browser.post('/setup', {
      token,
      displayName: '運営 太郎',
      email: 'operator@example.ac.jp',
      password: 'operator password 2026',
    });
    assertRedirect(created, '/operator');
    assert.ok(browser.signedIn);
    const account = await browser.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /href="\/operator"/);

    const again = await new Browser(world).get(`/setup?token=${token}`);
    assert.match(again.body, /data-testid="setup-invalid"/);
  });
});
