import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { sql, type Kysely, type Migration } from 'kysely';
import { forEachDatabase, readTestDatabaseUrl, withTestDatabase } from './for-each-database.js';
import { listMigrations, migrateDatabase } from './migrate-database.js';
import { isMigrationError } from './migration-error.js';
import { MIGRATIONS } from './migration-list.js';
import { openDatabase, type Database } from './open-database.js';
import { readInstance } from './read-instance.js';

const ALL = Object.keys(MIGRATIONS);

/**
 * Whether `table` exists in this database's own schema. (On PostgreSQL, introspection lists every
 * schema, including those of other tests running at the same time.)
 */
const tableExists = async (database: Database, table: string): Promise<boolean> => {
  const tables = await database.kysely.introspection.getTables();
  if (database.dialect !== 'postgres') return tables.some((t) => t.name === table);
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    database.kysely,
  );
  return tables.some((t) => t.name === table && t.schema === rows[0]?.schema);
};

/** A migration that creates a table and then fails: nothing of the run may remain. */
const BROKEN: Migration = {
  up: async (db: Kysely<unknown>) => {
    await db.schema.createTable('half_done').addColumn('id', 'text').execute();
    await sql`select * from no_such_table`.execute(db);
  },
};

describe('migrateDatabase', () => {
  forEachDatabase(
    'applies every migration to a fresh database, in order, and writes the instance row',
    async (database) => {
      assert.ok(ALL.length > 0);
      const { applied } = await migrateDatabase(database);
      assert.deepEqual(applied, ALL);
      const instance = await readInstance(database);
      assert.match(instance.id, /^[0-9a-f-]{36}$/);
      assert.ok(!Number.isNaN(Date.parse(instance.createdAt)));
      const states = await listMigrations(database);
      assert.deepEqual(
        states.map((state) => state.name),
        ALL,
      );
      assert.ok(states.every((state) => state.appliedAt !== undefined));
    },
    { migrated: false },
  );

  forEachDatabase(
    'is idempotent: a second run applies nothing and changes nothing',
    async (database) => {
      const before = await readInstance(database);
      assert.deepEqual(await migrateDatabase(database), { applied: [] });
      assert.deepEqual(await migrateDatabase(database), { applied: [] });
      assert.deepEqual(await readInstance(database), before);
      const { count } = await database.kysely
        .selectFrom('instance')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      assert.equal(count, 1);
    },
  );

  forEachDatabase(
    'applies nothing when one pending migration fails, and names it',
    async (database) => {
      const migrations = { ...MIGRATIONS, '9999-broken': BROKEN };
      await assert.rejects(migrateDatabase(database, { migrations }), (error: unknown) => {
        assert.ok(isMigrationError(error));
        assert.equal(error.code, 'ERR_DB_MIGRATION_FAILED');
        assert.equal(error.migration, '9999-broken');
        assert.match(error.ja, /9999-broken/);
        return true;
      });
      assert.equal(await tableExists(database, 'half_done'), false);
      assert.equal(await tableExists(database, 'instance'), false);
      const states = await listMigrations(database, { migrations });
      assert.ok(states.every((state) => state.appliedAt === undefined));
      // The failure leaves the database usable: the real migrations still apply.
      assert.deepEqual((await migrateDatabase(database)).applied, ALL);
    },
    { migrated: false },
  );

  forEachDatabase(
    'refuses a database that has a migration this version does not know',
    async (database) => {
      const future = { ...MIGRATIONS, '9000-from-the-future': { up: async () => {} } };
      await migrateDatabase(database, { migrations: future });
      await assert.rejects(migrateDatabase(database), isMigrationError);
    },
  );

  forEachDatabase(
    'opens SQLite in WAL mode with foreign keys and a busy timeout',
    async (database) => {
      const pragma = async (name: string): Promise<unknown> => {
        const { rows } = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(
          database.kysely,
        );
        return Object.values(rows[0] ?? {})[0];
      };
      assert.equal(await pragma('journal_mode'), 'wal');
      assert.equal(await pragma('foreign_keys'), 1);
      assert.equal(await pragma('busy_timeout'), 5000);
    },
    { dialects: ['sqlite'] },
  );

  forEachDatabase(
    'keeps PostgreSQL schemas apart: a migration table in another schema is not taken for ours',
    async (database) => {
      await migrateDatabase(database);
      await withTestDatabase(
        'postgres',
        async (other) => {
          assert.deepEqual((await migrateDatabase(other)).applied, ALL);
          assert.notEqual((await readInstance(other)).id, (await readInstance(database)).id);
        },
        { migrated: false },
      );
      const { rows } = await sql<{ schema: string }>`
        select table_schema as schema from information_schema.tables
        where table_name = 'instance' and table_schema = current_schema()`.execute(database.kysely);
      assert.equal(rows.length, 1);
      assert.match(rows[0]!.schema, /^akashi_test_/);
    },
    { migrated: false, dialects: ['postgres'] },
  );

  forEachDatabase(
    'lets two app nodes migrate at once: one applies, the other waits and finds nothing to do',
    async (database) => {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
        database.kysely,
      );
      const other = openDatabase({
        dialect: 'postgres',
        url: readTestDatabaseUrl()!,
        schema: rows[0]!.schema,
      });
      try {
        const results = await Promise.all([migrateDatabase(database), migrateDatabase(other)]);
        assert.deepEqual(results.map((result) => result.applied.length).sort(), [0, ALL.length]);
        const { count } = await database.kysely
          .selectFrom('instance')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow();
        assert.equal(count, 1);
      } finally {
        await other.close();
      }
    },
    { migrated: false, dialects: ['postgres'] },
  );
});
