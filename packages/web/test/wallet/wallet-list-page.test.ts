import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  assertNoInline,
  assertRedirect,
  createAchievement,
  h1,
  importBadge,
  issueBadge,
  tampered,
  type WalletItem,
} from './wallet-test-support.js';

describe('the wallet list page', () => {
  let world: WebTestWorld;
  let learner: Record<string, string>;
  let other: Record<string, string>;
  let literacy: WalletItem;
  let english: WalletItem;
  let forged: WalletItem;

  before(async () => {
    world = await buildWebTestWorld();
    learner = world.headers.learner;
    other = world.headers['issuer-in-department'];
    const literacyId = await createAchievement(world, '情報リテラシー');
    const englishId = await createAchievement(world, 'ビジネス英語');
    literacy = await importBadge(world, (await issueBadge(world, literacyId)).credential, learner);
    english = await importBadge(world, (await issueBadge(world, englishId)).credential, learner);
    const fake = tampered((await issueBadge(world, englishId)).credential);
    forged = await importBadge(world, fake, learner, true);
  });
  after(() => world.close());

  it('sends a signed-out visitor to sign in, and back afterwards', async () => {
    const response = await world.get('/wallet?status=valid');
    assertRedirect(response, '/sign-in?next=%2Fwallet%3Fstatus%3Dvalid');
  });

  it('explains how badges arrive when the wallet is empty (ja and en)', async () => {
    const ja = await world.get('/wallet', other);
    assert.equal(ja.statusCode, 200, ja.body);
    assert.match(ja.body, /<html lang="ja">/);
    assert.equal(h1(ja.body), 'ウォレット');
    assert.match(ja.body, /data-testid="wallet-empty"/);
    assert.match(ja.body, /ウォレットに追加/);
    assert.match(ja.body, /href="\/account\/emails"/);
    assert.match(ja.body, /href="\/wallet\/import"/);
    const en = await world.get('/wallet?lang=en', other);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /No badges yet/);
    assert.match(en.body, /Badges arrive in three ways/);
    assertNoInline(en.body);
  });

  it('shows every badge as a card with its status in words and its visibility', async () => {
    const response = await world.get('/wallet', learner);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.body;
    assert.equal(body.match(/data-testid="wallet-card"/g)?.length, 3);
    assert.match(body, /情報リテラシー/);
    assert.match(body, new RegExp(`href="/wallet/credentials/${literacy.id}"`));
    assert.match(body, /data-status="valid"[^>]*>[\s\S]*?有効/);
    assert.match(body, /data-status="unverified"[^>]*>[\s\S]*?未検証/);
    assert.match(body, /data-visibility="private"[^>]*>[\s\S]*?非公開/);
    assert.match(body, /令和/); // the 和暦 by default
    assert.match(body, /<a href="\/wallet"\s+aria-current="page"/); // the site header's link
    assert.match(body, /data-testid="wallet-filters"/);
    assert.match(body, /href="\/wallet\/export"/);
    assertNoInline(body);
    const en = await world.get('/wallet?lang=en', learner);
    assert.match(en.body, /Valid/);
    assert.match(en.body, /Unverified/);
    assert.match(en.body, /Private/);
    assert.doesNotMatch(en.body, /令和/);
  });

  it('filters by status, searches, and sorts by name', async () => {
    const unverified = await world.get('/wallet?status=unverified', learner);
    assert.equal(unverified.body.match(/data-testid="wallet-card"/g)?.length, 1);
    assert.match(unverified.body, new RegExp(`data-id="${forged.id}"`));
    assert.match(unverified.body, /<option value="unverified"\s+selected/);
    const search = await world.get(`/wallet?q=${encodeURIComponent('リテラシー')}`, learner);
    assert.equal(search.body.match(/data-testid="wallet-card"/g)?.length, 1);
    assert.match(search.body, new RegExp(`data-id="${literacy.id}"`));
    const none = await world.get('/wallet?q=zzzz-nothing', learner);
    assert.match(none.body, /data-testid="wallet-no-match"/);
    assert.doesNotMatch(none.body, /data-testid="wallet-empty"/);
    const byName = await world.get('/wallet?sort=name&order=asc', learner);
    const ids = [...byName.body.matchAll(/data-testid="wallet-card"\s+data-id="([^"]+)"/g)].map(
      (m) => m[1],
    );
    assert.equal(ids.length, 3);
    assert.ok(
      ids.indexOf(english.id) < ids.indexOf(literacy.id),
      'ビジネス英語 before 情報リテラシー',
    );
    // Unknown values fall back to the defaults instead of failing.
    const odd = await world.get('/wallet?sort=colour&status=shiny', learner);
    assert.equal(odd.statusCode, 200);
    assert.equal(odd.body.match(/data-testid="wallet-card"/g)?.length, 3);
  });

  it('shows a status change on its card and a banner until it is marked seen', async () => {
    await world.db.kysely
      .updateTable('wallet_credentials')
      .set({
        previous_status: 'valid',
        status: 'revoked',
        status_changed_at: new Date().toISOString(),
      })
      .where('id', '=', english.id)
      .execute();
    const ja = await world.get('/wallet', learner);
    assert.match(ja.body, /data-testid="wallet-changed"/);
    assert.match(ja.body, /1 件のバッジの状態が変わりました/);
    assert.match(ja.body, /状態が変わりました：有効 → 現在は 取り消し済み/);
    const en = await world.get('/wallet?lang=en', learner);
    assert.match(en.body, /1 badge changed status/);
    assert.match(en.body, /was Valid → now Revoked/);
    const seen = await world.post('/wallet/status-seen', {}, learner);
    assertRedirect(seen, '/wallet?done=seen');
    const after = await world.get('/wallet?done=seen', learner);
    assert.doesNotMatch(after.body, /data-testid="wallet-changed"/);
    assert.doesNotMatch(after.body, /data-testid="wallet-change"/);
    assert.match(after.body, /data-testid="notice"/);
    const revoked = await world.get('/wallet?status=revoked', learner);
    assert.match(revoked.body, new RegExp(`data-id="${english.id}"`));
  });

  it('pages through a long wallet with the API cursor', async () => {
    const many = world.headers['issuer-other-department'];
    const achievementId = await createAchievement(world, '出席');
    for (let i = 0; i < 25; i += 1) {
      await importBadge(world, (await issueBadge(world, achievementId)).credential, many);
    }
    const first = await world.get('/wallet?sort=name', many);
    assert.equal(first.body.match(/data-testid="wallet-card"/g)?.length, 24);
    assert.match(first.body, /全 25 件/);
    const next = /href="(\/wallet\?[^"]*cursor=[^"]+)"\s+rel="next"/.exec(first.body)?.[1];
    assert.ok(next, 'a link to the next page');
    const second = await world.get(next.replaceAll('&amp;', '&'), many);
    assert.equal(second.statusCode, 200);
    assert.equal(second.body.match(/data-testid="wallet-card"/g)?.length, 1);
    assert.doesNotMatch(second.body, /rel="next"/);
    assert.match(second.body, /href="\/wallet\?sort=name">最初のページ/);
  });

  it('points a signed-in visitor of the home page to the wallet', async () => {
    const home = await world.get('/', learner);
    assert.match(home.body, /data-testid="home-wallet"/);
    assert.match(home.body, /<a class="button" href="\/wallet">ウォレットを開く<\/a>/);
    assert.doesNotMatch((await world.get('/')).body, /data-testid="home-wallet"/);
    const en = await world.get('/?lang=en', learner);
    assert.match(en.body, /Open your wallet/);
    assert.match(en.body, /<a href="\/wallet"\s*>Wallet<\/a>/);
  });

  it('refuses to mark statuses seen without the form token', async () => {
    const response = await world.post('/wallet/status-seen', { _csrf: 'forged' }, learner);
    assert.equal(response.statusCode, 403);
  });

  it('sends the export link to the ZIP of the whole wallet', async () => {
    const response = await world.get('/wallet/export', learner);
    const location = assertRedirect(response, '/api/v1/wallet/export');
    const zip = await world.testApp.app.inject({
      method: 'GET',
      url: location,
      headers: { cookie: learner.cookie ?? '' },
    });
    assert.equal(zip.statusCode, 200);
    assert.equal(zip.headers['content-type'], 'application/zip');
    assert.equal(zip.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    assertRedirect(await world.get('/wallet/export'), '/sign-in?next=%2Fwallet%2Fexport');
  });
});
