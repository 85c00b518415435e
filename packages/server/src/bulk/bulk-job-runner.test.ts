import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import type { Database } from '../db/open-database.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { cancelBulkJob, confirmBulkJob, listBulkJobRows } from './bulk-job-commands.js';
import {
  BulkJobFailedError,
  findBulkJob,
  type BulkJob,
  type ProcessRows,
} from './bulk-job-model.js';
import { createBulkJobRunner } from './bulk-job-runner.js';
import {
  countTestAwardsByKey,
  createRecordingProcessor,
  createTestAwardsTable,
  generateAwardCsv,
  testAchievement,
} from './bulk-job-test-support.js';
import { createBulkJob, type BulkAchievement } from './create-bulk-job.js';

const now = () => new Date();

const submit = async (
  db: Database,
  achievement: BulkAchievement,
  csv: string,
  confirm = true,
): Promise<BulkJob> => {
  const { job } = await createBulkJob(db, {
    achievement,
    createdBy: { kind: 'system' },
    input: { kind: 'csv', bytes: csv },
    now: now(),
  });
  if (!confirm) return job;
  return confirmBulkJob(db, {
    organisationId: achievement.organisationId,
    jobId: job.id,
    now: now(),
  });
};

const reread = async (db: Database, id: string): Promise<BulkJob> => {
  const job = await findBulkJob(db, id);
  assert.ok(job);
  return job;
};

describe('bulk job runner', () => {
  forEachDatabase('issues a confirmed job in batches and completes it once', async (db) => {
    await createTestAwardsTable(db);
    const org = await insertTestOrganisation(db);
    const csv = `${generateAwardCsv(50).trimEnd()}\r\n99999999,失敗 太郎,シッパイ,fail@example.ac.jp,\r\n`;
    const job = await submit(db, testAchievement(org), csv);
    assert.equal(job.state, 'queued');
    const completed: BulkJob[] = [];
    const { processRows, seen } = createRecordingProcessor(db);
    const runner = createBulkJobRunner({
      db,
      processRows,
      batchSize: 7,
      onJobCompleted: async (done, tx) => {
        completed.push(done);
        assert.ok(await findBulkJob(tx, done.id));
      },
    });
    const result = await runner.runOnce();
    assert.equal(result.rows, 51);
    assert.deepEqual(result.completedJobs, [job.id]);
    assert.equal(completed.length, 1);
    assert.equal(completed[0]?.state, 'completed');
    const after = await reread(db, job.id);
    assert.equal(after.state, 'completed');
    assert.ok(after.startedAt !== null && after.finishedAt !== null);
    assert.deepEqual(
      [after.counts.issued, after.counts.duplicate, after.counts.failed],
      [50, 0, 1],
    );
    assert.ok([...seen.values()].every((count) => count === 1));
    const failed = await listBulkJobRows(db, job.id, { state: 'failed', limit: 5 });
    assert.deepEqual(failed.items[0]?.errors, [
      { code: 'ERR_TEST_FAILED', message: { en: 'Failed.', ja: '失敗しました。' } },
    ]);
    const issued = await listBulkJobRows(db, job.id, { state: 'issued', limit: 1 });
    assert.match(issued.items[0]?.awardId ?? '', /^[0-9a-f-]{36}$/);
    // Nothing left: another pass neither processes nor completes anything again.
    assert.deepEqual(await runner.runOnce(), { rows: 0, completedJobs: [] });
    assert.equal(completed.length, 1);
  });

  forEachDatabase('a re-submitted file gives duplicates, not new awards', async (db) => {
    await createTestAwardsTable(db);
    const org = await insertTestOrganisation(db);
    const achievement = testAchievement(org);
    const { processRows } = createRecordingProcessor(db);
    const runner = createBulkJobRunner({ db, processRows, batchSize: 16 });
    const first = await submit(db, achievement, generateAwardCsv(40));
    await runner.runOnce();
    // The same people again, and ten new ones.
    const second = await submit(db, achievement, generateAwardCsv(50));
    await runner.runOnce();
    assert.deepEqual((await reread(db, first.id)).counts.issued, 40);
    const counts = (await reread(db, second.id)).counts;
    assert.deepEqual([counts.issued, counts.duplicate, counts.failed], [10, 40, 0]);
    const byKey = await countTestAwardsByKey(db);
    assert.equal(byKey.size, 50);
    assert.ok([...byKey.values()].every((count) => count === 1));
    const duplicates = await listBulkJobRows(db, second.id, { state: 'duplicate', limit: 1 });
    assert.match(duplicates.items[0]?.awardId ?? '', /^[0-9a-f-]{36}$/);
  });

  forEachDatabase('a cancelled job is not issued; its rows stay pending', async (db) => {
    await createTestAwardsTable(db);
    const org = await insertTestOrganisation(db);
    const job = await submit(db, testAchievement(org), generateAwardCsv(5));
    const cancelled = await cancelBulkJob(db, { organisationId: org, jobId: job.id, now: now() });
    assert.equal(cancelled.state, 'cancelled');
    const { processRows } = createRecordingProcessor(db);
    assert.deepEqual(await createBulkJobRunner({ db, processRows }).runOnce(), {
      rows: 0,
      completedJobs: [],
    });
    const pending = await listBulkJobRows(db, job.id, { state: 'pending', limit: 10 });
    assert.equal(pending.items.length, 5);
    await assert.rejects(cancelBulkJob(db, { organisationId: org, jobId: job.id, now: now() }), {
      code: 'ERR_BULK_JOB_FINISHED',
    });
    await assert.rejects(confirmBulkJob(db, { organisationId: org, jobId: job.id, now: now() }), {
      code: 'ERR_BULK_JOB_NOT_AWAITING_CONFIRMATION',
    });
  });

  forEachDatabase('two runners share a 2,000-row job; every row is processed once', async (db) => {
    await createTestAwardsTable(db);
    const org = await insertTestOrganisation(db);
    const job = await submit(db, testAchievement(org), generateAwardCsv(2000));
    const { processRows, seen } = createRecordingProcessor(db, { delayMs: 1 });
    const perRunner = [0, 0];
    const counted =
      (index: 0 | 1): ProcessRows =>
      (j, rows) => {
        perRunner[index] = (perRunner[index] ?? 0) + rows.length;
        return processRows(j, rows);
      };
    let completions = 0;
    const onJobCompleted = () => {
      completions += 1;
      return Promise.resolve();
    };
    const runners = [0, 1].map((index) =>
      createBulkJobRunner({
        db,
        processRows: counted(index as 0 | 1),
        workerId: `runner-${index}`,
        batchSize: 50,
        onJobCompleted,
      }),
    );
    await Promise.all(runners.map((runner) => runner.runOnce()));
    assert.equal(seen.size, 2000);
    assert.ok(
      [...seen.values()].every((count) => count === 1),
      'a row was processed twice',
    );
    assert.equal((perRunner[0] ?? 0) + (perRunner[1] ?? 0), 2000);
    if (db.dialect === 'postgres') {
      assert.ok((perRunner[0] ?? 0) > 0 && (perRunner[1] ?? 0) > 0, perRunner.join(' / '));
    }
    assert.equal(completions, 1);
    const after = await reread(db, job.id);
    assert.equal(after.state, 'completed');
    assert.equal(after.counts.issued, 2000);
    assert.equal((await countTestAwardsByKey(db)).size, 2000);
  });

  forEachDatabase('a batch that throws is retried after its lease; a job can fail', async (db) => {
    await createTestAwardsTable(db);
    const org = await insertTestOrganisation(db);
    const job = await submit(db, testAchievement(org), generateAwardCsv(6));
    const { processRows } = createRecordingProcessor(db);
    let calls = 0;
    const flaky: ProcessRows = (j, rows) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('database hiccup')) : processRows(j, rows);
    };
    const errors: string[] = [];
    const log = { info: () => {}, warn: () => {}, error: (_: object, m: string) => errors.push(m) };
    let time = Date.now();
    const clock = () => new Date(time);
    const runner = createBulkJobRunner({
      db,
      processRows: flaky,
      batchSize: 4,
      leaseMs: 30_000,
      log,
      clock,
    });
    await runner.runOnce();
    assert.deepEqual(errors, ['bulk job: batch failed']);
    assert.equal((await reread(db, job.id)).counts.issued, 2);
    time += 31_000;
    const resumed = await runner.runOnce();
    assert.deepEqual(resumed.completedJobs, [job.id]);
    const rows = await listBulkJobRows(db, job.id, { limit: 10 });
    assert.deepEqual(
      rows.items.map((row) => [row.state, row.attempts]),
      [
        ['issued', 2],
        ['issued', 2],
        ['issued', 2],
        ['issued', 2],
        ['issued', 1],
        ['issued', 1],
      ],
    );

    const doomed = await submit(db, testAchievement(org), generateAwardCsv(3));
    const failing = createBulkJobRunner({
      db,
      processRows: () =>
        Promise.reject(
          new BulkJobFailedError({
            code: 'ERR_ACHIEVEMENT_ARCHIVED',
            message: { en: 'Archived.', ja: 'アーカイブ済みです。' },
          }),
        ),
    });
    await failing.runOnce();
    const failed = await reread(db, doomed.id);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.error?.code, 'ERR_ACHIEVEMENT_ARCHIVED');
    const left = await listBulkJobRows(db, doomed.id, { state: 'pending', limit: 10 });
    assert.equal(left.items.length, 3);
  });

  forEachDatabase('a row that keeps failing is given up after maxAttempts', async (db) => {
    const org = await insertTestOrganisation(db);
    const job = await submit(db, testAchievement(org), generateAwardCsv(2));
    let time = Date.now();
    const runner = createBulkJobRunner({
      db,
      processRows: () => Promise.reject(new Error('always')),
      leaseMs: 1000,
      maxAttempts: 2,
      clock: () => new Date(time),
    });
    for (let pass = 0; pass < 3; pass += 1) {
      await runner.runOnce();
      time += 1001;
    }
    const after = await reread(db, job.id);
    assert.equal(after.state, 'completed');
    assert.equal(after.counts.failed, 2);
    const rows = await listBulkJobRows(db, job.id, { limit: 2 });
    assert.deepEqual(
      rows.items.map((row) => (row.errors[0] as { code: string }).code),
      ['ERR_BULK_ROW_GAVE_UP', 'ERR_BULK_ROW_GAVE_UP'],
    );
  });
});
