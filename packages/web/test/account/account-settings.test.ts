import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

type Role = keyof WebTestWorld['headers'];

describe('account settings pages', () => {
  let world: WebTestWorld;
  before(async () => {
    world = await buildWebTestWorld();
  });
  after(() => world.close());

  const english = (role: Role): Record<string, string> => {
    const headers = world.headers[role];
    return { ...headers, cookie: `${headers.cookie ?? ''}; akashi_lang=en` };
  };

  it('sends signed-out visitors to sign in, and back afterwards', async () => {
    for (const url of ['/account', '/account/security', '/account/security/recovery-codes']) {
      const response = await world.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/sign-in?next=${encodeURIComponent(url)}`);
    }
    const post = await world.post('/account/profile', { displayName: 'x', locale: 'ja' });
    assert.equal(post.statusCode, 303);
  });

  it('renders the account and security pages in Japanese and English for any signed-in role', async () => {
    for (const role of ['learner', 'viewer', 'org-admin', 'operator'] as const) {
      const ja = await world.get('/account', world.headers[role]);
      assert.equal(ja.statusCode, 200, role);
      assert.match(ja.body, /<h1>アカウント設定<\/h1>/);
      assert.match(ja.body, /href="\/account\/security"/);
    }
    const en = await world.get('/account', english('learner'));
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h1>Account settings<\/h1>/);
    const security = await world.get('/account/security', world.headers.learner);
    assert.equal(security.statusCode, 200);
    assert.match(security.body, /<h1>2 段階認証とパスキー<\/h1>/);
    assert.match(security.body, /data-testid="totp-status"[^>]*>無効</);
    const securityEn = await world.get('/account/security', english('learner'));
    assert.match(securityEn.body, /<h1>Two-step verification and passkeys<\/h1>/);
    assert.match(securityEn.body, /data-testid="totp-status"[^>]*>Off</);
  });

  it('saves the profile, keeping the name exactly as typed', async () => {
    const as = world.headers.learner;
    const saved = await world.post(
      '/account/profile',
      { displayName: '齋藤\u3000ﾀﾛｳ', locale: 'en' },
      as,
    );
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/account?done=profile');
    const page = await world.get('/account?done=profile', as);
    assert.match(page.body, /data-testid="notice"/);
    assert.match(page.body, /value="齋藤\u3000ﾀﾛｳ"/);
    assert.match(page.body, /<option value="en"\s+selected>/);
  });

  it('shows bad input next to the field with the values kept', async () => {
    const as = world.headers.learner;
    const blank = await world.post('/account/profile', { displayName: ' ', locale: 'ja' }, as);
    assert.equal(blank.statusCode, 400);
    assert.match(blank.body, /id="f-displayName-error"/);
    const wrong = await world.post(
      '/account/password',
      { currentPassword: 'not the password', newPassword: 'another long password' },
      as,
    );
    assert.equal(wrong.statusCode, 403);
    assert.match(
      wrong.body,
      /id="f-currentPassword-error"[^>]*>現在のパスワードが正しくありません/,
    );
    assert.match(wrong.body, /name="newPassword"[^>]*value=""/);
  });

  it('answers a form posted without the CSRF token with an error page, not a crash', async () => {
    const as = world.headers['org-admin'];
    for (const url of ['/account/profile', '/account/security/totp', '/sign-out']) {
      const response = await world.post(url, { _csrf: '', displayName: 'x', password: 'x' }, as);
      assert.equal(response.statusCode, 403, url);
      assert.match(response.headers['content-type'] as string, /^text\/html/);
      assert.match(response.body, /<h1>送信内容を読み取れませんでした<\/h1>/);
    }
  });

  it('sends a GET of a form-only address to its page (the language switch after a form)', async () => {
    const response = await world.get('/account/security/totp/confirm', world.headers.learner);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account/security');
  });
});
