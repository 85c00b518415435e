import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { ORGANISATION_ROUTE_MODULES } from '../policy/policy-test-world.js';
import { escapeHtml } from './render-organisations-page.js';

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

  it('escapes the five characters that matter in HTML', () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
