#!/usr/bin/env node
// `npm run bench:bulk -- --rows 100000 [--db sqlite|postgres] [--runners N] [--processor real|fake]`:
// a bulk award end to end against the built server (@akashi/server dist): generates a CSV,
// creates an organisation, an issuer and an achievement, submits the file (the dry run),
// confirms it and runs bulk-job runners in this process until the job completes. Measures the
// wall time from submission to completion and the peak RSS. The last line is one JSON object:
//   {"rows":…,"seconds":…,"rows_per_s":…,"peak_rss_mb":…,"db":"sqlite|postgres"}
// Target (issue 5): 100,000 rows in under 60 s with peak RSS under 600 MB, on SQLite.
//
// `--processor fake` issues nothing (every row "issued" with a random id): it measures the dry
// run and the job queue alone. `--processor real` (the default) needs the awards domain.
// PostgreSQL: DATABASE_URL or TEST_DATABASE_URL; a fresh schema is created and dropped.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import * as server from '@akashi/server';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'sqlite' },
    runners: { type: 'string' },
    batch: { type: 'string', default: '500' },
    processor: { type: 'string', default: 'real' },
    concurrency: { type: 'string', default: '2' },
  },
});
const ROWS = Number(args.rows);
const DIALECT = args.db === 'postgres' ? 'postgres' : 'sqlite';
const RUNNERS = Number(args.runners ?? (DIALECT === 'postgres' ? 2 : 1));
const BATCH = Number(args.batch);
/** Batches in flight per runner: one is signed on the workers while another is stored. */
const CONCURRENCY = Number(args.concurrency);

/** A UTF-8 CSV as Excel writes it: BOM, CRLF, Japanese headers. */
const generateCsv = (count) => {
  const lines = ['学籍番号,氏名,フリガナ,メールアドレス,授与日'];
  for (let index = 1; index <= count; index += 1) {
    const id = String(index).padStart(8, '0');
    lines.push(`${id},山田 太郎${index},ヤマダ タロウ,s${id}@example.ac.jp,2025/4/1`);
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
};

const openBenchDatabase = async () => {
  if (DIALECT === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'akashi-bench-bulk-'));
    const db = server.openDatabase({ dialect: 'sqlite', file: join(dir, 'bench.sqlite') });
    return { db, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('bench:bulk --db postgres needs DATABASE_URL or TEST_DATABASE_URL');
  const schema = `bench_bulk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const db = server.openDatabase({ dialect: 'postgres', url, schema });
  return {
    db,
    dispose: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
};

/** Every row issued at once, nothing stored: the queue's own cost. */
const fakeProcessRows = async (_job, rows) =>
  rows.map((row) => ({ rowNumber: row.rowNumber, state: 'issued', awardId: randomUUID() }));

/** The organisation, its issuer profile (keys made) and an achievement, and the row processor. */
const prepare = async (db) => {
  const { organisationId } = await server.createApprovedOrganisation(
    db,
    {
      legalName: 'ベンチマーク大学',
      nameEn: 'Benchmark University',
      domain: `bench-${randomBytes(4).toString('hex')}.example.ac.jp`,
      type: 'university',
      adminEmail: 'admin@example.ac.jp',
    },
    new Date(),
  );
  if (args.processor === 'fake') {
    const achievement = { id: randomUUID(), organisationId, departmentId: null, status: 'active' };
    return { achievement, processRows: fakeProcessRows };
  }
  const clock = () => new Date();
  const masterKey = server.createTestMasterKey();
  const config = server.loadConfig({
    PUBLIC_URL: 'https://badges.bench.example.ac.jp',
    AKASHI_DATA_DIR: tmpdir(),
  });
  const context = {
    config,
    db,
    clock,
    masterKey,
    keys: server.createKeyStore({ db, masterKey, clock }),
  };
  const origin = { actor: { kind: 'anonymous' }, now: new Date() };
  await server.createIssuerProfile(
    context,
    organisationId,
    {
      name: { ja: 'ベンチマーク大学', en: 'Benchmark University' },
      url: 'https://www.bench.example.ac.jp',
      email: 'badges@bench.example.ac.jp',
    },
    origin,
  );
  const achievement = await server.createAchievement(
    db,
    organisationId,
    {
      name: { ja: '情報リテラシー', en: 'Information literacy' },
      description: {
        ja: '情報の扱い方の基礎を修得した。',
        en: 'Learnt the basics of information.',
      },
      criteria: { narrative: { ja: '全課題を提出すること。', en: 'Hand in every assignment.' } },
    },
    origin,
  );
  return { achievement, processRows: server.createBulkAwardProcessor(context) };
};

const { db, dispose } = await openBenchDatabase();
try {
  await server.migrateDatabase(db);
  const { achievement, processRows } = await prepare(db);
  const csv = generateCsv(ROWS);
  console.log(`bulk award: ${ROWS} rows, ${DIALECT}, ${RUNNERS} runner(s), batches of ${BATCH}`);

  const started = performance.now();
  const { job, report } = await server.createBulkJob(db, {
    achievement,
    createdBy: { kind: 'system' },
    input: { kind: 'csv', bytes: csv, fileName: 'bench.csv' },
    options: { notify: false, locale: 'ja' },
    now: new Date(),
  });
  const validated = performance.now();
  const dryRunPeakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (job.counts.valid !== ROWS) {
    throw new Error(`the dry run found ${report.errorCount} errors: ${JSON.stringify(report)}`);
  }
  await server.confirmBulkJob(db, {
    organisationId: job.organisationId,
    jobId: job.id,
    now: new Date(),
  });
  const runners = Array.from({ length: RUNNERS }, (_, index) =>
    server.createBulkJobRunner({
      db,
      processRows,
      workerId: `bench-${index}`,
      batchSize: BATCH,
      concurrency: CONCURRENCY,
    }),
  );
  await Promise.all(runners.map((runner) => runner.runOnce()));
  const finished = performance.now();
  if (process.env.BENCH_MEMORY === '1') {
    globalThis.gc?.();
    const m = process.memoryUsage();
    console.log(
      `memory at the end: rss ${Math.round(m.rss / 1e6)} MB, heap ${Math.round(m.heapUsed / 1e6)}/${Math.round(m.heapTotal / 1e6)} MB, external ${Math.round(m.external / 1e6)} MB`,
    );
  }

  const done = await server.findBulkJob(db, job.id);
  if (done?.state !== 'completed' || done.counts.issued !== ROWS) {
    throw new Error(`the job ended ${done?.state} with ${JSON.stringify(done?.counts)}`);
  }
  const seconds = (finished - started) / 1000;
  console.log(
    `dry run ${((validated - started) / 1000).toFixed(1)} s (peak RSS so far ${dryRunPeakMb} MB), issuing ${((finished - validated) / 1000).toFixed(1)} s`,
  );
  console.log(
    JSON.stringify({
      rows: ROWS,
      seconds: Number(seconds.toFixed(2)),
      rows_per_s: Math.round(ROWS / seconds),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      db: DIALECT,
    }),
  );
} finally {
  await server.closeAwardSigningPools();
  await db.close();
  await dispose();
}
