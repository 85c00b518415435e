import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

describe("the organisation's LinkedIn company page id (/console/{org}/settings)", () => {
  let world: WebTestWorld;
  let settings: string;
  before(async () => {
    world = await buildWebTestWorld();
    settings = `/console/${world.orgA}/settings`;
  });
  after(() => world.close());

  const stored = async (): Promise<string | null> =>
    (
      await world.db.kysely
        .selectFrom('organisations')
        .select('linkedin_organization_id')
        .where('id', '=', world.orgA)
        .executeTakeFirstOrThrow()
    ).linkedin_organization_id;

  it('shows the field with where to find the id, in Japanese and English', async () => {
    const ja = await world.get(settings, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<label for="f-linkedinOrganizationId"[^>]*>LinkedIn 企業ページ ID/);
    assert.match(ja.body, /linkedin\.com\/company\/12345678\/admin\//);
    assert.match(ja.body, /data-testid="linkedin-organization-id">\s*未設定/);
    assert.match(ja.body, /inputmode="numeric"/);
    const en = await world.get(`${settings}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /LinkedIn company page id/);
    assert.match(en.body, /Not set/);
    const viewer = await world.get(settings, world.headers.viewer);
    assert.doesNotMatch(viewer.body, /name="linkedinOrganizationId"/);
  });

  it('saves an id, keeps a bad one with its error next to the field, and clears it', async () => {
    const saved = await world.post(
      settings,
      { contactEmail: 'office@example.ac.jp', linkedinOrganizationId: ' 1234567 ' },
      world.headers['org-admin'],
    );
    assert.equal(saved.statusCode, 303);
    assert.equal(await stored(), '1234567');
    const shown = await world.get(`${settings}?done=saved`, world.headers['org-admin']);
    assert.match(shown.body, /data-testid="linkedin-organization-id">\s*<code>1234567<\/code>/);
    assert.match(
      shown.body,
      /name="linkedinOrganizationId"[^>]*value="1234567"|value="1234567"[^>]*name/,
    );

    const bad = await world.post(
      settings,
      { contactEmail: 'office@example.ac.jp', linkedinOrganizationId: 'company/akashi' },
      world.headers['org-admin'],
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<p class="field-error" id="f-linkedinOrganizationId-error">/);
    assert.match(bad.body, /value="company\/akashi"/);
    assert.equal(await stored(), '1234567');

    // A form without the field (an older page) leaves the id alone.
    await world.post(
      settings,
      { contactEmail: 'office@example.ac.jp' },
      world.headers['org-admin'],
    );
    assert.equal(await stored(), '1234567');

    const cleared = await world.post(
      settings,
      { contactEmail: 'office@example.ac.jp', linkedinOrganizationId: '' },
      world.headers['org-admin'],
    );
    assert.equal(cleared.statusCode, 303);
    assert.equal(await stored(), null);
  });
});
