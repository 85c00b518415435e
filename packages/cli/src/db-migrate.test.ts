import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { createWorkDir, runAkashi } from './run-akashi.js';

const work = createWorkDir();
after(work.remove);

/** The CLI with only the variables a test gives (no DATABASE_URL leaking in from outside). */
const run = (args: string[], env: Record<string, string>) =>
  runAkashi(args, { cwd: work.dir, env: { DATABASE_URL: '', AKASHI_DATA_DIR: '', ...env } });

describe('akashi db migrate', () => {
  it('creates and migrates the SQLite database of a fresh data directory, then finds it up to date', () => {
    const dataDir = join(work.dir, 'data');
    const first = run(['db', 'migrate'], { AKASHI_DATA_DIR: dataDir });
    assert.equal(first.status, 0, first.stderr);
    assert.match(
      first.stdout,
      /^Applied \d+ migration\(s\) to sqlite:.*akashi\.sqlite: 0001-instance(?:, \d{4}-[a-z-]+)*\n$/,
    );
    assert.ok(existsSync(join(dataDir, 'akashi.sqlite')));
    const second = run(['db', 'migrate'], { AKASHI_DATA_DIR: dataDir });
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /is up to date\.\n$/);
  });

  it('resolves a relative AKASHI_DATA_DIR against the working directory, like npm start', () => {
    const result = run(['db', 'migrate'], { AKASHI_DATA_DIR: 'relative-data' });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(join(work.dir, 'relative-data', 'akashi.sqlite')));
  });

  it('exits 2 on an invalid environment, naming every bad variable', () => {
    const result = run(['db', 'migrate'], { DATABASE_URL: 'mysql://db/akashi', PORT: 'x' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /PORT: .*DATABASE_URL: .*\[ERR_CLI_CONFIG_INVALID\]\n$/);
  });

  it('exits 1 when the database cannot be reached, without the password', () => {
    const result = run(['db', 'migrate'], {
      DATABASE_URL: 'postgres://akashi:hunter2@127.0.0.1:1/akashi',
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\[ERR_CLI_MIGRATION_FAILED\]\n$/);
    assert.doesNotMatch(result.stderr, /hunter2/);
  });

  it('prints its help, and the group usage without a subcommand', () => {
    const help = run(['db', 'migrate', '--help'], {});
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: akashi db migrate/);
    const usage = run(['db'], {});
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^Usage: akashi db <subcommand>/);
    assert.equal(run(['db', 'rollback'], {}).status, 2);
    assert.equal(run(['db', 'migrate', 'now'], {}).status, 2);
  });

  const url = process.env.TEST_DATABASE_URL;
  it(
    'migrates PostgreSQL when DATABASE_URL is set (schema chosen with the options parameter)',
    url === undefined || url === ''
      ? { skip: 'PostgreSQL half skipped: TEST_DATABASE_URL is not set (.ci/run sets it)' }
      : {},
    async () => {
      if (url === undefined) return;
      const schema = `akashi_test_${randomBytes(8).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`create schema ${schema}`);
        const databaseUrl = new URL(url);
        databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
        const first = run(['db', 'migrate'], { DATABASE_URL: databaseUrl.toString() });
        assert.equal(first.status, 0, first.stderr);
        assert.match(first.stdout, /^Applied \d+ migration\(s\) to postgres:\/\//);
        const { rows } = await admin.query<{ n: string }>(
          `select count(*) as n from ${schema}.instance`,
        );
        assert.equal(rows[0]?.n, '1');
        const second = run(['db', 'migrate'], { DATABASE_URL: databaseUrl.toString() });
        assert.match(second.stdout, /is up to date/);
      } finally {
        if (process.env.AKASHI_TEST_KEEP_SCHEMAS !== '1') {
          await admin.query(`drop schema if exists ${schema} cascade`);
        }
        await admin.end();
      }
    },
  );
});
