import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe } from 'node:test';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import { buildTestApp } from '../http/build-test-app.js';
import type { ErrorEnvelope } from '../http/error-envelope.js';
import { startTestSmtpServer } from '../mail/test-smtp-server.js';
import { insertTestDepartment, insertTestMember } from '../policy/policy-test-world.js';
import { enqueueAwardNotification } from './enqueue-award-notification.js';
import { createNotificationRoutes, type NotificationRoutesOptions } from './notification-routes.js';
import type { NotificationSender } from './notification-sender.js';
import type { Notification, NotificationPage } from './notification-schemas.js';
import { KANJI_NAME, sampleNotificationInput } from './notification-test-factories.js';

const work = mkdtempSync(join(tmpdir(), 'akashi-notification-routes-'));
after(() => {
  rmSync(work, { recursive: true, force: true });
});

const routesWith = (options: NotificationRoutesOptions) => [
  { prefix: '/api/v1', routes: createNotificationRoutes(options) },
];

describe('notification routes', () => {
  forEachDatabase(
    'staff read the sending log and re-send; the policy decides who may',
    async (db) => {
      const smtp = await startTestSmtpServer();
      let sender: NotificationSender | undefined;
      const test = buildTestApp({
        db,
        config: { smtpUrl: smtp.url, dataDir: work },
        // A slow poll: this test drives the sender itself.
        routes: routesWith({ sender: { pollIntervalMs: 600_000 }, onSender: (s) => (sender = s) }),
      });
      try {
        const { app } = test;
        const org = await insertTestOrganisation(db);
        const other = await insertTestOrganisation(db);
        const dept = await insertTestDepartment(db, org, '工学部');
        const otherDept = await insertTestDepartment(db, org, '文学部');
        const viewer = await insertTestMember(db, org, 'viewer');
        const issuer = await insertTestMember(db, org, 'issuer', { departmentIds: [dept] });
        const outsider = await insertTestMember(db, org, 'issuer', { departmentIds: [otherDept] });
        const admin = await insertTestMember(db, org, 'org_admin');
        const otherAdmin = await insertTestMember(db, other, 'org_admin');
        const inDept = await enqueueAwardNotification(
          db,
          sampleNotificationInput(org, { departmentId: dept }),
        );
        const orgWide = await enqueueAwardNotification(db, sampleNotificationInput(org));
        await app.ready();
        assert.ok(sender);
        assert.equal((await sender.runOnce()).sent, 2);

        const url = `/api/v1/organisations/${org}/notifications`;
        const list = await app.inject({ url, headers: viewer.headers });
        assert.equal(list.statusCode, 200, list.body);
        const page = list.json<NotificationPage>();
        assert.equal(page.notifications.length, 2);
        assert.equal(page.nextOffset, null);
        const first = page.notifications.find((n) => n.id === inDept);
        assert.equal(first?.state, 'sent');
        assert.equal(first.recipientName, KANJI_NAME);
        assert.deepEqual(first.badgeName, {
          ja: 'データサイエンス基礎',
          en: 'Data Science Basics',
        });
        assert.equal(first.nextAttemptAt, null);
        const failed = await app.inject({ url: `${url}?state=failed`, headers: viewer.headers });
        assert.equal(failed.json<NotificationPage>().notifications.length, 0);
        const byAward = await app.inject({
          url: `${url}?awardId=${first.awardId ?? ''}&limit=1`,
          headers: viewer.headers,
        });
        assert.deepEqual(
          byAward.json<NotificationPage>().notifications.map((n) => n.id),
          [inDept],
        );
        const paged = await app.inject({ url: `${url}?limit=1`, headers: viewer.headers });
        assert.equal(paged.json<NotificationPage>().nextOffset, 1);
        const foreign = await app.inject({ url, headers: otherAdmin.headers });
        assert.equal(foreign.statusCode, 403);

        const resend = (id: string, headers: Record<string, string>) =>
          app.inject({ method: 'POST', url: `${url}/${id}/resend`, headers });
        assert.equal((await resend(inDept, viewer.headers)).statusCode, 403);
        assert.equal((await resend(inDept, outsider.headers)).statusCode, 403);
        const resent = await resend(inDept, issuer.headers);
        assert.equal(resent.statusCode, 202, resent.body);
        const copy = resent.json<Notification>();
        assert.equal(copy.state, 'pending');
        assert.equal(copy.resentFromId, inDept);
        const again = await resend(inDept, issuer.headers);
        assert.equal(again.statusCode, 409);
        assert.equal(again.json<ErrorEnvelope>().error.code, 'ERR_NOTIFICATION_STILL_PENDING');

        // An organisation-wide award's notification: org admins only, for now.
        assert.equal((await resend(orgWide, issuer.headers)).statusCode, 403);
        assert.equal((await resend(orgWide, admin.headers)).statusCode, 202);
        const missing = await resend('00000000-0000-4000-8000-000000000000', admin.headers);
        assert.equal(missing.statusCode, 404);
        assert.equal(missing.json<ErrorEnvelope>().error.code, 'ERR_NOTIFICATION_NOT_FOUND');
        assert.equal((await resend(inDept, otherAdmin.headers)).statusCode, 403);

        assert.equal((await sender.runOnce()).sent, 2);
        assert.equal(smtp.messages().length, 4);
        const audited = await db.kysely
          .selectFrom('audit_events')
          .select(['action', 'target_id'])
          .where('action', '=', 'notification.resend')
          .execute();
        assert.equal(audited.length, 2);
        assert.ok(audited.some((event) => event.target_id === copy.id));
      } finally {
        await test.close();
        await smtp.close();
      }
    },
  );

  forEachDatabase('the app sends on its own once ready and closes promptly', async (db) => {
    const smtp = await startTestSmtpServer();
    const test = buildTestApp({
      db,
      config: { smtpUrl: smtp.url, dataDir: work },
      routes: routesWith({ sender: { pollIntervalMs: 20 } }),
    });
    try {
      const org = await insertTestOrganisation(db);
      await test.app.ready();
      await enqueueAwardNotification(
        db,
        sampleNotificationInput(org, { to: 'ready@example.ac.jp' }),
      );
      const mail = await smtp.waitFor((m) => m.rcptTo.includes('ready@example.ac.jp'));
      assert.equal(mail.subject, 'バッジが授与されました：データサイエンス基礎');
    } finally {
      const started = Date.now();
      await test.close();
      assert.ok(Date.now() - started < 2000, 'app.close() does not hang');
      await smtp.close();
    }
  });
});
