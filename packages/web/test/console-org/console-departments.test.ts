import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

describe('departments (/console/{org}/departments)', () => {
  let world: WebTestWorld;
  let path: string;
  before(async () => {
    world = await buildWebTestWorld();
    path = `/console/${world.orgA}/departments`;
  });
  after(() => world.close());

  const idOf = async (name: string): Promise<string> => {
    const page = await world.get(path, world.headers['org-admin']);
    const match = new RegExp(
      `<th scope="row">${name}</th>[\\s\\S]*?action="${path}/([0-9a-f-]{36})"`,
    ).exec(page.body);
    assert.ok(match?.[1], `no row for ${name}`);
    return match[1];
  };

  it('lists the departments with their forms for an org admin (ja and en)', async () => {
    const ja = await world.get(path, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>部署<\/h1>/);
    assert.match(ja.body, /工学部/);
    assert.match(ja.body, /文学部/);
    assert.match(ja.body, /data-testid="department-create-form"/);
    assert.match(ja.body, /data-testid="department-rename-form"/);
    const en = await world.get(`${path}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /<h1>Departments<\/h1>/);
    assert.match(en.body, /Create the department/);
  });

  it('shows the list read only to an issuer, and a forced post shows the refusal', async () => {
    const page = await world.get(path, world.headers['issuer-in-department']);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="read-only"/);
    assert.doesNotMatch(page.body, /data-testid="department-create-form"/);
    const forced = await world.post(
      path,
      { name: '法学部' },
      world.headers['issuer-in-department'],
    );
    assert.equal(forced.statusCode, 403);
    assert.match(forced.body, /data-testid="error-summary"/);
  });

  it('creates a department, and keeps the name with the error next to it when it is taken', async () => {
    const created = await world.post(path, { name: '理学部' }, world.headers['org-admin']);
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, `${path}?done=created`);
    const page = await world.get(`${path}?done=created`, world.headers['org-admin']);
    assert.match(page.body, /作成しました。/);
    assert.match(page.body, /<th scope="row">理学部<\/th>/);
    const taken = await world.post(path, { name: '理学部' }, world.headers['org-admin']);
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, /<p class="field-error" id="f-name-error">この組織には同じ名前の部署/);
    assert.match(taken.body, /id="f-name"\s+name="name"\s+type="text"\s+value="理学部"/);
    const empty = await world.post(path, { name: '' }, world.headers['org-admin']);
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="f-name-error"/);
  });

  it('renames a department, with a taken name answered on its row', async () => {
    const id = await idOf('理学部');
    const renamed = await world.post(
      `${path}/${id}`,
      { name: '理工学部' },
      world.headers['org-admin'],
    );
    assert.equal(renamed.statusCode, 303);
    assert.equal(renamed.headers.location, `${path}?done=renamed`);
    const page = await world.get(path, world.headers['org-admin']);
    assert.match(page.body, /<th scope="row">理工学部<\/th>/);
    const taken = await world.post(`${path}/${id}`, { name: '工学部' }, world.headers['org-admin']);
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, new RegExp(`id="rename-${id}-error"`));
    assert.match(taken.body, new RegExp(`href="#rename-${id}"`));
  });

  it('deletes a department only after confirmation', async () => {
    const id = await idOf('理工学部');
    const unconfirmed = await world.post(`${path}/${id}/delete`, {}, world.headers['org-admin']);
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /確認のチェックボックス/);
    const deleted = await world.post(
      `${path}/${id}/delete`,
      { confirm: 'yes' },
      world.headers['org-admin'],
    );
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `${path}?done=deleted`);
    const page = await world.get(path, world.headers['org-admin']);
    assert.doesNotMatch(page.body, /理工学部/);
  });
});
