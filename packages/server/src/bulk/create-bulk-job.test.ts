import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { listBulkJobRows } from './bulk-job-commands.js';
import { generateAwardCsv, testAchievement } from './bulk-job-test-support.js';
import { createBulkJob } from './create-bulk-job.js';
import { encodeShiftJis } from './shift-jis-encoder.fixture.js';

const creator = { kind: 'system' } as const;
const now = new Date('2025-04-01T00:00:00.000Z');

describe('bulk job dry run', () => {
  forEachDatabase('reports per-row errors and stores every row', async (db) => {
    const org = await insertTestOrganisation(db);
    const csv = [
      '学籍番号,氏名,メールアドレス,授与日',
      '001,山田 太郎,taro@example.ac.jp,2025/4/1',
      '002,佐藤 花子,hanako@example,2025/4/1',
      '003,鈴木 一郎,ichiro@example.ac.jp,2025/13/45',
      '004,,jiro@example.ac.jp,R7.4.1',
      '005,高橋 美咲,misaki@example.ac.jp,',
      '001,山田 太郎,taro2@example.ac.jp,2025/4/1',
    ].join('\n');
    const result = await createBulkJob(db, {
      achievement: testAchievement(org),
      createdBy: creator,
      input: { kind: 'csv', bytes: new TextEncoder().encode(csv), fileName: 'awards.csv' },
      now,
    });
    const { job, report } = result;
    assert.equal(job.state, 'validated');
    assert.equal(job.encoding, 'utf-8');
    assert.equal(job.fileName, 'awards.csv');
    assert.deepEqual(job.counts, {
      total: 6,
      valid: 2,
      invalid: 4,
      issued: 0,
      duplicate: 0,
      failed: 0,
    });
    assert.deepEqual(report.headerErrors, []);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.code, e.field]),
      [
        [3, 'ERR_ROW_EMAIL_INVALID', 'email'],
        [4, 'ERR_ROW_DATE_NOT_A_DAY', 'awardedDate'],
        [5, 'ERR_ROW_REQUIRED', 'name'],
        [7, 'ERR_ROW_DUPLICATE_EXTERNAL_ID', 'externalId'],
      ],
    );
    const invalid = await listBulkJobRows(db, job.id, { state: 'invalid', limit: 2 });
    assert.deepEqual(
      invalid.items.map((row) => row.rowNumber),
      [3, 4],
    );
    assert.equal(
      (invalid.items[0]?.errors[0] as { message: { ja: string } }).message.ja,
      'メールアドレスの形式が正しくありません（例：name@example.ac.jp）。',
    );
    assert.notEqual(invalid.nextCursor, null);
    const rest = await listBulkJobRows(db, job.id, {
      state: 'invalid',
      limit: 10,
      cursor: invalid.nextCursor ?? '',
    });
    assert.deepEqual(
      rest.items.map((row) => row.rowNumber),
      [5, 7],
    );
    assert.equal(rest.nextCursor, null);
    const pending = await listBulkJobRows(db, job.id, { state: 'pending', limit: 10 });
    assert.deepEqual(
      pending.items.map((row) => [row.rowNumber, row.input?.awardedDate ?? null]),
      [
        [2, '2025-04-01'],
        [6, null],
      ],
    );
    assert.match(pending.items[0]?.idempotencyKey ?? '', /^ext:[0-9a-f]{64}$/);
  });

  forEachDatabase('reads Shift_JIS as Excel writes it, and header problems', async (db) => {
    const org = await insertTestOrganisation(db);
    const bytes = encodeShiftJis(
      '氏名,メールアドレス,有効期限\r\n髙橋 一郎,ichiro@example.ac.jp,令和10年3月31日\r\n',
    );
    const { job } = await createBulkJob(db, {
      achievement: testAchievement(org),
      createdBy: creator,
      input: { kind: 'csv', bytes },
      now,
    });
    assert.equal(job.encoding, 'shift_jis');
    assert.equal(job.counts.valid, 1);
    const rows = await listBulkJobRows(db, job.id, { limit: 10 });
    const input = rows.items[0]?.input ?? null;
    assert.ok(input !== null);
    assert.equal(input.name, '髙橋 一郎');
    assert.equal(input.validUntil, '2028-03-31');

    const missing = await createBulkJob(db, {
      achievement: testAchievement(org),
      createdBy: creator,
      input: { kind: 'csv', bytes: '氏名,備考\r\n山田,\r\n' },
      now,
    });
    assert.equal(missing.job.counts.valid, 0);
    assert.deepEqual(
      missing.report.headerErrors.map((e) => e.code),
      ['ERR_HEADER_MISSING'],
    );
  });

  forEachDatabase('takes a JSON array with the same keys as the CSV', async (db) => {
    const org = await insertTestOrganisation(db);
    const achievement = testAchievement(org);
    const fromJson = await createBulkJob(db, {
      achievement,
      createdBy: { kind: 'user', userId: 'u1' },
      input: {
        kind: 'json',
        items: [
          { email: 'taro@example.ac.jp', name: '山田 太郎', externalId: '001' },
          { email: 'bad', name: 'x' },
          'not an object',
        ],
      },
      options: { notify: false, locale: 'en' },
      now,
    });
    assert.equal(fromJson.job.source, 'json');
    assert.deepEqual(fromJson.job.options, { notify: false, locale: 'en' });
    assert.deepEqual(fromJson.job.createdBy, { kind: 'user', userId: 'u1' });
    assert.equal(fromJson.job.counts.valid, 1);
    assert.equal(fromJson.job.counts.invalid, 2);
    const fromCsv = await createBulkJob(db, {
      achievement,
      createdBy: creator,
      input: {
        kind: 'csv',
        bytes: 'メールアドレス,氏名,学籍番号\ntaro@example.ac.jp,山田 太郎,001\n',
      },
      now,
    });
    const keyOf = async (jobId: string) =>
      (await listBulkJobRows(db, jobId, { state: 'pending', limit: 1 })).items[0]?.idempotencyKey;
    assert.equal(await keyOf(fromJson.job.id), await keyOf(fromCsv.job.id));
  });

  forEachDatabase('checks and stores a 10,000-row Shift_JIS file', async (db) => {
    const org = await insertTestOrganisation(db);
    const bytes = encodeShiftJis(generateAwardCsv(10_000));
    const started = performance.now();
    const { job } = await createBulkJob(db, {
      achievement: testAchievement(org),
      createdBy: creator,
      input: { kind: 'csv', bytes },
      now,
    });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(job.encoding, 'shift_jis');
    assert.equal(job.counts.total, 10_000);
    assert.equal(job.counts.valid, 10_000);
    const count = await db.kysely
      .selectFrom('bulk_job_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('job_id', '=', job.id)
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    assert.equal(count.n, 10_000);
    assert.ok(seconds < 8, `the dry run took ${seconds.toFixed(1)} s`);
  });
});
