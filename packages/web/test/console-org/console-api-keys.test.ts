import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

describe('API keys (/console/{org}/api-keys)', () => {
  let world: WebTestWorld;
  let path: string;
  before(async () => {
    world = await buildWebTestWorld();
    path = `/console/${world.orgA}/api-keys`;
  });
  after(() => world.close());

  it('lists the keys and offers every scope with its description (ja and en)', async () => {
    const ja = await world.get(path, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>API キー<\/h1>/);
    assert.ok((ja.body.match(/data-testid="api-key-row"/g)?.length ?? 0) >= 2);
    for (const scope of ['org:read', 'badges:issue', 'webhooks:manage']) {
      assert.match(ja.body, new RegExp(`name="scopes"\\s+value="${scope}"`));
    }
    assert.match(ja.body, /組織のどの部署でもバッジを発行する。/);
    const en = await world.get(`${path}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /Issue badges, in any department of the organisation\./);
  });

  it('tells an issuer the page is for org admins', async () => {
    const page = await world.get(path, world.headers['issuer-in-department']);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /data-testid="admin-only"/);
    const forced = await world.post(
      path,
      { name: 'x', scopes: ['org:read'] },
      world.headers['issuer-in-department'],
    );
    assert.equal(forced.statusCode, 403);
    assert.doesNotMatch(forced.body, /data-testid="api-key-secret"/);
  });

  it('answers a missing name and no scope next to the fields, keeping the values', async () => {
    const response = await world.post(path, { name: 'LMS 連携' }, world.headers['org-admin']);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /data-testid="error-summary"/);
    assert.match(response.body, /<fieldset id="f-scopes" class="has-error">/);
    assert.match(response.body, /value="LMS 連携"/);
  });

  it('shows a new key once, then lists it by its prefix only, and revokes it', async () => {
    const created = await world.post(
      path,
      { name: 'LMS 連携', scopes: ['badges:issue', 'badges:read'] },
      world.headers['org-admin'],
    );
    assert.equal(created.statusCode, 201);
    const secret = /data-testid="api-key-secret"/.test(created.body)
      ? /value="([^"]+)"\s+data-testid="api-key-secret"/.exec(created.body)?.[1]
      : undefined;
    assert.ok(secret !== undefined && secret.length > 20);
    assert.match(created.body, /data-testid="api-key-warning"/);
    assert.match(created.body, /今回だけ/);

    const list = await world.get(path, world.headers['org-admin']);
    assert.ok(!list.body.includes(secret));
    const row =
      /<tr data-testid="api-key-row">\s*<th scope="row">LMS 連携<\/th>[\s\S]*?<\/tr>/.exec(
        list.body,
      )?.[0];
    assert.ok(row);
    const prefix = /data-testid="api-key-prefix">([^<…]+)…/.exec(row)?.[1];
    assert.ok(prefix !== undefined && secret.startsWith(prefix));
    assert.match(row, /有効/);

    const id = /api-keys\/([0-9a-f-]{36})\/revoke/.exec(row)?.[1];
    assert.ok(id);
    const unconfirmed = await world.post(`${path}/${id}/revoke`, {}, world.headers['org-admin']);
    assert.equal(unconfirmed.statusCode, 400);
    const revoked = await world.post(
      `${path}/${id}/revoke`,
      { confirm: 'yes' },
      world.headers['org-admin'],
    );
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, `${path}?done=revoked`);
    const after = await world.get(`${path}?done=revoked`, world.headers['org-admin']);
    assert.match(after.body, /API キーを無効にしました。/);
    assert.match(after.body, /無効（/);
    const api = await world.testApp.app.inject({
      url: `/api/v1/organisations/${world.orgA}`,
      headers: { authorization: `Bearer ${secret}` },
    });
    assert.equal(api.statusCode, 401);
    const again = await world.post(
      `${path}/${id}/revoke`,
      { confirm: 'yes' },
      world.headers['org-admin'],
    );
    assert.ok(again.statusCode >= 400 && again.statusCode < 500);
    assert.match(again.body, /data-testid="error-summary"/);
  });
});
