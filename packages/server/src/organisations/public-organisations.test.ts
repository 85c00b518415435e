import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { ORGANISATION_ROUTE_MODULES } from '../policy/policy-test-world.js';
import { escapeHtml, renderOrganisationsPage } from './render-organisations-page.js';

const HOSTILE = `<script>alert("x")</script> & 'quoted' <img src=x onerror=alert(1)>`;

describe('the public list of organisations', () => {
  forEachDatabase(
    'lists approved organisations only, oldest approval first, as JSON any site may read',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const first = await insertTestOrganisation(db, { domain: 'first.example.jp' });
        const second = await insertTestOrganisation(db, { domain: 'second.example.jp' });
        await insertTestOrganisation(db, { domain: 'pending.example.jp', status: 'pending' });
        await insertTestOrganisation(db, { domain: 'rejected.example.jp', status: 'rejected' });
        for (const [id, at] of [
          [first, '2024-04-01T00:00:00.000Z'],
          [second, '2025-01-10T00:00:00.000Z'],
        ] as const) {
          await db.kysely
            .updateTable('organisations')
            .set({ decided_at: at })
            .where('id', '=', id)
            .execute();
        }
        const response = await app.inject('/api/v1/public/organisations');
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['access-control-allow-origin'], '*');
        assert.equal(response.headers['cache-control'], 'public, max-age=300');
        const { organisations } = response.json<{
          organisations: { id: string; domain: string; approvedAt: string }[];
        }>();
        assert.deepEqual(
          organisations.map((o) => [o.id, o.domain, o.approvedAt]),
          [
            [first, 'first.example.jp', '2024-04-01T00:00:00.000Z'],
            [second, 'second.example.jp', '2025-01-10T00:00:00.000Z'],
          ],
        );
        // Nothing private: no contact address, justification or settings.
        assert.doesNotMatch(response.body, /office@|justification|require2fa|contact/);
      } finally {
        await close();
      }
    },
  );

  forEachDatabase(
    'serves an HTML page in Japanese and English with every value escaped',
    async (db) => {
      const { app, close } = buildTestApp({ db, routes: ORGANISATION_ROUTE_MODULES });
      try {
        const id = await insertTestOrganisation(db, { legalName: HOSTILE, domain: 'x.example.jp' });
        await db.kysely
          .updateTable('organisations')
          .set({ name_en: HOSTILE, decided_at: '2025-06-30T15:00:00.000Z' })
          .where('id', '=', id)
          .execute();
        const response = await app.inject('/organisations');
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
        const csp = String(response.headers['content-security-policy']);
        assert.match(csp, /default-src 'none'/);
        assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
        assert.doesNotMatch(csp, /unsafe/);
        const html = response.body;
        assert.doesNotMatch(html, /<script|<img|onerror=alert\(1\)>/);
        assert.match(
          html,
          /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quoted&#39;/,
        );
        assert.match(html, /<html lang="ja">/);
        assert.match(html, /承認済みの発行組織/);
        assert.match(html, /Approved issuing organisations/);
        assert.match(html, /大学<span class="en">University<\/span>/);
        // 2025-06-30 15:00 UTC is 1 July in Japan.
        assert.match(html, />2025-07-01<\/time>/);
      } finally {
        await close();
      }
    },
  );

  it('says so when no organisation has been approved yet', () => {
    const html = renderOrganisationsPage([]);
    assert.match(html, /承認済みの発行組織はまだありません。/);
    assert.match(html, /No organisation has been approved yet\./);
    // Self-contained: nothing is loaded from elsewhere, nothing runs.
    const listed = renderOrganisationsPage([
      {
        id: 'x',
        legalName: '証大学',
        nameEn: 'Akashi University',
        domain: 'akashi.example.ac.jp',
        type: 'government',
        approvedAt: '2025-04-01T00:00:00.000Z',
      },
    ]);
    for (const page of [html, listed]) {
      assert.doesNotMatch(page, /<link|<script|<img|src=|href=|url\(|@import/);
    }
    assert.match(listed, /行政機関<span class="en">Government<\/span>/);
  });

  it('escapes the five characters that matter in HTML', () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
