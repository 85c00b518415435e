/**
 * /account/connected-apps: the applications the account allowed, listed with what they may do,
 * and withdrawn with the form's CSRF token.
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
  REDIRECT_URI,
  registerClient,
  type RegisteredClient,
} from './oauth-test-support.js';

/** The learner allows the application through the consent page; the tokens it then gets. */
const connect = async (
  world: WebTestWorld,
  client: RegisteredClient,
  as: Record<string, string>,
): Promise<{ access_token: string }> => {
  const { path, verifier } = authorizationQuery(client);
  const fields = hiddenFields((await world.get(path, as)).body);
  const answer = await world.post('/oauth/authorize', { ...fields, decision: 'allow' }, as);
  assert.equal(answer.statusCode, 303, answer.body);
  const code = new URL(String(answer.headers.location)).searchParams.get('code') ?? '';
  const token = await world.testApp.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: client.client_id,
      client_secret: client.client_secret,
    }).toString(),
  });
  assert.equal(token.statusCode, 200, token.body);
  return token.json<{ access_token: string }>();
};

describe('the connected applications page /account/connected-apps', () => {
  let world: WebTestWorld;
  let learner: Record<string, string>;
  let client: RegisteredClient;

  before(async () => {
    world = await buildWebTestWorld();
    learner = world.headers.learner;
    client = await registerClient(world);
  });
  after(() => world.close());

  it('sends a visitor who is signed out to sign in first', async () => {
    const answer = await world.get('/account/connected-apps');
    assert.equal(answer.statusCode, 303);
    assert.equal(answer.headers.location, '/sign-in?next=%2Faccount%2Fconnected-apps');
  });

  it('says when no application has access (ja and en)', async () => {
    const ja = await world.get('/account/connected-apps', learner);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.equal(h1(ja.body), '連携中のアプリケーション');
    assert.match(ja.body, /連携中のアプリケーションはありません/);
    assertNoInline(ja.body);
    const en = await world.get('/account/connected-apps?lang=en', learner);
    assert.match(en.body, /No application has access to your account/);
  });

  it('lists an application the learner allowed, with what it can do, then withdraws it', async () => {
    const tokens = await connect(world, client, learner);
    const ja = await world.get('/account/connected-apps', learner);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.match(ja.body, /data-testid="connected-app" data-client-id="/);
    assert.match(ja.body, /<h2>まなびポートフォリオ<\/h2>/);
    assert.ok(ja.body.includes(CLIENT_HOST));
    assert.match(ja.body, /あなたのバッジ（Open Badges 3\.0 の資格情報）の読み取り/);
    assert.match(ja.body, /許可した日/);
    assert.match(
      ja.body,
      /アクセスを取り消す<span class="visually-hidden"\s*>：「まなびポートフォリオ」</,
    );
    const en = await world.get('/account/connected-apps?lang=en', learner);
    assert.match(en.body, /Read your badges \(Open Badges 3\.0 credentials\)/);
    assert.match(en.body, /Withdraw access/);

    // Without the form's CSRF token nothing is withdrawn.
    const refused = await world.post(
      '/account/connected-apps/revoke',
      { clientId: client.client_id, _csrf: '' },
      learner,
    );
    assert.equal(refused.statusCode, 403, refused.body);
    const still = await world.get('/account/connected-apps', learner);
    assert.match(still.body, /data-testid="connected-app"/);

    const revoked = await world.post(
      '/account/connected-apps/revoke',
      { clientId: client.client_id },
      learner,
    );
    assert.equal(revoked.statusCode, 303, revoked.body);
    assert.equal(revoked.headers.location, '/account/connected-apps?done=revoked');
    const after = await world.get('/account/connected-apps?done=revoked', learner);
    assert.match(after.body, /アプリケーションのアクセスを取り消しました/);
    assert.match(after.body, /連携中のアプリケーションはありません/);
    // Every token the application held for the learner is revoked.
    const live = await world.db.kysely
      .selectFrom('oauth_tokens')
      .select('id')
      .where('client_id', '=', client.client_id)
      .where('revoked_at', 'is', null)
      .execute();
    assert.deepEqual(live, []);
    assert.ok(tokens.access_token.length > 20);
  });

  it('an unknown application is answered with an error page', async () => {
    const answer = await world.post(
      '/account/connected-apps/revoke',
      { clientId: 'no-such-client' },
      learner,
    );
    assert.equal(answer.statusCode, 404, answer.body);
    const empty = await world.post('/account/connected-apps/revoke', {}, learner);
    assert.equal(empty.statusCode, 400);
    const reload = await world.get('/account/connected-apps/revoke', learner);
    assert.equal(reload.statusCode, 303);
    assert.equal(reload.headers.location, '/account/connected-apps');
  });
});
