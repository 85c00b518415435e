/**
 * Test support for claim links, further addresses and account deletion: the whole platform on a
 * given database (an approved organisation with an issuer and an achievement, from
 * `awards/award-test-world.ts`) with a real SMTP server on loopback, so that e-mails are read as
 * they arrived, and the steps the tests share: issue an award (its e-mail queued), read the claim
 * link from the queued notification, make a learner with a session. Not for production code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildAwardTestWorld, type AwardTestWorld } from '../awards/award-test-world.js';
import { insertTestUser, signInForTest } from '../auth/test-factories.js';
import type { Database } from '../db/open-database.js';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server.js';
import type { TestMail } from '../mail/read-test-mail.js';
import type { NotificationParams } from '../notifications/notification-params.js';

export const PUBLIC_URL = 'https://badges.example.ac.jp';

export interface Learner {
  readonly id: string;
  readonly email: string;
  readonly headers: Record<string, string>;
}

export interface ClaimTestWorld {
  readonly world: AwardTestWorld;
  readonly db: Database;
  readonly smtp: TestSmtpServer;
  /** Issues an award of the world's achievement to `email` (typed as given); its id. */
  issue(email: string, options?: { notify?: boolean }): Promise<string>;
  /** The claim link of the award's queued e-mail. */
  claimLink(awardId: string): Promise<URL>;
  /** A new account (address confirmed, no password) signed in. */
  learner(options?: { email?: string; secondFactor?: boolean }): Promise<Learner>;
  /** Calls the API as the given headers. */
  call(
    method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** Waits for the next e-mail to `to` (any case) whose subject contains `subject`. */
  mailTo(to: string, subject: string): Promise<TestMail>;
  close(): Promise<void>;
}

export const errorCode = (response: LightMyRequestResponse): string =>
  response.json<{ error: { code: string } }>().error.code;

export const startClaimTestWorld = async (db: Database): Promise<ClaimTestWorld> => {
  const smtp = await startTestSmtpServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'akashi-claims-'));
  const world = await buildAwardTestWorld(db, {
    config: { smtpUrl: smtp.url, dataDir, publicUrl: PUBLIC_URL },
  });
  const { app } = world.test;
  const issuing = await world.apiKey(['badges:issue', 'badges:read', 'badges:revoke']);
  const seen = new Set<TestMail>();
  let counter = 0;

  return {
    world,
    db,
    smtp,
    issue: async (email, options = {}) => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${world.organisationId}/achievements/${world.achievement.id}/awards`,
        headers: issuing,
        payload: { recipient: { email }, notify: options.notify ?? true },
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json<{ award: { id: string } }>().award.id;
    },
    claimLink: async (awardId) => {
      const row = await db.kysely
        .selectFrom('notifications')
        .select('params')
        .where('award_id', '=', awardId)
        .executeTakeFirstOrThrow();
      const { claimUrl } = JSON.parse(row.params) as NotificationParams;
      assert.ok(claimUrl !== null, 'the award e-mail carries a claim link');
      return new URL(claimUrl);
    },
    learner: async (options = {}) => {
      counter += 1;
      const user = await insertTestUser(db, {
        email: options.email ?? `learner-${String(counter)}-${Date.now().toString(36)}@example.jp`,
      });
      const headers = await signInForTest(db, user.id, {
        secondFactor: options.secondFactor === true,
      });
      return { id: user.id, email: user.email, headers };
    },
    call: (method, url, headers, payload) =>
      app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      }),
    mailTo: async (to, subject) => {
      const mail = await smtp.waitFor(
        (candidate) =>
          !seen.has(candidate) &&
          candidate.rcptTo.some((address) => address.toLowerCase() === to.toLowerCase()) &&
          candidate.subject.includes(subject),
      );
      seen.add(mail);
      return mail;
    },
    close: async () => {
      await world.test.close();
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
