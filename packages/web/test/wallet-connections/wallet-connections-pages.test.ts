/**
 * The connections pages against the fake Open Badges host of the server's tests (a loopback
 * server in `AKASHI_FETCH_ALLOW_HOSTS`): connect (the browser sent on to the host), the host's
 * consent, the callback page, import (a forged credential reported), send a badge, a refusal,
 * an unknown answer, disconnect; Japanese and English.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { insertTestUser, signInForTest } from '../../../server/src/auth/test-factories.js';
import { migrateDatabase } from '../../../server/src/db/migrate-database.js';
import { openDatabase } from '../../../server/src/db/open-database.js';
import { buildTestApp, type TestApp } from '../../../server/src/http/build-test-app.js';
import {
  startFakeHost,
  type FakeHost,
} from '../../../server/src/wallet-connections/fake-ob3-host.js';
import { makeHostCredentials } from '../../../server/src/wallet-connections/wallet-connection-test-world.js';
import { assertNoInline, assertRedirect, h1 } from '../wallet/wallet-test-support.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';

describe('the wallet connections pages', () => {
  let host: FakeHost;
  let testApp: TestApp;
  let learner: Record<string, string>;

  before(async () => {
    host = await startFakeHost();
    const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    await migrateDatabase(db);
    testApp = buildTestApp({ db, config: { publicUrl: PUBLIC_URL, fetchAllowHosts: [host.host] } });
    await testApp.app.ready();
    learner = await signInForTest(db, (await insertTestUser(db)).id);
    const credentials = await makeHostCredentials();
    host.credentials = [...credentials.genuine, credentials.forged, credentials.jwt];
  });
  after(async () => {
    await testApp.close();
    await host.close();
  });

  const browser = (as: Record<string, string> | undefined, language = 'ja,en;q=0.8') => ({
    accept: 'text/html,application/xhtml+xml',
    'accept-language': language,
    ...(as?.cookie === undefined ? {} : { cookie: as.cookie }),
  });
  const get = (url: string, as: Record<string, string> | undefined = learner, language?: string) =>
    testApp.app.inject({ method: 'GET', url, headers: browser(as, language) });
  const post = (
    url: string,
    fields: Record<string, string>,
    language?: string,
  ): Promise<LightMyRequestResponse> =>
    testApp.app.inject({
      method: 'POST',
      url,
      headers: {
        ...browser(learner, language),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ _csrf: learner['x-csrf-token'] ?? '', ...fields }).toString(),
    });
  /** Connects through the form and the host's consent; the callback page's answer. */
  const connectThroughPages = async (approve = true) => {
    const started = await post('/wallet/connections', { baseUrl: host.origin });
    assert.equal(started.statusCode, 303, started.body);
    const authorizationUrl = String(started.headers.location);
    assert.ok(authorizationUrl.startsWith(`${host.origin}/oauth/authorize?`));
    const back = new URL(host.approve(authorizationUrl, approve));
    assert.equal(`${back.origin}${back.pathname}`, `${PUBLIC_URL}/wallet/connections/callback`);
    return get(`${back.pathname}${back.search}`);
  };
  const connectionIds = (body: string) =>
    [...body.matchAll(/data-testid="connection" data-id="([^"]+)" data-state="([^"]+)"/g)].map(
      (m) => ({ id: m[1] ?? '', state: m[2] ?? '' }),
    );

  it('shows the empty list and the connect form (ja and en); signed out goes to sign-in', async () => {
    const ja = await get('/wallet/connections');
    assert.equal(ja.statusCode, 200);
    assert.equal(h1(ja.body), '他のホストとの接続');
    assert.match(ja.body, /data-testid="connections-none"/);
    assert.match(ja.body, /<label for="f-baseUrl"\s*>ホストのアドレス/);
    assertNoInline(ja.body);
    const en = await get('/wallet/connections?lang=en');
    assert.equal(h1(en.body), 'Connections to other hosts');
    assert.match(en.body, /No connections yet\./);
    assertRedirect(await get('/wallet/connections', {}), '/sign-in?next=%2Fwallet%2Fconnections');
  });

  it('answers a bad address and a site that is not a host next to the field', async () => {
    const bad = await post('/wallet/connections', { baseUrl: 'ftp://example.org' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<p class="field-error" id="f-baseUrl-error">[^<]*https の URL/);
    assert.match(bad.body, /value="ftp:\/\/example\.org"/);
    const notHost = await post('/wallet/connections', { baseUrl: `${host.origin}/nothing` }, 'en');
    assert.equal(notHost.statusCode, 422);
    assert.match(notHost.body, /It does not seem to be an Open Badges host/);
  });

  it('connects through the host and comes back with a notice; imports, sends, disconnects', async () => {
    const back = await connectThroughPages();
    assertRedirect(back, '/wallet/connections?done=connected');
    const list = await get('/wallet/connections?done=connected');
    assert.match(list.body, /ホストに接続しました。/);
    const [connection] = connectionIds(list.body);
    assert.ok(connection !== undefined);
    assert.equal(connection.state, 'connected');
    assert.match(list.body, /Fake OB Host/);
    assert.match(
      list.body,
      /許可された操作: バッジの読み取り、バッジの追加、プロフィールの読み取り/,
    );
    assert.match(list.body, /data-testid="push-none"/);

    const imported = await post(`/wallet/connections/${connection.id}/import`, {});
    assert.equal(imported.statusCode, 200, imported.body);
    assert.match(
      imported.body,
      /新しく追加: 4 件、既にあったもの: 0 件、取り込まなかったもの: 1 件/,
    );
    assert.match(imported.body, /「偽造バッジ」: 検証できませんでした/);
    assert.match(imported.body, /ホスト上のプロフィール: 山田 花子/);
    assertNoInline(imported.body);
    const again = await post(`/wallet/connections/${connection.id}/import`, {}, 'en');
    assert.match(again.body, /Added: 0, already in your wallet: 4, not imported: 1/);

    const page = await get('/wallet/connections');
    const option = /<option value="([^"]+)"[^>]*>情報倫理/.exec(page.body);
    assert.ok(option?.[1] !== undefined, 'the wallet badges are offered to send');
    const pushed = await post(`/wallet/connections/${connection.id}/push`, {
      [`credentialId-${connection.id}`]: option[1],
    });
    assert.equal(pushed.statusCode, 200, pushed.body);
    assert.match(
      pushed.body,
      /バッジ「情報倫理」を Fake OB Host に送りました（新規に保存されました）/,
    );
    const pushedEn = await post(
      `/wallet/connections/${connection.id}/push`,
      { [`credentialId-${connection.id}`]: option[1] },
      'en',
    );
    assert.match(
      pushedEn.body,
      /was sent to Fake OB Host \(it replaced or matched the copy there\)/,
    );

    // The host no longer honours the connection: the page says so and offers to reconnect.
    host.expireAccessTokens();
    host.refuseRefresh = true;
    const lost = await post(`/wallet/connections/${connection.id}/import`, {});
    assert.equal(lost.statusCode, 409);
    assert.match(lost.body, /ホストがこの接続を受け付けなくなりました/);
    assert.match(lost.body, /data-state="failed"/);
    host.refuseRefresh = false;

    const removed = await post(`/wallet/connections/${connection.id}/delete`, {});
    assertRedirect(removed, '/wallet/connections?done=disconnected');
    const after = await get('/wallet/connections?done=disconnected&lang=en');
    assert.match(after.body, /The connection was removed\./);
    assert.deepEqual(connectionIds(after.body), []);
  });

  it('shows a refusal on the host as a failed connection with its reason', async () => {
    const back = await connectThroughPages(false);
    assertRedirect(back, '/wallet/connections?done=failed');
    const list = await get('/wallet/connections?done=failed');
    assert.match(list.body, /ホストに接続できませんでした。理由は一覧に表示しています。/);
    assert.match(list.body, /data-state="failed"/);
    assert.match(list.body, /理由: access_denied/);
    const en = await get('/wallet/connections?lang=en');
    assert.match(en.body, /Not connected/);
    assert.match(en.body, /Reason: access_denied/);
    for (const { id } of connectionIds(list.body)) {
      await post(`/wallet/connections/${id}/delete`, {});
    }
  });

  it('refuses an answer that belongs to no connection of this account', async () => {
    const unknown = await get('/wallet/connections/callback?code=abc&state=nothing-pending');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /この応答は、あなたが開始した接続のものではありません/);
    const en = await get('/wallet/connections/callback?state=x', learner, 'en');
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /neither an authorization code nor an error/);
    assertRedirect(
      await get('/wallet/connections/callback?code=a&state=b', {}),
      '/sign-in?next=%2Fwallet%2Fconnections%2Fcallback%3Fcode%3Da%26state%3Db',
    );
  });
});
