import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildPng } from '../../../server/src/images/image-test-factories.js';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  createAchievementByApi,
  postMultipart,
  readAchievementByApi,
} from './achievement-test-helpers.js';

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="alert(1)"><script>alert(2)</script><circle cx="32" cy="32" r="30" fill="#1a56b0"/></svg>';

describe('badge detail page, image upload, archive', () => {
  let world: WebTestWorld;
  let base: string;
  before(async () => {
    world = await buildWebTestWorld();
    base = `/console/${world.orgA}/achievements`;
  });
  after(() => world.close());

  const upload = (id: string, bytes: Uint8Array | string, as = world.headers['org-admin']) =>
    postMultipart(
      world,
      `${base}/${id}/image`,
      { _csrf: as['x-csrf-token'] ?? '', from: 'detail' },
      {
        name: 'image',
        filename: 'badge.bin',
        type: 'application/octet-stream',
        bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
      },
      as,
    );

  it('shows every field, the version, status and the links to award and publish', async () => {
    const badge = await createAchievementByApi(world, {
      criteria: { url: 'https://www.example.ac.jp/c', narrative: { ja: '合格すること。' } },
      skills: [{ name: 'データ分析', url: 'https://esco.example/s', framework: 'ESCO' }],
      validity: { years: 3, months: 6 },
      humanCode: 'DS101',
    });
    const page = await world.get(`${base}/${badge.id}`, world.headers['org-admin']);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 data-testid="achievement-title">情報リテラシー<\/h1>/);
    assert.match(page.body, /data-testid="achievement-version">1</);
    assert.match(page.body, /<span class="pill ok">有効<\/span>/);
    assert.match(page.body, /授与日から 3 年 6 か月/);
    assert.match(page.body, /DS101/);
    assert.match(
      page.body,
      /<a href="https:\/\/esco.example\/s" rel="noopener noreferrer">データ分析<\/a>/,
    );
    assert.match(page.body, new RegExp(`href="${base}/${badge.id}/award" data-testid="award-one"`));
    assert.match(page.body, new RegExp(`href="${base}/${badge.id}/bulk" data-testid="award-bulk"`));
    assert.match(
      page.body,
      new RegExp(`href="/console/${world.orgA}/awards\\?achievementId=${badge.id}"`),
    );
    assert.match(
      page.body,
      new RegExp(`href="/achievements/${badge.id}" data-testid="public-page"`),
    );
    assert.match(page.body, new RegExp(`href="/achievements/${badge.id}\\?lang=en"`));
    assert.match(page.body, /data-testid="edit-achievement"/);
    assert.match(page.body, /data-testid="archive-achievement"/);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    const english = await world.get(`${base}/${badge.id}?lang=en`, world.headers['org-admin']);
    assert.match(english.body, /<h1 data-testid="achievement-title">Information Literacy<\/h1>/);
    assert.match(english.body, /3 years, 6 months from the award date/);
    assert.match(english.body, /Award one person/);
  });

  it('shows viewers the badge without any control to change or award it', async () => {
    const badge = await createAchievementByApi(world);
    const page = await world.get(`${base}/${badge.id}`, world.headers.viewer);
    assert.equal(page.statusCode, 200);
    for (const testid of [
      'edit-achievement',
      'award-one',
      'award-bulk',
      'archive-achievement',
      'achievement-image-input',
    ]) {
      assert.doesNotMatch(page.body, new RegExp(`data-testid="${testid}"`), testid);
    }
    assert.match(page.body, /data-testid="achievement-image"/);
    const post = await world.post(`${base}/${badge.id}/archive`, {}, world.headers.viewer);
    assert.equal(post.statusCode, 403);
  });

  it('uploads a PNG as its raw bytes and shows it', async () => {
    const badge = await createAchievementByApi(world);
    const response = await upload(badge.id, buildPng());
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, `${base}/${badge.id}?done=image`);
    const saved = await readAchievementByApi(world, badge.id);
    assert.equal(saved.imageMediaType, 'image/png');
    const page = await world.get(response.headers.location, world.headers['org-admin']);
    assert.match(page.body, /画像を登録しました。/);
    assert.match(page.body, new RegExp(`src="/images/${String(saved.imageId)}"`));
    const image = await world.testApp.app.inject({ url: `/images/${String(saved.imageId)}` });
    assert.equal(image.headers['content-type'], 'image/png');
  });

  it('stores a hostile SVG only after its script and event handlers are removed, and says so', async () => {
    const badge = await createAchievementByApi(world);
    const response = await upload(badge.id, HOSTILE_SVG);
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, `${base}/${badge.id}?done=image-cleaned`);
    const saved = await readAchievementByApi(world, badge.id);
    assert.equal(saved.imageMediaType, 'image/svg+xml');
    const image = await world.testApp.app.inject({ url: `/images/${String(saved.imageId)}` });
    assert.doesNotMatch(image.body, /onload|<script|alert/);
    const page = await world.get(response.headers.location, world.headers['org-admin']);
    assert.match(page.body, /安全のため、SVG からスクリプトや外部参照などを取り除きました。/);
  });

  it('answers an unsupported, empty or broken file next to the file field', async () => {
    const badge = await createAchievementByApi(world);
    const gif = await upload(badge.id, 'GIF89a-not-a-badge');
    assert.equal(gif.statusCode, 400);
    assert.match(gif.body, /data-testid="image-error">PNG か SVG のファイルを選んでください。/);
    const empty = await upload(badge.id, '');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /data-testid="image-error">画像ファイルを選んでください。/);
    const broken = await upload(badge.id, buildPng().slice(0, 40));
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /data-testid="image-error">/);
    assert.match(broken.body, /aria-invalid="true"/);
    const fromEdit = await postMultipart(
      world,
      `${base}/${badge.id}/image`,
      { _csrf: world.headers['org-admin']['x-csrf-token'] ?? '', from: 'edit' },
      { name: 'image', filename: 'a.txt', type: 'text/plain', bytes: Buffer.from('hello') },
      world.headers['org-admin'],
    );
    assert.equal(fromEdit.statusCode, 400);
    assert.match(fromEdit.body, /data-testid="achievement-form"/);
    assert.match(fromEdit.body, /data-testid="image-error"/);
    const noCsrf = await postMultipart(
      world,
      `${base}/${badge.id}/image`,
      { from: 'detail' },
      { name: 'image', filename: 'a.png', type: 'image/png', bytes: buildPng() },
      world.headers['org-admin'],
    );
    assert.equal(noCsrf.statusCode, 403);
  });

  it('archives and unarchives a badge', async () => {
    const badge = await createAchievementByApi(world);
    const archived = await world.post(
      `${base}/${badge.id}/archive`,
      {},
      world.headers['org-admin'],
    );
    assert.equal(archived.statusCode, 303);
    assert.equal(archived.headers.location, `${base}/${badge.id}?done=archived`);
    const page = await world.get(archived.headers.location, world.headers['org-admin']);
    assert.match(page.body, /バッジをアーカイブしました。/);
    assert.match(page.body, /<span class="pill warn">アーカイブ済み<\/span>/);
    assert.match(page.body, /data-testid="unarchive-achievement"/);
    assert.doesNotMatch(page.body, /data-testid="award-one"/);
    assert.doesNotMatch(page.body, /data-testid="edit-achievement"/);
    const list = await world.get(`${base}?status=archived`, world.headers['org-admin']);
    assert.match(list.body, new RegExp(`${badge.id}">情報リテラシー`));
    const noCsrf = await world.post(
      `${base}/${badge.id}/unarchive`,
      { _csrf: '' },
      world.headers['org-admin'],
    );
    assert.equal(noCsrf.statusCode, 403);
    assert.match(noCsrf.body, /CSRF/);
    const unarchived = await world.post(
      `${base}/${badge.id}/unarchive`,
      {},
      world.headers['org-admin'],
    );
    assert.equal(unarchived.statusCode, 303);
    assert.equal((await readAchievementByApi(world, badge.id)).status, 'active');
  });

  it('sends signed-out visitors to sign in, and answers 404 for another organisation', async () => {
    const badge = await createAchievementByApi(world);
    const signedOut = await world.get(`${base}/${badge.id}`);
    assert.equal(signedOut.statusCode, 303);
    const otherOrg = await world.get(
      `/console/${world.orgB}/achievements/${badge.id}`,
      world.headers['other-org-admin'],
    );
    assert.equal(otherOrg.statusCode, 404);
    const notMember = await world.get(`${base}/${badge.id}`, world.headers['other-org-admin']);
    assert.equal(notMember.statusCode, 404);
    const bad = await world.get(`${base}/not-a-uuid`, world.headers['org-admin']);
    assert.equal(bad.statusCode, 404);
  });
});
