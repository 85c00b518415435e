/**
 * `akashi admin create-operator` as a process, against a fresh SQLite data directory and, when
 * TEST_DATABASE_URL is set, a fresh PostgreSQL schema; the server then signs the operator in.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createApp, createTestMasterKey, loadConfig, openDatabase } from '@akashi/server';
import pg from 'pg';
import { createWorkDir, runAkashi } from './run-akashi.js';

const work = createWorkDir();
after(work.remove);

const POSTGRES_URL = process.env.TEST_DATABASE_URL;
const POSTGRES_SKIP = 'PostgreSQL half skipped: TEST_DATABASE_URL is not set (.ci/run sets it)';
const PASSWORD = 'operator password 2026';

const lastJson = (stdout: string): Record<string, unknown> => {
  const lines = stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>;
};

/** Signs in through the server's API on the same database; returns the session's account. */
const signIn = async (env: Record<string, string>, email: string, password: string) => {
  const config = loadConfig({ ...env, DATABASE_URL: env.DATABASE_URL ?? '' });
  const db = openDatabase(config.database);
  const app = createApp({ config, db, logger: false, masterKey: createTestMasterKey() });
  try {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password },
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  } finally {
    await app.close();
    await db.close();
  }
};

const scenario = async (env: Record<string, string>) => {
  const run = (args: string[], extra: { env?: Record<string, string>; input?: string } = {}) =>
    runAkashi(args, {
      cwd: work.dir,
      env: { AKASHI_PASSWORD: '', ...env, ...extra.env },
      ...(extra.input === undefined ? {} : { input: extra.input }),
    });

  const created = run(
    ['admin', 'create-operator', '--email', 'Root@Example.ac.jp', '--display-name', '運営 花子'],
    { env: { AKASHI_PASSWORD: PASSWORD } },
  );
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /^Created the operator account root@example\.ac\.jp/);
  const ids = lastJson(created.stdout);
  assert.deepEqual(Object.keys(ids).sort(), ['email', 'userId']);
  assert.equal(ids.email, 'root@example.ac.jp');
  assert.match(String(ids.userId), /^[0-9a-f-]{36}$/);

  const session = await signIn(env, 'root@example.ac.jp', PASSWORD);
  assert.equal(session.status, 200);
  const account = session.body.account as Record<string, unknown>;
  assert.equal(account.id, ids.userId);
  assert.equal(account.isOperator, true);
  assert.equal(account.displayName, '運営 花子');

  // The password can come piped on standard input instead.
  const piped = run(['admin', 'create-operator', '--email', 'second@example.ac.jp'], {
    input: 'piped password 2026\n',
  });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal((await signIn(env, 'second@example.ac.jp', 'piped password 2026')).status, 200);

  const taken = run(['admin', 'create-operator', '--email', 'root@example.ac.jp'], {
    env: { AKASHI_PASSWORD: PASSWORD },
  });
  assert.equal(taken.status, 2);
  assert.match(taken.stderr, /ERR_ACCOUNT_EMAIL_TAKEN/);
};

describe('akashi admin create-operator', () => {
  it('creates an operator who can sign in (SQLite), from AKASHI_PASSWORD or stdin', async () => {
    await scenario({ AKASHI_DATA_DIR: join(work.dir, 'data'), DATABASE_URL: '' });
  });

  it(
    'creates an operator on PostgreSQL',
    POSTGRES_URL === undefined || POSTGRES_URL === '' ? { skip: POSTGRES_SKIP } : {},
    async () => {
      if (POSTGRES_URL === undefined) return;
      const schema = `akashi_test_${randomBytes(8).toString('hex')}`;
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      try {
        await admin.query(`create schema ${schema}`);
        const url = new URL(POSTGRES_URL);
        url.searchParams.set('options', `-c search_path=${schema}`);
        await scenario({ DATABASE_URL: url.toString(), AKASHI_DATA_DIR: join(work.dir, 'unused') });
      } finally {
        if (process.env.AKASHI_TEST_KEEP_SCHEMAS !== '1') {
          await admin.query(`drop schema if exists ${schema} cascade`);
        }
        await admin.end();
      }
    },
  );

  it('refuses bad usage with exit 2: no password, a weak one, a bad address', () => {
    const env = {
      AKASHI_DATA_DIR: join(work.dir, 'refusals'),
      DATABASE_URL: '',
      AKASHI_PASSWORD: '',
    };
    const run = (args: string[], extra: Record<string, string> = {}, input = '') =>
      runAkashi(['admin', 'create-operator', ...args], {
        cwd: work.dir,
        env: { ...env, ...extra },
        input,
      });
    const noPassword = run(['--email', 'a@example.ac.jp']);
    assert.equal(noPassword.status, 2);
    assert.match(noPassword.stderr, /AKASHI_PASSWORD.*\[ERR_CLI_MISSING_VALUE\]\n$/);
    const weak = run(['--email', 'a@example.ac.jp'], { AKASHI_PASSWORD: 'short' });
    assert.equal(weak.status, 2);
    assert.match(weak.stderr, /at least 10 characters.*ERR_ACCOUNT_PASSWORD_TOO_SHORT/);
    const sameAsEmail = run(['--email', 'longname@example.ac.jp'], {
      AKASHI_PASSWORD: 'longname@example.ac.jp',
    });
    assert.match(sameAsEmail.stderr, /ERR_ACCOUNT_PASSWORD_IS_EMAIL/);
    const badAddress = run(['--email', 'not an address'], { AKASHI_PASSWORD: PASSWORD });
    assert.equal(badAddress.status, 2);
    assert.match(badAddress.stderr, /email: must be a valid e-mail address/);
    assert.equal(run([], { AKASHI_PASSWORD: PASSWORD }).status, 2);
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: akashi admin create-operator --email EMAIL/);
  });
});
