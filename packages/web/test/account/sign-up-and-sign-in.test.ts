import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AccountHarness } from '../../../server/src/accounts/account-test-harness.js';
import {
  assertRedirect,
  Browser,
  inputValue,
  mailedToken,
  startAccountWorld,
} from './account-browser.js';

const EMAIL = 'hanako@example.ac.jp';
const PASSWORD = 'sakura no hana 2026';

describe('sign-up, e-mail confirmation and sign-in pages', () => {
  let world: AccountHarness;
  before(async () => {
    world = await startAccountWorld();
  });
  after(() => world.close());

  it('renders the sign-up and sign-in pages in Japanese and English', async () => {
    const ja = new Browser(world, 'ja');
    const signUp = await ja.get('/sign-up');
    assert.equal(signUp.statusCode, 200);
    assert.match(signUp.body, /<html lang="ja">/);
    assert.match(signUp.body, /<h1>新規登録<\/h1>/);
    for (const name of ['displayName', 'email', 'password']) {
      assert.match(signUp.body, new RegExp(`<label for="f-${name}"`));
    }
    const signIn = await ja.get('/sign-in');
    assert.match(signIn.body, /<h1>ログイン<\/h1>/);
    assert.match(signIn.body, /data-testid="passkey-sign-in"/);
    assert.match(signIn.body, /account-passkeys\.js/);
    const en = new Browser(world, 'en');
    assert.match((await en.get('/sign-up')).body, /<h1>Create an account<\/h1>/);
    assert.match((await en.get('/sign-in')).body, /<h1>Sign in<\/h1>/);
    assert.match((await en.get('/forgot-password')).body, /<h1>Reset your password<\/h1>/);
  });

  it('renders every message page in Japanese and English', async () => {
    const token = 'a'.repeat(43);
    const pages = [
      '/sign-up/sent',
      `/verify-email?token=${token}`,
      '/verify-email/done',
      '/forgot-password/sent',
      `/reset-password?token=${token}`,
      '/reset-password/done',
    ];
    for (const url of pages) {
      const ja = await new Browser(world, 'ja').get(url);
      const en = await new Browser(world, 'en').get(url);
      assert.equal(ja.statusCode, 200, url);
      assert.match(ja.body, /<html lang="ja">/);
      assert.match(en.body, /<html lang="en">/);
      const h1 = (body: string) => /<h1>([^<]+)<\/h1>/.exec(body)?.[1];
      assert.notEqual(h1(ja.body), h1(en.body), url);
      assert.match(h1(ja.body) ?? '', /[ぁ-んァ-ン一-龯]/, url);
    }
  });

  it('keeps the typed values and shows the error next to the field on bad input', async () => {
    const browser = new Browser(world);
    const response = await browser.post('/sign-up', {
      displayName: '髙橋 はなこ',
      email: 'short@example.ac.jp',
      password: 'short',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /data-testid="error-summary"/);
    assert.match(response.body, /id="f-password-error"[^>]*>10 文字以上にしてください/);
    assert.match(response.body, /value="髙橋 はなこ"/);
    assert.match(response.body, /value="short@example.ac.jp"/);
  });

  it('signs up, confirms the address with a button (not on opening the link) and signs in', async () => {
    const browser = new Browser(world);
    const signUp = await browser.post('/sign-up', {
      displayName: '山田 花子',
      email: EMAIL,
      password: PASSWORD,
    });
    assertRedirect(signUp, '/sign-up/sent');
    const sent = await browser.get('/sign-up/sent');
    assert.match(sent.body, /data-testid="sign-up-done"/);
    const token = await mailedToken(world, EMAIL, '確認', '/verify-email');

    const confirm = await browser.get(`/verify-email?token=${token}`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /data-testid="verify-email-confirm"/);
    assert.equal(inputValue(confirm.body, 'token'), token);
    // Opening the link (as a mail scanner would) does not confirm: signing in still fails.
    await browser.get(`/verify-email?token=${token}`);
    const early = await browser.post('/sign-in', { email: EMAIL, password: PASSWORD });
    assert.equal(early.statusCode, 403);
    assert.equal(browser.signedIn, false);
    // That sign-in sent a fresh link; the first one is still good.
    await world.mailTo(EMAIL, '確認');

    const verified = await browser.post('/verify-email', { token });
    assertRedirect(verified, '/verify-email/done');
    const done = await browser.get('/verify-email/done');
    assert.match(done.body, /data-testid="verify-email-done"/);
    assert.match(done.body, /href="\/sign-in"/);
    const again = await browser.post('/verify-email', { token });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /data-testid="verify-email-problem"/);

    const signIn = await browser.post('/sign-in?next=%2Faccount', {
      email: EMAIL,
      password: PASSWORD,
    });
    assertRedirect(signIn, '/account');
    assert.ok(browser.signedIn);
    const account = await browser.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /value="山田 花子"/);
    assert.match(account.body, /data-testid="account-email">hanako@example.ac.jp</);
  });

  it('answers a wrong password with the API message above the form, the e-mail kept', async () => {
    const browser = new Browser(world, 'en');
    const response = await browser.post('/sign-in', { email: EMAIL, password: 'not the password' });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /The e-mail address or password is not correct\./);
    assert.match(response.body, /name="email"[^>]*value="hanako@example.ac.jp"/);
    assert.doesNotMatch(response.body, /aria-invalid/);
    assert.match(response.body, /name="password"[^>]*value=""/);
    assert.equal(browser.signedIn, false);
  });

  it('goes only to local paths after signing in: next=//evil.example is ignored', async () => {
    const browser = new Browser(world);
    const form = await browser.get('/sign-in?next=%2F%2Fevil.example');
    assert.match(form.body, /action="\/sign-in"/);
    assert.match(form.body, /data-next="\/console"/);
    const response = await browser.post('/sign-in?next=%2F%2Fevil.example', {
      email: EMAIL,
      password: PASSWORD,
    });
    assertRedirect(response, '/console');
    // Signed in already: the sign-in page sends the browser on.
    assertRedirect(await browser.get('/sign-in?next=https%3A%2F%2Fevil.example'), '/console');
  });

  it('signs out with the CSRF token, and shows an error page without it', async () => {
    const browser = new Browser(world);
    await browser.post('/sign-in', { email: EMAIL, password: PASSWORD });
    await browser.get('/account');
    const forged = await browser.post('/sign-out', {}, { withoutCsrf: true });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.body, /<h1>/);
    assert.ok(browser.signedIn);
    const noCsrfProfile = await browser.post(
      '/account/profile',
      { displayName: '別名', locale: 'ja' },
      { withoutCsrf: true },
    );
    assert.equal(noCsrfProfile.statusCode, 403);
    assert.match(noCsrfProfile.body, /<h1>送信内容を読み取れませんでした<\/h1>/);
    const out = await browser.post('/sign-out', {});
    assertRedirect(out, '/');
    assert.equal(browser.signedIn, false);
    assertRedirect(await browser.get('/account'), '/sign-in?next=%2Faccount');
  });
});
