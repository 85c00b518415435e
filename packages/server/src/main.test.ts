/**
 * `npm start` as a process: the built entry point (dist/main.js, as the root `start` script runs
 * it) on a fresh data directory reaches /readyz, and SIGTERM stops it cleanly with exit 0.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { POSTGRES_SKIPPED_MESSAGE, readTestDatabaseUrl } from './db/for-each-database.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Started {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly address: string;
  readonly lines: () => Record<string, unknown>[];
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

const parseLines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Spawns the server and waits for the line saying where it listens. */
const startMain = (env: Record<string, string>): Promise<Started> => {
  assert.ok(existsSync(MAIN), `${MAIN} is missing: run npm run build first`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "listening" line within 20 s:\n${stdout}\n${stderr}`));
    }, 20_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ child, address: match[1]!, lines: () => parseLines(stdout), exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)} before listening:\n${stdout}\n${stderr}`));
    });
  });
};

const stopMain = async ({ child, exited }: Started): Promise<number | null> => {
  child.kill('SIGTERM');
  return exited;
};

describe('npm start (dist/main.js as a process)', () => {
  const work = mkdtempSync(join(tmpdir(), 'akashi-main-'));
  after(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('starts on a fresh data directory, reaches /readyz, and exits 0 on SIGTERM', async () => {
    const dataDir = join(work, 'fresh', 'data');
    const started = await startMain({ AKASHI_DATA_DIR: dataDir });
    try {
      const ready = await fetch(`${started.address}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });
      assert.ok(ready.headers.get('x-request-id'));
      assert.ok(existsSync(join(dataDir, 'akashi.sqlite')));
    } finally {
      assert.equal(await stopMain(started), 0);
    }
    const lines = started.lines();
    assert.ok(
      lines.some(
        (line) => line.msg === 'applied 1 migration(s)' || /migration/.test(String(line.msg)),
      ),
    );
    assert.deepEqual(
      lines.slice(-2).map((line) => line.msg),
      ['shutting down', 'stopped'],
    );
    assert.ok(
      lines.every((line) => typeof line.level === 'string' && typeof line.time === 'string'),
    );
  });

  it('starts again on the same data directory with nothing to migrate', async () => {
    const started = await startMain({ AKASHI_DATA_DIR: join(work, 'fresh', 'data') });
    try {
      assert.equal((await fetch(`${started.address}/healthz`)).status, 200);
    } finally {
      assert.equal(await stopMain(started), 0);
    }
    assert.ok(started.lines().some((line) => line.msg === 'database up to date'));
  });

  it('refuses to start with a bad configuration: exit 1, one JSON line naming every bad variable', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://db/x',
        AKASHI_DATA_DIR: work,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    const [line] = parseLines(stderr);
    assert.equal(line?.level, 'fatal');
    assert.equal(line.code, 'ERR_CONFIG_INVALID');
    assert.deepEqual(
      (line.issues as { variable: string }[]).map((issue) => issue.variable),
      ['PORT', 'DATABASE_URL'],
    );
  });

  it('stops cleanly on a SIGTERM that arrives while it is still starting', async () => {
    // "listening" is logged before the first-run work and the background workers are done.
    const started = await startMain({ AKASHI_DATA_DIR: join(work, 'early') });
    assert.equal(await stopMain(started), 0);
    assert.deepEqual(
      started
        .lines()
        .slice(-2)
        .map((line) => line.msg),
      ['shutting down', 'stopped'],
    );
  });

  const url = readTestDatabaseUrl();
  it(
    'runs the same code on PostgreSQL when DATABASE_URL is set',
    url === undefined ? { skip: POSTGRES_SKIPPED_MESSAGE } : {},
    async () => {
      if (url === undefined) return;
      const schema = `akashi_test_${randomBytes(8).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`create schema ${schema}`);
        const databaseUrl = new URL(url);
        databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
        const started = await startMain({
          AKASHI_DATA_DIR: join(work, 'pg'),
          DATABASE_URL: databaseUrl.toString(),
        });
        try {
          assert.equal((await fetch(`${started.address}/readyz`)).status, 200);
        } finally {
          assert.equal(await stopMain(started), 0);
        }
        const { rows } = await admin.query<{ n: string }>(
          `select count(*) as n from ${schema}.instance`,
        );
        assert.equal(rows[0]?.n, '1');
        const database = started.lines().find((line) => typeof line.database === 'string');
        assert.match(String(database?.database), /^postgres:\/\/postgres@/);
      } finally {
        if (process.env.AKASHI_TEST_KEEP_SCHEMAS !== '1') {
          await admin.query(`drop schema if exists ${schema} cascade`);
        }
        await admin.end();
      }
    },
  );
});
