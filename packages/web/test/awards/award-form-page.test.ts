import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  awardIdFrom,
  createAchievement,
  idempotencyKeyIn,
  readAward,
  shownStatus,
} from './award-test-support.js';

describe('award one person', () => {
  let world: WebTestWorld;
  let achievementId: string;
  let url: string;
  before(async () => {
    world = await buildWebTestWorld();
    achievementId = await createAchievement(world, 'データサイエンス入門');
    url = `/console/${world.orgA}/achievements/${achievementId}/award`;
  });
  after(() => world.close());

  it('renders the form with the badge, its fields and a fresh idempotency key (ja and en)', async () => {
    const ja = await world.get(url, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>バッジを授与する<\/h1>/);
    assert.match(ja.body, /データサイエンス入門/);
    assert.match(ja.body, /data-testid="award-badge"/);
    for (const name of [
      'email',
      'name',
      'nameKana',
      'nameRomaji',
      'did',
      'evidenceUrl',
      'notify',
    ]) {
      assert.match(ja.body, new RegExp(`name="${name}"`));
    }
    assert.match(ja.body, /id="f-notify-on"\s+name="notify"\s+value="on"\s+checked/);
    const key = idempotencyKeyIn(ja.body);
    const again = await world.get(url, world.headers['org-admin']);
    assert.notEqual(idempotencyKeyIn(again.body), key);
    const en = await world.get(`${url}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /<h1>Award this badge<\/h1>/);
    assert.match(en.body, /データサイエンス入門 \(en\)/);
  });

  it('issues, keeping the names exactly as typed, and goes to the award page', async () => {
    const form = await world.get(url, world.headers['org-admin']);
    const response = await world.post(
      url,
      {
        email: 'takahashi@example.ac.jp',
        name: '髙橋 﨑子',
        nameKana: 'タカハシ サキコ',
        nameRomaji: 'TAKAHASHI Sakiko',
        externalId: '0012345',
        evidenceUrl: 'https://example.ac.jp/works/1',
        locale: 'ja',
        idempotencyKey: idempotencyKeyIn(form.body),
      },
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 303, response.body);
    const awardId = awardIdFrom(response.headers.location, 'issued');
    const page = await world.get(String(response.headers.location), world.headers['org-admin']);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="notice">バッジを授与しました。/);
    assert.match(page.body, /<h1 data-testid="award-heading">髙橋 﨑子<\/h1>/);
    assert.match(page.body, /タカハシ サキコ/);
    assert.match(page.body, /0012345/);
    assert.equal(shownStatus(page.body), 'active');
    assert.equal((await readAward(world, awardId)).state, 'active');
  });

  it('answers a bad e-mail next to the field, keeping what was typed', async () => {
    const form = await world.get(`${url}?lang=en`, world.headers['org-admin']);
    const response = await world.post(
      `${url}?lang=en`,
      {
        email: 'not-an-address',
        name: '山田 花子',
        nameKana: 'ヤマダ ハナコ',
        idempotencyKey: idempotencyKeyIn(form.body),
      },
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.body, /data-testid="error-summary"/);
    assert.match(response.body, /href="#f-email"/);
    assert.match(response.body, /<p class="field-error" id="f-email-error">/);
    assert.match(response.body, /value="not-an-address"/);
    assert.match(response.body, /value="山田 花子"/);
    assert.match(response.body, /value="ヤマダ ハナコ"/);
    // Notify was unchecked in the post: it stays unchecked.
    assert.doesNotMatch(response.body, /name="notify"\s+value="on"\s+checked/);
  });

  it('issues once when the same form is sent twice', async () => {
    const form = await world.get(url, world.headers['org-admin']);
    const fields = {
      email: 'twice@example.ac.jp',
      name: '二重 送信',
      idempotencyKey: idempotencyKeyIn(form.body),
    };
    const first = await world.post(url, fields, world.headers['org-admin']);
    const second = await world.post(url, fields, world.headers['org-admin']);
    assert.equal(first.statusCode, 303);
    assert.equal(second.statusCode, 303);
    assert.equal(first.headers.location, second.headers.location);
    const list = await world.testApp.app.inject({
      url: `/api/v1/organisations/${world.orgA}/awards?email=twice%40example.ac.jp`,
      headers: world.headers['org-admin'],
    });
    assert.equal(list.json<{ awards: unknown[] }>().awards.length, 1);
    // The same key for someone else: a fresh key and a message, nothing issued.
    const other = await world.post(
      url,
      { ...fields, email: 'someone-else@example.ac.jp' },
      world.headers['org-admin'],
    );
    assert.equal(other.statusCode, 409);
    assert.match(other.body, /data-testid="error-summary"/);
    assert.notEqual(idempotencyKeyIn(other.body), fields.idempotencyKey);
  });

  it('shows no form to a viewer or to an issuer of another department, and the API refuses them', async () => {
    const viewer = await world.get(url, world.headers.viewer);
    assert.equal(viewer.statusCode, 200);
    assert.match(viewer.body, /data-testid="award-forbidden"/);
    assert.doesNotMatch(viewer.body, /data-testid="award-form"/);
    const posted = await world.post(
      url,
      { email: 'x@example.ac.jp', idempotencyKey: 'viewer-try' },
      world.headers.viewer,
    );
    assert.equal(posted.statusCode, 403);
    assert.match(posted.body, /data-testid="error-summary"/);
    const departmental = await createAchievement(world, '工学基礎', { departmentId: world.deptA1 });
    const mine = await world.get(
      `/console/${world.orgA}/achievements/${departmental}/award`,
      world.headers['issuer-in-department'],
    );
    assert.match(mine.body, /data-testid="award-form"/);
    const theirs = await world.get(
      `/console/${world.orgA}/achievements/${departmental}/award`,
      world.headers['issuer-other-department'],
    );
    assert.match(theirs.body, /data-testid="award-forbidden"/);
  });

  it('refuses a post without the CSRF token, signed-out visitors, other organisations and unknown badges', async () => {
    const noCsrf = await world.post(
      url,
      { _csrf: '', email: 'csrf@example.ac.jp', idempotencyKey: 'csrf-try' },
      world.headers['org-admin'],
    );
    assert.equal(noCsrf.statusCode, 403);
    assert.match(noCsrf.body, /data-testid="error-summary"/);
    const signedOut = await world.get(url);
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/sign-in\?next=/);
    const otherOrg = await world.get(url, world.headers['other-org-admin']);
    assert.equal(otherOrg.statusCode, 404);
    const unknown = await world.get(
      `/console/${world.orgA}/achievements/00000000-0000-4000-8000-000000000000/award`,
      world.headers['org-admin'],
    );
    assert.equal(unknown.statusCode, 404);
  });
});
