import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

describe('loadConfig: e-mail (SMTP_URL, MAIL_FROM)', () => {
  it('leaves both out when unset: e-mails then go to the outbox, from no-reply', () => {
    const config = loadConfig({}, { cwd: '/srv' });
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.mailFrom, undefined);
    assert.ok(!('smtpUrl' in config) && !('mailFrom' in config));
  });

  it('reads smtp:// and smtps:// URLs and a sender with or without a name', () => {
    const config = loadConfig(
      {
        SMTP_URL: 'smtps://badges:secret@smtp.example.ac.jp:465',
        MAIL_FROM: '証明書事務局 <no-reply@example.ac.jp>',
      },
      { cwd: '/srv' },
    );
    assert.equal(config.smtpUrl, 'smtps://badges:secret@smtp.example.ac.jp:465');
    assert.equal(config.mailFrom, '証明書事務局 <no-reply@example.ac.jp>');
    assert.equal(
      loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'a@example.jp' }).mailFrom,
      'a@example.jp',
    );
  });

  it('names both variables when both are wrong, in English and Japanese', () => {
    assert.throws(
      () => loadConfig({ SMTP_URL: 'https://smtp.example.ac.jp', MAIL_FROM: 'no address here' }),
      (error: unknown) => {
        assert.ok(isConfigError(error));
        assert.deepEqual(
          error.issues.map((issue) => issue.variable),
          ['SMTP_URL', 'MAIL_FROM'],
        );
        assert.match(error.message, /SMTP_URL: must be a URL such as smtps:\/\//);
        assert.match(error.ja, /MAIL_FROM: メールアドレス/);
        return true;
      },
    );
    assert.throws(() => loadConfig({ SMTP_URL: 'not a url' }), isConfigError);
    assert.throws(() => loadConfig({ MAIL_FROM: 'Akashi <no-reply@example.jp' }), isConfigError);
  });
});
