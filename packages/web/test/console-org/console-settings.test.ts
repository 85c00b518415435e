import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

describe('organisation settings and issuer profiles (/console/{org}/settings)', () => {
  let world: WebTestWorld;
  let settings: string;
  let profile: string;
  before(async () => {
    world = await buildWebTestWorld();
    settings = `/console/${world.orgA}/settings`;
    profile = `${settings}/issuers/${world.profileA}`;
  });
  after(() => world.close());

  it('shows the organisation, its settings form and its issuer profiles to an org admin (ja and en)', async () => {
    const ja = await world.get(settings, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>組織と発行者<\/h1>/);
    assert.match(ja.body, /data-testid="organisation-facts"/);
    assert.match(ja.body, /承認済み/);
    assert.match(ja.body, /data-testid="organisation-settings-form"/);
    assert.match(ja.body, /data-testid="issuer-profile"/);
    assert.match(ja.body, /data-testid="issuer-identifier">did:web:/);
    assert.match(ja.body, new RegExp(`href="/issuers/${world.profileA}"`));
    assert.match(ja.body, /data-testid="issuer-create-form"/);
    assert.match(ja.body, /aria-current="page"[^>]*>組織と発行者/);
    const en = await world.get(`${settings}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /<h1>Organisation and issuers<\/h1>/);
    assert.match(en.body, /Approved/);
  });

  it('is read only for a viewer, and a forced post shows the API refusal', async () => {
    const page = await world.get(settings, world.headers.viewer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="read-only"/);
    assert.doesNotMatch(page.body, /<form method="post" action="\/console/);
    const profilePage = await world.get(profile, world.headers.viewer);
    assert.equal(profilePage.statusCode, 200);
    assert.doesNotMatch(profilePage.body, /data-testid="issuer-edit-form"/);
    const forced = await world.post(
      settings,
      { contactEmail: 'x@example.ac.jp', require2fa: 'yes' },
      world.headers.viewer,
    );
    assert.equal(forced.statusCode, 403);
    assert.match(forced.body, /data-testid="error-summary"/);
    const edit = await world.post(
      profile,
      { nameJa: 'x', nameEn: 'x', url: 'https://x.example.ac.jp/', email: 'x@example.ac.jp' },
      world.headers.viewer,
    );
    assert.equal(edit.statusCode, 403);
    assert.match(edit.body, /data-testid="error-summary"/);
  });

  it('saves the contact e-mail, and answers a bad one next to its field', async () => {
    const saved = await world.post(
      settings,
      { contactEmail: 'badges@example.ac.jp' },
      world.headers['org-admin'],
    );
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${settings}?done=saved`);
    const after = await world.get(`${settings}?done=saved`, world.headers['org-admin']);
    assert.match(after.body, /data-testid="notice">保存しました。/);
    assert.match(after.body, /badges@example\.ac\.jp/);
    const bad = await world.post(
      settings,
      { contactEmail: 'not an address' },
      world.headers['org-admin'],
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /data-testid="error-summary"/);
    assert.match(bad.body, /<p class="field-error" id="f-contactEmail-error">/);
    assert.match(bad.body, /value="not an address"/);
  });

  it('refuses a post without the CSRF token with an error, never a crash', async () => {
    const response = await world.post(
      settings,
      { _csrf: 'wrong', contactEmail: 'x@example.ac.jp' },
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /data-testid="error-summary"/);
  });

  it('edits an issuer profile, and keeps the values with the error next to a bad web site', async () => {
    const page = await world.get(profile, world.headers['org-admin']);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="issuer-edit-form"/);
    assert.match(page.body, /data-testid="issuer-keys"/);
    const fields = {
      nameJa: '国立大学法人 証大学\u3000工学部',
      nameEn: 'Akashi University',
      url: 'https://www.example.ac.jp/',
      email: 'badges@example.ac.jp',
      descriptionJa: '説明です。',
      descriptionEn: 'About us.',
    };
    const saved = await world.post(profile, fields, world.headers['org-admin']);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${profile}?done=saved`);
    const shown = await world.get(settings, world.headers['org-admin']);
    assert.match(shown.body, /国立大学法人 証大学\u3000工学部/);

    const http = await world.post(
      profile,
      { ...fields, url: 'http://www.example.ac.jp/' },
      world.headers['org-admin'],
    );
    assert.equal(http.statusCode, 400);
    assert.match(
      http.body,
      /<p class="field-error" id="f-url-error">発行者のウェブサイトは https:\/\//,
    );
    assert.match(http.body, /value="http:\/\/www\.example\.ac\.jp\/"/);
    assert.match(http.body, /value="国立大学法人 証大学\u3000工学部"/);
    const notUrl = await world.post(
      `${profile}?lang=en`,
      { ...fields, url: 'not a url' },
      world.headers['org-admin'],
    );
    assert.equal(notUrl.statusCode, 400);
    assert.match(notUrl.body, /id="f-url-error"/);
    assert.match(notUrl.body, /value="not a url"/);
  });

  it('creates a department profile, rotates its keys after confirmation and archives it', async () => {
    const created = await world.post(
      `${settings}/issuers`,
      {
        departmentId: world.deptA2,
        nameJa: '文学部',
        nameEn: 'Faculty of Letters',
        url: 'https://letters.example.ac.jp/',
        email: 'letters@example.ac.jp',
        descriptionJa: '',
        descriptionEn: '',
        identifierMethod: '',
      },
      world.headers['org-admin'],
    );
    assert.equal(created.statusCode, 303);
    const list = await world.get(settings, world.headers['org-admin']);
    const match =
      /settings\/issuers\/([0-9a-f-]{36})" data-testid="issuer-edit-link"\s*>[^<]*<\/a\s*>\s*<a href="\/issuers\/[0-9a-f-]+">/g;
    const ids = [...list.body.matchAll(match)].map((m) => m[1]);
    const id = ids.find((x) => x !== world.profileA);
    assert.ok(id);
    const page = `${settings}/issuers/${id}`;

    const duplicate = await world.post(
      `${settings}/issuers`,
      {
        departmentId: world.deptA2,
        nameJa: '文学部',
        nameEn: 'Letters',
        url: 'https://letters.example.ac.jp/',
        email: 'letters@example.ac.jp',
      },
      world.headers['org-admin'],
    );
    assert.ok(duplicate.statusCode >= 400);
    assert.match(duplicate.body, /data-testid="error-summary"/);

    const unconfirmed = await world.post(`${page}/rotate-keys`, {}, world.headers['org-admin']);
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /確認のチェックボックス/);
    const rotated = await world.post(
      `${page}/rotate-keys`,
      { confirm: 'yes' },
      world.headers['org-admin'],
    );
    assert.equal(rotated.statusCode, 303);
    const keys = await world.get(`${page}?done=rotated`, world.headers['org-admin']);
    assert.match(keys.body, /鍵を更新しました。/);
    assert.match(keys.body, /過去の鍵/);

    const archived = await world.post(
      `${page}/archive`,
      { confirm: 'yes' },
      world.headers['org-admin'],
    );
    assert.equal(archived.statusCode, 303);
    const gone = await world.get(page, world.headers['org-admin']);
    assert.match(gone.body, /アーカイブ済み/);
    assert.doesNotMatch(gone.body, /data-testid="issuer-edit-form"/);
  });

  it('answers an unknown issuer profile with a 404', async () => {
    const response = await world.get(
      `${settings}/issuers/00000000-0000-4000-8000-000000000000`,
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 404);
  });
});
