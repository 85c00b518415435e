import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { POSTGRES_SKIPPED_MESSAGE, readTestDatabaseUrl } from '../db/for-each-database.js';
import { migrateDatabase } from '../db/migrate-database.js';
import { openDatabase, type Database, type DatabaseTarget } from '../db/open-database.js';
import { confirmBulkJob, listBulkJobRows } from './bulk-job-commands.js';
import { findBulkJob } from './bulk-job-model.js';
import { createBulkJobRunner } from './bulk-job-runner.js';
import {
  countTestAwardsByKey,
  createRecordingProcessor,
  createTestAwardsTable,
  generateAwardCsv,
  testAchievement,
} from './bulk-job-test-support.js';
import { createBulkJob } from './create-bulk-job.js';

const CHILD = fileURLToPath(new URL('./crash-resume-child.ts', import.meta.url));
const ROWS = 1000;
const LEASE_MS = 1000;

const countAwards = async (db: Database): Promise<number> => {
  const result = await sql<{
    n: number | string;
  }>`select count(*) as n from bulk_test_awards`.execute(db.kysely);
  return Number(result.rows[0]?.n ?? 0);
};

/** Runs a runner in a child process until `killAt` awards exist, then SIGKILLs it. */
const runChildAndKill = async (db: Database, target: DatabaseTarget, killAt: number) => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      BULK_CHILD_DATABASE: JSON.stringify(target),
      BULK_CHILD_LEASE_MS: String(LEASE_MS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => {
      resolve(signal);
    }),
  );
  try {
    const deadline = Date.now() + 30_000;
    let count = 0;
    while ((count = await countAwards(db)) < killAt) {
      assert.ok(child.exitCode === null, 'the child runner exited by itself');
      assert.ok(Date.now() < deadline, `the child issued only ${count} rows in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill('SIGKILL');
  }
  assert.equal(await exited, 'SIGKILL');
};

const crashAndResume = async (db: Database, target: DatabaseTarget): Promise<void> => {
  await createTestAwardsTable(db);
  const org = await insertTestOrganisation(db);
  const { job } = await createBulkJob(db, {
    achievement: testAchievement(org),
    createdBy: { kind: 'system' },
    input: { kind: 'csv', bytes: generateAwardCsv(ROWS) },
    now: new Date(),
  });
  await confirmBulkJob(db, { organisationId: org, jobId: job.id, now: new Date() });

  await runChildAndKill(db, target, 200);
  const killed = await findBulkJob(db, job.id);
  assert.equal(killed?.state, 'running');
  const issuedByChild = await countAwards(db);
  assert.ok(issuedByChild >= 200 && issuedByChild < ROWS, `${issuedByChild} issued by the child`);

  // Another runner, its clock past the dead runner's leases, resumes the job.
  const { processRows } = createRecordingProcessor(db);
  const later = () => new Date(Date.now() + LEASE_MS + 1000);
  const resumer = createBulkJobRunner({ db, processRows, workerId: 'resumer', clock: later });
  const result = await resumer.runOnce();
  assert.deepEqual(result.completedJobs, [job.id]);

  const byKey = await countTestAwardsByKey(db);
  assert.equal(byKey.size, ROWS, 'a row is missing');
  const twice = [...byKey].filter(([, count]) => count > 1);
  assert.deepEqual(twice, [], 'a row was issued twice');
  const done = await findBulkJob(db, job.id);
  assert.ok(done !== undefined);
  assert.equal(done.state, 'completed');
  assert.equal(done.counts.issued + done.counts.duplicate, ROWS);
  assert.equal(done.counts.failed, 0);
  const open = await listBulkJobRows(db, job.id, { state: 'claimed', limit: 1 });
  assert.equal(open.items.length, 0);
};

describe('bulk job crash resume', () => {
  it('resumes a job whose runner process was killed [sqlite]', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'akashi-bulk-'));
    const target: DatabaseTarget = { dialect: 'sqlite', file: join(dir, 'bulk.sqlite') };
    const db = openDatabase(target);
    try {
      await migrateDatabase(db);
      await crashAndResume(db, target);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const url = readTestDatabaseUrl();
  it(
    'resumes a job whose runner process was killed [postgres]',
    { skip: url === undefined ? POSTGRES_SKIPPED_MESSAGE : false },
    async () => {
      if (url === undefined) return;
      const schema = `akashi_test_${randomBytes(8).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const target: DatabaseTarget = { dialect: 'postgres', url, schema };
      const db = openDatabase(target);
      try {
        await migrateDatabase(db);
        await crashAndResume(db, target);
      } finally {
        await db.close();
        if (process.env.AKASHI_TEST_KEEP_SCHEMAS !== '1') {
          await admin.query(`drop schema ${schema} cascade`);
        }
        await admin.end();
      }
    },
  );
});
