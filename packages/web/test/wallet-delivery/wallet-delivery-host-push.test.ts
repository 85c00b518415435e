/**
 * "Send to your Open Badges host" on the deliver page, against the fake host of the server's
 * tests (a loopback server in `AKASHI_FETCH_ALLOW_HOSTS`): the form (ja and en), the browser sent
 * on to the host's consent screen, the callback page's result (sent, sent again, refused by the
 * host, consent denied, a reused answer; ja and en), errors next to the field, a wrong token,
 * and what a visitor with neither the e-mail's link nor a session is told.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateDatabase } from '../../../server/src/db/migrate-database.js';
import { openDatabase } from '../../../server/src/db/open-database.js';
import { createClaimToken } from '../../../server/src/wallet-claims/claim-token.js';
import {
  startFakeHost,
  type FakeHost,
} from '../../../server/src/wallet-connections/fake-ob3-host.js';
import {
  buildDeliveryTestWorld,
  type DeliveryTestWorld,
} from '../../../server/src/wallet-delivery/delivery-test-world.js';
import { assertNoInline, h1 } from '../wallet/wallet-test-support.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';

describe('sending a badge to the recipient’s own Open Badges host (pages)', () => {
  let host: FakeHost;
  let world: DeliveryTestWorld;
  let awardId: string;
  let token: string;

  before(async () => {
    host = await startFakeHost();
    const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    await migrateDatabase(db);
    world = await buildDeliveryTestWorld(db, {
      config: { publicUrl: PUBLIC_URL, fetchAllowHosts: [host.host] },
    });
    await world.test.app.ready();
    awardId = (await world.issue()).id;
    token = createClaimToken(world.context.masterKey.walletClaimKey, awardId);
  });
  after(async () => {
    await world.test.close();
    await host.close();
  });

  const headers = (language: string) => ({
    accept: 'text/html,application/xhtml+xml',
    'accept-language': language,
  });
  const get = (url: string, language = 'ja,en;q=0.8') =>
    world.test.app.inject({ method: 'GET', url, headers: headers(language) });
  const post = (url: string, fields: Record<string, string>, language = 'ja,en;q=0.8') =>
    world.test.app.inject({
      method: 'POST',
      url,
      headers: { ...headers(language), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  /** The form → the host's consent → the callback page. */
  const send = async (language = 'ja,en;q=0.8', approve = true) => {
    const started = await post(
      `/wallet/deliver/${awardId}/host`,
      { token, baseUrl: host.origin },
      language,
    );
    assert.equal(started.statusCode, 302, started.body);
    const authorizationUrl = String(started.headers.location);
    assert.ok(authorizationUrl.startsWith(`${host.origin}/oauth/authorize?`), authorizationUrl);
    const back = new URL(host.approve(authorizationUrl, approve));
    assert.equal(`${back.origin}${back.pathname}`, `${PUBLIC_URL}/wallet/connections/callback`);
    return {
      path: `${back.pathname}${back.search}`,
      page: await get(`${back.pathname}${back.search}`, language),
    };
  };

  it('offers the host form on the deliver page (ja and en)', async () => {
    const ja = await get(`/wallet/deliver/${awardId}?token=${token}`);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.match(ja.body, /あなたの Open Badges ホストに送る/);
    assert.match(ja.body, new RegExp(`action="/wallet/deliver/${awardId}/host"`));
    assert.match(ja.body, /name="baseUrl"/);
    assert.match(ja.body, /送信先でもその状態が表示されます/);
    assert.match(ja.body, /バッジを受け取った方だけです/);
    assertNoInline(ja.body);
    const en = await get(`/wallet/deliver/${awardId}?token=${token}`, 'en');
    assert.match(en.body, /Send to your Open Badges host/);
    assert.match(en.body, /the host shows that too/);
  });

  it('sends the badge and shows the result with the host’s name (ja, then en)', async () => {
    const { page: ja } = await send();
    assert.equal(ja.statusCode, 200, ja.body);
    assert.equal(h1(ja.body), 'Fake OB Host にバッジを送りました');
    assert.match(ja.body, /data-testid="push-result"\s+data-state="pushed"/);
    assert.match(ja.body, /バッジが Fake OB Host に追加されました。/);
    assert.match(ja.body, /アクセス権を保持していません/);
    assert.ok(host.stored.size === 1);
    assertNoInline(ja.body);
    const { page: en, path } = await send('en');
    assert.equal(h1(en.body), 'The badge was sent to Fake OB Host');
    assert.match(en.body, /already held this badge/);
    // The same answer again: refused, with a clear page.
    const again = await get(path, 'en');
    assert.equal(again.statusCode, 400, again.body);
    assert.match(again.body, /already used/);
  });

  it('shows a refusal by the host and a denied consent (ja and en)', async () => {
    host.refuseUpsert = 'この資格情報は受け付けられません。';
    const { page: refused } = await send();
    host.refuseUpsert = undefined;
    assert.equal(h1(refused.body), 'Fake OB Host にバッジを送れませんでした');
    assert.match(refused.body, /理由：この資格情報は受け付けられません。/);
    assert.match(refused.body, /バッジ授与メールのリンクから改めて始めてください/);
    const { page: denied } = await send('en', false);
    assert.equal(h1(denied.body), 'The badge could not be sent to Fake OB Host');
    assert.match(denied.body, /Sending was not allowed at Fake OB Host/);
  });

  it('puts errors next to the field; a wrong token gets a clear page', async () => {
    const invalid = await post(`/wallet/deliver/${awardId}/host`, { token, baseUrl: 'ftp://x' });
    assert.equal(invalid.statusCode, 400, invalid.body);
    assert.match(invalid.body, /class="field has-error"/);
    assert.match(invalid.body, /https の URL/);
    assert.match(invalid.body, /value="ftp:\/\/x"/);
    const wrong = await post(`/wallet/deliver/${awardId}/host`, {
      token: 'A'.repeat(43),
      baseUrl: host.origin,
    });
    assert.equal(wrong.statusCode, 403, wrong.body);
  });

  it('tells a visitor without the e-mail’s link what is needed (ja and en)', async () => {
    const ja = await get(`/wallet/deliver/${awardId}`);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.match(ja.body, /data-testid="delivery-who-only"/);
    assert.match(ja.body, /バッジ授与メールの「ウォレットアプリに送る」リンクから開くか/);
    assert.match(ja.body, /href="\/sign-in\?next=[^"]+" data-testid="delivery-sign-in"/);
    assert.ok(!ja.body.includes('delivery-host-form'));
    const en = await get(`/wallet/deliver/${awardId}`, 'en');
    assert.match(en.body, /Only the person who received this badge can send it/);
  });
});
