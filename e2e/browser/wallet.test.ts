/**
 * The learner's wallet end to end in a real browser (Debian's Chromium, playwright-core) against
 * the platform started as a process (embedded SQLite, mails through a loopback SMTP server). An
 * organisation made with `akashi admin create-org` awards a badge through the API; the learner
 * opens the award e-mail's claim link signed out, signs up from it, confirms the address, signs
 * in, comes back and adds the badge to the wallet; the wallet lists it valid; the badge is made
 * public and the public profile (name in kanji) shows it with Open Graph tags; a share link shows
 * it signed out with a live "valid" verdict and sends LinkedIn the right fields; baked PNGs are
 * imported (a new badge, and the claimed one again: merged); the wallet fits a phone and passes
 * axe-core; the language switch gives the English pages; a revoked share link is a 404.
 * Screenshots of every step: e2e/artifacts/wallet/.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  assertAccessible,
  assertFitsWidth,
  createScreenshotter,
  launchChromium,
} from './browser-session.js';
import { startPlatform, type PlatformProcess } from './platform-process.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import { createWalletIssuer, type IssuedAward } from './wallet-issuer.js';

const ORGANISATION = {
  legalName: '国立証大学',
  nameEn: 'Akashi National University',
  domain: 'akashi-u.example.ac.jp',
  adminEmail: 'office@akashi-u.example.ac.jp',
  badgeName: 'データサイエンス基礎',
  badgeDescription: 'データサイエンスの基礎を修得したことを証明します。',
  criteria: '最終試験で 60 点以上を取ること。',
};
const LEARNER = {
  email: 'hanako.yamada@example.ac.jp',
  password: 'learner passphrase 2026',
  name: '山田 花子',
};
/** Someone else: their badge reaches the learner as a baked PNG, to import. */
const FRIEND = { email: 'jiro@example.ac.jp', name: '山田 次郎' };
const PROFILE = { slug: 'hanako-yamada', displayName: '山田 花子', headline: '証大学 理学部 4 年' };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const UUID = '[0-9a-f-]{36}';

/** The year and month (1–12) in Japan of an instant, as LinkedIn is given them. */
const japanYearMonth = (iso: string): { year: string; month: string } => {
  const inJapan = new Date(Date.parse(iso) + 9 * 60 * 60 * 1000);
  return { year: String(inJapan.getUTCFullYear()), month: String(inJapan.getUTCMonth() + 1) };
};

const ogContent = async (page: Page, property: string): Promise<string | null> =>
  page.locator(`meta[property="${property}"]`).getAttribute('content');

describe('the wallet in a real browser', { timeout: 240_000 }, () => {
  let smtp: SmtpSink;
  let platform: PlatformProcess;
  let browser: Browser;
  let learnerContext: BrowserContext;
  /** Nobody signed in: what anyone with the link sees. */
  let visitorContext: BrowserContext;
  let learner: Page;
  let visitor: Page;
  const shot = createScreenshotter('wallet');
  const files = mkdtempSync(join(tmpdir(), 'akashi-wallet-files-'));
  let award: IssuedAward;
  let friendAward: IssuedAward;
  let walletBadgePath = '';
  let shareId = '';
  let shareUrl = '';

  before(async () => {
    smtp = await startSmtpSink();
    platform = await startPlatform({ smtpUrl: smtp.url });
    browser = await launchChromium();
    const contextOptions = { viewport: DESKTOP, locale: 'ja-JP', bypassCSP: true };
    learnerContext = await browser.newContext(contextOptions);
    visitorContext = await browser.newContext(contextOptions);
    learner = await learnerContext.newPage();
    visitor = await visitorContext.newPage();
  });

  after(async () => {
    await browser.close();
    await platform.stop();
    await smtp.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('an organisation awards a badge; the award e-mail carries the claim link', async () => {
    const issuer = await createWalletIssuer(platform, ORGANISATION);
    award = await issuer.award(LEARNER.email, LEARNER.name);
    friendAward = await issuer.award(FRIEND.email, FRIEND.name);
    const claimLink = await smtp.waitForLink(LEARNER.email, '/wallet/claim/');
    const claim = new URL(claimLink);
    assert.equal(claim.origin, platform.url);
    assert.equal(claim.pathname, `/wallet/claim/${award.id}`);
    assert.match(claim.searchParams.get('token') ?? '', /^[A-Za-z0-9_-]{20,}$/);
  });

  it('the learner signs up from the claim link and adds the badge to the wallet', async () => {
    const claimLink = await smtp.waitForLink(LEARNER.email, '/wallet/claim/');
    await learner.goto(claimLink);
    await learner.waitForSelector('[data-testid=claim-signed-out]');
    await shot(learner, 'claim-signed-out');
    await learner.locator('[data-testid=claim-sign-up]').click();
    await learner.waitForURL(/\/sign-up\?next=/);
    await learner.fill('[name=displayName]', LEARNER.name);
    await learner.fill('[name=email]', LEARNER.email);
    await learner.fill('[name=password]', LEARNER.password);
    await learner.locator('[data-testid=sign-up-submit]').click();
    await learner.waitForSelector('[data-testid=sign-up-done]');
    await shot(learner, 'sign-up-sent');

    // The confirmation e-mail, opened in another tab as a mail reader would.
    const mailTab = await learnerContext.newPage();
    await mailTab.goto(await smtp.waitForLink(LEARNER.email, '/verify-email?token='));
    await mailTab.locator('[data-testid=verify-email-confirm]').click();
    await mailTab.waitForSelector('[data-testid=verify-email-done]');
    await mailTab.close();

    await learner.locator('[data-testid=sign-up-continue]').click();
    await learner.waitForURL(/\/sign-in\?next=/);
    await learner.fill('[name=email]', LEARNER.email);
    await learner.fill('[name=password]', LEARNER.password);
    await Promise.all([
      learner.waitForURL(new RegExp(`/wallet/claim/${award.id}\\?token=`)),
      learner.locator('form:has([name="password"]) button[type=submit]').first().click(),
    ]);
    await learner.waitForSelector('[data-testid=claim-signed-in]');
    assert.match(await learner.locator('main').innerText(), new RegExp(LEARNER.name));
    await shot(learner, 'claim-signed-in');

    await learner.locator('[data-testid=claim-submit]').click();
    await learner.waitForURL(new RegExp(`/wallet/credentials/${UUID}\\?done=claimed`));
    walletBadgePath = new URL(learner.url()).pathname;
    assert.equal(
      (await learner.locator('[data-testid=wallet-name]').innerText()).trim(),
      ORGANISATION.badgeName,
    );
    assert.equal(
      await learner.locator('[data-testid=wallet-status]').first().getAttribute('data-status'),
      'valid',
    );
    assert.equal(
      await learner.locator('[data-testid=verdict]').first().getAttribute('data-verdict'),
      'valid',
    );
    await shot(learner, 'badge-claimed');
  });

  it('/wallet lists it as a valid, private card', async () => {
    await learner.goto(`${platform.url}/wallet`);
    const cards = learner.locator('[data-testid=wallet-card]');
    assert.equal(await cards.count(), 1);
    const card = cards.first();
    assert.equal(await card.locator('a').first().getAttribute('href'), walletBadgePath);
    assert.match(await card.innerText(), new RegExp(ORGANISATION.badgeName));
    assert.equal(
      await card.locator('[data-testid=wallet-status]').getAttribute('data-status'),
      'valid',
    );
    assert.match(await card.locator('[data-testid=wallet-status]').innerText(), /有効/);
    assert.equal(
      await card.locator('[data-testid=wallet-visibility]').getAttribute('data-visibility'),
      'private',
    );
    await shot(learner, 'wallet');
  });

  it('the badge made public appears on the public profile, name as typed, with Open Graph tags', async () => {
    // Private, and no profile yet: nothing to see.
    assert.equal((await visitor.goto(`${platform.url}/p/${PROFILE.slug}`))?.status(), 404);

    await learner.goto(`${platform.url}${walletBadgePath}`);
    await learner.locator('[data-testid=wallet-visibility-toggle]').click();
    await learner.waitForURL(/done=public/);
    assert.equal(
      await learner
        .locator('[data-testid=wallet-visibility]')
        .first()
        .getAttribute('data-visibility'),
      'public',
    );
    await shot(learner, 'badge-public');

    await learner.goto(`${platform.url}/wallet/profile`);
    await learner.locator('[name=enabled]').check();
    await learner.fill('[name=slug]', PROFILE.slug);
    await learner.fill('[name=displayName]', PROFILE.displayName);
    await learner.fill('[name=headline]', PROFILE.headline);
    await learner.locator('[data-testid=profile-save]').click();
    await learner.waitForURL(/\/wallet\/profile\?done=saved/);
    assert.equal(
      await learner.locator('[data-testid=profile-public-link]').getAttribute('href'),
      `/p/${PROFILE.slug}`,
    );
    await shot(learner, 'profile-settings');

    const response = await visitor.goto(`${platform.url}/p/${PROFILE.slug}`);
    assert.equal(response?.status(), 200);
    assert.equal(
      await visitor.locator('[data-testid=profile-name]').innerText(),
      PROFILE.displayName,
    );
    assert.equal(
      await visitor.locator('[data-testid=profile-headline]').innerText(),
      PROFILE.headline,
    );
    const badges = visitor.locator('[data-testid=profile-badge]');
    assert.equal(await badges.count(), 1);
    assert.match(await badges.first().innerText(), new RegExp(ORGANISATION.badgeName));
    assert.equal(
      await badges.first().locator('[data-testid=badge-status]').getAttribute('data-status'),
      'valid',
    );
    assert.equal(await ogContent(visitor, 'og:title'), PROFILE.displayName);
    assert.equal(await ogContent(visitor, 'og:url'), `${platform.url}/p/${PROFILE.slug}`);
    assert.equal(await ogContent(visitor, 'og:description'), PROFILE.headline);
    // Never the recipient's address.
    assert.doesNotMatch(await visitor.content(), /hanako\.yamada@/);
    await shot(visitor, 'public-profile');
  });

  it('a share link shows the badge signed out, verified live, and sends LinkedIn its fields', async () => {
    await learner.goto(`${platform.url}${walletBadgePath}`);
    await learner.locator('[data-testid=share-create]').click();
    await learner.waitForURL(/done=shared/);
    const link = learner.locator('[data-testid=wallet-share-link]');
    assert.equal(await link.count(), 1);
    shareId = (await link.getAttribute('data-id')) ?? '';
    shareUrl = await link.locator('[data-testid=share-url]').inputValue();
    assert.equal(shareUrl, `${platform.url}/s/${shareId}`);
    assert.match(shareId, /^[A-Za-z0-9_-]{20,}$/);
    await shot(learner, 'share-link');

    const response = await visitor.goto(shareUrl);
    assert.equal(response?.status(), 200);
    assert.equal(
      (await visitor.locator('[data-testid=badge-name]').innerText()).trim(),
      ORGANISATION.badgeName,
    );
    const verdict = visitor.locator('[data-testid=verdict]');
    assert.equal(await verdict.getAttribute('data-verdict'), 'valid');
    assert.match(await verdict.innerText(), /有効/);
    assert.equal(await visitor.locator('[data-testid=badge-holder]').innerText(), LEARNER.name);
    assert.equal(await ogContent(visitor, 'og:title'), ORGANISATION.badgeName);
    assert.equal(await ogContent(visitor, 'og:url'), shareUrl);
    assert.doesNotMatch(await visitor.content(), /hanako\.yamada@/);
    await shot(visitor, 'share-page');

    // "Add to LinkedIn": a 302 to LinkedIn's form, not followed.
    assert.equal(
      await visitor.locator('[data-testid=linkedin-link]').getAttribute('href'),
      `/s/${shareId}/linkedin`,
    );
    const redirect = await visitorContext.request.get(`${shareUrl}/linkedin`, {
      maxRedirects: 0,
    });
    assert.equal(redirect.status(), 302);
    const target = new URL(redirect.headers().location ?? '');
    assert.equal(`${target.origin}${target.pathname}`, 'https://www.linkedin.com/profile/add');
    const credential = (await (
      await visitorContext.request.get(`${platform.url}/badges/${award.id}/credential.json`)
    ).json()) as { id: string; issuer: { name: unknown } };
    const query = target.searchParams;
    const { year, month } = japanYearMonth(award.awardedAt);
    assert.equal(query.get('startTask'), 'CERTIFICATION_NAME');
    assert.equal(query.get('name'), ORGANISATION.badgeName);
    assert.equal(query.get('organizationId'), null);
    assert.equal(query.get('organizationName'), ORGANISATION.legalName);
    assert.equal(query.get('organizationName'), credential.issuer.name);
    assert.equal(query.get('issueYear'), year);
    assert.equal(query.get('issueMonth'), month);
    assert.ok(Number(month) >= 1 && Number(month) <= 12);
    assert.equal(query.get('certUrl'), shareUrl);
    assert.equal(query.get('certId'), credential.id);
    // The copy panel repeats the same fields.
    assert.equal(await visitor.locator('[data-testid=copy-cert-id]').inputValue(), credential.id);
    assert.equal(await visitor.locator('[data-testid=copy-cert-url]').inputValue(), shareUrl);
  });

  it('imports baked PNGs: a badge received from elsewhere, and the claimed one again (merged)', async () => {
    const bake = async (awardId: string, name: string): Promise<string> => {
      const image = await learnerContext.request.get(`${platform.url}/badges/${awardId}/image`);
      assert.equal(image.status(), 200);
      assert.equal(image.headers()['content-type'], 'image/png');
      const file = join(files, name);
      writeFileSync(file, await image.body());
      return file;
    };
    const upload = async (file: string): Promise<void> => {
      await learner.goto(`${platform.url}/wallet/import`);
      await learner.setInputFiles('[data-testid=import-file]', file);
      await learner.locator('[data-testid=import-submit-file]').click();
      await learner.waitForURL(new RegExp(`/wallet/credentials/${UUID}\\?done=`));
    };

    await learner.goto(`${platform.url}/wallet/import`);
    await shot(learner, 'import');
    await upload(await bake(friendAward.id, 'friend-badge.png'));
    assert.match(learner.url(), /done=imported/);
    assert.notEqual(new URL(learner.url()).pathname, walletBadgePath);
    assert.equal(
      await learner.locator('[data-testid=wallet-status]').first().getAttribute('data-status'),
      'valid',
    );
    await shot(learner, 'imported');

    await upload(await bake(award.id, 'own-badge.png'));
    assert.match(learner.url(), /done=merged/);
    assert.equal(new URL(learner.url()).pathname, walletBadgePath);
    await shot(learner, 'merged');

    await learner.goto(`${platform.url}/wallet`);
    const cards = learner.locator('[data-testid=wallet-card]');
    assert.equal(await cards.count(), 2);
    for (const status of await cards.locator('[data-testid=wallet-status]').all()) {
      assert.equal(await status.getAttribute('data-status'), 'valid');
    }
  });

  it('the wallet fits a phone and passes axe-core with no serious violation', async () => {
    const signedIn = [
      ['wallet', '/wallet'],
      ['badge', walletBadgePath],
      ['import', '/wallet/import'],
    ] as const;
    const signedOut = [
      ['share', `/s/${shareId}`],
      ['profile', `/p/${PROFILE.slug}`],
    ] as const;
    for (const [viewport, label] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      await learner.setViewportSize(viewport);
      await visitor.setViewportSize(viewport);
      for (const [page, paths] of [
        [learner, signedIn],
        [visitor, signedOut],
      ] as const) {
        for (const [name, path] of paths) {
          await page.goto(`${platform.url}${path}`);
          if (label === 'phone') {
            await assertFitsWidth(page, name);
            await shot(page, `phone-${name}`);
          } else {
            await assertAccessible(page, name);
          }
        }
      }
    }
    await learner.setViewportSize(DESKTOP);
    await visitor.setViewportSize(DESKTOP);
  });

  it('switches /wallet and /s/{id} to English and back', async () => {
    for (const [page, path, check] of [
      [
        learner,
        '/wallet',
        async (p: Page) => {
          assert.equal((await p.locator('h1').first().innerText()).trim(), 'Wallet');
          assert.match(await p.locator('[data-testid=wallet-status]').first().innerText(), /Valid/);
        },
      ],
      [
        visitor,
        `/s/${shareId}`,
        async (p: Page) => {
          assert.match(await p.locator('[data-testid=verdict]').innerText(), /Valid/);
          assert.match(
            await p.locator('#verification-heading').innerText(),
            /^\s*Verification\s*$/,
          );
          assert.equal(await ogContent(p, 'og:locale'), 'en_US');
        },
      ],
    ] as const) {
      await page.goto(`${platform.url}${path}`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
      await page.locator('[data-testid=language-switch]').click();
      await page.waitForLoadState('load');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(new URL(page.url()).pathname, path);
      await check(page);
      await shot(page, `english-${path === '/wallet' ? 'wallet' : 'share'}`);
      await page.locator('[data-testid=language-switch]').click();
      await page.waitForLoadState('load');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    }
  });

  it('a revoked share link is a 404 for everyone', async () => {
    await learner.goto(`${platform.url}${walletBadgePath}`);
    await learner.locator('[data-testid=share-revoke]').click();
    await learner.waitForURL(/done=unshared/);
    assert.equal(await learner.locator('[data-testid=wallet-share-link]').count(), 0);
    const response = await visitor.goto(shareUrl);
    assert.equal(response?.status(), 404);
    assert.equal(await visitor.locator('[data-testid=public-gone]').count(), 1);
    assert.equal(await visitor.locator('[data-testid=public-badge]').count(), 0);
    await shot(visitor, 'share-revoked');
    const redirect = await visitorContext.request.get(`${shareUrl}/linkedin`, {
      maxRedirects: 0,
    });
    assert.equal(redirect.status(), 404);
  });
});
