import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import {
  awardIdFrom,
  createAchievement,
  issueAward,
  readAward,
  shownStatus,
} from './award-test-support.js';

describe("an award's page and its actions", () => {
  let world: WebTestWorld;
  let achievementId: string;
  const page = (awardId: string) => `/console/${world.orgA}/awards/${awardId}`;
  before(async () => {
    world = await buildWebTestWorld();
    achievementId = await createAchievement(world, 'プログラミング基礎');
  });
  after(() => world.close());

  it('shows the recipient, the badge, the dates, the status and the links (ja and en)', async () => {
    const award = await issueAward(world, achievementId, {
      email: 'hanako@example.ac.jp',
      name: '山田 花子',
      nameKana: 'ヤマダ ハナコ',
      nameRomaji: 'YAMADA Hanako',
    });
    const ja = await world.get(page(award.id), world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1 data-testid="award-heading">山田 花子<\/h1>/);
    assert.match(ja.body, /プログラミング基礎 の授与/);
    assert.equal(shownStatus(ja.body), 'active');
    assert.match(ja.body, /<span[^>]*data-status="active"[^>]*>\s*有効\s*<\/span/);
    assert.match(ja.body, new RegExp(`href="/badges/${award.id}" data-testid="public-badge-link"`));
    assert.match(
      ja.body,
      new RegExp(`href="/badges/${award.id}/image" data-testid="download-baked-image"`),
    );
    assert.match(ja.body, new RegExp(`href="/badges/${award.id}/credential.json"`));
    assert.doesNotMatch(ja.body, /data-testid="download-jwt"/);
    assert.match(ja.body, /\d{4}年\d{1,2}月\d{1,2}日（令和/);
    assert.match(ja.body, /data-testid="award-notifications"/);
    assert.match(ja.body, /data-testid="revoke"/);
    assert.match(ja.body, /失効は取り消せません/);
    // Not suspendable: no suspend form.
    assert.doesNotMatch(ja.body, /data-testid="suspend"/);
    // What the award e-mail lets the recipient do; the claim token is never shown to staff.
    assert.match(
      ja.body,
      new RegExp(
        `ウォレットアプリや自分の Open Badges ホストに送るためのリンク（/wallet/deliver/${award.id}\\?token=…）`,
      ),
    );
    assert.doesNotMatch(ja.body, /token=[A-Za-z0-9_-]{20,}/);
    const en = await world.get(`${page(award.id)}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /send this badge to a wallet app or to their own Open Badges host/);
    assert.match(en.body, /Award of プログラミング基礎 \(en\)/);
    assert.match(en.body, />\s*Valid\s*<\/span/);
    assert.match(en.body, /Revocation is final/);
  });

  it('refuses a revocation without a reason next to the field, then revokes with one; the public page says so', async () => {
    const award = await issueAward(world, achievementId, { email: 'revoke@example.ac.jp' });
    const empty = await world.post(
      `${page(award.id)}/revoke`,
      { reason: '' },
      world.headers['org-admin'],
    );
    assert.equal(empty.statusCode, 400, empty.body);
    assert.match(empty.body, /data-testid="error-summary"/);
    assert.match(empty.body, /href="#f-revoke-reason"/);
    assert.match(empty.body, /<p class="field-error" id="f-revoke-reason-error">/);
    assert.equal(shownStatus(empty.body), 'active');
    assert.equal((await readAward(world, award.id)).state, 'active');

    const revoked = await world.post(
      `${page(award.id)}/revoke`,
      { reason: '誤って発行したため' },
      world.headers['org-admin'],
    );
    assert.equal(revoked.statusCode, 303);
    assert.equal(awardIdFrom(revoked.headers.location, 'revoked'), award.id);
    const after = await world.get(String(revoked.headers.location), world.headers['org-admin']);
    assert.equal(shownStatus(after.body), 'revoked');
    assert.match(after.body, /data-testid="notice">バッジを失効させました。/);
    assert.match(after.body, /誤って発行したため/);
    assert.doesNotMatch(after.body, /data-testid="revoke"/);
    const publicPage = await world.get(`/badges/${award.id}`);
    assert.equal(publicPage.statusCode, 200);
    assert.match(publicPage.body, /id="live-status" data-status="revoked"/);

    // Revoking again (a stale page): the API's refusal, shown on the page.
    const again = await world.post(
      `${page(award.id)}/revoke`,
      { reason: 'もう一度' },
      world.headers['org-admin'],
    );
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /data-testid="error-summary"/);
    assert.match(again.body, /すでに失効しています/);
  });

  it('suspends and reinstates a suspendable award', async () => {
    const award = await issueAward(
      world,
      achievementId,
      { email: 'suspend@example.ac.jp', name: '佐藤 次郎' },
      { suspendable: true },
    );
    const before = await world.get(page(award.id), world.headers['org-admin']);
    assert.match(before.body, /data-testid="suspend"/);
    assert.doesNotMatch(before.body, /data-testid="reinstate"/);
    const noReason = await world.post(`${page(award.id)}/suspend`, {}, world.headers['org-admin']);
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /id="f-suspend-reason-error"/);
    const suspended = await world.post(
      `${page(award.id)}/suspend`,
      { reason: '確認中' },
      world.headers['org-admin'],
    );
    assert.equal(suspended.statusCode, 303);
    awardIdFrom(suspended.headers.location, 'suspended');
    const during = await world.get(page(award.id), world.headers['org-admin']);
    assert.equal(shownStatus(during.body), 'suspended');
    assert.match(during.body, /data-testid="reinstate"/);
    assert.doesNotMatch(during.body, /data-testid="suspend"/);
    const reinstated = await world.post(
      `${page(award.id)}/reinstate`,
      {},
      world.headers['org-admin'],
    );
    assert.equal(reinstated.statusCode, 303);
    awardIdFrom(reinstated.headers.location, 'reinstated');
    assert.equal((await readAward(world, award.id)).state, 'active');
  });

  it('re-issues to a new award, linked both ways', async () => {
    const award = await issueAward(world, achievementId, { email: 'reissue@example.ac.jp' });
    const response = await world.post(
      `${page(award.id)}/reissue`,
      { notify: 'on', suspendable: 'on' },
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 303, response.body);
    const newId = awardIdFrom(response.headers.location, 'reissued');
    assert.notEqual(newId, award.id);
    const fresh = await readAward(world, newId);
    assert.equal(fresh.suspendable, true);
    const newPage = await world.get(page(newId), world.headers['org-admin']);
    assert.match(newPage.body, new RegExp(`data-testid="replaces"\\s*>${award.id}`));
    const oldPage = await world.get(page(award.id), world.headers['org-admin']);
    assert.equal(shownStatus(oldPage.body), 'revoked');
    assert.match(oldPage.body, /data-testid="replaced-by"/);
    const twice = await world.post(`${page(award.id)}/reissue`, {}, world.headers['org-admin']);
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /data-testid="error-summary"/);
  });

  it('shows a viewer no action forms, and the API refuses their posts', async () => {
    const award = await issueAward(world, achievementId, { email: 'viewer@example.ac.jp' });
    const viewer = await world.get(page(award.id), world.headers.viewer);
    assert.equal(viewer.statusCode, 200);
    assert.match(viewer.body, /data-testid="award-read-only"/);
    assert.doesNotMatch(
      viewer.body,
      /<form method="post" action="[^"]*\/(revoke|suspend|reinstate|reissue)"/,
    );
    const posted = await world.post(
      `${page(award.id)}/revoke`,
      { reason: 'x' },
      world.headers.viewer,
    );
    assert.equal(posted.statusCode, 403);
    assert.equal((await readAward(world, award.id)).state, 'active');
  });

  it('answers 404 to another organisation and for unknown awards, sends signed-out visitors to sign in, and refuses a post without the CSRF token', async () => {
    const award = await issueAward(world, achievementId, { email: 'guard@example.ac.jp' });
    assert.equal(
      (await world.get(page(award.id), world.headers['other-org-admin'])).statusCode,
      404,
    );
    const elsewhere = await world.get(
      `/console/${world.orgB}/awards/${award.id}`,
      world.headers['other-org-admin'],
    );
    assert.equal(elsewhere.statusCode, 404);
    assert.equal((await world.get(page('not-a-uuid'), world.headers['org-admin'])).statusCode, 404);
    const signedOut = await world.get(page(award.id));
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/sign-in\?next=/);
    const noCsrf = await world.post(
      `${page(award.id)}/revoke`,
      { _csrf: '', reason: 'x' },
      world.headers['org-admin'],
    );
    assert.equal(noCsrf.statusCode, 403);
    assert.match(noCsrf.body, /data-testid="error-summary"/);
    assert.equal((await readAward(world, award.id)).state, 'active');
  });
});
