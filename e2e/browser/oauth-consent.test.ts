/**
 * The OAuth consent screen end to end in a real browser (Debian's Chromium, playwright-core)
 * against the platform started as a process. An application registers itself over HTTP (RFC
 * 7591); its redirect URI is a loopback HTTP server that records what the browser brings back.
 * A learner opens the authorization URL signed out, signs in from it and comes back to the
 * consent screen in Japanese; the language switch gives it in English; "Allow" sends the browser
 * to the application with a code (which the token endpoint takes) and the state; "Deny" sends it
 * back with `error=access_denied`; an unknown application gets an error page that stays on the
 * platform; the grant is listed under /account/connected-apps and withdrawn there. The consent
 * screen fits a 390 px phone and passes axe-core. The flow runs under the pages' real
 * Content-Security-Policy (its `form-action` governs the redirect after "Allow"); axe-core runs
 * in a second context that bypasses it. Screenshots: e2e/artifacts/oauth/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  assertAccessible,
  assertFitsWidth,
  createScreenshotter,
  launchChromium,
} from './browser-session.js';
import {
  authorizationRequest,
  exchangeCode,
  registerApplication,
  signUpLearner,
  type RegisteredApplication,
} from './oauth-platform-client.js';
import { startRedirectReceiver, type RedirectReceiver } from './oauth-redirect-receiver.js';
import { startPlatform, type PlatformProcess } from './platform-process.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const LEARNER = {
  email: 'hanako.yamada@example.ac.jp',
  password: 'learner passphrase 2026',
  name: '山田 花子',
};
const APPLICATION = 'まなびポートフォリオ';
const SCOPE = [
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
].join(' ');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const text = async (page: Page, testId: string): Promise<string> =>
  (await page.locator(`[data-testid=${testId}]`).innerText()).replace(/\s+/g, ' ').trim();

describe('the OAuth consent screen in a real browser', { timeout: 240_000 }, () => {
  let smtp: SmtpSink;
  let platform: PlatformProcess;
  let receiver: RedirectReceiver;
  let browser: Browser;
  let context: BrowserContext;
  let learner: Page;
  let application: RegisteredApplication;
  const shot = createScreenshotter('oauth');

  before(async () => {
    smtp = await startSmtpSink();
    platform = await startPlatform({ smtpUrl: smtp.url });
    receiver = await startRedirectReceiver();
    browser = await launchChromium();
    // The real policy applies here (no bypassCSP).
    context = await browser.newContext({ viewport: DESKTOP, locale: 'ja-JP' });
    learner = await context.newPage();
    await signUpLearner(platform, smtp, LEARNER);
    application = await registerApplication(platform, {
      name: APPLICATION,
      origin: receiver.origin,
      redirectUri: receiver.redirectUri,
    });
  });

  after(async () => {
    await browser.close();
    await receiver.close();
    await platform.stop();
    await smtp.close();
  });

  it('signed out, the learner signs in from the authorization URL and sees the consent screen in Japanese', async () => {
    const request = authorizationRequest(platform, application, receiver.redirectUri, SCOPE);
    await learner.goto(request.url);
    await learner.waitForSelector('[data-testid=oauth-signed-out]');
    await shot(learner, 'signed-out');
    await learner.locator('[data-testid=oauth-sign-in]').click();
    await learner.waitForURL(/\/sign-in\?next=%2Foauth%2Fauthorize/);
    await learner.fill('[name=email]', LEARNER.email);
    await learner.fill('[name=password]', LEARNER.password);
    await Promise.all([
      learner.waitForURL((url) => url.pathname === '/oauth/authorize'),
      learner.locator('form:has([name="password"]) button[type=submit]').first().click(),
    ]);
    // Back with the whole request.
    assert.equal(new URL(learner.url()).search, new URL(request.url).search);
    await learner.waitForSelector('[data-testid=oauth-consent]');
    assert.equal(
      await text(learner, 'oauth-heading'),
      `「${APPLICATION}」があなたの Akashi アカウントへのアクセスを求めています`,
    );
    assert.equal(await text(learner, 'oauth-client-host'), new URL(receiver.origin).host);
    assert.match(await text(learner, 'oauth-account'), new RegExp(LEARNER.name));
    const scopes = learner.locator('[data-testid=oauth-scope]');
    assert.deepEqual(await scopes.allInnerTexts(), [
      'あなたのバッジ（Open Badges 3.0 の資格情報）の読み取り',
      'あなたの Open Badges プロフィールの読み取り',
    ]);
    assert.equal(await text(learner, 'oauth-allow'), '許可する');
    assert.equal(await text(learner, 'oauth-deny'), '拒否する');
    assert.equal(
      await learner.locator('[data-testid=oauth-terms]').getAttribute('href'),
      `${receiver.origin}/terms`,
    );
    await shot(learner, 'consent-ja');
  });

  it('the language switch gives the consent screen in English, with the same request', async () => {
    const before = new URL(learner.url()).search;
    await learner.locator('[data-testid=language-switch]').click();
    await learner.waitForSelector('html[lang=en] [data-testid=oauth-consent]');
    assert.equal(new URL(learner.url()).search, before);
    assert.equal(
      await text(learner, 'oauth-heading'),
      `“${APPLICATION}” wants to access your Akashi account`,
    );
    assert.deepEqual(await learner.locator('[data-testid=oauth-scope]').allInnerTexts(), [
      'Read your badges (Open Badges 3.0 credentials)',
      'Read your Open Badges profile',
    ]);
    assert.equal(await text(learner, 'oauth-allow'), 'Allow');
    assert.equal(await text(learner, 'oauth-deny'), 'Deny');
    await shot(learner, 'consent-en');
  });

  it('"Allow" sends the browser to the application with a code and the state', async () => {
    const request = authorizationRequest(platform, application, receiver.redirectUri, SCOPE);
    await learner.goto(request.url);
    await learner.waitForSelector('[data-testid=oauth-consent]');
    const seen = receiver.received.length;
    await Promise.all([
      learner.waitForURL((url) => url.href.startsWith(receiver.redirectUri)),
      learner.locator('[data-testid=oauth-allow]').click(),
    ]);
    assert.equal(receiver.received.length, seen + 1);
    const query = receiver.received[seen];
    assert.ok(query !== undefined);
    assert.equal(query.get('state'), request.state);
    assert.equal(query.get('error'), null);
    const code = query.get('code') ?? '';
    assert.match(code, /^[\w-]{20,}$/);
    await shot(learner, 'allowed-redirect');
    const token = await exchangeCode(platform, application, {
      code,
      redirectUri: receiver.redirectUri,
      verifier: request.verifier,
    });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal(token.body.token_type, 'Bearer');
    assert.equal(token.body.scope, SCOPE);
  });

  it('"Deny" sends the browser back with error=access_denied and the state', async () => {
    const request = authorizationRequest(platform, application, receiver.redirectUri, SCOPE);
    await learner.goto(request.url);
    await learner.waitForSelector('[data-testid=oauth-consent]');
    const seen = receiver.received.length;
    await Promise.all([
      learner.waitForURL((url) => url.href.startsWith(receiver.redirectUri)),
      learner.locator('[data-testid=oauth-deny]').click(),
    ]);
    const query = receiver.received[seen];
    assert.ok(query !== undefined);
    assert.equal(query.get('error'), 'access_denied');
    assert.equal(query.get('state'), request.state);
    assert.equal(query.get('code'), null);
  });

  it('an unknown application gets an error page that stays on the platform', async () => {
    const request = authorizationRequest(
      platform,
      { clientId: 'no-such-client', clientSecret: '' },
      receiver.redirectUri,
      SCOPE,
    );
    const seen = receiver.received.length;
    const response = await learner.goto(request.url);
    assert.equal(response?.status(), 400);
    await learner.waitForSelector('[data-testid=oauth-error]');
    assert.equal(new URL(learner.url()).origin, platform.url);
    assert.match(await text(learner, 'oauth-error-reason'), /is not registered here/);
    assert.equal(receiver.received.length, seen);
    await shot(learner, 'unknown-application');
  });

  it('the consent screen fits a 390 px phone and passes axe-core (en and ja)', async () => {
    // axe-core is injected as a script, which the policy forbids: a second context bypasses it,
    // signed in with the same session.
    const axeContext = await browser.newContext({
      viewport: PHONE,
      locale: 'ja-JP',
      bypassCSP: true,
      storageState: await context.storageState(),
    });
    const phone = await axeContext.newPage();
    const request = authorizationRequest(platform, application, receiver.redirectUri, SCOPE);
    for (const lang of ['en', 'ja']) {
      await phone.goto(`${request.url}&lang=${lang}`);
      await phone.waitForSelector(`html[lang=${lang}] [data-testid=oauth-consent]`);
      await assertFitsWidth(phone, `consent (${lang}) at 390 px`);
      await assertAccessible(phone, `consent (${lang}) at 390 px`);
      await shot(phone, `consent-phone-${lang}`);
    }
    await phone.setViewportSize(DESKTOP);
    await assertAccessible(phone, 'consent (ja) on a desktop');
    await phone.goto(`${platform.url}/account/connected-apps`);
    await phone.waitForSelector('[data-testid=connected-app]');
    await assertAccessible(phone, 'connected applications');
    await axeContext.close();
  });

  it('the grant is listed under connected applications and withdrawn there', async () => {
    await learner.goto(`${platform.url}/account/connected-apps`);
    const apps = learner.locator('[data-testid=connected-app]');
    assert.equal(await apps.count(), 1);
    assert.equal(await apps.first().getAttribute('data-client-id'), application.clientId);
    assert.match(await apps.first().innerText(), new RegExp(APPLICATION));
    await shot(learner, 'connected-apps');
    await learner.locator('[data-testid=connected-app-revoke]').click();
    await learner.waitForURL(/\/account\/connected-apps\?done=revoked/);
    await learner.waitForSelector('[data-testid=connected-apps-none]');
    await shot(learner, 'connected-apps-revoked');
  });
});
