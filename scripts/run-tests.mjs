#!/usr/bin/env node
// Runs every test file of every package (and e2e/) with Node's own test runner.
// Node 20's `--test` takes no glob, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const roots = ['packages', 'e2e'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(path);
  }
};
for (const root of roots) {
  try {
    walk(root);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((p) => f.includes(p))) : files;
if (selected.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
// A file that hangs is stopped after FILE_TIMEOUT_MS and run once more, alone (and the run says
// so). Seen once: a trivial test file stuck for 25 minutes in a futex wait while its module was
// loading (Node 20's off-thread module hooks, which tsx uses), with nothing of ours running. A
// test that fails, or hangs again, fails the run.
const FILE_TIMEOUT_MS = Number(process.env.AKASHI_TEST_FILE_TIMEOUT_MS ?? 10 * 60 * 1000);
const tapCopy = join(mkdtempSync(join(tmpdir(), 'akashi-tests-')), 'results.tap');
const runFiles = (list, reportTo) =>
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      `--test-timeout=${FILE_TIMEOUT_MS}`,
      '--test-reporter=tap',
      '--test-reporter-destination=stdout',
      ...(reportTo === undefined
        ? []
        : ['--test-reporter=tap', `--test-reporter-destination=${reportTo}`]),
      ...list,
    ],
    // PostgreSQL test schemas are dropped together at the end (see below), never while another
    // test file may be introspecting the database.
    { stdio: 'inherit', env: { ...process.env, AKASHI_TEST_KEEP_SCHEMAS: '1' } },
  );
let result = runFiles(selected.sort(), tapCopy);
if (result.status !== 0 && existsSync(tapCopy)) {
  // Top-level results name the file; a hung one is cancelled with "timed out".
  const tap = readFileSync(tapCopy, 'utf8');
  const failed = [...tap.matchAll(/^not ok \d+ - (.+)\n((?: {2}.*\n)*)/gm)];
  const hung = failed
    .filter(([, , details]) => /timed out after/.test(details))
    .map(([, file]) => file);
  if (hung.length > 0 && hung.length === failed.length) {
    console.error(
      `\nrun-tests: ${hung.length} file(s) hung and were stopped after ${FILE_TIMEOUT_MS / 60000} min: ${hung.join(', ')}; running them again, alone.`,
    );
    result = runFiles(hung, undefined);
    console.error(
      `run-tests: the re-run of the hung file(s) ${result.status === 0 ? 'passed' : 'FAILED'}.`,
    );
  }
}
if (process.env.TEST_DATABASE_URL) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query(
      "select nspname from pg_namespace where nspname like 'akashi\\_test\\_%'",
    );
    for (const { nspname } of rows)
      await client.query(`drop schema if exists "${nspname}" cascade`);
    console.error(`run-tests: dropped ${rows.length} PostgreSQL test schema(s).`);
  } catch (error) {
    // Not a test failure: the schemas stay behind, and the next run drops them.
    console.error(
      `run-tests: WARNING: could not drop the PostgreSQL test schemas: ${error.message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
// The storage tests run on PostgreSQL only when TEST_DATABASE_URL is set (.ci/run sets it).
if (!process.env.TEST_DATABASE_URL) {
  console.error(
    '\nrun-tests: TEST_DATABASE_URL is not set: the PostgreSQL half of the storage tests was SKIPPED (SQLite only).',
  );
}
process.exit(result.status ?? 1);
