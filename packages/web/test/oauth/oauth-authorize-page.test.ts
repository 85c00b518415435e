/**
 * The consent page /oauth/authorize through the whole platform (the OAuth API of part O1 called
 * in process): signed out, consent in Japanese and English, allow and deny, requests that cannot
 * go back to the application, and decisions without the CSRF token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  assertNoInline,
  authorizationQuery,
  CLIENT_HOST,
  h1,
  hiddenFields,
  READ_SCOPES,
  REDIRECT_URI,
  registerClient,
  UPSERT_SCOPE,
  type RegisteredClient,
} from './oauth-test-support.js';

/** The query of a redirect to the client's redirect URI (asserting it goes there). */
const callbackQuery = (location: unknown): URLSearchParams => {
  const url = new URL(String(location));
  assert.equal(`${url.origin}${url.pathname}`, REDIRECT_URI);
  return url.searchParams;
};

describe('the consent page /oauth/authorize', () => {
  let world: WebTestWorld;
  let learner: Record<string, string>;
  let client: RegisteredClient;

  before(async () => {
    world = await buildWebTestWorld();
    learner = world.headers.learner;
    client = await registerClient(world);
  });
  after(() => world.close());

  it('signed out, offers sign-in and sign-up that come back with the whole request (ja and en)', async () => {
    const { path } = authorizationQuery(client);
    const ja = await world.get(path);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.match(ja.body, /data-testid="oauth-signed-out"/);
    assert.match(ja.body, /続けるにはログインしてください/);
    const next = encodeURIComponent(path);
    assert.ok(ja.body.includes(`href="/sign-in?next=${next}"`), 'sign-in keeps the query');
    assert.ok(ja.body.includes(`href="/sign-up?next=${next}"`), 'sign-up keeps the query');
    assertNoInline(ja.body);
    const en = await world.get(`${path}&lang=en`);
    assert.match(en.body, /Please sign in to continue/);
    assert.ok(en.body.includes(`href="/sign-in?next=${encodeURIComponent(`${path}&lang=en`)}"`));
  });

  it('shows the application, its host, the account and each scope in plain Japanese', async () => {
    const { path, params } = authorizationQuery(client, {
      scope: [...READ_SCOPES, UPSERT_SCOPE].join(' '),
    });
    const page = await world.get(path, learner);
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(
      h1(page.body),
      '「まなびポートフォリオ」があなたの Akashi アカウントへのアクセスを求めています',
    );
    assert.match(page.body, new RegExp(`data-testid="oauth-client-host"\\s*>${CLIENT_HOST}<`));
    assert.match(page.body, /あなたのバッジ（Open Badges 3\.0 の資格情報）の読み取り/);
    assert.match(page.body, /あなたの Open Badges プロフィールの読み取り/);
    assert.match(page.body, /ウォレットへのバッジ（Open Badges 3\.0）の追加と更新/);
    for (const scope of [...READ_SCOPES, UPSERT_SCOPE]) {
      assert.ok(page.body.includes(`data-scope="${scope}"`), scope);
    }
    // What it cannot do; with a write scope, "add or change badges" is not among them.
    assert.match(page.body, /パスワードを見ること/);
    assert.doesNotMatch(page.body, /ウォレットのバッジやプロフィールを追加・変更すること/);
    assert.match(page.body, /href="https:\/\/app\.example\.org\/terms"/);
    assert.match(page.body, /href="https:\/\/app\.example\.org\/privacy"/);
    // The logo is an external image the policy blocks: none is shown.
    assert.doesNotMatch(page.body, /logo\.png/);
    assert.match(page.body, /ログイン中のアカウント/);
    // The form carries the request, the session's CSRF token and the two choices.
    const fields = hiddenFields(page.body);
    assert.equal(fields._csrf, learner['x-csrf-token']);
    for (const [name, value] of Object.entries(params)) assert.equal(fields[name], value, name);
    assert.match(page.body, /<form method="post" action="\/oauth\/authorize"/);
    assert.match(page.body, /name="decision"\s+value="allow"/);
    assert.match(page.body, /name="decision"\s+value="deny"/);
    // The policy lets this form lead back to the application, and nowhere else.
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, new RegExp(`form-action 'self' https://${CLIENT_HOST};`));
    assert.match(csp, /img-src 'self' data:/);
    assertNoInline(page.body);
  });

  it('shows the consent screen in English, with what a read-only application cannot do', async () => {
    const { path } = authorizationQuery(client);
    const page = await world.get(`${path}&lang=en`, learner);
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(h1(page.body), '“まなびポートフォリオ” wants to access your Akashi account');
    assert.match(page.body, /Read your badges \(Open Badges 3\.0 credentials\)/);
    assert.match(page.body, /Read your Open Badges profile/);
    assert.match(page.body, /Add or change the badges or the profile in your wallet/);
    assert.match(page.body, />\s*Allow\s*</);
    assert.match(page.body, />\s*Deny\s*</);
    assert.match(page.body, /Terms of service/);
  });

  it('allow: sends the browser to the redirect URI with a code and the state', async () => {
    const { path, params, verifier } = authorizationQuery(client);
    const fields = hiddenFields((await world.get(path, learner)).body);
    const answer = await world.post('/oauth/authorize', { ...fields, decision: 'allow' }, learner);
    assert.equal(answer.statusCode, 303, answer.body);
    const query = callbackQuery(answer.headers.location);
    assert.equal(query.get('state'), params.state);
    assert.match(query.get('code') ?? '', /^[\w-]{20,}$/);
    assert.equal(query.get('error'), null);
    // The code is the real thing: the token endpoint takes it with the verifier.
    const token = await world.testApp.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
      },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code: query.get('code') ?? '',
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }).toString(),
    });
    assert.equal(token.statusCode, 200, token.body);
    assert.equal(token.json<{ scope: string }>().scope, READ_SCOPES.join(' '));
  });

  it('deny: sends the browser back with error=access_denied and the state', async () => {
    const { path, params } = authorizationQuery(client);
    const fields = hiddenFields((await world.get(`${path}&lang=en`, learner)).body);
    const answer = await world.post('/oauth/authorize', { ...fields, decision: 'deny' }, learner);
    assert.equal(answer.statusCode, 303, answer.body);
    const query = callbackQuery(answer.headers.location);
    assert.equal(query.get('error'), 'access_denied');
    assert.equal(query.get('state'), params.state);
    assert.equal(query.get('code'), null);
  });

  it('an unknown application: an error page that says so and never redirects (ja and en)', async () => {
    const { path } = authorizationQuery(client, { client_id: 'no-such-client' });
    const ja = await world.get(path, learner);
    assert.equal(ja.statusCode, 400, ja.body);
    assert.equal(ja.headers.location, undefined);
    assert.equal(h1(ja.body), 'このアプリケーションとは連携できません');
    assert.match(ja.body, /data-code="ERR_OAUTH_CLIENT_UNKNOWN"/);
    assert.match(ja.body, /ここに登録されていません/);
    assert.doesNotMatch(ja.body, /action="\/oauth\/authorize"/);
    assertNoInline(ja.body);
    const en = await world.get(`${path}&lang=en`, learner);
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /This application cannot be connected/);
    assert.match(en.body, /is not registered here/);
  });

  it('a redirect address the application did not register: an error page, no redirect', async () => {
    const { path } = authorizationQuery(client, { redirect_uri: 'https://evil.example.net/cb' });
    const page = await world.get(path, learner);
    assert.equal(page.statusCode, 400, page.body);
    assert.equal(page.headers.location, undefined);
    assert.match(page.body, /data-code="ERR_OAUTH_REDIRECT_URI_INVALID"/);
    assert.match(page.body, /戻り先のアドレス（redirect_uri）/);
    // The address is not shown as a link or a form target (only inside the language switch's
    // `next`, percent-encoded).
    assert.doesNotMatch(page.body, /https:\/\/evil\.example\.net/);
  });

  it('a request without state goes back to the application with invalid_request', async () => {
    const { path } = authorizationQuery(client, { state: undefined });
    const answer = await world.get(path, learner);
    assert.equal(answer.statusCode, 302, answer.body);
    const query = callbackQuery(answer.headers.location);
    assert.equal(query.get('error'), 'invalid_request');
    assert.equal(query.get('code'), null);
  });

  it('a parameter given twice is refused on the page', async () => {
    const { path } = authorizationQuery(client);
    const page = await world.get(`${path}&scope=offline_access`, learner);
    assert.equal(page.statusCode, 400, page.body);
    assert.equal(page.headers.location, undefined);
    assert.match(page.body, /パラメーター「scope」が複数回指定されています/);
  });

  it('refuses a decision without the CSRF token, and one with neither choice', async () => {
    const { path } = authorizationQuery(client);
    const fields = hiddenFields((await world.get(path, learner)).body);
    const { _csrf: _omitted, ...withoutCsrf } = fields;
    const refused = await world.post(
      '/oauth/authorize',
      { ...withoutCsrf, decision: 'allow', _csrf: '' },
      learner,
    );
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(refused.headers.location, undefined);
    const forged = await world.post(
      '/oauth/authorize',
      { ...withoutCsrf, decision: 'allow', _csrf: 'not-the-token' },
      learner,
    );
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.headers.location, undefined);
    const undecided = await world.post('/oauth/authorize', fields, learner);
    assert.equal(undecided.statusCode, 400);
    assert.equal(undecided.headers.location, undefined);
  });

  it('a decision posted signed out goes to sign-in, not to the application', async () => {
    const { path } = authorizationQuery(client);
    const fields = hiddenFields((await world.get(path, learner)).body);
    const answer = await world.post('/oauth/authorize', { ...fields, decision: 'allow' });
    assert.equal(answer.statusCode, 303);
    assert.match(String(answer.headers.location), /^\/sign-in\?next=/);
  });
});
