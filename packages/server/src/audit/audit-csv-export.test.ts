import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Actor } from '../auth/actor.js';
import { insertTestUser } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import {
  ADMIN_A_NAME,
  at,
  buildAuditTestApp,
  seedAuditFixture,
  type AuditFixture,
} from './audit-test-fixture.js';
import type { AuditEventPage } from './present-audit-event.js';
import { recordAuditEvent } from './record-audit-event.js';

const asUser = (userId: string): Actor => ({
  kind: 'user',
  userId,
  isOperator: false,
  sessionId: 's',
  secondFactor: false,
});

/** Records start with their time; the one multi-line cell never does. */
const countRecords = (csv: string): number =>
  csv.split('\r\n').filter((line) => /^\d{4}-/.test(line)).length;

const ENGLISH_HEADER =
  'Occurred at (UTC),Action,Actor type,User ID,E-mail,Display name,API key ID,API key prefix,API key name,Organisation ID,Target type,Target ID,Details (JSON),IP address,Request ID,Event ID';

/** Organisation A's events with awkward values; returns each event's id and its actor's. */
const seedAwkwardEvents = async (db: Database, f: AuditFixture) => {
  const comma = await insertTestUser(db, { displayName: 'Yamada, "Taro"' });
  const formula = await insertTestUser(db, {
    displayName: '=HYPERLINK("https://evil.example/","x")',
  });
  const record = (actor: Actor, when: Date, extra: { targetType?: string; targetId?: string }) =>
    recordAuditEvent(db, { action: 'member.add', actor, organisationId: f.orgA, ...extra }, when);
  return {
    comma,
    formula,
    named: await record(asUser(f.adminA.id), at(1), {}),
    quoted: await record(asUser(comma.id), at(2), {}),
    multiline: await record(asUser(f.adminA.id), at(3), {
      targetType: 'note',
      targetId: 'line 1\r\nline 2',
    }),
    injected: await record(asUser(formula.id), at(4), { targetType: '+cmd', targetId: '-2+3' }),
    atSign: await record(asUser(f.adminA.id), at(5), { targetType: '@SUM(A1)', targetId: '\tx' }),
  };
};

describe('audit log CSV export', () => {
  forEachDatabase('is UTF-8 with a BOM, CRLF, RFC 4180 quoting, names intact', async (db) => {
    const test = buildAuditTestApp(db);
    try {
      const f = await seedAuditFixture(db);
      const ids = await seedAwkwardEvents(db, f);
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${f.orgA}/audit-events.csv`,
        headers: f.adminA.headers,
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8; header=present');
      assert.equal(
        response.headers['content-disposition'],
        'attachment; filename="akashi-audit-events-akashi-u.example.ac.jp-20250601T030000Z.csv"',
      );
      assert.equal(response.headers['cache-control'], 'no-store');

      const bytes = response.rawPayload;
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
      const text = bytes.toString('utf8');
      assert.doesNotMatch(text, /[^\r]\n/, 'every line break is CRLF');
      assert.ok(text.endsWith('\r\n'));
      assert.ok(text.startsWith(`\uFEFF${ENGLISH_HEADER}\r\n`));

      const o = f.orgA;
      const expected = [
        `2025-04-01T00:00:00.000Z,member.add,user,${f.adminA.id},admin-a@example.ac.jp,${ADMIN_A_NAME},,,,${o},,,{},,,${ids.named}\r\n`,
        `2025-04-02T00:00:00.000Z,member.add,user,${ids.comma.id},${ids.comma.email},"Yamada, ""Taro""",,,,${o},,,{},,,${ids.quoted}\r\n`,
        `user,${f.adminA.id},admin-a@example.ac.jp,${ADMIN_A_NAME},,,,${o},note,"line 1\r\nline 2",{},,,${ids.multiline}\r\n`,
        `user,${ids.formula.id},${ids.formula.email},"'=HYPERLINK(""https://evil.example/"",""x"")",,,,${o},'+cmd,'-2+3,{},,,${ids.injected}\r\n`,
        `,${o},'@SUM(A1),'\tx,{},,,${ids.atSign}\r\n`,
      ];
      for (const record of expected) assert.ok(text.includes(record), `missing: ${record}`);
      // Byte for byte: the compatibility ideograph and the variation selector are kept.
      assert.ok(bytes.includes(Buffer.from('\uFA19\u845B\u{E0100}', 'utf8')));

      // The first record is the export itself, recorded before the file was written.
      const [, first] = text.split('\r\n');
      assert.match(first ?? '', /^2025-06-01T03:00:00\.000Z,audit\.export,user,/);
    } finally {
      await test.close();
    }
  });

  forEachDatabase('has Japanese headers with lang=ja and records the export', async (db) => {
    const test = buildAuditTestApp(db);
    try {
      const f = await seedAuditFixture(db);
      await seedAwkwardEvents(db, f);
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${f.orgA}/audit-events.csv?lang=ja&from=2025-04-02T00:00:00Z&to=2025-04-04T00:00:00Z`,
        headers: f.adminA.headers,
      });
      assert.equal(response.statusCode, 200, response.body);
      const lines = response.body.split('\r\n');
      assert.equal(
        lines[0],
        '\uFEFF日時 (UTC),操作,実行者の種別,ユーザー ID,メールアドレス,表示名,API キー ID,API キー接頭辞,API キー名,組織 ID,対象の種別,対象 ID,詳細 (JSON),IP アドレス,リクエスト ID,イベント ID',
      );

      const log = await test.app.inject({
        method: 'GET',
        url: '/api/v1/audit-events?action=audit.export',
        headers: f.operator.headers,
      });
      const [exported] = log.json<AuditEventPage>().events;
      assert.equal(exported?.organisationId, f.orgA);
      assert.equal(exported.actor.type === 'user' ? exported.actor.userId : '', f.adminA.id);
      assert.deepEqual(exported.details, {
        format: 'csv',
        rows: 2,
        filter: {
          organisationId: f.orgA,
          from: '2025-04-02T00:00:00.000Z',
          to: '2025-04-04T00:00:00.000Z',
        },
      });
    } finally {
      await test.close();
    }
  });

  forEachDatabase('refuses exports over the row limit, suggesting a narrower range', async (db) => {
    const test = buildAuditTestApp(db, { maxExportRows: 3 });
    try {
      const f = await seedAuditFixture(db);
      await seedAwkwardEvents(db, f);
      const url = `/api/v1/organisations/${f.orgA}/audit-events.csv`;
      const refused = await test.app.inject({ method: 'GET', url, headers: f.adminA.headers });
      assert.equal(refused.statusCode, 422);
      const { error } = refused.json<ErrorEnvelope>();
      assert.equal(error.code, 'ERR_AUDIT_EXPORT_TOO_LARGE');
      assert.match(error.message, /more than 3 events: narrow it with from and to/);
      const ja = await test.app.inject({
        method: 'GET',
        url,
        headers: { ...f.adminA.headers, 'accept-language': 'ja' },
      });
      assert.match(ja.json<ErrorEnvelope>().error.message, /範囲を絞り込む/);

      const narrower = await test.app.inject({
        method: 'GET',
        url: `${url}?to=2025-04-04T00:00:00Z`,
        headers: f.adminA.headers,
      });
      assert.equal(narrower.statusCode, 200);
      assert.equal(countRecords(narrower.body), 3);

      // Exactly at the limit is allowed; a refused export is not recorded as an export.
      const exports = await db.kysely
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'audit.export')
        .execute();
      assert.equal(exports.length, 1);
    } finally {
      await test.close();
    }
  });

  forEachDatabase('lets operators export every organisation or one of them', async (db) => {
    const test = buildAuditTestApp(db);
    try {
      const f = await seedAuditFixture(db);
      await seedAwkwardEvents(db, f);
      await recordAuditEvent(
        db,
        { action: 'member.add', actor: asUser(f.adminB.id), organisationId: f.orgB },
        at(9),
      );
      const one = await test.app.inject({
        method: 'GET',
        url: `/api/v1/audit-events.csv?organisationId=${f.orgB}`,
        headers: f.operator.headers,
      });
      assert.equal(one.statusCode, 200);
      assert.match(String(one.headers['content-disposition']), new RegExp(`-${f.orgB}-`));
      // The member.add of B, and this export (it is B's too).
      assert.equal(countRecords(one.body), 2);
      assert.match(one.body, /^\uFEFF[^\r]+\r\n2025-06-01T03:00:00\.000Z,audit\.export,user,/);
      assert.match(one.body, /\r\n2025-04-09T00:00:00\.000Z,member\.add,user,/);

      const all = await test.app.inject({
        method: 'GET',
        url: '/api/v1/audit-events.csv',
        headers: f.operator.headers,
      });
      assert.equal(all.statusCode, 200);
      assert.match(String(all.headers['content-disposition']), /akashi-audit-events-all-/);
      // 5 + 1 events, the first export, and this export itself.
      assert.equal(countRecords(all.body), 8);

      // HEAD would record an export nobody receives: there is none.
      const head = await test.app.inject({
        method: 'HEAD',
        url: '/api/v1/audit-events.csv',
        headers: f.operator.headers,
      });
      assert.equal(head.statusCode, 404);
      assert.equal(
        countRecords(
          (
            await test.app.inject({
              method: 'GET',
              url: '/api/v1/audit-events.csv?action=audit.export',
              headers: f.operator.headers,
            })
          ).body,
        ),
        3,
      );
    } finally {
      await test.close();
    }
  });
});
