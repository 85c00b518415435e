import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isServerError } from '../http/server-error.js';
import { resetPasswordMail, verifyEmailMail } from './account-mail-templates.js';
import { createMailer, readMailFrom, type MailLog } from './mailer.js';
import { readTestMail } from './read-test-mail.js';
import { renderMail } from './render-mail.js';
import { startTestSmtpServer } from './test-smtp-server.js';

const PUBLIC_URL = 'https://badges.example.ac.jp';
const LINK = `${PUBLIC_URL}/verify-email?token=abc_DEF-123`;

const captureLog = () => {
  const lines: { level: string; fields: Record<string, unknown>; msg: string }[] = [];
  const record =
    (level: string) =>
    (fields: unknown, msg?: string): void => {
      lines.push({ level, fields: fields as Record<string, unknown>, msg: msg ?? '' });
    };
  const log: MailLog = { info: record('info'), warn: record('warn'), error: record('error') };
  return { log, lines };
};

const work = mkdtempSync(join(tmpdir(), 'akashi-mail-'));
after(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the mailer', () => {
  it('sends through SMTP: UTF-8 subject, text and HTML parts, the name escaped in HTML', async () => {
    const smtp = await startTestSmtpServer();
    try {
      const mailer = createMailer({ dataDir: work, publicUrl: PUBLIC_URL, smtpUrl: smtp.url });
      assert.equal(mailer.via, 'smtp');
      const displayName = '<b>髙橋</b> & 﨑山';
      const rendered = renderMail(
        verifyEmailMail('ja', { displayName, link: LINK }),
        'ja',
        PUBLIC_URL,
      );
      const { log } = captureLog();
      const delivery = await mailer.send(
        { to: 'takahashi@example.ac.jp', ...rendered, link: LINK },
        log,
      );
      assert.equal(delivery.via, 'smtp');
      const mail = await smtp.waitFor(() => true);
      assert.deepEqual(mail.rcptTo, ['takahashi@example.ac.jp']);
      assert.equal(mail.subject, '【Akashi】メールアドレスの確認');
      assert.match(
        mail.headers.get('subject') ?? '',
        /^=\?UTF-8\?[BQ]\?/i,
        'encoded-words on the wire',
      );
      assert.ok(/^[\x20-\x7e\r\n\t]*$/.test(mail.raw), 'the message itself is 7-bit');
      assert.ok(mail.text.startsWith(`${displayName} 様`));
      assert.ok(mail.text.includes(LINK));
      assert.ok(mail.html.includes('&lt;b&gt;髙橋&lt;/b&gt; &amp; 﨑山 様'));
      assert.ok(!mail.html.includes('<b>髙橋'));
      assert.ok(mail.html.includes(`href="${LINK}"`));
      assert.equal(mail.from, 'Akashi <no-reply@badges.example.ac.jp>');
    } finally {
      await smtp.close();
    }
  });

  it('writes to AKASHI_DATA_DIR/outbox without SMTP_URL, and logs the link', async () => {
    const dataDir = join(work, 'outbox-test');
    const mailer = createMailer(
      { dataDir, publicUrl: PUBLIC_URL, mailFrom: '証明書事務局 <certificates@example.ac.jp>' },
      () => new Date('2026-04-01T09:30:00.123Z'),
    );
    assert.equal(mailer.via, 'outbox');
    const { log, lines } = captureLog();
    const rendered = renderMail(
      resetPasswordMail('en', { displayName: 'Ann', link: LINK }),
      'en',
      PUBLIC_URL,
    );
    mailer.queue({ to: 'ann@example.ac.jp', ...rendered, link: LINK }, log);
    await mailer.drain();
    const files = readdirSync(join(dataDir, 'outbox'));
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^20260401T093000123Z-[0-9a-f-]{36}\.eml$/);
    const file = join(dataDir, 'outbox', files[0]!);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const mail = readTestMail(readFileSync(file, 'utf8'));
    assert.equal(mail.subject, 'Reset your Akashi password');
    assert.equal(mail.to, 'ann@example.ac.jp');
    assert.equal(mail.from, '証明書事務局 <certificates@example.ac.jp>');
    assert.ok(mail.text.includes(LINK));
    assert.ok(mail.raw.includes('\r\n'), 'CRLF line ends, as .eml files have');
    const line = lines.find((entry) => entry.level === 'info');
    assert.equal(line?.fields.link, LINK);
    assert.equal(line.fields.file, file);
  });

  it('reports an unreachable SMTP server: ERR_MAIL_UNAVAILABLE from send, a log line from queue', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      closed.close(() => {
        resolve();
      });
    });
    const mailer = createMailer({
      dataDir: work,
      publicUrl: PUBLIC_URL,
      smtpUrl: `smtp://user:hunter2@127.0.0.1:${port}`,
    });
    const { log, lines } = captureLog();
    const message = { to: 'x@example.ac.jp', subject: 's', text: 't', html: '<p>t</p>' };
    await assert.rejects(mailer.send(message, log), (error: unknown) => {
      assert.ok(isServerError(error));
      assert.equal(error.code, 'ERR_MAIL_UNAVAILABLE');
      assert.equal(error.status, 503);
      assert.ok(!error.message.includes('hunter2'));
      return true;
    });
    mailer.queue(message, log);
    await mailer.drain();
    assert.equal(lines.filter((entry) => entry.level === 'error').length, 2);
  });

  it('defaults the sender to no-reply at the public host', () => {
    assert.equal(
      readMailFrom({ publicUrl: 'http://localhost:3000' }),
      'Akashi <no-reply@localhost>',
    );
    assert.equal(
      readMailFrom({ publicUrl: PUBLIC_URL, mailFrom: 'badges@example.ac.jp' }),
      'badges@example.ac.jp',
    );
  });
});
