/**
 * The embedded database: one SQLite file opened with better-sqlite3, in WAL mode (readers never
 * wait for the writer), with foreign keys enforced and a busy timeout so that a second process
 * (`akashi db migrate` beside a running server) waits for a lock instead of failing at once.
 *
 * Kysely's SQLite adapter runs migrations outside a transaction, so a migration failing halfway
 * would leave its first statements applied. SQLite's DDL is transactional, so the adapter here
 * says so: all pending migrations run in one transaction, like on PostgreSQL. Its first statement
 * writes the lock row, taking SQLite's write lock before the migrations read anything. (Inside a
 * transaction `pragma foreign_keys` cannot change: a migration that rebuilds a table uses
 * `pragma defer_foreign_keys = on`.)
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteDialect,
  sql,
  type DialectAdapter,
  type Kysely,
  type MigrationLockOptions,
} from 'kysely';

/** How long a statement waits for another connection's lock before failing, in milliseconds. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }

  override async acquireMigrationLock(
    db: Kysely<unknown>,
    { lockTable, lockRowId }: MigrationLockOptions,
  ): Promise<void> {
    await sql`update ${sql.table(lockTable)} set is_locked = 1 where id = ${lockRowId}`.execute(db);
  }

  override async releaseMigrationLock(
    db: Kysely<unknown>,
    { lockTable, lockRowId }: MigrationLockOptions,
  ): Promise<void> {
    await sql`update ${sql.table(lockTable)} set is_locked = 0 where id = ${lockRowId}`.execute(db);
  }
}

class EmbeddedSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** Opens (creating it and its directory when missing) the SQLite file and applies the pragmas. */
export const createSqliteDialect = (file: string): SqliteDialect => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const database = new BetterSqlite3(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  return new EmbeddedSqliteDialect({ database });
};
