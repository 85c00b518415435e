/**
 * The web app end to end in a real browser (Debian's Chromium, playwright-core) against the
 * platform started as a process (`npm start`'s entry point, embedded SQLite, mails through a
 * loopback SMTP server): the operator sets up the platform with TOTP; an organisation applies and
 * is approved; its admin designs a badge with an image, awards it to one person and in bulk from
 * a CSV with one bad row; the public badge page shows it valid, then revoked; the verification
 * page says valid for a baked PNG and tampered for a changed JSON; the language switch; the main
 * pages at phone width and through axe-core. Screenshots of every step: e2e/artifacts/web-app/.
 */
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { buildPng } from '../../packages/server/src/images/image-test-factories.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  assertAccessible,
  assertFitsWidth,
  createScreenshotter,
  launchChromium,
} from './browser-session.js';
import { startPlatform, type PlatformProcess } from './platform-process.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const OPERATOR = {
  email: 'ops@example.ac.jp',
  password: 'operator passphrase 2026',
  name: '運営 太郎',
};
const ADMIN = {
  email: 'office@akashi-u.example.ac.jp',
  password: 'admin passphrase 2026',
  name: '証 花子',
};
const LEARNER = 'learner@example.ac.jp';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const submit = async (page: Page, field: string): Promise<void> => {
  await Promise.all([
    page.waitForLoadState('load'),
    page.locator(`form:has([name="${field}"]) button[type=submit]`).first().click(),
  ]);
};

const totpNow = (secret: string): string =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')) }).generate();

describe('the web app in a real browser', { timeout: 300_000 }, () => {
  let smtp: SmtpSink;
  let platform: PlatformProcess;
  let browser: Browser;
  let operatorContext: BrowserContext;
  let adminContext: BrowserContext;
  let operator: Page;
  let admin: Page;
  const shot = createScreenshotter('web-app');
  const files = mkdtempSync(join(tmpdir(), 'akashi-browser-files-'));
  let organisationConsole = '';
  let achievementPath = '';
  let awardId = '';

  before(async () => {
    smtp = await startSmtpSink();
    platform = await startPlatform({ smtpUrl: smtp.url });
    browser = await launchChromium();
    const contextOptions = { viewport: DESKTOP, locale: 'ja-JP', bypassCSP: true };
    operatorContext = await browser.newContext(contextOptions);
    adminContext = await browser.newContext(contextOptions);
    operator = await operatorContext.newPage();
    admin = await adminContext.newPage();
  });

  after(async () => {
    await browser.close();
    await platform.stop();
    await smtp.close();
  });

  it('the operator sets up the platform from the first-run link', async () => {
    await operator.goto(platform.setupUrl);
    await shot(operator, 'setup');
    await operator.fill('[name=displayName]', OPERATOR.name);
    await operator.fill('[name=email]', OPERATOR.email);
    await operator.fill('[name=password]', OPERATOR.password);
    await submit(operator, 'password');
    await operator.waitForURL(/\/operator/);
    await shot(operator, 'operator-console');
  });

  it('the operator turns on TOTP and signs in again with a code', async () => {
    await operator.goto(`${platform.url}/account/security`);
    await operator.fill('form:has([data-testid=totp-start]) [name=password]', OPERATOR.password);
    await operator.locator('[data-testid=totp-start]').click();
    await operator.waitForSelector('[data-testid=totp-qr]');
    const secret = (await operator.locator('[data-testid=totp-secret]').innerText()).trim();
    await shot(operator, 'totp-qr');
    await operator.fill('[name=code]', totpNow(secret));
    await operator.locator('[data-testid=totp-confirm]').click();
    await operator.waitForSelector('[data-testid=recovery-codes]');
    await shot(operator, 'recovery-codes');
    // Sign out, sign in: the second factor is asked for.
    await operator.locator('form[action="/sign-out"] button').click();
    await operator.waitForURL(`${platform.url}/`);
    await operator.goto(`${platform.url}/sign-in`);
    await operator.fill('[name=email]', OPERATOR.email);
    await operator.fill('[name=password]', OPERATOR.password);
    await submit(operator, 'password');
    await operator.waitForURL(/\/sign-in\/second-factor/);
    await shot(operator, 'second-factor');
    // A code of the next 30-second window would be refused once used: wait for a fresh one when
    // the set-up code's window is still current.
    let code = totpNow(secret);
    await operator.fill('[name=code]', code);
    await submit(operator, 'code');
    if (operator.url().includes('second-factor')) {
      await operator.waitForTimeout(31_000);
      code = totpNow(secret);
      await operator.fill('[name=code]', code);
      await submit(operator, 'code');
    }
    assert.doesNotMatch(operator.url(), /sign-in/);
  });

  it('an organisation signs up, confirms its e-mail, applies, and the operator approves it', async () => {
    await admin.goto(`${platform.url}/sign-up`);
    await admin.fill('[name=displayName]', ADMIN.name);
    await admin.fill('[name=email]', ADMIN.email);
    await admin.fill('[name=password]', ADMIN.password);
    await submit(admin, 'password');
    await admin.waitForSelector('[data-testid=sign-up-done]');
    const link = await smtp.waitForLink(ADMIN.email, '/verify-email?token=');
    await admin.goto(link);
    await admin.locator('[data-testid=verify-email-confirm]').click();
    await admin.waitForSelector('[data-testid=verify-email-done]');
    await admin.goto(`${platform.url}/sign-in`);
    await admin.fill('[name=email]', ADMIN.email);
    await admin.fill('[name=password]', ADMIN.password);
    await submit(admin, 'password');
    await admin.goto(`${platform.url}/apply`);
    await admin.fill('[name=legalName]', '国立証大学');
    await admin.fill('[name=nameEn]', 'Akashi National University');
    await admin.fill('[name=domain]', 'akashi-u.example.ac.jp');
    await admin.fill('[name=contactEmail]', ADMIN.email);
    await admin.selectOption('[name=type]', 'university');
    await admin.fill('[name=justification]', '学修成果の証明のためにオープンバッジを発行します。');
    await admin.locator('[data-testid=apply-submit]').click();
    await admin.waitForSelector('[data-testid=application-status]');
    await shot(admin, 'application-pending');

    await operator.goto(`${platform.url}/operator`);
    await shot(operator, 'pending-applications');
    await operator.locator('[data-testid=application-link]').first().click();
    await operator.locator('[data-testid=approve]').click();
    await operator.waitForURL(/done=approved/);
    await shot(operator, 'approved');
  });

  it('the organisation designs a badge with an image', async () => {
    await admin.goto(`${platform.url}/console`);
    await admin.waitForURL(/\/console\/[0-9a-f-]{36}/);
    organisationConsole = new URL(admin.url()).pathname.replace(/\/$/, '');
    await admin.goto(`${platform.url}${organisationConsole}/achievements/new`);
    await admin.fill('[name="name.ja"]', 'データサイエンス基礎');
    await admin.fill(
      '[name="description.ja"]',
      'データサイエンスの基礎を修得したことを証明します。',
    );
    await admin.fill('[name="criteria.narrative.ja"]', '最終試験で 60 点以上を取ること。');
    await shot(admin, 'achievement-editor');
    await admin.locator('[data-testid=save-achievement]').click();
    await admin.waitForURL(/\/achievements\/[0-9a-f-]{36}/);
    achievementPath = new URL(admin.url()).pathname.replace(/\/edit$/, '');
    const image = join(files, 'badge.png');
    writeFileSync(image, buildPng({ width: 96, height: 96 }));
    await admin.setInputFiles('[data-testid=achievement-image-input]', image);
    await admin.locator('[data-testid=upload-image]').click();
    await admin.waitForURL(/done=image/);
    assert.ok(await admin.locator('[data-testid=achievement-image]').isVisible());
    await shot(admin, 'achievement-with-image');
  });

  it('awards it to one person; the public badge page shows it valid', async () => {
    await admin.goto(`${platform.url}${achievementPath}/award`);
    await admin.fill('[name=email]', LEARNER);
    await admin.fill('[name=name]', '山田 太郎');
    await admin.locator('[data-testid=award-submit]').click();
    await admin.waitForURL(/\/awards\/[0-9a-f-]{36}/);
    awardId = /\/awards\/([0-9a-f-]{36})/.exec(admin.url())?.[1] ?? '';
    assert.equal(
      await admin.locator('[data-testid=award-status]').getAttribute('data-status'),
      'active',
    );
    await shot(admin, 'award');
    await admin.goto(`${platform.url}/badges/${awardId}`);
    await shot(admin, 'badge-page-valid');
    assert.match(await admin.locator('main').innerText(), /有効/);
  });

  it('awards it in bulk from a CSV with one bad row', async () => {
    const csv = join(files, 'awards.csv');
    writeFileSync(
      csv,
      'email,name\r\nhanako@example.ac.jp,証 花子\r\nnot-an-address,誤り 行\r\njiro@example.ac.jp,山田 次郎\r\n',
    );
    await admin.goto(`${platform.url}${achievementPath}/bulk`);
    await admin.setInputFiles('[data-testid=bulk-file]', csv);
    await admin.locator('[data-testid=bulk-upload-submit]').click();
    await admin.waitForSelector('[data-testid=bulk-row-error]');
    assert.equal(await admin.locator('[data-testid=bulk-row-error]').count(), 1);
    await shot(admin, 'bulk-preview');
    await admin.locator('[data-testid=bulk-confirm]').click();
    await admin.waitForSelector('[data-testid=bulk-summary]', { timeout: 60_000 });
    await shot(admin, 'bulk-summary');
  });

  it('the verification page says valid for a baked PNG and tampered for a changed JSON', async () => {
    const baked = await admin.request.get(`${platform.url}/badges/${awardId}/image`);
    const bakedFile = join(files, 'baked.png');
    writeFileSync(bakedFile, await baked.body());
    const verifier = await browser.newPage({ viewport: DESKTOP, locale: 'ja-JP' });
    await verifier.goto(`${platform.url}/verify`);
    await shot(verifier, 'verify-page');
    await verifier.setInputFiles('[data-testid=verify-file]', bakedFile);
    await verifier.locator('[data-testid=verify-submit-file]').click();
    await verifier.waitForSelector('[data-testid=verdict]');
    assert.equal(
      await verifier.locator('[data-testid=verdict]').getAttribute('data-verdict'),
      'valid',
    );
    await shot(verifier, 'verify-valid');

    const credential = (await (
      await admin.request.get(`${platform.url}/badges/${awardId}/credential.json`)
    ).json()) as {
      credentialSubject: { achievement: { name: unknown } };
    };
    credential.credentialSubject.achievement.name = '改ざんされたバッジ';
    await verifier.goto(`${platform.url}/verify`);
    await verifier.fill('[data-testid=verify-text]', JSON.stringify(credential));
    await verifier.locator('[data-testid=verify-submit-text]').click();
    await verifier.waitForSelector('[data-testid=verdict]');
    assert.equal(
      await verifier.locator('[data-testid=verdict]').getAttribute('data-verdict'),
      'tampered',
    );
    await shot(verifier, 'verify-tampered');
    await verifier.close();
  });

  it('revokes the award; the badge page then shows it revoked', async () => {
    await admin.goto(`${platform.url}${organisationConsole}/awards/${awardId}`);
    await admin.fill('[data-testid=revoke-reason]', '誤って授与したため');
    await admin.locator('[data-testid=revoke]').click();
    await admin.waitForURL(/done=revoked/);
    assert.equal(
      await admin.locator('[data-testid=award-status]').getAttribute('data-status'),
      'revoked',
    );
    await admin.goto(`${platform.url}/badges/${awardId}`);
    assert.match(await admin.locator('main').innerText(), /取り消/);
    await shot(admin, 'badge-page-revoked');
  });

  it('switches the language', async () => {
    await admin.goto(`${platform.url}/`);
    assert.equal(await admin.locator('html').getAttribute('lang'), 'ja');
    await admin.locator('[data-testid=language-switch]').click();
    await admin.waitForLoadState('load');
    assert.equal(await admin.locator('html').getAttribute('lang'), 'en');
    await shot(admin, 'english-home');
    await admin.goto(`${platform.url}${organisationConsole}/awards`);
    assert.equal(await admin.locator('html').getAttribute('lang'), 'en');
    await admin.locator('[data-testid=language-switch]').click();
    await admin.waitForLoadState('load');
    assert.equal(await admin.locator('html').getAttribute('lang'), 'ja');
  });

  it('the main pages fit a phone and pass axe-core with no serious violation', async () => {
    const pages = [
      ['home', '/'],
      ['verify', '/verify'],
      ['organisations', '/organisations'],
      ['badge', `/badges/${awardId}`],
      ['console', organisationConsole],
      ['achievements', `${organisationConsole}/achievements`],
      ['achievement-editor', `${organisationConsole}/achievements/new`],
      ['awards', `${organisationConsole}/awards`],
      ['award', `${organisationConsole}/awards/${awardId}`],
      ['account-security', '/account/security'],
    ] as const;
    for (const [viewport, label] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      await admin.setViewportSize(viewport);
      for (const [name, path] of pages) {
        await admin.goto(`${platform.url}${path}`);
        if (label === 'phone') {
          await assertFitsWidth(admin, name);
          await shot(admin, `phone-${name}`);
        } else {
          await assertAccessible(admin, name);
        }
      }
    }
    await operator.goto(`${platform.url}/operator`);
    await assertAccessible(operator, 'operator');
    await operator.goto(`${platform.url}/sign-in`);
  });
});
