/**
 * A bulk award whose runner process is killed mid-job (SIGKILL, while it signs and stores real
 * awards) resumes in another runner: every row ends up with exactly one award, none missing,
 * none twice, and the awards made before the crash still verify.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import pg from 'pg';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { confirmBulkJob } from '../bulk/bulk-job-commands.js';
import { findBulkJob } from '../bulk/bulk-job-model.js';
import { createBulkJobRunner } from '../bulk/bulk-job-runner.js';
import { generateAwardCsv } from '../bulk/bulk-job-test-support.js';
import { createBulkJob } from '../bulk/create-bulk-job.js';
import { encodeShiftJis } from '../bulk/shift-jis-encoder.fixture.js';
import { POSTGRES_SKIPPED_MESSAGE, readTestDatabaseUrl } from '../db/for-each-database.js';
import { migrateDatabase } from '../db/migrate-database.js';
import { openDatabase, type Database, type DatabaseTarget } from '../db/open-database.js';
import type { AppContext } from '../http/app-context.js';
import { buildTestApp, createTestConfig } from '../http/build-test-app.js';
import { createInProcessFetchDocument } from '../http/in-process-fetch.js';
import { insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import { createKeyStore } from '../keys/key-store.js';
import { testActor } from '../keys/key-test-factories.js';
import { createMasterKey, deriveMasterKey, parseMasterKey } from '../keys/master-key.js';
import { createBadgeVerifier } from '@akashi/core';
import { createAchievement } from '../achievements/manage-achievements.js';
import { ACHIEVEMENT_BODY } from './award-test-world.js';
import { closeAwardSigningPools } from './award-signing-pools.js';
import { createBulkAwardProcessor } from './bulk-award-processor.js';

const CHILD = fileURLToPath(new URL('./bulk-award-child.ts', import.meta.url));
const ROWS = 1000;
const LEASE_MS = 1000;

const countAwards = async (db: Database): Promise<number> => {
  const row = await db.kysely
    .selectFrom('awards')
    .select(db.kysely.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

const crashAndResume = async (db: Database, target: DatabaseTarget): Promise<void> => {
  const secretText = createMasterKey();
  const secret = parseMasterKey(secretText);
  if (secret === undefined) throw new Error('unreadable master key');
  const masterKey = deriveMasterKey(secret, 'environment');
  const clock = () => new Date();
  const context: AppContext = {
    config: createTestConfig(),
    db,
    clock,
    masterKey,
    keys: createKeyStore({ db, masterKey, clock }),
  };
  const organisationId = await insertTestOrganisation(db);
  await insertTestIssuerProfile(context, organisationId);
  const origin = { actor: testActor(), now: new Date() };
  const achievement = await createAchievement(db, organisationId, ACHIEVEMENT_BODY, origin);
  // Excel's Japanese CSV: Shift_JIS.
  const { job } = await createBulkJob(db, {
    achievement,
    createdBy: { kind: 'system' },
    input: { kind: 'csv', bytes: encodeShiftJis(generateAwardCsv(ROWS)) },
    options: { notify: false, locale: 'ja' },
    now: new Date(),
  });
  assert.equal(job.counts.valid, ROWS);
  await confirmBulkJob(db, { organisationId, jobId: job.id, now: new Date() });

  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      AWARD_CHILD_DATABASE: JSON.stringify(target),
      AWARD_CHILD_MASTER_KEY: secretText,
      AWARD_CHILD_LEASE_MS: String(LEASE_MS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => {
      resolve(signal);
    }),
  );
  try {
    const deadline = Date.now() + 60_000;
    let count = 0;
    while ((count = await countAwards(db)) < 150) {
      assert.ok(child.exitCode === null, 'the child runner exited by itself');
      assert.ok(Date.now() < deadline, `the child issued only ${count} awards in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGKILL');
  }
  assert.equal(await exited, 'SIGKILL');
  const beforeResume = await countAwards(db);
  assert.ok(beforeResume < ROWS, `the child finished (${beforeResume}) before it was killed`);
  assert.equal((await findBulkJob(db, job.id))?.state, 'running');

  // Another runner, its clock past the dead runner's leases, resumes the job.
  const later = () => new Date(Date.now() + LEASE_MS + 1000);
  const resumer = createBulkJobRunner({
    db,
    processRows: createBulkAwardProcessor({ ...context, clock: later }),
    workerId: 'resumer',
    batchSize: 200,
    clock: later,
  });
  const result = await resumer.runOnce();
  await closeAwardSigningPools();
  assert.deepEqual(result.completedJobs, [job.id]);

  const rows = await db.kysely
    .selectFrom('awards')
    .select(['idempotency_key', 'external_id', 'credential'])
    .where('bulk_job_id', '=', job.id)
    .execute();
  assert.equal(rows.length, ROWS, 'a row is missing or was issued twice');
  assert.equal(new Set(rows.map((row) => row.idempotency_key)).size, ROWS);
  assert.equal(new Set(rows.map((row) => row.external_id)).size, ROWS);
  const done = await findBulkJob(db, job.id);
  assert.equal(done?.state, 'completed');
  assert.equal(done.counts.issued + done.counts.duplicate, ROWS);
  assert.equal(done.counts.failed, 0);

  // Awards made by the killed process and by the resumer verify alike.
  const app = buildTestApp({ db, masterKey });
  try {
    const verifier = createBadgeVerifier({
      fetchDocument: createInProcessFetchDocument(app.app, context.config.publicUrl),
      cacheTtlMs: 0,
    });
    for (const row of [rows[0], rows[Math.floor(ROWS / 2)], rows.at(-1)]) {
      assert.ok(row !== undefined);
      const report = await verifier.verify(JSON.parse(row.credential) as Record<string, unknown>);
      assert.equal(report.status, 'valid');
    }
  } finally {
    await app.app.close();
  }
};

describe('bulk award crash resume (real issuing)', () => {
  it('resumes a bulk award whose runner process was killed [sqlite]', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'akashi-award-'));
    const target: DatabaseTarget = { dialect: 'sqlite', file: join(dir, 'awards.sqlite') };
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
    'resumes a bulk award whose runner process was killed [postgres]',
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
