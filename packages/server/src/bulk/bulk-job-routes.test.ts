import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestApiKey, insertTestOrganisation } from '../auth/test-factories.js';
import type { Database } from '../db/open-database.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { App } from '../http/app-context.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { insertTestDepartment, insertTestMember } from '../policy/policy-test-world.js';
import { createBulkJobRoutes } from './bulk-job-routes.js';
import type { BulkJobView } from './bulk-job-schemas.js';
import {
  countTestAwardsByKey,
  createRecordingProcessor,
  createTestAwardsTable,
  testAchievement,
} from './bulk-job-test-support.js';
import type { BulkAchievement } from './create-bulk-job.js';
import { encodeShiftJis } from './shift-jis-encoder.fixture.js';

interface Submitted {
  job: BulkJobView;
  report: { errorCount: number; errors: { row: number; code: string }[] };
}

const setup = async (db: Database) => {
  await createTestAwardsTable(db);
  const achievements = new Map<string, BulkAchievement>();
  const { processRows } = createRecordingProcessor(db);
  const { app, close } = buildTestApp({
    db,
    routes: [
      {
        prefix: '/api/v1',
        routes: createBulkJobRoutes({
          createProcessor: () => processRows,
          findAchievement: (_db, id) => Promise.resolve(achievements.get(id)),
          runner: { pollIntervalMs: 20, batchSize: 10 },
        }),
      },
    ],
  });
  const org = await insertTestOrganisation(db);
  const dept = await insertTestDepartment(db, org, '工学部');
  const other = await insertTestDepartment(db, org, '文学部');
  const add = (achievement: BulkAchievement) => {
    achievements.set(achievement.id, achievement);
    return achievement.id;
  };
  return { app, close, org, dept, other, add };
};

const waitForState = async (
  app: App,
  url: string,
  headers: Record<string, string>,
  state: string,
) => {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = (await app.inject({ url, headers })).json<BulkJobView>();
    if (job.state === state) return job;
    assert.ok(Date.now() < deadline, `the job is still ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('bulk award routes', () => {
  forEachDatabase(
    'an issuer uploads a Shift_JIS CSV, confirms it, and it is issued',
    async (db) => {
      const { app, close, org, dept, other, add } = await setup(db);
      try {
        const achievement = add(testAchievement(org, dept));
        const issuer = await insertTestMember(db, org, 'issuer', { departmentIds: [dept] });
        const outsider = await insertTestMember(db, org, 'issuer', { departmentIds: [other] });
        const viewer = await insertTestMember(db, org, 'viewer');
        const csv = encodeShiftJis(
          [
            '学籍番号,氏名,メールアドレス,授与日',
            '001,山田 太郎,taro@example.ac.jp,令和7年4月1日',
            '002,佐藤 花子,hanako＠example.ac.jp,2025/4/1',
            '003,,jiro@example.ac.jp,2025/4/1',
            '004,鈴木 一郎,ichiro@example.ac.jp,2025/02/30',
            '005,高橋 美咲,misaki@example.ac.jp,',
          ].join('\r\n'),
        );
        const url = `/api/v1/organisations/${org}/achievements/${achievement}/bulk-awards?fileName=${encodeURIComponent('授与.csv')}&notify=false`;
        const post = (headers: Record<string, string>) =>
          app.inject({
            method: 'POST',
            url,
            headers: { ...headers, 'content-type': 'text/csv; charset=shift_jis' },
            payload: Buffer.from(csv),
          });
        assert.equal((await post(outsider.headers)).statusCode, 403);
        const created = await post(issuer.headers);
        assert.equal(created.statusCode, 201, created.body);
        const { job, report } = created.json<Submitted>();
        assert.equal(job.state, 'validated');
        assert.equal(job.encoding, 'shift_jis');
        assert.equal(job.fileName, '授与.csv');
        assert.deepEqual(job.options, { notify: false, locale: 'ja' });
        assert.deepEqual(job.createdBy, { kind: 'user', userId: issuer.userId });
        assert.deepEqual([job.counts.total, job.counts.valid, job.counts.invalid], [5, 2, 3]);
        assert.deepEqual(
          report.errors.map((e) => [e.row, e.code]),
          [
            [3, 'ERR_ROW_EMAIL_FULL_WIDTH'],
            [4, 'ERR_ROW_REQUIRED'],
            [5, 'ERR_ROW_DATE_NOT_A_DAY'],
          ],
        );

        const jobUrl = `/api/v1/organisations/${org}/bulk-jobs/${job.id}`;
        const invalid = await app.inject({
          url: `${jobUrl}/rows?state=invalid&limit=2`,
          headers: issuer.headers,
        });
        assert.equal(invalid.statusCode, 200, invalid.body);
        const page = invalid.json<{ rows: { rowNumber: number }[]; nextCursor: string | null }>();
        assert.deepEqual(
          page.rows.map((r) => r.rowNumber),
          [3, 4],
        );
        assert.ok(page.nextCursor !== null);
        const badCursor = await app.inject({
          url: `${jobUrl}/rows?cursor=nonsense`,
          headers: issuer.headers,
        });
        assert.equal(badCursor.json<ErrorEnvelope>().error.code, 'ERR_BULK_JOB_CURSOR_INVALID');
        assert.equal(
          (await app.inject({ url: `${jobUrl}/rows`, headers: viewer.headers })).statusCode,
          403,
        );
        assert.equal((await app.inject({ url: jobUrl, headers: viewer.headers })).statusCode, 200);

        const confirm = (headers: Record<string, string>) =>
          app.inject({ method: 'POST', url: `${jobUrl}/confirm`, headers });
        assert.equal((await confirm(viewer.headers)).statusCode, 403);
        const confirmed = await confirm(issuer.headers);
        assert.equal(confirmed.statusCode, 200, confirmed.body);
        const done = await waitForState(app, jobUrl, issuer.headers, 'completed');
        assert.deepEqual([done.counts.issued, done.counts.duplicate], [2, 0]);
        assert.deepEqual(done.progress, { done: 2, remaining: 0, percent: 100 });
        assert.equal((await countTestAwardsByKey(db)).size, 2);
        const again = await confirm(issuer.headers);
        assert.equal(again.statusCode, 409);
        assert.equal(
          again.json<ErrorEnvelope>().error.code,
          'ERR_BULK_JOB_NOT_AWAITING_CONFIRMATION',
        );

        const list = await app.inject({
          url: `/api/v1/organisations/${org}/bulk-jobs?limit=5`,
          headers: viewer.headers,
        });
        assert.deepEqual(
          list.json<{ jobs: BulkJobView[] }>().jobs.map((j) => j.id),
          [job.id],
        );
        const audit = await db.kysely
          .selectFrom('audit_events')
          .select('action')
          .where('target_id', '=', job.id)
          .orderBy('occurred_at')
          .execute();
        assert.deepEqual(
          audit.map((a) => a.action),
          ['bulk-job.create', 'bulk-job.confirm'],
        );
      } finally {
        await close();
      }
    },
  );

  forEachDatabase('JSON arrays; organisation-wide achievements; errors', async (db) => {
    const { app, close, org, dept, add } = await setup(db);
    try {
      const orgWide = add(testAchievement(org, null));
      const archived = add({ ...testAchievement(org, dept), status: 'archived' });
      const admin = await insertTestMember(db, org, 'org_admin');
      const issuer = await insertTestMember(db, org, 'issuer', { departmentIds: [dept] });
      const key = await insertTestApiKey(db, org, ['badges:issue', 'badges:read']);
      const base = `/api/v1/organisations/${org}/achievements`;
      const awards = [
        { email: 'taro@example.ac.jp', name: '山田 太郎', externalId: 'A-1' },
        { email: 'hanako@example.ac.jp', name: '佐藤 花子', externalId: 'A-2' },
      ];
      const post = (achievement: string, headers: Record<string, string>, payload: object) =>
        app.inject({ method: 'POST', url: `${base}/${achievement}/bulk-awards`, headers, payload });

      assert.equal((await post(orgWide, issuer.headers, awards)).statusCode, 403);
      const byKey = await post(orgWide, key.headers, { awards, notify: false, locale: 'en' });
      assert.equal(byKey.statusCode, 201, byKey.body);
      const keyJob = byKey.json<Submitted>().job;
      assert.equal(keyJob.source, 'json');
      assert.deepEqual(keyJob.options, { notify: false, locale: 'en' });
      assert.equal(keyJob.departmentId, null);

      const byAdmin = await post(orgWide, admin.headers, awards);
      assert.equal(byAdmin.statusCode, 201, byAdmin.body);
      const adminJob = byAdmin.json<Submitted>().job;

      const notArray = await post(orgWide, admin.headers, { email: 'x' });
      assert.equal(notArray.json<ErrorEnvelope>().error.code, 'ERR_BULK_JSON_NOT_ARRAY');
      const unknown = await post('no-such-achievement', admin.headers, awards);
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json<ErrorEnvelope>().error.code, 'ERR_BULK_ACHIEVEMENT_NOT_FOUND');
      const old = await post(archived, admin.headers, awards);
      assert.equal(old.json<ErrorEnvelope>().error.code, 'ERR_BULK_ACHIEVEMENT_ARCHIVED');
      const plain = await app.inject({
        method: 'POST',
        url: `${base}/${orgWide}/bulk-awards`,
        headers: { ...admin.headers, 'content-type': 'text/plain' },
        payload: 'email\nx@example.ac.jp',
      });
      assert.equal(plain.statusCode, 415);
      const garbled = await app.inject({
        method: 'POST',
        url: `${base}/${orgWide}/bulk-awards`,
        headers: { ...admin.headers, 'content-type': 'application/octet-stream' },
        payload: Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x00]),
      });
      assert.equal(garbled.json<ErrorEnvelope>().error.code, 'ERR_BULK_ENCODING_UNKNOWN');

      // The API key's job is confirmed and issued; the admin's identical job is cancelled.
      const jobs = `/api/v1/organisations/${org}/bulk-jobs`;
      const confirmed = await app.inject({
        method: 'POST',
        url: `${jobs}/${keyJob.id}/confirm`,
        headers: key.headers,
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      await waitForState(app, `${jobs}/${keyJob.id}`, key.headers, 'completed');
      const cancel = (headers: Record<string, string>) =>
        app.inject({ method: 'POST', url: `${jobs}/${adminJob.id}/cancel`, headers });
      assert.equal((await cancel(issuer.headers)).statusCode, 403);
      const cancelled = await cancel(admin.headers);
      assert.equal(cancelled.json<BulkJobView>().state, 'cancelled');
      assert.equal((await cancel(admin.headers)).statusCode, 409);
      const missing = await app.inject({
        url: `${jobs}/00000000-0000-4000-8000-000000000000`,
        headers: admin.headers,
      });
      assert.equal(missing.json<ErrorEnvelope>().error.code, 'ERR_BULK_JOB_NOT_FOUND');
      const otherOrg = await insertTestOrganisation(db);
      const elsewhere = await app.inject({
        url: `/api/v1/organisations/${otherOrg}/bulk-jobs/${keyJob.id}`,
        headers: admin.headers,
      });
      assert.equal(elsewhere.statusCode, 403);
    } finally {
      await close();
    }
  });
});
