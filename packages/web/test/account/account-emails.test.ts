import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildWalletWebWorld,
  walletItems,
  type WalletWebWorld,
} from '../wallet-public/wallet-public-world.js';

const ADDED = 'hanako.yamada@alumni.example.ac.jp';

describe('the account e-mail address pages', () => {
  let world: WalletWebWorld;
  before(async () => {
    world = await buildWalletWebWorld();
  });
  after(() => world.close());

  const english = (headers: Record<string, string>): Record<string, string> => ({
    ...headers,
    cookie: `${headers.cookie ?? ''}; akashi_lang=en`,
  });

  it('sends signed-out visitors to sign in, and back afterwards', async () => {
    for (const url of ['/account/emails', '/account/emails/verify?token=abc']) {
      const response = await world.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/sign-in?next=${encodeURIComponent(url)}`);
    }
    const post = await world.post('/account/emails', { email: ADDED });
    assert.equal(post.statusCode, 303);
  });

  it('lists the sign-in address in Japanese and English, linked from the account page', async () => {
    const as = world.headers.learner;
    const account = await world.get('/account', as);
    assert.match(account.body, /href="\/account\/emails"/);
    assert.match(account.body, /href="\/account\/delete"/);
    const ja = await world.get('/account/emails', as);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>メールアドレス<\/h1>/);
    const email = await world.emailOf(world.learnerUserId);
    assert.match(ja.body, new RegExp(`data-testid="primary-email">${email}<`));
    assert.match(ja.body, /data-testid="no-addresses"/);
    const en = await world.get('/account/emails', english(as));
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h1>E-mail addresses<\/h1>/);
    assert.match(en.body, /Confirmed/);
  });

  it('shows a bad address next to the field with the value kept', async () => {
    const as = world.headers['org-admin'];
    const bad = await world.post('/account/emails', { email: 'not an address' }, as);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="f-email-error"/);
    assert.match(bad.body, /value="not an address"/);
    const own = await world.emailOf(world.adminAUserId);
    const same = await world.post('/account/emails', { email: own }, as);
    assert.equal(same.statusCode, 409);
    assert.match(same.body, /id="f-email-error"[^>]*>このメールアドレスはすでに確認済み/);
  });

  it('adds an address by its mailed link; the awards made to it join the wallet', async () => {
    const as = world.headers.learner;
    // An award made to the address before it was added (the address as the issuer typed it).
    const awardId = await world.award('Hanako.Yamada@alumni.example.ac.jp');
    const before = await walletItems(world, as);
    assert.ok(!before.some((item) => item.awardId === awardId));

    const added = await world.post('/account/emails', { email: ADDED }, as);
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(added.headers.location, '/account/emails?done=sent');
    const listed = await world.get('/account/emails?done=sent', as);
    assert.match(listed.body, /data-testid="notice"[^>]*>確認メールを送信しました/);
    assert.match(listed.body, new RegExp(`<strong>${ADDED}</strong>[\\s\\S]*?確認待ち`));

    const token = await world.mailedToken(ADDED, '追加のメールアドレス', '/account/emails/verify');
    // Opening the link (as a mail scanner would) confirms nothing: it shows a button.
    const opened = await world.get(`/account/emails/verify?token=${token}`, as);
    assert.equal(opened.statusCode, 200);
    assert.match(opened.body, /data-testid="verify-address-form"/);
    assert.match(opened.body, new RegExp(`name="token" value="${token}"`));
    assert.ok(!(await walletItems(world, as)).some((item) => item.awardId === awardId));

    const confirmed = await world.post('/account/emails/verify', { token }, as);
    assert.equal(confirmed.statusCode, 303, confirmed.body);
    assert.equal(confirmed.headers.location, '/account/emails?done=verified&added=1');
    const done = await world.get('/account/emails?done=verified&added=1', as);
    assert.match(done.body, /バッジ 1 個をウォレットに追加しました/);
    assert.match(done.body, /data-testid="open-wallet"/);
    assert.match(done.body, new RegExp(`<strong>${ADDED}</strong>[\\s\\S]*?確認済み`));
    assert.ok((await walletItems(world, as)).some((item) => item.awardId === awardId));

    // The link is spent.
    const again = await world.post('/account/emails/verify', { token }, as);
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /data-testid="error-summary"/);
  });

  it('shows a confirmation without a token as a page that says so', async () => {
    const page = await world.get('/account/emails/verify', english(world.headers.learner));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The confirmation link is not complete/);
    assert.doesNotMatch(page.body, /data-testid="verify-address-form"/);
  });

  it('removes an address after asking; the badges stay in the wallet', async () => {
    const as = world.headers.learner;
    const list = await world.api('GET', '/api/v1/account/emails', as);
    const address = list
      .json<{ others: { id: string; email: string }[] }>()
      .others.find((other) => other.email === ADDED);
    assert.ok(address !== undefined);
    const ask = await world.get(`/account/emails/${address.id}/remove`, as);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, new RegExp(`${ADDED} を削除しますか？`));
    assert.match(ask.body, /data-testid="remove-address-form"/);
    const countBefore = (await walletItems(world, as)).length;
    const removed = await world.post(`/account/emails/${address.id}/remove`, {}, as);
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/account/emails?done=removed');
    const after = await world.get('/account/emails?done=removed', as);
    assert.match(after.body, /アドレスを削除しました/);
    assert.doesNotMatch(after.body, new RegExp(`<strong>${ADDED}</strong>`));
    assert.equal((await walletItems(world, as)).length, countBefore);
    // Another account's address, or one already gone: a page that says it is not there.
    const gone = await world.get(`/account/emails/${address.id}/remove`, as);
    assert.equal(gone.statusCode, 404);
    assert.match(gone.body, /アドレスが見つかりません/);
  });

  it('answers a form posted without the CSRF token with an error page', async () => {
    const response = await world.post(
      '/account/emails',
      { _csrf: '', email: 'x@example.ac.jp' },
      world.headers.learner,
    );
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /<h1>送信内容を読み取れませんでした<\/h1>/);
  });
});
