/**
 * Test support for the wallet's public and account pages: the web test world (every API route
 * and the web app on in-memory SQLite, organisation A with its issuer profile, the policy world's
 * users) with mail sent to a real SMTP server on loopback, so that mailed links are read as they
 * arrived, an achievement of organisation A, and helpers to award it and to put the learner's
 * awards into the wallet — all through the API, as a client would.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { migrateDatabase } from '../../../server/src/db/migrate-database.js';
import { openDatabase } from '../../../server/src/db/open-database.js';
import { buildTestApp } from '../../../server/src/http/build-test-app.js';
import {
  createTestContext,
  insertTestIssuerProfile,
} from '../../../server/src/issuers/issuer-test-factories.js';
import { findLinkToken, type TestMail } from '../../../server/src/mail/read-test-mail.js';
import { startTestSmtpServer } from '../../../server/src/mail/test-smtp-server.js';
import { buildPolicyTestWorld } from '../../../server/src/policy/policy-test-world.js';
import { PUBLIC_URL, type WebTestWorld } from '../web-test-world.js';

export { PUBLIC_URL };

export interface WalletWebWorld extends WebTestWorld {
  readonly achievementId: string;
  /** Awards the achievement to `email`; the award's id. */
  readonly award: (email: string, body?: Record<string, unknown>) => Promise<string>;
  /** The e-mail address of a user. */
  readonly emailOf: (userId: string) => Promise<string>;
  /** Waits for the next e-mail to `to` whose subject holds `subject`. */
  readonly mailTo: (to: string, subject: string) => Promise<TestMail>;
  /** The token of the next such e-mail's link to `page`. */
  readonly mailedToken: (to: string, subject: string, page: string) => Promise<string>;
  /** An API call as `as` (JSON). */
  readonly api: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    as: Record<string, string>,
    payload?: unknown,
  ) => Promise<LightMyRequestResponse>;
}

export const ACHIEVEMENT = {
  name: { ja: '情報リテラシー <基礎> & 応用', en: 'Information literacy <basics> & more' },
  description: {
    ja: '情報の扱い方の基礎を修得した。\n\n<script>alert(1)</script>',
    en: 'Learnt the basics of handling information.',
  },
  criteria: {
    narrative: { ja: '全課題を提出すること。', en: 'Hand in every assignment.' },
    url: 'https://www.example.ac.jp/criteria',
  },
  alignments: [
    {
      targetName: 'データリテラシー',
      targetUrl: 'https://www.example.ac.jp/skills/data',
      targetFramework: 'MDASH',
      targetCode: 'DL-1',
    },
  ],
};

export const buildWalletWebWorld = async (): Promise<WalletWebWorld> => {
  const smtp = await startTestSmtpServer();
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateDatabase(db);
  const world = await buildPolicyTestWorld(db);
  const config = { publicUrl: PUBLIC_URL, smtpUrl: smtp.url };
  const { context, masterKey } = createTestContext(db, { config });
  const profileA = (await insertTestIssuerProfile(context, world.orgA)).id;
  const testApp = buildTestApp({ db, masterKey, config });
  await testApp.app.ready();
  const { app } = testApp;
  const browserHeaders = (as: Record<string, string> | undefined) => ({
    accept: 'text/html,application/xhtml+xml',
    'accept-language': 'ja,en;q=0.8',
    ...(as?.cookie === undefined ? {} : { cookie: as.cookie }),
  });
  const api: WalletWebWorld['api'] = (method, url, as, payload) =>
    app.inject({
      method,
      url,
      headers: as,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const created = await api(
    'POST',
    `/api/v1/organisations/${world.orgA}/achievements`,
    world.headers['org-admin'],
    ACHIEVEMENT,
  );
  assert.equal(created.statusCode, 201, created.body);
  const achievementId = created.json<{ id: string }>().id;
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
  return {
    ...world,
    testApp,
    db,
    profileA,
    achievementId,
    api,
    mailTo,
    mailedToken: async (to, subject, page) =>
      findLinkToken(await mailTo(to, subject), `${PUBLIC_URL}${page}?token=`),
    award: async (email, body = {}) => {
      const response = await api(
        'POST',
        `/api/v1/organisations/${world.orgA}/achievements/${achievementId}/awards`,
        world.headers['org-admin'],
        { recipient: { email, name: '山田 花子' }, notify: false, ...body },
      );
      assert.equal(response.statusCode, 201, response.body);
      return response.json<{ award: { id: string } }>().award.id;
    },
    emailOf: async (userId) =>
      (
        await db.kysely
          .selectFrom('users')
          .select('email')
          .where('id', '=', userId)
          .executeTakeFirstOrThrow()
      ).email,
    get: (url, as) => app.inject({ method: 'GET', url, headers: browserHeaders(as) }),
    post: (url, fields, as) => {
      const form = new URLSearchParams();
      const csrf = as?.['x-csrf-token'];
      if (csrf !== undefined && !('_csrf' in fields)) form.append('_csrf', csrf);
      for (const [name, value] of Object.entries(fields)) {
        for (const one of typeof value === 'string' ? [value] : value) form.append(name, one);
      }
      return app.inject({
        method: 'POST',
        url,
        headers: { ...browserHeaders(as), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      });
    },
    close: async () => {
      await testApp.close();
      await smtp.close();
    },
  };
};

/** The learner's wallet badges after the wallet has matched their awards (`GET` syncs). */
export const walletItems = async (
  world: WalletWebWorld,
  as: Record<string, string>,
): Promise<{ id: string; awardId: string | null; name: string | null }[]> => {
  const response = await world.api('GET', '/api/v1/wallet/credentials', as);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ items: { id: string; awardId: string | null; name: string | null }[] }>()
    .items;
};

/** The value of the `content` attribute of a `<meta property|name="…">` tag. */
export const metaContent = (body: string, key: string): string | undefined =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(body)?.[1];

/** Unescapes the five characters the kit escapes. */
export const unescapeHtml = (text: string): string =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
