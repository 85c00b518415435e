import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWebTestWorld, type WebTestWorld } from '../web-test-world.js';
import { applyThroughApi, inEnglish } from './operator-test-support.js';

const HOSTILE = `<script>alert("x")</script> & 'quoted'`;

describe('the public list of organisations', () => {
  let world: WebTestWorld;
  before(async () => {
    world = await buildWebTestWorld();
    const approved = await applyThroughApi(world, { legalName: HOSTILE, type: 'government' });
    const decided = await world.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/organisation-applications/${approved.id}/approve`,
      headers: { ...world.headers.operator, 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(decided.statusCode, 200);
    await applyThroughApi(world, {
      legalName: '審査中の大学',
      domain: 'pending-only.example.ac.jp',
    });
  });
  after(() => world.close());

  it('lists approved organisations for anyone, with Open Graph tags and no script', async () => {
    const page = await world.get('/organisations');
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /<html lang="ja">/);
    assert.match(page.body, /<h1>承認済みの発行機関<\/h1>/);
    assert.match(page.body, /<meta property="og:title" content="Akashi — 承認済みの発行機関"/);
    assert.match(
      page.body,
      /<meta property="og:url" content="https:\/\/badges\.example\.ac\.jp\/organisations"/,
    );
    assert.doesNotMatch(page.body, /<script/);
    assert.match(
      page.body,
      /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quoted&#39;/,
    );
    assert.match(page.body, /行政機関/);
    assert.match(page.body, /審査済み/);
    assert.match(page.body, /href="\/organisations"\s+aria-current="page"/);
    // Organisations A and B of the test world, and the one approved above.
    assert.equal(page.body.match(/data-testid="public-organisation"/g)?.length, 3);
    assert.doesNotMatch(page.body, /審査中の大学|pending-only/);
    assert.doesNotMatch(page.body, /office@/);

    const en = await world.get('/organisations', inEnglish());
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /<h1>Approved issuing organisations<\/h1>/);
    assert.match(en.body, /Government/);
    assert.match(en.body, /Vetted/);
    assert.match(en.body, /since \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  it('keeps the JSON at /api/v1/public/organisations', async () => {
    const json = await world.testApp.app.inject({ url: '/api/v1/public/organisations' });
    assert.equal(json.statusCode, 200);
    assert.equal(json.json<{ organisations: unknown[] }>().organisations.length, 3);
  });
});
