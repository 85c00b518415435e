/**
 * Test support for the accounts routes: the app on a given database with a real SMTP server on
 * loopback (so e-mails are read as they arrived), a clock the test moves, and the steps most
 * tests start with (sign up and confirm, sign in). Not for production code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/open-database.js';
import type { App } from '../http/app-context.js';
import { buildTestApp } from '../http/build-test-app.js';
import { findLinkToken, type TestMail } from '../mail/read-test-mail.js';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server.js';
import type { Session } from './account-schemas.js';

export const PUBLIC_URL = 'https://badges.example.ac.jp';
export const PASSWORD = 'correct horse battery staple';

export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export interface AccountHarness {
  readonly app: App;
  readonly db: Database;
  readonly smtp: TestSmtpServer;
  readonly clock: TestClock;
  readonly dataDir: string;
  readonly logs: () => Record<string, unknown>[];
  /** Signs up, reads the confirmation e-mail and confirms; returns the user id. */
  signUpAndVerify(email: string, options?: SignUpOptions): Promise<string>;
  /** Signs in with a password; the cookie and CSRF headers, and the session. */
  signIn(email: string, password?: string): Promise<SignedIn>;
  /** Waits for the next e-mail to `to` whose subject contains `subject`. */
  mailTo(to: string, subject: string): Promise<TestMail>;
  close(): Promise<void>;
}

export interface SignUpOptions {
  readonly password?: string;
  readonly displayName?: string;
  readonly locale?: 'ja' | 'en';
}

export interface SignedIn {
  readonly headers: { cookie: string; 'x-csrf-token': string };
  readonly session: Session;
  readonly response: LightMyRequestResponse;
}

/** The `akashi_session` value a response sets ('' when it clears it). */
export const readSessionCookie = (response: LightMyRequestResponse): string | undefined => {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header === undefined ? [] : [header];
  for (const cookie of cookies) {
    const match = /^akashi_session=([^;]*)/.exec(cookie);
    if (match !== null) return match[1];
  }
  return undefined;
};

export const errorCode = (response: LightMyRequestResponse): string =>
  response.json<{ error: { code: string } }>().error.code;

export const startAccountHarness = async (db: Database): Promise<AccountHarness> => {
  const smtp = await startTestSmtpServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'akashi-accounts-'));
  const clock: TestClock = {
    now: new Date('2026-04-01T00:00:00.000Z'),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const test = buildTestApp({
    db,
    config: { smtpUrl: smtp.url, dataDir, publicUrl: PUBLIC_URL },
    clock: () => clock.now,
  });
  const { app } = test;
  const seen = new Set<TestMail>();

  const mailTo = async (to: string, subject: string): Promise<TestMail> => {
    const mail = await smtp.waitFor(
      (candidate) =>
        !seen.has(candidate) &&
        candidate.rcptTo.includes(to) &&
        candidate.subject.includes(subject),
    );
    seen.add(mail);
    return mail;
  };

  const signIn = async (email: string, password = PASSWORD): Promise<SignedIn> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password },
    });
    assert.equal(response.statusCode, 200, response.body);
    const token = readSessionCookie(response);
    assert.ok(token !== undefined && token !== '');
    const session = response.json<Session>();
    return {
      headers: { cookie: `akashi_session=${token}`, 'x-csrf-token': session.csrfToken },
      session,
      response,
    };
  };

  return {
    app,
    db,
    smtp,
    clock,
    dataDir,
    logs: test.logs,
    mailTo,
    signIn,
    signUpAndVerify: async (email, options = {}) => {
      const signUp = await app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: {
          email,
          password: options.password ?? PASSWORD,
          displayName: options.displayName ?? '山田 花子',
          locale: options.locale ?? 'ja',
        },
      });
      assert.equal(signUp.statusCode, 202, signUp.body);
      const mail = await mailTo(email, options.locale === 'en' ? 'Confirm' : '確認');
      const token = findLinkToken(mail, `${PUBLIC_URL}/verify-email?token=`);
      const verify = await app.inject({
        method: 'POST',
        url: '/api/v1/accounts/verify-email',
        payload: { token },
      });
      assert.equal(verify.statusCode, 204, verify.body);
      const user = await db.kysely
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return user.id;
    },
    close: async () => {
      await test.close();
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
