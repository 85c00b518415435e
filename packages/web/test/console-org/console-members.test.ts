import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertTestUser } from '../../../server/src/auth/test-factories.js';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

describe('members (/console/{org}/members)', () => {
  let world: WebTestWorld;
  let path: string;
  before(async () => {
    world = await buildWebTestWorld();
    path = `/console/${world.orgA}/members`;
  });
  after(() => world.close());

  it('lists the members with role and departments for an org admin (ja and en)', async () => {
    const ja = await world.get(path, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>スタッフと権限<\/h1>/);
    assert.equal(ja.body.match(/data-testid="member-row"/g)?.length, 4);
    assert.match(ja.body, /data-testid="member-role">組織管理者/);
    assert.match(ja.body, /data-testid="member-role">発行担当者/);
    assert.match(ja.body, /工学部/);
    assert.match(ja.body, /（あなた）/);
    assert.match(ja.body, /data-testid="member-add-form"/);
    const en = await world.get(`${path}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /<h1>Staff and roles<\/h1>/);
    assert.match(en.body, /Organisation admin/);
  });

  it('tells a viewer the page is for org admins', async () => {
    const page = await world.get(path, world.headers.viewer);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /data-testid="admin-only"/);
    assert.doesNotMatch(page.body, /data-testid="member-add-form"/);
  });

  it('answers an address with no account next to the e-mail field, keeping the values', async () => {
    const response = await world.post(
      path,
      { email: 'nobody@example.ac.jp', role: 'issuer', departmentIds: [world.deptA1] },
      world.headers['org-admin'],
    );
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /data-testid="error-summary"/);
    assert.match(
      response.body,
      /<p class="field-error" id="f-email-error">このメールアドレスのアカウントはありません/,
    );
    assert.match(response.body, /value="nobody@example\.ac\.jp"/);
    assert.match(response.body, new RegExp(`value="${world.deptA1}"\\s+checked`));
  });

  it('adds an existing account, changes its role and removes it', async () => {
    const user = await insertTestUser(world.db, {
      email: 'new.staff@example.ac.jp',
      displayName: '髙橋 一郎',
    });
    const noDepartment = await world.post(
      path,
      { email: user.email, role: 'issuer' },
      world.headers['org-admin'],
    );
    assert.equal(noDepartment.statusCode, 400);
    assert.match(noDepartment.body, /発行担当者には部署を一つ以上/);
    const added = await world.post(
      path,
      { email: user.email, role: 'issuer', departmentIds: [world.deptA1, world.deptA2] },
      world.headers['org-admin'],
    );
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, `${path}?done=added`);
    const page = await world.get(`${path}?done=added`, world.headers['org-admin']);
    assert.match(page.body, /メンバーを追加しました。/);
    assert.match(page.body, /髙橋 一郎/);

    const changed = await world.post(
      `${path}/${user.id}`,
      { role: 'viewer', departmentIds: [world.deptA1] },
      world.headers['org-admin'],
    );
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, `${path}?done=changed`);

    const removed = await world.post(
      `${path}/${user.id}/remove`,
      { confirm: 'yes' },
      world.headers['org-admin'],
    );
    assert.equal(removed.statusCode, 303);
    const after = await world.get(path, world.headers['org-admin']);
    assert.doesNotMatch(after.body, /髙橋 一郎/);
  });

  it("shows the API's message when the last org admin would be removed or demoted", async () => {
    const removed = await world.post(
      `${path}/${world.adminAUserId}/remove`,
      { confirm: 'yes' },
      world.headers['org-admin'],
    );
    assert.equal(removed.statusCode, 409);
    assert.match(removed.body, /組織の最後の管理者は/);
    const demoted = await world.post(
      `${path}/${world.adminAUserId}`,
      { role: 'viewer' },
      world.headers['org-admin'],
    );
    assert.equal(demoted.statusCode, 409);
    assert.match(demoted.body, new RegExp(`id="role-${world.adminAUserId}-error"`));
    assert.match(demoted.body, /<details\s+open>/);
  });
});
