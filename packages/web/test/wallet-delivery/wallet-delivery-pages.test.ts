/**
 * The pages that send an award to a wallet app: the deliver page from the award e-mail's link
 * (signed out, with the claim token) and signed in holding the badge; the QR codes (LCW request
 * link, VC-API invitation, OpenID4VCI offer with its transaction code), the deep links and the
 * expiry, in Japanese and English; a wrong token; the interaction URL as JSON for a wallet and as
 * a page for a browser.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  assertNoInline,
  callApi,
  claimPath,
  createAchievement,
  h1,
  issueBadge,
} from '../wallet/wallet-test-support.js';

const decodeAttribute = (value: string): string =>
  value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

const hrefOf = (body: string, testId: string): string => {
  const match = new RegExp(`href="([^"]*)"\\s+data-testid="${testId}"`).exec(body);
  assert.ok(match?.[1] !== undefined, `no link ${testId}`);
  return decodeAttribute(match[1]);
};

describe('the deliver page', () => {
  let world: WebTestWorld;
  let awardId: string;
  let token: string;

  before(async () => {
    world = await buildWebTestWorld();
    const achievement = await createAchievement(world, 'データサイエンス入門');
    const badge = await issueBadge(world, achievement, { notify: true });
    awardId = badge.award.id;
    const path = await claimPath(world, awardId);
    token = new URL(path, 'https://x').searchParams.get('token') ?? '';
  });
  after(() => world.close());

  it('explains the options from the e-mail link, signed out (ja and en)', async () => {
    const ja = await world.get(`/wallet/deliver/${awardId}?token=${token}`);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.equal(h1(ja.body), 'ウォレットアプリに送る');
    assert.match(ja.body, /Learner Credential Wallet（LCW）/);
    assert.match(ja.body, /15 分間、1 回だけ/);
    assert.ok(ja.body.includes(`name="token" value="${token}"`));
    assertNoInline(ja.body);
    const en = await world.get(`/wallet/deliver/${awardId}?token=${token}&lang=en`);
    assert.equal(h1(en.body), 'Send to a wallet app');
    assert.match(en.body, /OpenID4VCI wallets/);
    // Without a token, only the signed-in holder may come: the page says so, with a sign-in link.
    const none = await world.get(`/wallet/deliver/${awardId}`);
    assert.equal(none.statusCode, 200, none.body);
    assert.match(none.body, /data-testid="delivery-sign-in"/);
  });

  it('makes the QR codes and deep links with the token', async () => {
    const answer = await world.post(`/wallet/deliver/${awardId}`, { token, txCode: 'true' });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal(answer.headers['cache-control'], 'no-store');
    assert.equal(h1(answer.body), 'ウォレットアプリで読み取ってください');
    for (const id of ['delivery-lcw-qr', 'delivery-vcapi-qr', 'delivery-oid4vci-qr']) {
      assert.match(
        answer.body,
        new RegExp(`src="data:image/svg\\+xml;base64,[^"]+"[^>]*data-testid="${id}"`),
        id,
      );
    }
    const lcw = hrefOf(answer.body, 'delivery-lcw-link');
    assert.ok(lcw.startsWith('dccrequest://request?'), lcw);
    const params = new URL(lcw.replace('dccrequest://', 'https://')).searchParams;
    assert.equal(params.get('auth_type'), 'bearer');
    assert.match(
      params.get('vc_request_url') ?? '',
      /^https:\/\/badges\.example\.ac\.jp\/exchanges\/[\w-]{22}\/lcw$/,
    );
    assert.ok(
      hrefOf(answer.body, 'delivery-vcapi-link').startsWith('https://lcw.app/request?request='),
    );
    assert.ok(
      hrefOf(answer.body, 'delivery-oid4vci-link').startsWith('openid-credential-offer://?'),
    );
    assert.match(answer.body, /data-testid="delivery-tx-code">[0-9]{6}</);
    assert.match(answer.body, /有効期限：/);
    assertNoInline(answer.body);
  });

  it('refuses a wrong token with a clear page', async () => {
    const answer = await world.post(`/wallet/deliver/${awardId}`, { token: 'A'.repeat(43) });
    assert.equal(answer.statusCode, 403, answer.body);
    assert.match(answer.body, /受領者だけです/);
  });

  it('serves the signed-in learner whose wallet holds the badge (en)', async () => {
    const learner = world.headers.learner;
    const claim = await callApi(world, 'POST', '/api/v1/wallet/claims', learner, {
      awardId,
      token,
    });
    assert.equal(claim.statusCode, 201, claim.body);
    // The wallet's badge page links here.
    const itemId = claim.json<{ item: { id: string } }>().item.id;
    const detail = await world.get(`/wallet/credentials/${itemId}`, learner);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.match(
      detail.body,
      new RegExp(`href="/wallet/deliver/${awardId}"\\s+data-testid="wallet-deliver"`),
    );
    const page = await world.get(`/wallet/deliver/${awardId}?lang=en`, learner);
    assert.equal(page.statusCode, 200, page.body);
    assert.ok(!page.body.includes('name="token"'));
    const answer = await world.post(`/wallet/deliver/${awardId}?lang=en`, {}, learner);
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal(h1(answer.body), 'Scan with your wallet app');
    assert.match(answer.body, /Open in Learner Credential Wallet/);
    assert.ok(!answer.body.includes('delivery-tx-code'));
    const stranger = await world.post(`/wallet/deliver/${awardId}`, {}, world.headers['org-admin']);
    assert.equal(stranger.statusCode, 403, stranger.body);
  });

  it('answers the interaction URL: JSON for a wallet, a page for a browser', async () => {
    const answer = await world.post(`/wallet/deliver/${awardId}`, { token });
    const exchange = /data-exchange="([\w-]{22})"/.exec(answer.body)?.[1] ?? '';
    assert.notEqual(exchange, '');
    const json = await world.testApp.app.inject({
      method: 'GET',
      url: `/i/${exchange}?iuv=1`,
      headers: { accept: 'application/json' },
    });
    assert.equal(json.statusCode, 200, json.body);
    assert.deepEqual(json.json(), {
      protocols: {
        vcapi: `https://badges.example.ac.jp/workflows/award-delivery/exchanges/${exchange}`,
      },
    });
    const page = await world.get(`/i/${exchange}?iuv=1`);
    assert.equal(page.statusCode, 200, page.body);
    const link = new URL(hrefOf(page.body, 'interaction-lcw-link'));
    assert.equal(link.origin + link.pathname, 'https://lcw.app/request');
    assert.deepEqual(JSON.parse(link.searchParams.get('request') ?? ''), {
      credentialRequestOrigin: 'https://badges.example.ac.jp',
      protocols: json.json<{ protocols: unknown }>().protocols,
    });
    const unknown = await world.testApp.app.inject({
      method: 'GET',
      url: '/i/AAAAAAAAAAAAAAAAAAAAAA?iuv=1',
      headers: { accept: 'application/json' },
    });
    assert.equal(unknown.statusCode, 404, unknown.body);
    const gone = await world.get('/i/AAAAAAAAAAAAAAAAAAAAAA?iuv=1');
    assert.equal(gone.statusCode, 404, gone.body);
    assert.match(gone.body, /data-testid="interaction-gone"/);
  });
});
