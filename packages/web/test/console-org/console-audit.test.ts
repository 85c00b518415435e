import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';

describe('audit log (/console/{org}/audit)', () => {
  let world: WebTestWorld;
  let path: string;
  before(async () => {
    world = await buildWebTestWorld();
    path = `/console/${world.orgA}/audit`;
    // Three audited changes: departments created through the console.
    for (const name of ['監査一', '監査二', '監査三']) {
      const response = await world.post(
        `/console/${world.orgA}/departments`,
        { name },
        world.headers['org-admin'],
      );
      assert.equal(response.statusCode, 303);
    }
  });
  after(() => world.close());

  it('lists the events newest first with who did what (ja and en)', async () => {
    const ja = await world.get(path, world.headers['org-admin']);
    assert.equal(ja.statusCode, 200);
    assert.match(ja.body, /<h1>監査ログ<\/h1>/);
    assert.ok((ja.body.match(/data-testid="audit-event"/g)?.length ?? 0) >= 3);
    assert.match(ja.body, /department\.create/);
    assert.match(ja.body, /監査三/);
    assert.match(ja.body, /data-testid="audit-filters"/);
    const csv = /data-testid="audit-csv"/.test(ja.body)
      ? /href="([^"]+)"\s+data-testid="audit-csv"/.exec(ja.body)?.[1]
      : undefined;
    assert.ok(csv !== undefined);
    assert.ok(csv.startsWith(`/api/v1/organisations/${world.orgA}/audit-events.csv?`));
    assert.match(csv, /lang=ja/);
    const file = await world.testApp.app.inject({
      url: csv.replaceAll('&amp;', '&'),
      headers: { cookie: world.headers['org-admin'].cookie ?? '' },
    });
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-type']), /^text\/csv/);
    const en = await world.get(`${path}?lang=en`, world.headers['org-admin']);
    assert.match(en.body, /<h1>Audit log<\/h1>/);
    assert.match(en.body, /Export as CSV/);
  });

  it('pages with the cursor, keeping the filters', async () => {
    const first = await world.get(
      `${path}?action=department.create&limit=2`,
      world.headers['org-admin'],
    );
    assert.equal(first.statusCode, 200);
    assert.equal(first.body.match(/data-testid="audit-event"/g)?.length, 2);
    assert.match(first.body, /監査三/);
    const next = /href="([^"]+)"\s+rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(next !== undefined);
    assert.ok(next.includes('action=department.create'));
    assert.ok(next.includes('cursor='));
    const second = await world.get(next, world.headers['org-admin']);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /監査一/);
    assert.doesNotMatch(second.body, /監査三/);
    assert.match(second.body, /data-testid="audit-first"/);
    assert.match(
      (/href="([^"]+)"\s+data-testid="audit-csv"/.exec(second.body)?.[1] ?? '').replaceAll(
        '&amp;',
        '&',
      ),
      /action=department\.create/,
    );
  });

  it('filters by dates in Japan time, and answers a bad filter next to its field', async () => {
    const none = await world.get(
      `${path}?from=2000-01-01&to=2000-01-02`,
      world.headers['org-admin'],
    );
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /data-testid="audit-empty"/);
    assert.match(none.body, /value="2000-01-01"/);
    const bad = await world.get(`${path}?from=yesterday`, world.headers['org-admin']);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="f-from-error"/);
    assert.match(bad.body, /value="yesterday"/);
  });

  it('tells a viewer the log is for org admins', async () => {
    const page = await world.get(path, world.headers.viewer);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /data-testid="admin-only"/);
  });
});
