import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import { createAchievementByApi } from './achievement-test-helpers.js';

describe('badge list page', () => {
  let world: WebTestWorld;
  let url: string;
  before(async () => {
    world = await buildWebTestWorld();
    url = `/console/${world.orgA}/achievements`;
  });
  after(() => world.close());

  it('shows an empty state, and the "New badge" button to org admins and issuers', async () => {
    const page = await world.get(url, world.headers['org-admin']);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>バッジ<\/h1>/);
    assert.match(page.body, /data-testid="achievements-empty"/);
    assert.match(page.body, /バッジはまだありません/);
    assert.match(page.body, new RegExp(`href="${url}/new" data-testid="new-achievement"`));
    const issuer = await world.get(url, world.headers['issuer-in-department']);
    assert.match(issuer.body, /data-testid="new-achievement"/);
  });

  it('lists badges with thumbnail, names, type, status and date, in Japanese and English', async () => {
    const badge = await createAchievementByApi(world);
    await createAchievementByApi(world, {
      name: { ja: '統計学入門' },
      description: { ja: '統計の基礎。' },
      achievementType: 'MicroCredential',
    });
    const page = await world.get(url, world.headers['org-admin']);
    assert.equal(page.statusCode, 200);
    assert.equal(page.body.match(/data-testid="achievement-row"/g)?.length, 2);
    assert.match(page.body, new RegExp(`href="${url}/${badge.id}">情報リテラシー</a>`));
    assert.match(page.body, /<span class="muted" lang="en">Information Literacy<\/span>/);
    assert.match(page.body, /マイクロクレデンシャル \(MicroCredential\)/);
    assert.match(page.body, /<span class="pill ok">有効<\/span>/);
    assert.match(page.body, /class="badge-thumb" src="\/images\/[0-9a-f]+"/);
    assert.match(page.body, /<th scope="col">名称<\/th>/);
    const english = await world.get(`${url}?lang=en`, world.headers['org-admin']);
    assert.match(english.body, /<html lang="en">/);
    assert.match(english.body, /<h1>Badges<\/h1>/);
    assert.match(english.body, />Information Literacy<\/a>/);
    assert.match(english.body, /<span class="muted" lang="ja">情報リテラシー<\/span>/);
    assert.match(english.body, /Micro-credential \(MicroCredential\)/);
  });

  it('searches by name and filters by status, with a message when nothing matches', async () => {
    const found = await world.get(`${url}?q=${encodeURIComponent('統計')}`, world.headers.viewer);
    assert.equal(found.body.match(/data-testid="achievement-row"/g)?.length, 1);
    assert.match(found.body, /統計学入門/);
    assert.match(found.body, /value="統計"/);
    const none = await world.get(`${url}?q=nothing`, world.headers.viewer);
    assert.match(none.body, /条件に合うバッジはありません。/);
    const archived = await world.get(`${url}?status=archived`, world.headers.viewer);
    assert.match(archived.body, /条件に合うバッジはありません。/);
    assert.match(archived.body, /<option value="archived"\s+selected/);
  });

  it('hides the "New badge" button from viewers', async () => {
    const page = await world.get(url, world.headers.viewer);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /data-testid="new-achievement"/);
  });

  it('pages through long lists with a "next page" link', async () => {
    for (let i = 0; i < 50; i += 1) {
      await createAchievementByApi(world, { name: { ja: `講座 ${String(i)}` } });
    }
    const first = await world.get(url, world.headers['org-admin']);
    assert.equal(first.body.match(/data-testid="achievement-row"/g)?.length, 50);
    const next = /href="([^"]+)" rel="next" data-testid="next-page"/.exec(first.body)?.[1];
    assert.ok(next !== undefined);
    const second = await world.get(next.replaceAll('&amp;', '&'), world.headers['org-admin']);
    assert.equal(second.body.match(/data-testid="achievement-row"/g)?.length, 2);
    assert.doesNotMatch(second.body, /data-testid="next-page"/);
    assert.match(second.body, />最初のページ<\/a>/);
  });

  it('sends signed-out visitors to sign in, and answers 404 for another organisation', async () => {
    const signedOut = await world.get(url);
    assert.equal(signedOut.statusCode, 303);
    assert.equal(signedOut.headers.location, `/sign-in?next=${encodeURIComponent(url)}`);
    const other = await world.get(
      `/console/${world.orgB}/achievements`,
      world.headers['org-admin'],
    );
    assert.equal(other.statusCode, 404);
    const learner = await world.get(url, world.headers.learner);
    assert.equal(learner.statusCode, 404);
  });
});
