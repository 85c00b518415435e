import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  insertTestMembership,
  insertTestUser,
  signInForTest,
} from '../../../server/src/auth/test-factories.js';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

describe('console entry (/console)', () => {
  let world: WebTestWorld;
  before(async () => {
    world = await buildWebTestWorld();
  });
  after(() => world.close());

  it('sends a signed-out browser to sign in and back', async () => {
    const response = await world.get('/console');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?next=%2Fconsole');
    const settings = await world.get(`/console/${world.orgA}/settings`);
    assert.equal(settings.statusCode, 303);
    assert.match(String(settings.headers.location), /^\/sign-in\?next=/);
  });

  it('goes straight to the console of the only organisation', async () => {
    const response = await world.get('/console', world.headers['org-admin']);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/console/${world.orgA}`);
  });

  it('lists the organisations with the role in each when there are several (ja and en)', async () => {
    const user = await insertTestUser(world.db, { displayName: '兼務 太郎' });
    await insertTestMembership(world.db, world.orgA, user.id, 'org_admin');
    await insertTestMembership(world.db, world.orgB, user.id, 'viewer');
    const headers = await signInForTest(world.db, user.id);
    const ja = await world.get('/console', headers);
    assert.equal(ja.statusCode, 200);
    assert.equal(ja.body.match(/data-testid="organisation-choice"/g)?.length, 2);
    assert.match(ja.body, new RegExp(`href="/console/${world.orgA}"`));
    assert.match(ja.body, new RegExp(`href="/console/${world.orgB}"`));
    assert.match(ja.body, /証商事株式会社/);
    assert.match(ja.body, /あなたの役割: 組織管理者/);
    assert.match(ja.body, /あなたの役割: 閲覧者/);
    const en = await world.get('/console?lang=en', headers);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Your role: Viewer/);
  });

  it('explains how to join or apply when the user has no organisation', async () => {
    const response = await world.get('/console', world.headers.learner);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /data-testid="no-organisation"/);
    assert.match(response.body, /href="\/apply"/);
    assert.match(response.body, /申請済みの場合/);
    const en = await world.get('/console?lang=en', world.headers.learner);
    assert.match(en.body, /Apply to become an issuer/);
  });

  it("answers another organisation's console with a 404 that reveals nothing", async () => {
    for (const path of ['settings', 'departments', 'members', 'api-keys', 'audit']) {
      const response = await world.get(
        `/console/${world.orgB}/${path}`,
        world.headers['org-admin'],
      );
      assert.equal(response.statusCode, 404, path);
      assert.doesNotMatch(response.body, /証商事株式会社/);
    }
    const nonsense = await world.get('/console/not-an-id/settings', world.headers['org-admin']);
    assert.equal(nonsense.statusCode, 404);
  });
});
