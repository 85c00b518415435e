import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  createAchievementByApi,
  MINIMAL_FIELDS,
  readAchievementByApi,
} from './achievement-test-helpers.js';

describe('badge editor', () => {
  let world: WebTestWorld;
  let base: string;
  before(async () => {
    world = await buildWebTestWorld();
    base = `/console/${world.orgA}/achievements`;
  });
  after(() => world.close());

  it('renders the new-badge form with every field, the issuer select and the preview (ja, en)', async () => {
    const page = await world.get(`${base}/new`, world.headers['org-admin']);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>新しいバッジを作成<\/h1>/);
    for (const name of [
      'name.ja',
      'name.en',
      'description.ja',
      'criteria.narrative.ja',
      'criteria.url',
      'achievementType',
      'tags',
      'skills',
      'alignments',
      'validity.years',
      'evidenceRequirement.ja',
      'departmentId',
      'issuerProfileId',
    ]) {
      assert.match(page.body, new RegExp(`name="${name.replace('.', '\\.')}"`), name);
    }
    assert.match(page.body, new RegExp(`<option\\s+value="${world.profileA}"`));
    assert.match(page.body, /data-testid="achievement-preview"/);
    assert.match(page.body, /name="_action"\s+value="preview"/);
    assert.match(page.body, /src="\/assets\/achievements-preview\.js\?v=/);
    assert.doesNotMatch(page.body, /<script>/);
    const english = await world.get(`${base}/new?lang=en`, world.headers['org-admin']);
    assert.match(english.body, /<h1>New badge<\/h1>/);
    assert.match(english.body, /Name \(Japanese\)/);
  });

  it('creates a badge from the minimal fields, then shows it in the list and publishes it', async () => {
    const created = await world.post(
      `${base}/new`,
      { ...MINIMAL_FIELDS, tags: 'データ, Python、統計', _action: 'save' },
      world.headers['org-admin'],
    );
    assert.equal(created.statusCode, 303, created.body);
    const location = String(created.headers.location);
    const id = new RegExp(`^${base}/([0-9a-f-]{36})\\?done=created$`).exec(location)?.[1];
    assert.ok(id !== undefined, location);
    const detail = await world.get(location, world.headers['org-admin']);
    assert.match(detail.body, /data-testid="notice">バッジを作成しました。/);
    const saved = await readAchievementByApi(world, id);
    assert.deepEqual(saved.tags, ['データ', 'Python', '統計']);
    assert.deepEqual(saved.criteria, {
      narrative: { ja: MINIMAL_FIELDS['criteria.narrative.ja'] },
    });
    assert.equal(saved.departmentId, null);
    const list = await world.get(base, world.headers.viewer);
    assert.match(list.body, /データサイエンス基礎/);
    const json = await world.testApp.app.inject({
      url: `/achievements/${id}`,
      headers: { accept: 'application/json' },
    });
    assert.equal(json.statusCode, 200);
    assert.equal(json.json<{ name: string }>().name, 'データサイエンス基礎');
  });

  it('keeps every value and puts the message next to name.ja when the Japanese name is missing', async () => {
    const response = await world.post(
      `${base}/new`,
      {
        ...MINIMAL_FIELDS,
        'name.ja': '',
        'name.en': 'Data Science',
        'description.en': 'About data.',
        skills: 'データ分析 | https://esco.example/skill | ESCO | S1',
        'validity.years': '3',
        _action: 'save',
      },
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /data-testid="error-summary"/);
    assert.match(response.body, /<a href="#f-name-ja">名称（日本語）: 必須です<\/a>/);
    assert.match(
      response.body,
      /<p class="field-error" id="f-name-ja-error">必須です<\/p>\s*<input\s+id="f-name-ja"/,
    );
    assert.match(response.body, /value="Data Science"/);
    assert.match(
      response.body,
      /データの収集・分析・可視化の基礎を修得したことを証明します。<\/textarea>/,
    );
    assert.match(
      response.body,
      /データ分析 \| https:\/\/esco.example\/skill \| ESCO \| S1<\/textarea>/,
    );
    assert.match(response.body, /name="validity.years"\s+type="text"\s+value="3"/);
  });

  it('explains rules the API checks: criteria needed, list lines, type, issuer and department', async () => {
    const response = await world.post(
      `${base}/new`,
      {
        'name.ja': '名称',
        'description.ja': '説明',
        alignments: '基準だけ',
        achievementType: 'NotAType',
        'validity.days': 'abc',
        _action: 'save',
      },
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="f-alignments-error">1 行目: targetUrl 必須です/);
    assert.match(response.body, /id="f-validity-days-error">/);
    const rules = await world.post(
      `${base}/new`,
      { 'name.ja': '名称', 'description.ja': '説明', achievementType: 'NotAType', _action: 'save' },
      world.headers['org-admin'],
    );
    assert.match(
      rules.body,
      /id="f-criteria-narrative-ja-error">url と narrative の少なくとも一方が必要です/,
    );
    assert.match(rules.body, /id="f-achievementType-error">/);
    const issuerElsewhere = await world.post(
      `${base}/new`,
      { ...MINIMAL_FIELDS, departmentId: '', _action: 'save' },
      world.headers['issuer-in-department'],
    );
    assert.equal(issuerElsewhere.statusCode, 403);
    assert.match(issuerElsewhere.body, /data-testid="error-summary"/);
    const issuerOwn = await world.post(
      `${base}/new`,
      { ...MINIMAL_FIELDS, departmentId: world.deptA1, _action: 'save' },
      world.headers['issuer-in-department'],
    );
    assert.equal(issuerOwn.statusCode, 303);
  });

  it('previews without saving', async () => {
    const before = await world.testApp.app.inject({
      url: `/api/v1/organisations/${world.orgA}/achievements?status=all`,
      headers: world.headers['org-admin'],
    });
    const count = before.json<{ achievements: unknown[] }>().achievements.length;
    const response = await world.post(
      `${base}/new`,
      {
        ...MINIMAL_FIELDS,
        'name.en': 'Foundations of Data Science',
        'description.en': 'Certifies the foundations.',
        achievementType: 'MicroCredential',
        tags: 'Python',
        _previewLanguage: 'en',
        _action: 'preview',
      },
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 200);
    const preview =
      /data-testid="achievement-preview"[\s\S]*?<\/ul>/.exec(response.body)?.[0] ?? '';
    assert.match(preview, /lang="en"/);
    assert.match(preview, /data-preview="name">Foundations of Data Science<\/h3>/);
    assert.match(preview, /Micro-credential \(MicroCredential\)/);
    assert.match(preview, /<li>Python<\/li>/);
    assert.doesNotMatch(response.body, /data-testid="error-summary"/);
    const after = await world.testApp.app.inject({
      url: `/api/v1/organisations/${world.orgA}/achievements?status=all`,
      headers: world.headers['org-admin'],
    });
    assert.equal(after.json<{ achievements: unknown[] }>().achievements.length, count);
  });

  it('edits a badge with its version, and answers a concurrent edit with the conflict message', async () => {
    const badge = await createAchievementByApi(world, { tags: ['a', 'b'] });
    const editUrl = `${base}/${badge.id}/edit`;
    const form = await world.get(editUrl, world.headers['org-admin']);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="expectedVersion" value="1"/);
    assert.match(form.body, /value="情報リテラシー"/);
    assert.match(form.body, /data-testid="achievement-image-input"/);
    const saved = await world.post(
      editUrl,
      {
        'name.ja': '情報リテラシー（改訂）',
        'description.ja': '情報の基礎を学びました。',
        'criteria.narrative.ja': '講義に合格すること。',
        tags: '',
        expectedVersion: '1',
        _action: 'save',
      },
      world.headers['org-admin'],
    );
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal(saved.headers.location, `${base}/${badge.id}?done=saved`);
    const after = await readAchievementByApi(world, badge.id);
    assert.equal(after.version, 2);
    assert.deepEqual(after.name, { ja: '情報リテラシー（改訂）' });
    assert.deepEqual(after.tags, []);
    assert.equal(after.achievementType, undefined);
    const stale = await world.post(
      editUrl,
      { ...MINIMAL_FIELDS, expectedVersion: '1', _action: 'save' },
      world.headers['org-admin'],
    );
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /data-testid="error-summary"/);
    assert.match(stale.body, /編集したのはバージョン 1、現在はバージョン 2/);
    assert.match(stale.body, /value="データサイエンス基礎"/);
    assert.match(stale.body, new RegExp(`<a href="${editUrl}">最新の内容を読み込む</a>`));
  });

  it('refuses viewers and issuers of other departments, and a form without its CSRF token', async () => {
    const viewer = await world.get(`${base}/new`, world.headers.viewer);
    assert.equal(viewer.statusCode, 403);
    assert.match(viewer.body, /権限がありません/);
    const badge = await createAchievementByApi(world, { departmentId: world.deptA1 });
    const other = await world.get(
      `${base}/${badge.id}/edit`,
      world.headers['issuer-other-department'],
    );
    assert.equal(other.statusCode, 403);
    const own = await world.get(`${base}/${badge.id}/edit`, world.headers['issuer-in-department']);
    assert.equal(own.statusCode, 200);
    const noCsrf = await world.post(
      `${base}/new`,
      { ...MINIMAL_FIELDS, _csrf: '', _action: 'save' },
      world.headers['org-admin'],
    );
    assert.equal(noCsrf.statusCode, 403);
    assert.match(noCsrf.body, /CSRF/);
  });

  it('sends signed-out visitors to sign in and answers 404 for another organisation or badge', async () => {
    const signedOut = await world.get(`${base}/new`);
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/sign-in\?next=/);
    const badge = await createAchievementByApi(world);
    const otherOrg = await world.get(
      `/console/${world.orgB}/achievements/${badge.id}/edit`,
      world.headers['other-org-admin'],
    );
    assert.equal(otherOrg.statusCode, 404);
    const missing = await world.get(
      `${base}/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/edit`,
      world.headers['org-admin'],
    );
    assert.equal(missing.statusCode, 404);
  });
});
