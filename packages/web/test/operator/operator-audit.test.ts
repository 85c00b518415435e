import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import { applyThroughApi, inEnglish } from './operator-test-support.js';

const decode = (href: string): string => href.replaceAll('&amp;', '&');

describe('operator console: the audit log', () => {
  let world: WebTestWorld;
  let first: { id: string; legalName: string };
  before(async () => {
    world = await buildWebTestWorld();
    first = await applyThroughApi(world, { legalName: '監査テスト大学' });
    await applyThroughApi(world, { legalName: '監査テスト高校', type: 'school' });
    await applyThroughApi(world, { legalName: '監査テスト商事', type: 'company' });
  });
  after(() => world.close());

  it('lists the events with their actor and organisation, in Japanese and English', async () => {
    const page = await world.get('/operator/audit', world.headers.operator);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>監査ログ（全組織）<\/h1>/);
    assert.match(page.body, /data-testid="audit-table"/);
    assert.match(page.body, /<code>org\.apply<\/code>/);
    assert.match(page.body, />監査テスト大学<\/a/);
    assert.match(page.body, /<form\s+method="get"\s+action="\/operator\/audit"\s+class="filters"/);
    assert.match(page.body, /href="\/operator\/audit"\s+aria-current="page"/);
    assert.match(page.body, /href="\/api\/v1\/audit-events\.csv\?lang=ja"/);
    const en = await world.get('/operator/audit', inEnglish(world.headers.operator));
    assert.match(en.body, /<h1>Audit log \(all organisations\)<\/h1>/);
  });

  it('pages with the cursor and keeps the filters on the next page and the CSV link', async () => {
    const page1 = await world.get(
      '/operator/audit?action=org.apply&limit=2',
      world.headers.operator,
    );
    assert.equal(page1.statusCode, 200);
    assert.equal(page1.body.match(/data-testid="audit-row"/g)?.length, 2);
    const next = /href="([^"]+)"\s+rel="next"\s+data-testid="next-page"/.exec(page1.body)?.[1];
    assert.ok(next, 'a next page link');
    assert.match(decode(next), /^\/operator\/audit\?action=org\.apply&cursor=[^&]+&limit=2$/);
    assert.match(page1.body, /href="\/api\/v1\/audit-events\.csv\?action=org\.apply&amp;lang=ja"/);

    const page2 = await world.get(decode(next), world.headers.operator);
    assert.equal(page2.statusCode, 200);
    assert.equal(page2.body.match(/data-testid="audit-row"/g)?.length, 1);
    assert.doesNotMatch(page2.body, /data-testid="next-page"/);
    assert.match(page2.body, /最初のページ/);
    assert.match(page2.body, /value="org\.apply"/);
  });

  it('filters by organisation and by day, and the CSV link downloads with the cookie', async () => {
    const page = await world.get(
      `/operator/audit?organisationId=${first.id}&from=2000-01-01&to=2999-12-31`,
      world.headers.operator,
    );
    assert.equal(page.statusCode, 200);
    assert.equal(page.body.match(/data-testid="audit-row"/g)?.length, 1);
    const csvHref = /href="([^"]+)"\s+download\s+data-testid="audit-csv"/.exec(page.body)?.[1];
    assert.ok(csvHref);
    const csv = await world.testApp.app.inject({
      url: decode(csvHref),
      headers: { cookie: world.headers.operator.cookie ?? '' },
    });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(csv.body, /監査テスト大学/);

    const none = await world.get(
      '/operator/audit?from=2000-01-01&to=2000-01-02',
      world.headers.operator,
    );
    assert.match(none.body, /data-testid="audit-none"/);
  });

  it('answers bad filters next to the field', async () => {
    const badDate = await world.get('/operator/audit?from=2025-02-30', world.headers.operator);
    assert.equal(badDate.statusCode, 400);
    assert.match(
      badDate.body,
      /<p class="field-error" id="f-from-error">日付は YYYY-MM-DD の形式で入力してください。<\/p>/,
    );
    assert.match(badDate.body, /value="2025-02-30"/);
    const reversed = await world.get(
      '/operator/audit?from=2025-04-02&to=2025-03-01',
      world.headers.operator,
    );
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.body, /id="f-to-error"/);
    const badAction = await world.get('/operator/audit?action=..', world.headers.operator);
    assert.equal(badAction.statusCode, 400);
    assert.match(badAction.body, /id="f-action-error"/);
  });
});
