import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import { applyThroughApi, inEnglish } from './operator-test-support.js';

const GOOD = {
  legalName: '学校法人 \uFA10本\u845B\u{E0100}学園',
  nameEn: 'Tsuka Gakuen',
  domain: 'tsuka-apply.example.ac.jp',
  contactEmail: 'office@tsuka-apply.example.ac.jp',
  type: 'school',
  justification: '公開講座の修了証をバッジで発行したいと考えています。',
};

describe('applying as an organisation', () => {
  let world: WebTestWorld;
  before(async () => {
    world = await buildWebTestWorld();
  });
  after(() => world.close());

  it('sends the signed-out to sign in first', async () => {
    const page = await world.get('/apply');
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/sign-in?next=%2Fapply');
  });

  it('renders the form in Japanese and English, with the types labelled', async () => {
    const page = await world.get('/apply', world.headers.learner);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>発行機関としての利用申請<\/h1>/);
    for (const name of ['legalName', 'nameEn', 'domain', 'contactEmail', 'type', 'justification']) {
      assert.match(page.body, new RegExp(`name="${name}"`), name);
    }
    assert.match(page.body, /<option value="university"\s+selected>大学<\/option>/);
    assert.match(page.body, /<option value="government"\s*>行政機関<\/option>/);
    assert.match(page.body, /data-testid="apply-form"/);
    const en = await world.get('/apply', inEnglish(world.headers.learner));
    assert.match(en.body, /<h1>Apply to issue badges<\/h1>/);
    assert.match(en.body, />University<\/option>/);
  });

  it('applies, then shows the pending application to its applicant only', async () => {
    const posted = await world.post('/apply', GOOD, world.headers.learner);
    assert.equal(posted.statusCode, 303);
    const location = String(posted.headers.location);
    const match = /^\/apply\/([0-9a-f-]{36})\?done=applied$/.exec(location);
    assert.ok(match, location);
    const page = await world.get(location, world.headers.learner);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="notice"/);
    assert.match(page.body, /data-testid="application-status"\s+data-status="pending"/);
    assert.match(page.body, /審査待ち/);
    assert.ok(page.body.includes(GOOD.legalName), 'the legal name exactly as typed');
    assert.match(page.body, /学校/);

    const other = await world.get(`/apply/${match[1] ?? ''}`, world.headers['org-admin']);
    assert.equal(other.statusCode, 404);
    const unknown = await world.get('/apply/nope', world.headers.learner);
    assert.equal(unknown.statusCode, 404);

    // The same domain again: the error is next to the domain field.
    const again = await world.post(
      '/apply',
      { ...GOOD, domain: 'TSUKA-APPLY.example.ac.jp' },
      world.headers.learner,
    );
    assert.equal(again.statusCode, 409);
    assert.match(
      again.body,
      /<p class="field-error" id="f-domain-error">このドメインは、すでに他の組織が登録または申請しています。<\/p>/,
    );
  });

  it('answers bad input next to each field and keeps what was typed', async () => {
    const page = await world.post(
      '/apply',
      { ...GOOD, legalName: '', domain: 'not a domain', type: 'company' },
      world.headers.learner,
    );
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /data-testid="error-summary"/);
    assert.match(
      page.body,
      /<p class="field-error" id="f-domain-error">形式が正しくありません<\/p>/,
    );
    assert.match(
      page.body,
      /<p class="field-error" id="f-legalName-error">入力してください。<\/p>/,
    );
    assert.match(page.body, /href="#f-domain">ドメイン: 形式が正しくありません/);
    assert.match(page.body, /value="not a domain"/);
    assert.match(page.body, /value="Tsuka Gakuen"/);
    assert.match(page.body, /<option value="company"\s+selected>/);
    assert.ok(page.body.includes(GOOD.justification));
    assert.doesNotMatch(page.body, /f-nameEn-error/);
  });

  it('refuses a post without the CSRF token with the error page', async () => {
    const page = await world.post('/apply', { ...GOOD, _csrf: '' }, world.headers.learner);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /送信内容を読み取れませんでした/);
  });

  it('shows the operator’s reason once the application is rejected', async () => {
    const application = await applyThroughApi(world);
    const rejected = await world.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/organisation-applications/${application.id}/reject`,
      headers: { ...world.headers.operator, 'content-type': 'application/json' },
      payload: JSON.stringify({ reason: '組織の実在を確認できませんでした。' }),
    });
    assert.equal(rejected.statusCode, 200);
    const page = await world.get(`/apply/${application.id}`, inEnglish(world.headers.learner));
    assert.match(page.body, /data-status="rejected"/);
    assert.match(page.body, /Rejected on/);
    assert.match(page.body, /data-testid="decision-reason"/);
    assert.match(page.body, /組織の実在を確認できませんでした。/);
  });
});
