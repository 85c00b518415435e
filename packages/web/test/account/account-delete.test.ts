import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signInForTest } from '../../../server/src/auth/test-factories.js';
import { findLinkToken } from '../../../server/src/mail/read-test-mail.js';
import {
  buildWalletWebWorld,
  PUBLIC_URL,
  walletItems,
  type WalletWebWorld,
} from '../wallet-public/wallet-public-world.js';

const EMAIL = 'leaving@example.ac.jp';
const PASSWORD = 'sakura no hana 2026';

describe('the account deletion pages', () => {
  let world: WalletWebWorld;
  before(async () => {
    world = await buildWalletWebWorld();
  });
  after(() => world.close());

  /** Signs up (confirming the address by its mail) and signs in: the session's headers. */
  const signUpAndSignIn = async (): Promise<Record<string, string>> => {
    const signUp = await world.testApp.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { email: EMAIL, password: PASSWORD, displayName: '去る 人', locale: 'ja' },
    });
    assert.equal(signUp.statusCode, 202, signUp.body);
    const mail = await world.mailTo(EMAIL, '確認');
    const token = findLinkToken(mail, `${PUBLIC_URL}/verify-email?token=`);
    const verified = await world.testApp.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/verify-email',
      payload: { token },
    });
    assert.equal(verified.statusCode, 204, verified.body);
    const session = await signIn();
    assert.equal(session.statusCode, 200, session.body);
    const cookie = /akashi_session=[^;]+/.exec(String(session.headers['set-cookie']))?.[0];
    assert.ok(cookie !== undefined);
    return { cookie, 'x-csrf-token': session.json<{ csrfToken: string }>().csrfToken };
  };

  const signIn = () =>
    world.testApp.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: EMAIL, password: PASSWORD },
    });

  it('sends signed-out visitors to sign in', async () => {
    const page = await world.get('/account/delete');
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, `/sign-in?next=${encodeURIComponent('/account/delete')}`);
    const post = await world.post('/account/delete', { confirm: 'yes', password: 'x' });
    assert.equal(post.statusCode, 303);
  });

  it('says what is deleted and what stays, with the export first, in Japanese and English', async () => {
    const as = world.headers.learner;
    const ja = await world.get('/account/delete', as);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>アカウントの削除<\/h1>/);
    assert.match(ja.body, /data-testid="export-link"/);
    assert.match(ja.body, /href="\/wallet\/export"/);
    assert.ok(ja.body.indexOf('export-link') < ja.body.indexOf('delete-form'));
    assert.match(ja.body, /data-testid="deleted-list"[\s\S]*公開プロフィール[\s\S]*共有リンク/);
    assert.match(ja.body, /data-testid="kept"[^>]*>[^<]*発行記録/);
    assert.match(ja.body, /name="password"/);
    assert.match(ja.body, /type="checkbox"[\s\S]*name="confirm"/);
    const en = await world.get('/account/delete', {
      ...as,
      cookie: `${as.cookie ?? ''}; akashi_lang=en`,
    });
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h1>Delete the account<\/h1>/);
    assert.match(en.body, /What stays with the issuers/);
  });

  it('asks for the ticked confirmation before anything is deleted', async () => {
    const as = world.headers.learner;
    const response = await world.post('/account/delete', { password: '' }, as);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="f-confirm-error"[^>]*>削除する場合は/);
    assert.equal((await world.get('/account', as)).statusCode, 200);
  });

  it('asks an account without a password to have confirmed this sign-in with a second factor', async () => {
    const as = world.headers.learner;
    const response = await world.post('/account/delete', { password: '', confirm: 'yes' }, as);
    assert.equal(response.statusCode, 403);
    assert.match(
      response.body,
      /id="f-password-error"[^>]*>パスワードのないアカウントを削除するには/,
    );
    assert.equal((await world.get('/account', as)).statusCode, 200);
  });

  it('refuses the last administrator of an organisation plainly, with what to do', async () => {
    const as = await signInForTest(world.db, world.adminAUserId, { secondFactor: true });
    const response = await world.post('/account/delete', { password: '', confirm: 'yes' }, as);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /data-testid="delete-refused"/);
    assert.match(response.body, /data-code="ERR_ACCOUNT_LAST_ADMIN"/);
    assert.match(response.body, /最後の管理者です/);
    assert.match(response.body, /href="\/console"/);
    assert.equal((await world.get('/account', as)).statusCode, 200);
  });

  it('deletes the account: signed out, goodbye page, the share link gone, no signing in again', async () => {
    const as = await signUpAndSignIn();
    await world.award(EMAIL);
    const [item] = await walletItems(world, as);
    assert.ok(item !== undefined);
    const link = await world.api(
      'POST',
      `/api/v1/wallet/credentials/${item.id}/share-links`,
      as,
      {},
    );
    assert.equal(link.statusCode, 201, link.body);
    const shareId = link.json<{ id: string }>().id;

    const wrong = await world.post(
      '/account/delete',
      { password: 'not the password', confirm: 'yes' },
      as,
    );
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.body, /id="f-password-error"/);

    const deleted = await world.post('/account/delete', { password: PASSWORD, confirm: 'yes' }, as);
    assert.equal(deleted.statusCode, 303, deleted.body);
    assert.equal(deleted.headers.location, '/account/deleted');
    assert.match(String(deleted.headers['set-cookie']), /akashi_session=;/);

    const goodbye = await world.get('/account/deleted');
    assert.equal(goodbye.statusCode, 200);
    assert.match(goodbye.body, /<h1 data-testid="goodbye">アカウントを削除しました<\/h1>/);
    assert.match(goodbye.body, /href="\/sign-in"/);
    await world.mailTo(EMAIL, 'アカウントを削除しました');

    // The old session is gone, the share link with it, and the password no longer works.
    const account = await world.get('/account', as);
    assert.equal(account.statusCode, 303);
    assert.match(String(account.headers.location), /^\/sign-in/);
    assert.equal((await world.get(`/s/${shareId}`)).statusCode, 404);
    const again = await signIn();
    assert.equal(again.statusCode, 401, again.body);
  });
});
