import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { insertTestOrganisation } from '../auth/test-factories.js';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { createMailer, type Mailer } from '../mail/mailer.js';
import { startTestSmtpServer } from '../mail/test-smtp-server.js';
import { enqueueAwardNotification } from './enqueue-award-notification.js';
import { createNotificationSender, type NotificationSenderOptions } from './notification-sender.js';
import {
  captureLog,
  createManualClock,
  KANJI_NAME,
  sampleNotificationInput,
  TEST_PUBLIC_URL,
} from './notification-test-factories.js';

const work = mkdtempSync(join(tmpdir(), 'akashi-notifications-'));
after(() => {
  rmSync(work, { recursive: true, force: true });
});

const MINUTE = 60_000;

const smtpMailer = (smtpUrl: string): Mailer =>
  createMailer({ dataDir: work, publicUrl: TEST_PUBLIC_URL, smtpUrl });

/** An SMTP URL where nothing listens (connection refused). */
const deadSmtpUrl = async (): Promise<string> => {
  const server = createServer();
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return `smtp://127.0.0.1:${String(port)}`;
};

const readRow = (db: Database, id: string) =>
  db.kysely.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const states = async (db: Database) =>
  (await db.kysely.selectFrom('notifications').select('state').execute())
    .map((row) => row.state)
    .sort();

const senderFor = (
  db: Database,
  mailer: Pick<Mailer, 'send'>,
  clock: () => Date,
  overrides: Partial<NotificationSenderOptions> = {},
) =>
  createNotificationSender({
    db,
    mailer,
    clock,
    publicUrl: TEST_PUBLIC_URL,
    log: captureLog().log,
    ...overrides,
  });

describe('the notification sender', () => {
  forEachDatabase(
    'delivers to the SMTP server in the chosen language, kanji name intact, claim link only when given',
    async (db) => {
      const smtp = await startTestSmtpServer();
      try {
        const org = await insertTestOrganisation(db);
        const { clock } = createManualClock();
        const ja = sampleNotificationInput(org, {
          to: 'hanako@example.ac.jp',
          claimUrl: `${TEST_PUBLIC_URL}/wallet/claim/c-1`,
        });
        const en = sampleNotificationInput(org, { to: 'ann@example.ac.jp', locale: 'en' });
        const jaId = await enqueueAwardNotification(db, ja, clock());
        await enqueueAwardNotification(db, en, clock());
        const sender = senderFor(db, smtpMailer(smtp.url), clock);
        const result = await sender.runOnce();
        assert.deepEqual(
          { claimed: result.claimed, sent: result.sent, failed: result.failed },
          { claimed: 2, sent: 2, failed: 0 },
        );

        const jaMail = await smtp.waitFor((mail) => mail.rcptTo.includes('hanako@example.ac.jp'));
        assert.equal(jaMail.subject, 'バッジが授与されました：データサイエンス基礎');
        assert.ok(jaMail.text.startsWith(`${KANJI_NAME} 様`), jaMail.text);
        assert.ok(jaMail.html.includes(`${KANJI_NAME} 様`));
        assert.ok(jaMail.text.includes(`${TEST_PUBLIC_URL}/badges/${ja.awardId}`));
        assert.ok(jaMail.html.includes(`href="${TEST_PUBLIC_URL}/badges/${ja.awardId}"`));
        assert.ok(jaMail.text.includes(`${TEST_PUBLIC_URL}/wallet/claim/c-1`));
        assert.ok(jaMail.text.includes('令和7年4月1日'));

        const enMail = await smtp.waitFor((mail) => mail.rcptTo.includes('ann@example.ac.jp'));
        assert.equal(enMail.subject, 'You have received a badge: Data Science Basics');
        assert.ok(enMail.text.startsWith(`Hello ${KANJI_NAME},`));
        assert.ok(enMail.text.includes(`${TEST_PUBLIC_URL}/badges/${en.awardId}`));
        assert.ok(!enMail.text.includes('/wallet/claim'), 'no claim link when none was given');
        assert.ok(!enMail.text.includes('ウォレットに受け取る'));

        const row = await readRow(db, jaId);
        assert.equal(row.state, 'sent');
        assert.equal(row.attempts, 1);
        assert.equal(row.sent_at, clock().toISOString());
        assert.equal((await sender.runOnce()).claimed, 0, 'a sent row is not sent again');
        assert.equal(smtp.messages().length, 2);
      } finally {
        await smtp.close();
      }
    },
  );

  forEachDatabase('escapes a hostile badge name in the HTML it sends', async (db) => {
    const smtp = await startTestSmtpServer();
    try {
      const org = await insertTestOrganisation(db);
      const { clock } = createManualClock();
      await enqueueAwardNotification(
        db,
        sampleNotificationInput(org, {
          badgeName: { ja: '<script>alert(1)</script>&<b>太字</b>' },
        }),
        clock(),
      );
      await senderFor(db, smtpMailer(smtp.url), clock).runOnce();
      const mail = await smtp.waitFor(() => true);
      assert.ok(!mail.html.includes('<script>'));
      assert.ok(!mail.html.includes('<b>太字'));
      assert.ok(mail.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&lt;b&gt;太字'));
      assert.equal(mail.subject, 'バッジが授与されました：<script>alert(1)</script>&<b>太字</b>');
    } finally {
      await smtp.close();
    }
  });

  forEachDatabase('retries after an SMTP failure, with backoff, then delivers', async (db) => {
    const smtp = await startTestSmtpServer();
    try {
      const org = await insertTestOrganisation(db);
      const { clock, advance } = createManualClock();
      const id = await enqueueAwardNotification(db, sampleNotificationInput(org), clock());
      let current = smtpMailer(await deadSmtpUrl());
      const mailer: Pick<Mailer, 'send'> = { send: (message, log) => current.send(message, log) };
      const sender = senderFor(db, mailer, clock);

      const first = await sender.runOnce();
      assert.equal(first.retried, 1);
      const failed = await readRow(db, id);
      assert.equal(failed.state, 'pending');
      assert.equal(failed.attempts, 1);
      assert.match(failed.last_error ?? '', /ECONNREFUSED/);
      assert.equal(failed.next_attempt_at, new Date(clock().getTime() + MINUTE).toISOString());

      current = smtpMailer(smtp.url);
      advance(30_000);
      assert.equal((await sender.runOnce()).claimed, 0, 'not due before its backoff ends');
      advance(30_000);
      const second = await sender.runOnce();
      assert.equal(second.sent, 1);
      const sent = await readRow(db, id);
      assert.equal(sent.state, 'sent');
      assert.equal(sent.attempts, 2);
      assert.equal(sent.last_error, null);
      await smtp.waitFor(() => true);
    } finally {
      await smtp.close();
    }
  });

  forEachDatabase('gives up after the last attempt', async (db) => {
    const org = await insertTestOrganisation(db);
    const { clock, advance } = createManualClock();
    const id = await enqueueAwardNotification(db, sampleNotificationInput(org), clock());
    const { log, lines } = captureLog();
    const sender = senderFor(db, smtpMailer(await deadSmtpUrl()), clock, {
      maxAttempts: 3,
      log,
    });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const result = await sender.runOnce();
      assert.equal(result.claimed, 1, `attempt ${String(attempt)}`);
      advance(10 * MINUTE);
    }
    const row = await readRow(db, id);
    assert.equal(row.state, 'failed');
    assert.equal(row.attempts, 3);
    assert.match(row.last_error ?? '', /ECONNREFUSED/);
    advance(24 * 60 * MINUTE);
    assert.equal((await sender.runOnce()).claimed, 0, 'a failed row is not tried again');
    assert.ok(lines.some((line) => line.level === 'warn' && /given up/.test(line.msg)));
  });

  forEachDatabase('fails at once when the SMTP server refuses the recipient', async (db) => {
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    try {
      const { port } = server.server.address() as AddressInfo;
      const org = await insertTestOrganisation(db);
      const { clock } = createManualClock();
      const id = await enqueueAwardNotification(db, sampleNotificationInput(org), clock());
      const sender = senderFor(db, smtpMailer(`smtp://127.0.0.1:${String(port)}`), clock);
      assert.equal((await sender.runOnce()).failed, 1);
      const row = await readRow(db, id);
      assert.equal(row.state, 'failed');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /No such user/);
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    }
  });

  forEachDatabase('pauses during an SMTP outage instead of burning every row', async (db) => {
    const org = await insertTestOrganisation(db);
    const { clock, advance } = createManualClock();
    for (let i = 0; i < 5; i += 1) {
      await enqueueAwardNotification(db, sampleNotificationInput(org), clock());
    }
    const sender = senderFor(db, smtpMailer(await deadSmtpUrl()), clock, { concurrency: 1 });
    const result = await sender.runOnce();
    assert.equal(result.retried, 1);
    assert.equal(result.released, 4);
    const rows = await db.kysely.selectFrom('notifications').select('attempts').execute();
    assert.deepEqual(rows.map((row) => row.attempts).sort(), [0, 0, 0, 0, 1]);
    assert.equal((await sender.runOnce()).claimed, 0, 'paused');
    advance(5_000);
    assert.equal((await sender.runOnce()).retried, 1, 'tries one again after the pause');
  });

  forEachDatabase('sends at most the allowed number a minute, and the rest later', async (db) => {
    const smtp = await startTestSmtpServer();
    try {
      const org = await insertTestOrganisation(db);
      const { clock, advance } = createManualClock();
      for (let i = 0; i < 5; i += 1) {
        await enqueueAwardNotification(
          db,
          sampleNotificationInput(org, { to: `s${String(i)}@example.ac.jp` }),
          clock(),
        );
      }
      const sender = senderFor(db, smtpMailer(smtp.url), clock, { ratePerMinute: 3, burst: 3 });
      assert.equal((await sender.runOnce()).sent, 3);
      const limited = await sender.runOnce();
      assert.equal(limited.claimed, 0);
      assert.equal(limited.rateLimited, true);
      assert.deepEqual(await states(db), ['pending', 'pending', 'sent', 'sent', 'sent']);
      advance(20_000);
      assert.equal((await sender.runOnce()).sent, 1, 'one token after 20 s at 3 a minute');
      advance(10_000);
      assert.equal((await sender.runOnce()).sent, 0);
      advance(10_000);
      assert.equal((await sender.runOnce()).sent, 1);
      assert.deepEqual(await states(db), ['sent', 'sent', 'sent', 'sent', 'sent']);
      assert.equal(smtp.messages().length, 5);
    } finally {
      await smtp.close();
    }
  });

  forEachDatabase('limits each recipient domain and puts the rest back unattempted', async (db) => {
    const smtp = await startTestSmtpServer();
    try {
      const org = await insertTestOrganisation(db);
      const { clock, advance } = createManualClock();
      const a1 = await enqueueAwardNotification(
        db,
        sampleNotificationInput(org, { to: 'a1@example.ac.jp' }),
        clock(),
      );
      const a2 = await enqueueAwardNotification(
        db,
        sampleNotificationInput(org, { to: 'a2@EXAMPLE.ac.jp' }),
        clock(),
      );
      const b1 = await enqueueAwardNotification(
        db,
        sampleNotificationInput(org, { to: 'b1@other.example' }),
        clock(),
      );
      const sender = senderFor(db, smtpMailer(smtp.url), clock, { perDomainPerMinute: 1 });
      const result = await sender.runOnce();
      assert.deepEqual([result.claimed, result.sent, result.released], [3, 2, 1]);
      assert.equal((await readRow(db, b1)).state, 'sent');
      const [first, second] = [await readRow(db, a1), await readRow(db, a2)];
      assert.deepEqual([first.state, second.state].sort(), ['pending', 'sent']);
      const waiting = first.state === 'pending' ? first : second;
      assert.equal(waiting.attempts, 0, 'a deferred row has not used an attempt');
      assert.equal(waiting.next_attempt_at, new Date(clock().getTime() + MINUTE).toISOString());
      advance(30_000);
      assert.equal((await sender.runOnce()).claimed, 0, 'not due before the domain has a token');
      advance(30_000);
      assert.equal((await sender.runOnce()).sent, 1);
    } finally {
      await smtp.close();
    }
  });

  forEachDatabase('makes a row due again when its sender died mid-send (lease)', async (db) => {
    const org = await insertTestOrganisation(db);
    const { clock, advance } = createManualClock();
    await enqueueAwardNotification(db, sampleNotificationInput(org), clock());
    let sending: () => void = () => undefined;
    const sendStarted = new Promise<void>((resolve) => {
      sending = resolve;
    });
    const never: Pick<Mailer, 'send'> = {
      send: () => {
        sending();
        return new Promise(() => undefined);
      },
    };
    const crashed = senderFor(db, never, clock, { leaseMs: 5 * MINUTE });
    void crashed.runOnce();
    await sendStarted;
    const smtp = await startTestSmtpServer();
    try {
      const other = senderFor(db, smtpMailer(smtp.url), clock);
      assert.equal((await other.runOnce()).claimed, 0, 'held by the first sender');
      advance(5 * MINUTE);
      assert.equal((await other.runOnce()).sent, 1);
    } finally {
      await smtp.close();
    }
  });

  forEachDatabase('runs by itself once started, and stops cleanly', async (db) => {
    const smtp = await startTestSmtpServer();
    try {
      const org = await insertTestOrganisation(db);
      const sender = senderFor(db, smtpMailer(smtp.url), () => new Date(), {
        pollIntervalMs: 20,
      });
      sender.start();
      await enqueueAwardNotification(db, sampleNotificationInput(org));
      await smtp.waitFor(() => true);
      await sender.stop();
      assert.deepEqual(await states(db), ['sent']);
    } finally {
      await smtp.close();
    }
  });
});

describe('the notification sender, on rows it cannot render', () => {
  forEachDatabase('marks them failed and goes on with the others', async (db) => {
    const smtp = await startTestSmtpServer();
    try {
      const org = await insertTestOrganisation(db);
      const { clock } = createManualClock();
      const bad = await enqueueAwardNotification(db, sampleNotificationInput(org), clock());
      await db.kysely
        .updateTable('notifications')
        .set({ params: '{"not":"params"}' })
        .where('id', '=', bad)
        .execute();
      await enqueueAwardNotification(db, sampleNotificationInput(org), clock());
      const result = await senderFor(db, smtpMailer(smtp.url), clock).runOnce();
      assert.deepEqual([result.sent, result.failed], [1, 1]);
      const row = await readRow(db, bad);
      assert.equal(row.state, 'failed');
      assert.match(row.last_error ?? '', /cannot be rendered/);
    } finally {
      await smtp.close();
    }
  });
});
