import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Session } from '../accounts/account-schemas.js';
import { errorCode, readSessionCookie } from '../accounts/account-test-harness.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import { startServer } from '../start-server.js';
import { announceOperatorSetup } from './announce-operator-setup.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';
const OPERATOR = {
  email: 'Operator@Example.ac.jp',
  displayName: '運営 太郎',
  password: 'operator password 2026',
};

const captureWarn = () => {
  const lines: { fields: Record<string, unknown>; msg: string }[] = [];
  return {
    lines,
    log: {
      warn: (fields: unknown, msg?: string) => {
        lines.push({ fields: fields as Record<string, unknown>, msg: msg ?? '' });
      },
    } as never,
  };
};

forEachDatabase(
  'first run: the printed set-up link creates the operator once and signs them in',
  async (db) => {
    let now = new Date('2026-04-01T00:00:00.000Z');
    const { app, close } = buildTestApp({
      db,
      config: { publicUrl: PUBLIC_URL },
      clock: () => now,
    });
    try {
      const { lines, log } = captureWarn();
      const link = await announceOperatorSetup({ db, config: { publicUrl: PUBLIC_URL }, log, now });
      assert.ok(link !== undefined);
      assert.match(link, /^https:\/\/badges\.example\.ac\.jp\/setup\?token=[\w-]{43}$/);
      assert.equal(lines.length, 1);
      assert.ok(lines[0]!.msg.includes(link));
      const token = new URL(link).searchParams.get('token') as string;
      const stored = await db.kysely.selectFrom('email_tokens').select(['id', 'purpose']).execute();
      assert.deepEqual(
        stored.map((row) => row.purpose),
        ['operator-setup'],
      );
      assert.ok(!stored.some((row) => row.id === token), 'only the hash is stored');

      const check = await app.inject({ url: `/api/v1/setup?token=${token}` });
      assert.equal(check.statusCode, 200);
      assert.deepEqual(check.json(), { valid: true });
      const weak = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...OPERATOR, token, password: 'short' },
      });
      assert.equal(errorCode(weak), 'ERR_ACCOUNT_PASSWORD_TOO_SHORT');

      now = new Date(now.getTime() + 60_000);
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...OPERATOR, token },
        headers: { 'accept-language': 'ja,en;q=0.5' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const session = created.json<Session>();
      assert.equal(session.account.email, 'operator@example.ac.jp');
      assert.equal(session.account.displayName, '運営 太郎');
      assert.equal(session.account.isOperator, true);
      assert.equal(session.account.emailVerified, true);
      assert.equal(session.account.locale, 'ja');
      const cookie = readSessionCookie(created);
      const me = await app.inject({
        url: '/api/v1/account',
        headers: { cookie: `akashi_session=${cookie ?? ''}` },
      });
      assert.equal(me.statusCode, 200);

      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...OPERATOR, email: 'second@example.ac.jp', token },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(errorCode(again), 'ERR_SETUP_ALREADY_DONE');
      assert.equal(
        await announceOperatorSetup({ db, config: { publicUrl: PUBLIC_URL }, log }),
        undefined,
      );
      const events = await db.kysely
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('action', '=', 'operator.created')
        .execute();
      assert.equal(events.length, 1);
      assert.match(events[0]!.details, /"via":"setup-link"/);
    } finally {
      await close();
    }
  },
);

forEachDatabase('first run: an unknown or expired set-up link is refused', async (db) => {
  let now = new Date('2026-04-01T00:00:00.000Z');
  const { app, close } = buildTestApp({ db, config: { publicUrl: PUBLIC_URL }, clock: () => now });
  try {
    const { log } = captureWarn();
    const link = (await announceOperatorSetup({
      db,
      config: { publicUrl: PUBLIC_URL },
      log,
      now,
    })) as string;
    const token = new URL(link).searchParams.get('token') as string;
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...OPERATOR, token: 'x'.repeat(43) },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(errorCode(unknown), 'ERR_SETUP_TOKEN_INVALID');
    now = new Date(now.getTime() + 24 * 60 * 60 * 1000 + 1);
    const late = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...OPERATOR, token },
    });
    assert.equal(errorCode(late), 'ERR_SETUP_TOKEN_INVALID');
    assert.equal((await db.kysely.selectFrom('users').select('id').execute()).length, 0);
  } finally {
    await close();
  }
});

test('npm start on a fresh data directory prints the set-up link once, as one log line', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'akashi-setup-'));
  const lines: string[] = [];
  const start = () =>
    startServer({
      env: { AKASHI_DATA_DIR: dataDir, PORT: '0', PUBLIC_URL: 'http://localhost:3000' },
      logger: { destination: { write: (line) => void lines.push(line) } },
    });
  try {
    const server = await start();
    await server.stop();
    const setupLines = lines
      .map((line) => JSON.parse(line) as { setupUrl?: string; msg: string })
      .filter((line) => line.setupUrl !== undefined);
    assert.equal(setupLines.length, 1);
    assert.match(setupLines[0]!.setupUrl!, /^http:\/\/localhost:3000\/setup\?token=[\w-]{43}$/);
    assert.match(
      setupLines[0]!.msg,
      /^No operator yet: open http:\/\/localhost:3000\/setup\?token=/,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
