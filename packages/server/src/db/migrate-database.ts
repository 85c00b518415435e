/**
 * Brings the database schema up to date with Kysely's Migrator. Safe to run on every start and
 * from several processes at once: the Migrator takes a lock (a PostgreSQL advisory lock; SQLite's
 * write lock), runs the pending migrations in one transaction and records them in
 * `akashi_migration`.
 */
import { Migrator, sql, type Migration } from 'kysely';
import { MigrationError } from './migration-error.js';
import { MIGRATIONS } from './migration-list.js';
import type { Database } from './open-database.js';

export const MIGRATION_TABLE = 'akashi_migration';
export const MIGRATION_LOCK_TABLE = 'akashi_migration_lock';

export interface MigrateDatabaseOptions {
  /** The migrations to apply (default: every migration of the platform). */
  readonly migrations?: Readonly<Record<string, Migration>>;
}

export interface MigrateDatabaseResult {
  /** The migrations this run applied, in order; empty when the schema was up to date. */
  readonly applied: readonly string[];
}

/**
 * The PostgreSQL schema the connection creates tables in (first of its search_path). The Migrator
 * is told it explicitly, otherwise it would take a migration table in any other schema of the
 * same database for its own.
 */
const readCurrentSchema = async (database: Database): Promise<string> => {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    database.kysely,
  );
  const schema = rows[0]?.schema;
  if (typeof schema !== 'string') {
    throw new MigrationError(undefined, new Error('no schema of the search_path exists'));
  }
  return schema;
};

const createMigrator = async (
  database: Database,
  migrations: Readonly<Record<string, Migration>>,
): Promise<Migrator> => {
  const schema = database.dialect === 'postgres' ? await readCurrentSchema(database) : undefined;
  return new Migrator({
    db: database.kysely,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
};

/** Applies every pending migration; throws a `MigrationError` (and applies none) on failure. */
export const migrateDatabase = async (
  database: Database,
  { migrations = MIGRATIONS }: MigrateDatabaseOptions = {},
): Promise<MigrateDatabaseResult> => {
  let migrator: Migrator;
  try {
    migrator = await createMigrator(database, migrations);
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(undefined, error);
  }
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(failed?.migrationName, error);
  }
  return {
    applied: results
      .filter((result) => result.status === 'Success')
      .map((result) => result.migrationName),
  };
};

export interface MigrationState {
  readonly name: string;
  /** When it was applied (ISO 8601), or undefined when pending. */
  readonly appliedAt: string | undefined;
}

/** Every known migration and whether it has been applied. */
export const listMigrations = async (
  database: Database,
  { migrations = MIGRATIONS }: MigrateDatabaseOptions = {},
): Promise<readonly MigrationState[]> => {
  const migrator = await createMigrator(database, migrations);
  return (await migrator.getMigrations()).map((info) => ({
    name: info.name,
    appliedAt: info.executedAt?.toISOString(),
  }));
};
