/**
 * Test support for storage code: runs one test body on a fresh SQLite database (a file in a new
 * temporary directory) and, when `TEST_DATABASE_URL` is set, on PostgreSQL in a fresh schema
 * (created with a random name, put on the search_path, dropped afterwards). Without
 * `TEST_DATABASE_URL` the PostgreSQL test is reported as skipped, with the reason, and a line
 * says so on standard error.
 *
 *   forEachDatabase('reads the instance', async (database) => { … });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import pg from 'pg';
import { migrateDatabase } from './migrate-database.js';
import { openDatabase, type Database, type DatabaseDialect } from './open-database.js';

export const TEST_DATABASE_URL = 'TEST_DATABASE_URL';

export const POSTGRES_SKIPPED_MESSAGE = `PostgreSQL half skipped: ${TEST_DATABASE_URL} is not set (.ci/run sets it)`;

export interface ForEachDatabaseOptions {
  /** Apply every migration before the body runs (default true). */
  readonly migrated?: boolean;
  /** Only these databases, for a test of one dialect's specifics (default: both). */
  readonly dialects?: readonly DatabaseDialect[];
}

export type DatabaseTestBody = (database: Database, t: TestContext) => Promise<void>;

/** The PostgreSQL server the storage tests may use, if any. */
export const readTestDatabaseUrl = (): string | undefined => {
  const url = process.env[TEST_DATABASE_URL];
  return url === undefined || url === '' ? undefined : url;
};

const runSql = async (url: string, text: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

/** Opens a fresh database of `dialect`, runs `body` on it, then closes and removes it. */
export const withTestDatabase = async <T>(
  dialect: DatabaseDialect,
  body: (database: Database) => Promise<T>,
  { migrated = true }: ForEachDatabaseOptions = {},
): Promise<T> => {
  let database: Database;
  let dispose: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'akashi-db-'));
    database = openDatabase({ dialect: 'sqlite', file: join(dir, 'test.sqlite') });
    dispose = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  } else {
    const url = readTestDatabaseUrl();
    if (url === undefined) throw new TypeError(`${TEST_DATABASE_URL} is not set`);
    const schema = `akashi_test_${randomBytes(8).toString('hex')}`;
    await runSql(url, `create schema ${schema}`);
    database = openDatabase({ dialect: 'postgres', url, schema });
    // Kysely's migrator introspects every schema of the database; dropping a schema while another
    // test process introspects makes that process fail. `npm test` keeps them and drops them all
    // once every test has finished (scripts/run-tests.mjs).
    dispose = () =>
      process.env.AKASHI_TEST_KEEP_SCHEMAS === '1'
        ? Promise.resolve()
        : runSql(url, `drop schema ${schema} cascade`);
  }
  try {
    if (migrated) await migrateDatabase(database);
    return await body(database);
  } finally {
    await database.close();
    await dispose();
  }
};

let skipAnnounced = false;

/** Registers `name [sqlite]` and `name [postgres]` tests that run `body` on a fresh database. */
export const forEachDatabase = (
  name: string,
  body: DatabaseTestBody,
  options: ForEachDatabaseOptions = {},
): void => {
  const { dialects = ['sqlite', 'postgres'] } = options;
  if (dialects.includes('sqlite')) {
    void test(`${name} [sqlite]`, (t) => withTestDatabase('sqlite', (db) => body(db, t), options));
  }
  if (!dialects.includes('postgres')) return;
  if (readTestDatabaseUrl() === undefined) {
    if (!skipAnnounced) {
      skipAnnounced = true;
      process.stderr.write(`\n*** ${POSTGRES_SKIPPED_MESSAGE} ***\n\n`);
    }
    void test(`${name} [postgres]`, { skip: POSTGRES_SKIPPED_MESSAGE }, () => undefined);
    return;
  }
  void test(`${name} [postgres]`, (t) =>
    withTestDatabase('postgres', (db) => body(db, t), options));
};
