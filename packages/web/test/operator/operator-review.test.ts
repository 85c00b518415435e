import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import { applyThroughApi, inEnglish } from './operator-test-support.js';

describe('operator console: reviewing applications', () => {
  let world: WebTestWorld;
  before(async () => {
    world = await buildWebTestWorld();
  });
  after(() => world.close());

  it('shows the operator the pending applications with their details, in Japanese and English', async () => {
    const application = await applyThroughApi(world, {
      legalName: '学校法人 証学園',
      justification: '修了証を <b>発行</b> します。',
    });
    const page = await world.get('/operator', world.headers.operator);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>審査待ちの申請<\/h1>/);
    assert.match(page.body, /学校法人 証学園/);
    assert.ok(page.body.includes(application.domain));
    assert.match(page.body, /office@example\.ac\.jp/);
    assert.match(page.body, /修了証を &lt;b&gt;発行&lt;\/b&gt; します。/);
    assert.match(page.body, /大学/);
    assert.match(
      page.body,
      new RegExp(
        `href="/operator/applications/${application.id}"\\s+data-testid="application-link"`,
      ),
    );
    assert.match(page.body, /data-testid="operator-nav"/);
    assert.match(
      page.body,
      /data-testid="operator-nav">\s*<ul>\s*<li>\s*<a\s+href="\/operator"\s+aria-current="page"/,
    );

    const en = await world.get('/operator', inEnglish(world.headers.operator));
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h1>Applications awaiting review<\/h1>/);
    assert.match(en.body, /University/);
  });

  it('answers everyone else with the 404 page, and sends the signed-out to sign in', async () => {
    const paths = [
      '/operator',
      '/operator/organisations',
      '/operator/audit',
      `/operator/applications/${world.orgA}`,
    ];
    for (const role of ['learner', 'org-admin', 'viewer'] as const) {
      for (const path of paths) {
        const page = await world.get(path, world.headers[role]);
        assert.equal(page.statusCode, 404, `${role} ${path}`);
        assert.match(page.body, /ページが見つかりません/);
      }
    }
    const signedOut = await world.get('/operator');
    assert.equal(signedOut.statusCode, 303);
    assert.equal(signedOut.headers.location, '/sign-in?next=%2Foperator');
    const post = await world.post(
      `/operator/applications/${world.orgA}/approve`,
      {},
      world.headers.learner,
    );
    assert.equal(post.statusCode, 404);
  });

  it('approves: the applicant becomes the org admin and the decision replaces the forms', async () => {
    const application = await applyThroughApi(world, { legalName: '承認テスト大学' });
    const review = await world.get(
      `/operator/applications/${application.id}`,
      world.headers.operator,
    );
    assert.equal(review.statusCode, 200);
    assert.match(review.body, /data-testid="approve"/);
    assert.match(review.body, /data-testid="reject"/);
    assert.match(review.body, /name="reason"/);

    const approved = await world.post(
      `/operator/applications/${application.id}/approve`,
      { note: '書類を確認済み' },
      world.headers.operator,
    );
    assert.equal(approved.statusCode, 303);
    assert.equal(approved.headers.location, '/operator?done=approved');
    const queue = await world.get('/operator?done=approved', world.headers.operator);
    assert.match(queue.body, /data-testid="notice"/);
    assert.doesNotMatch(queue.body, /承認テスト大学/);

    const mine = await world.testApp.app.inject({
      url: '/api/v1/organisations',
      headers: world.headers.learner,
    });
    const { memberships } = mine.json<{
      memberships: { organisation: { id: string }; role: string }[];
    }>();
    assert.ok(
      memberships.some((m) => m.organisation.id === application.id && m.role === 'org_admin'),
    );

    const decided = await world.get(
      `/operator/applications/${application.id}`,
      world.headers.operator,
    );
    assert.match(decided.body, /data-testid="application-decision"\s+data-status="approved"/);
    assert.match(decided.body, /書類を確認済み/);
    assert.doesNotMatch(decided.body, /data-testid="approve"/);

    const status = await world.get(`/apply/${application.id}`, world.headers.learner);
    assert.match(status.body, /data-testid="application-status"\s+data-status="approved"/);
    assert.match(status.body, new RegExp(`href="/console/${application.id}"`));

    // Deciding twice is refused with the reason, on the page.
    const twice = await world.post(
      `/operator/applications/${application.id}/reject`,
      { reason: 'やはり却下' },
      world.headers.operator,
    );
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /data-testid="error-summary"/);
    assert.match(twice.body, /この申請はすでに審査済みです。/);

    const organisations = await world.get('/operator/organisations', world.headers.operator);
    assert.equal(organisations.statusCode, 200);
    assert.match(organisations.body, /承認テスト大学/);
    assert.match(organisations.body, /data-testid="organisation-row"/);
    assert.match(organisations.body, /href="\/operator\/organisations"\s+aria-current="page"/);
  });

  it('rejects only with a reason, which the applicant then reads', async () => {
    const application = await applyThroughApi(world, { legalName: '却下テスト株式会社' });
    const url = `/operator/applications/${application.id}/reject`;
    const empty = await world.post(url, { reason: '   ' }, world.headers.operator);
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /data-testid="error-summary"/);
    assert.match(
      empty.body,
      /<p class="field-error" id="f-reason-error">却下の理由を入力してください。<\/p>/,
    );
    assert.match(empty.body, /data-testid="reject"/);

    const reason =
      '連絡先のドメインが組織のものと一致しません。\n公式の窓口から再申請してください。';
    const rejected = await world.post(url, { reason }, world.headers.operator);
    assert.equal(rejected.statusCode, 303);
    assert.equal(rejected.headers.location, '/operator?done=rejected');

    const status = await world.get(`/apply/${application.id}`, world.headers.learner);
    assert.equal(status.statusCode, 200);
    assert.match(status.body, /data-testid="application-status"\s+data-status="rejected"/);
    assert.match(status.body, /却下/);
    assert.ok(status.body.includes(reason));

    const list = await world.get('/operator/organisations?status=rejected', world.headers.operator);
    assert.match(list.body, /却下テスト株式会社/);
    assert.ok(list.body.includes('連絡先のドメインが組織のものと一致しません。'));
    assert.match(list.body, /<option value="rejected"\s+selected>/);
  });

  it('refuses a decision without the CSRF token with the error page', async () => {
    const application = await applyThroughApi(world);
    const page = await world.post(
      `/operator/applications/${application.id}/approve`,
      { _csrf: 'wrong' },
      world.headers.operator,
    );
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /送信内容を読み取れませんでした/);
    const still = await world.get(
      `/operator/applications/${application.id}`,
      world.headers.operator,
    );
    assert.match(still.body, /data-testid="approve"/);
  });

  it('answers an unknown application with the 404 page', async () => {
    const page = await world.get(
      '/operator/applications/00000000-0000-4000-8000-000000000000',
      world.headers.operator,
    );
    assert.equal(page.statusCode, 404);
    const notUuid = await world.get('/operator/applications/nope', world.headers.operator);
    assert.equal(notUuid.statusCode, 404);
  });
});
