/**
 * Passkeys in a real browser: Chromium's virtual authenticator (DevTools protocol, WebAuthn
 * domain) stands in for a security key or a phone. The operator adds a passkey on the security
 * page (its first second factor: recovery codes are shown), signs out, and signs in with the
 * passkey alone — no e-mail, no password. The platform's public URL is `http://localhost:…`:
 * WebAuthn refuses an IP address as the relying party.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createScreenshotter, launchChromium } from './browser-session.js';
import { startPlatform, type PlatformProcess } from './platform-process.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const OPERATOR = {
  email: 'ops@example.ac.jp',
  password: 'operator passphrase 2026',
  name: '運営 花子',
};

describe('passkeys in a real browser', { timeout: 180_000 }, () => {
  let smtp: SmtpSink;
  let platform: PlatformProcess;
  let browser: Browser;
  let page: Page;
  const shot = createScreenshotter('passkeys');

  before(async () => {
    smtp = await startSmtpSink();
    platform = await startPlatform({ smtpUrl: smtp.url, host: 'localhost' });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'ja-JP' });
    page = await context.newPage();
    const devtools = await context.newCDPSession(page);
    await devtools.send('WebAuthn.enable');
    await devtools.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
  });

  after(async () => {
    await browser.close();
    await platform.stop();
    await smtp.close();
  });

  it('adds a passkey, then signs in with it alone', async () => {
    await page.goto(platform.setupUrl);
    await page.fill('[name=displayName]', OPERATOR.name);
    await page.fill('[name=email]', OPERATOR.email);
    await page.fill('[name=password]', OPERATOR.password);
    await page.locator('[data-testid=setup-submit]').click();
    await page.waitForURL(/\/operator/);

    await page.goto(`${platform.url}/account/security`);
    await page.fill('[name=passkeyName]', 'ノートPC');
    await page.fill('[name=passkeyPassword]', OPERATOR.password);
    await page.locator('[data-testid=passkey-add]').click();
    await page.waitForSelector('[data-testid=passkey-recovery-codes]:visible');
    await shot(page, 'passkey-added');
    await page.goto(`${platform.url}/account/security`);
    assert.equal(await page.locator('[data-testid=passkey-row]').count(), 1);
    assert.match(await page.locator('[data-testid=passkeys]').innerText(), /ノートPC/);

    await page.locator('form[action="/sign-out"] button').click();
    await page.waitForURL(`${platform.url}/`);
    await page.goto(`${platform.url}/sign-in?next=%2Faccount`);
    await page.locator('[data-testid=passkey-sign-in]').click();
    await page.waitForURL(`${platform.url}/account`);
    await shot(page, 'signed-in-with-passkey');
    assert.match(
      await page.locator('[data-testid=account-email]').innerText(),
      /ops@example\.ac\.jp/,
    );
  });
});
