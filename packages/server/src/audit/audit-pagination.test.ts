import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { forEachDatabase } from '../db/for-each-database.js';
import { at, buildAuditTestApp, seedAuditFixture } from './audit-test-fixture.js';
import type { AuditEventPage } from './present-audit-event.js';
import { recordAuditEvent } from './record-audit-event.js';

/** 26 events of organisation A over 4 instants: many share a timestamp. */
const EVENT_COUNT = 26;

describe('audit log pagination', () => {
  forEachDatabase(
    'pages are stable: no duplicates or gaps when events share a timestamp (cursor and offset)',
    async (db) => {
      const test = buildAuditTestApp(db);
      try {
        const f = await seedAuditFixture(db);
        const actor = {
          kind: 'user',
          userId: f.adminA.id,
          isOperator: false,
          sessionId: 's',
          secondFactor: true,
        } as const;
        for (let i = 0; i < EVENT_COUNT; i += 1) {
          await recordAuditEvent(
            db,
            { action: 'member.add', actor, organisationId: f.orgA, details: { i } },
            at(1 + (i % 4)),
          );
        }
        const base = `/api/v1/organisations/${f.orgA}/audit-events`;
        const read = async (query: string): Promise<AuditEventPage> => {
          const response = await test.app.inject({
            method: 'GET',
            url: `${base}?${query}`,
            headers: f.adminA.headers,
          });
          assert.equal(response.statusCode, 200, response.body);
          return response.json<AuditEventPage>();
        };

        const whole = (await read('limit=200')).events.map((event) => event.id);
        assert.equal(whole.length, EVENT_COUNT);
        assert.equal(new Set(whole).size, EVENT_COUNT);
        const times = (await read('limit=200')).events.map((event) => event.occurredAt);
        assert.deepEqual(times, [...times].sort().reverse(), 'newest first');

        // By cursor, 4 at a time.
        const byCursor: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: AuditEventPage = await read(
            cursor === null ? 'limit=4' : `limit=4&cursor=${cursor}`,
          );
          assert.ok(page.events.length <= 4);
          byCursor.push(...page.events.map((event) => event.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor !== null && pages < 20);
        assert.equal(pages, Math.ceil(EVENT_COUNT / 4));
        assert.deepEqual(byCursor, whole);

        // By offset, 5 at a time; a cursor taken from an offset page continues it.
        const byOffset: string[] = [];
        for (let offset = 0; offset < EVENT_COUNT; offset += 5) {
          byOffset.push(...(await read(`limit=5&offset=${offset}`)).events.map((e) => e.id));
        }
        assert.deepEqual(byOffset, whole);
        const third = await read('limit=5&offset=10');
        assert.ok(third.nextCursor !== null);
        const next = await read(`limit=5&cursor=${third.nextCursor}`);
        assert.deepEqual(
          next.events.map((event) => event.id),
          whole.slice(15, 20),
        );

        // The last page says so; past the end is empty.
        const last = await read(`limit=5&offset=${EVENT_COUNT - 1}`);
        assert.equal(last.events.length, 1);
        assert.equal(last.nextCursor, null);
        assert.deepEqual((await read(`offset=${EVENT_COUNT}`)).events, []);
      } finally {
        await test.close();
      }
    },
  );
});
