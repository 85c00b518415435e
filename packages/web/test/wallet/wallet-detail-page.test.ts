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

interface ShareLinkView {
  readonly id: string;
  readonly url: string;
}

describe("a badge's page in the wallet", () => {
  let world: WebTestWorld;
  let learner: Record<string, string>;
  let item: WalletItem;
  let path: string;

  before(async () => {
    world = await buildWebTestWorld();
    learner = world.headers.learner;
    const achievementId = await createAchievement(world, '情報リテラシー');
    item = await importBadge(world, (await issueBadge(world, achievementId)).credential, learner);
    path = `/wallet/credentials/${item.id}`;
  });
  after(() => world.close());

  const shareLinks = async (): Promise<readonly ShareLinkView[]> => {
    const response = await callApi(world, 'GET', `/api/v1/wallet/credentials/${item.id}`, learner);
    return response.json<{ shareLinks: ShareLinkView[] }>().shareLinks;
  };

  it('shows everything the credential carries and its verification, in Japanese', async () => {
    const response = await world.get(path, learner);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.body;
    assert.equal(h1(body), '情報リテラシー');
    assert.match(body, /data-testid="wallet-facts"/);
    assert.match(body, /令和/);
    assert.match(body, /取得基準/);
    // The criteria narrative as text, in paragraphs.
    assert.match(body, /<p class="prose">全課題を提出すること。<\/p>/);
    assert.match(body, /<p class="prose">期末試験に合格すること。<\/p>/);
    assert.match(body, /ハッシュ化されています/);
    assert.match(body, /data-verdict="valid"/);
    assert.match(body, /data-check="proof"\s+data-outcome="passed"/);
    assert.match(body, /data-testid="wallet-recheck"/);
    assert.match(body, /現在は非公開です/);
    assert.match(body, /data-testid="wallet-visibility-toggle">\s*公開する/);
    assert.match(body, /共有リンクはまだありません/);
    assert.match(
      body,
      new RegExp(`href="/api/v1/wallet/credentials/${item.id}/download\\?format=json"`),
    );
    assert.match(body, /どのコレクションにも入っていません/);
    assert.match(body, /data-testid="wallet-delete-start"/);
    assert.match(body, /<script type="module" src="\/assets\/wallet-copy\.js\?v=/);
    assertNoInline(body);
  });

  it('shows the page in English', async () => {
    const response = await world.get(`${path}?lang=en`, learner);
    assert.match(response.body, /<html lang="en">/);
    assert.match(response.body, /About this badge/);
    assert.match(response.body, /Criteria/);
    assert.match(response.body, /\(hashed\)/);
    assert.match(response.body, /This credential is valid/);
    assert.match(response.body, /Make public/);
  });

  it('is the 404 page for another learner, or for no such badge', async () => {
    const other = await world.get(path, world.headers['org-admin']);
    assert.equal(other.statusCode, 404);
    assert.match(other.body, /ページが見つかりません/);
    assert.doesNotMatch(other.body, /情報リテラシー/);
    const none = await world.get('/wallet/credentials/no-such-badge', learner);
    assert.equal(none.statusCode, 404);
    const action = await world.post(
      `${path}/visibility`,
      { visibility: 'public' },
      world.headers['org-admin'],
    );
    assert.equal(action.statusCode, 404);
  });

  it('sends a signed-out visitor to sign in', async () => {
    assertRedirect(await world.get(path), `/sign-in?next=${encodeURIComponent(path)}`);
  });

  it('makes the badge public and private again', async () => {
    const made = await world.post(`${path}/visibility`, { visibility: 'public' }, learner);
    assertRedirect(made, `${path}?done=public`);
    const page = await world.get(`${path}?done=public`, learner);
    assert.match(page.body, /バッジを公開しました/);
    assert.match(page.body, /現在は公開中です/);
    assert.match(page.body, /data-visibility="public"/);
    const back = await world.post(`${path}/visibility`, { visibility: 'private' }, learner);
    assertRedirect(back, `${path}?done=private`);
    const api = await callApi(world, 'GET', `/api/v1/wallet/credentials/${item.id}`, learner);
    assert.equal(api.json<{ visibility: string }>().visibility, 'private');
  });

  it('creates a share link with its QR code, LinkedIn and e-mail links, and revokes it', async () => {
    const created = await world.post(`${path}/share-links`, {}, learner);
    assertRedirect(created, `${path}?done=shared#share-title`);
    const [link] = await shareLinks();
    assert.ok(link);
    const page = await world.get(path, learner);
    const body = page.body;
    assert.match(body, /data-testid="wallet-share-link"/);
    assert.match(body, new RegExp(`value="${link.url}"\\s+readonly`));
    assert.match(body, /data-copy-target="share-url-/);
    assert.match(body, /<img\s+class="wallet-qr"\s+src="data:image\/svg\+xml;base64,/);
    assert.match(body, new RegExp(`href="/s/${link.id}/linkedin"`));
    const mailto = /href="(mailto:[^"]+)"/.exec(body)?.[1] ?? '';
    const mail = new URL(mailto.replaceAll('&amp;', '&'));
    assert.equal(mail.searchParams.get('subject'), 'オープンバッジ「情報リテラシー」');
    assert.match(mail.searchParams.get('body') ?? '', new RegExp(link.url));
    const en = await world.get(`${path}?lang=en`, learner);
    assert.match(en.body, /Add to LinkedIn profile/);
    assert.match(
      decodeURIComponent(/href="mailto:([^"]+)"/.exec(en.body)?.[1] ?? ''),
      /Open Badge: /,
    );
    const revoked = await world.post(`${path}/share-links/${link.id}/revoke`, {}, learner);
    assertRedirect(revoked, `${path}?done=unshared#share-title`);
    assert.equal((await shareLinks()).length, 0);
    const publicPage = await world.testApp.app.inject({
      method: 'GET',
      url: `/api/v1/public/share-links/${link.id}`,
    });
    assert.equal(publicPage.statusCode, 404);
  });

  it('checks the badge again', async () => {
    const response = await world.post(`${path}/recheck`, {}, learner);
    assertRedirect(response, `${path}?done=rechecked`);
    const page = await world.get(`${path}?done=rechecked`, learner);
    assert.match(page.body, /もう一度検証しました/);
    assert.match(page.body, /最終確認：/);
  });

  it('shows a change of status until it is marked seen', async () => {
    await world.db.kysely
      .updateTable('wallet_credentials')
      .set({ previous_status: 'valid', status: 'suspended' })
      .where('id', '=', item.id)
      .execute();
    const page = await world.get(path, learner);
    assert.match(page.body, /状態が変わりました：有効 → 現在は 一時停止中/);
    assertRedirect(await world.post(`${path}/seen`, {}, learner), `${path}?done=seen`);
    const after = await world.get(path, learner);
    assert.doesNotMatch(after.body, /data-testid="wallet-change"/);
  });

  it('asks before deleting, says an award can come back by its link, then deletes', async () => {
    const confirm = await world.get(`${path}/delete`, learner);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /「情報リテラシー」を削除しますか/);
    assert.match(confirm.body, /取り込んだバッジです/);
    assert.match(confirm.body, /data-testid="wallet-delete-confirm"/);
    const en = await world.get(`${path}/delete?lang=en`, learner);
    assert.match(en.body, /Delete “情報リテラシー”\?/);
    assert.equal((await world.get(`${path}/delete`, world.headers['org-admin'])).statusCode, 404);
    const deleted = await world.post(`${path}/delete`, {}, learner);
    assertRedirect(deleted, '/wallet?done=deleted');
    const list = await world.get('/wallet?done=deleted', learner);
    assert.match(list.body, /バッジを削除しました/);
    assert.equal((await world.get(path, learner)).statusCode, 404);
  });
});
