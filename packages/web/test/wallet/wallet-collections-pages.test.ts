import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  assertNoInline,
  assertRedirect,
  callApi,
  createAchievement,
  h1,
  importBadge,
  issueBadge,
  type WalletItem,
} from './wallet-test-support.js';

interface CollectionView {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly visibility: string;
  readonly position: number;
  readonly credentialIds: readonly string[];
}

describe('the wallet collections pages', () => {
  let world: WebTestWorld;
  let learner: Record<string, string>;
  const badges: WalletItem[] = [];

  before(async () => {
    world = await buildWebTestWorld();
    learner = world.headers.learner;
    for (const name of ['情報リテラシー', 'ビジネス英語', 'データ分析']) {
      const achievementId = await createAchievement(world, name);
      badges.push(
        await importBadge(world, (await issueBadge(world, achievementId)).credential, learner),
      );
    }
  });
  after(() => world.close());

  const collections = async (): Promise<readonly CollectionView[]> => {
    const response = await callApi(world, 'GET', '/api/v1/wallet/collections', learner);
    assert.equal(response.statusCode, 200, response.body);
    return [...response.json<{ items: CollectionView[] }>().items].sort(
      (a, b) => a.position - b.position,
    );
  };

  const idOf = (name: string) => async () => {
    const found = (await collections()).find((c) => c.name === name);
    assert.ok(found, name);
    return found;
  };

  it('lists none at first and says what a public collection means (ja and en)', async () => {
    const ja = await world.get('/wallet/collections', learner);
    assert.equal(ja.statusCode, 200);
    assert.equal(h1(ja.body), 'コレクション');
    assert.match(ja.body, /data-testid="collections-none"/);
    assert.match(
      ja.body,
      /公開したコレクションは、その中のバッジすべてとともに公開プロフィールに表示されます/,
    );
    assertNoInline(ja.body);
    const en = await world.get('/wallet/collections?lang=en', learner);
    assert.match(en.body, /A public collection shows all its badges on your public profile/);
    assertRedirect(await world.get('/wallet/collections'), '/sign-in?next=%2Fwallet%2Fcollections');
  });

  it('creates collections, the name exactly as typed; a missing name is answered next to it', async () => {
    const bad = await world.post('/wallet/collections', { name: '', description: 'x' }, learner);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<p class="field-error" id="f-name-error">/);
    assert.match(bad.body, /data-testid="error-summary"/);
    for (const name of ['就職活動用　ＩＴ', 'English skills']) {
      const created = await world.post('/wallet/collections', { name, description: '' }, learner);
      assertRedirect(created, '/wallet/collections?done=created');
    }
    const list = await world.get('/wallet/collections?done=created', learner);
    assert.match(list.body, /コレクションを作成しました/);
    assert.ok(list.body.includes('就職活動用\u3000ＩＴ'));
    assert.equal(list.body.match(/data-testid="wallet-collection"/g)?.length, 2);
    assert.equal((await collections())[0]?.name, '就職活動用　ＩＴ');
  });

  it('reorders collections up and down', async () => {
    const english = await idOf('English skills')();
    const moved = await world.post(
      `/wallet/collections/${english.id}/move`,
      { direction: 'up' },
      learner,
    );
    assertRedirect(moved, '/wallet/collections?done=moved');
    assert.deepEqual(
      (await collections()).map((c) => c.name),
      ['English skills', '就職活動用　ＩＴ'],
    );
    await world.post(`/wallet/collections/${english.id}/move`, { direction: 'down' }, learner);
    assert.equal((await collections())[1]?.name, 'English skills');
  });

  it('adds badges with checkboxes, orders them, and removes one', async () => {
    const it = await idOf('就職活動用　ＩＴ')();
    const path = `/wallet/collections/${it.id}`;
    const page = await world.get(path, learner);
    assert.equal(page.statusCode, 200);
    assert.equal(h1(page.body), '就職活動用　ＩＴ');
    assert.equal(page.body.match(/name="credentialId"\s+value=/g)?.length, 3);
    const nothing = await world.post(`${path}/items`, { op: 'add' }, learner);
    assert.equal(nothing.statusCode, 400);
    assert.match(nothing.body, /追加するバッジを選んでください/);
    const [first, second, third] = badges.map((b) => b.id);
    const added = await world.post(
      `${path}/items`,
      { op: 'add', credentialId: [first ?? '', second ?? ''] },
      learner,
    );
    assertRedirect(added, `${path}?done=added`);
    assert.deepEqual((await idOf('就職活動用　ＩＴ')()).credentialIds, [first, second]);
    const up = await world.post(`${path}/items`, { op: 'up', credentialId: second ?? '' }, learner);
    assertRedirect(up, `${path}?done=moved`);
    assert.deepEqual((await idOf('就職活動用　ＩＴ')()).credentialIds, [second, first]);
    const shown = await world.get(path, learner);
    assert.equal(shown.body.match(/data-testid="collection-item"/g)?.length, 2);
    assert.match(shown.body, new RegExp(`name="credentialId"\\s+value="${third ?? ''}"`));
    const removed = await world.post(
      `${path}/items`,
      { op: 'remove', credentialId: second ?? '' },
      learner,
    );
    assertRedirect(removed, `${path}?done=removed`);
    assert.deepEqual((await idOf('就職活動用　ＩＴ')()).credentialIds, [first]);
    // The badge's page names the collections it is in.
    const badge = await world.get(`/wallet/credentials/${first ?? ''}`, learner);
    assert.ok(badge.body.includes(`href="/wallet/collections/${it.id}">就職活動用\u3000ＩＴ`));
    // The wallet list filters by collection.
    const filtered = await world.get(`/wallet?collection=${it.id}`, learner);
    assert.equal(filtered.body.match(/data-testid="wallet-card"/g)?.length, 1);
  });

  it('edits the name, description and visibility, and makes it public from the list', async () => {
    const english = await idOf('English skills')();
    const path = `/wallet/collections/${english.id}`;
    const bad = await world.post(
      path,
      { name: '', description: '', visibility: 'private' },
      learner,
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<p class="field-error" id="f-name-error">/);
    const saved = await world.post(
      path,
      { name: 'English — TOEIC', description: '英語の資格\n2行目', visibility: 'private' },
      learner,
    );
    assertRedirect(saved, `${path}?done=saved`);
    const after = await idOf('English — TOEIC')();
    assert.equal(after.description, '英語の資格\n2行目');
    const pub = await world.post(`${path}/visibility`, { visibility: 'public' }, learner);
    assertRedirect(pub, '/wallet/collections?done=public');
    assert.equal((await idOf('English — TOEIC')()).visibility, 'public');
    const list = await world.get('/wallet/collections?lang=en', learner);
    assert.match(list.body, /data-visibility="public"/);
    assert.match(list.body, /Make private/);
  });

  it("is the 404 page for another learner's collection, and deletes one", async () => {
    const english = await idOf('English — TOEIC')();
    const path = `/wallet/collections/${english.id}`;
    assert.equal((await world.get(path, world.headers['org-admin'])).statusCode, 404);
    const otherDelete = await world.post(`${path}/delete`, {}, world.headers['org-admin']);
    assert.equal(otherDelete.statusCode, 404);
    assert.equal((await world.get('/wallet/collections/nothing-here', learner)).statusCode, 404);
    const deleted = await world.post(`${path}/delete`, {}, learner);
    assertRedirect(deleted, '/wallet/collections?done=deleted');
    assert.equal((await collections()).length, 1);
  });
});
