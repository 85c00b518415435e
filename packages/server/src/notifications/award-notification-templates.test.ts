import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderAwardNotification } from './award-notification-templates.js';
import { formatAwardDate } from './format-award-date.js';
import type { NotificationParams } from './notification-params.js';
import { KANJI_NAME, TEST_PUBLIC_URL } from './notification-test-factories.js';

const BADGE_URL = `${TEST_PUBLIC_URL}/badges/a-1`;
const CLAIM_URL = `${TEST_PUBLIC_URL}/wallet/claim?token=t0k3n`;

const params = (overrides: Partial<NotificationParams> = {}): NotificationParams => ({
  badgeName: { ja: 'データサイエンス基礎', en: 'Data Science Basics' },
  issuerName: { ja: '国立証大学', en: 'Akashi National University' },
  badgeUrl: BADGE_URL,
  claimUrl: null,
  awardedAt: '2025-03-31T15:30:00.000Z',
  revokedAt: null,
  revocationReason: null,
  ...overrides,
});

describe('award notification e-mails', () => {
  it('writes the award date in Japan time, with the 和暦 in Japanese and Gregorian in English', () => {
    assert.equal(
      formatAwardDate('2025-03-31T15:30:00.000Z', 'ja'),
      '2025年4月1日（令和7年4月1日）',
    );
    assert.equal(
      formatAwardDate('2019-04-30T15:00:00.000Z', 'ja'),
      '2019年5月1日（令和元年5月1日）',
    );
    assert.equal(formatAwardDate('2025-03-31T15:30:00.000Z', 'en'), '1 April 2025');
  });

  it('tells the recipient in Japanese, the kanji name exactly as stored', () => {
    const mail = renderAwardNotification(
      { kind: 'award-issued', locale: 'ja', recipientName: KANJI_NAME, params: params() },
      TEST_PUBLIC_URL,
    );
    assert.equal(mail.subject, 'バッジが授与されました：データサイエンス基礎');
    assert.ok(mail.text.startsWith(`${KANJI_NAME} 様\n`));
    assert.ok(mail.html.includes(`${KANJI_NAME} 様`));
    assert.ok(
      mail.text.includes('国立証大学から、バッジ「データサイエンス基礎」が授与されました。'),
    );
    assert.ok(mail.text.includes('授与日：2025年4月1日（令和7年4月1日）'));
    assert.ok(mail.text.includes(BADGE_URL));
    assert.ok(mail.html.includes(`href="${BADGE_URL}"`));
    assert.ok(!mail.text.includes('ウォレット'), 'no claim line without a claim link');
    assert.ok(mail.text.includes('This message was sent automatically'), 'bilingual footer');
  });

  it('adds the claim link only when there is one, and writes English when asked', () => {
    const mail = renderAwardNotification(
      {
        kind: 'award-issued',
        locale: 'en',
        recipientName: KANJI_NAME,
        params: params({ claimUrl: CLAIM_URL }),
      },
      TEST_PUBLIC_URL,
    );
    assert.equal(mail.subject, 'You have received a badge: Data Science Basics');
    assert.ok(mail.text.startsWith(`Hello ${KANJI_NAME},`));
    assert.ok(mail.text.includes('Awarded on: 1 April 2025'));
    assert.ok(mail.text.includes(CLAIM_URL));
    assert.ok(mail.html.includes(`href="${CLAIM_URL}"`));
    assert.ok(mail.text.includes('Akashi National University has awarded you'));
  });

  it('escapes every value in the HTML part and keeps the subject on one line', () => {
    const hostile = '<script>alert("x")</script>\r\nBcc: victim@example.com & <b>';
    const mail = renderAwardNotification(
      {
        kind: 'award-issued',
        locale: 'ja',
        recipientName: '<img src=x onerror=alert(1)>',
        params: params({
          badgeName: { ja: hostile },
          issuerName: { ja: '"><a href="javascript:alert(1)">', en: 'x' },
          claimUrl: 'javascript:alert(1)',
        }),
      },
      TEST_PUBLIC_URL,
    );
    assert.ok(!/[\r\n]/.test(mail.subject));
    assert.ok(!mail.html.includes('<script>'));
    assert.ok(!mail.html.includes('<img'));
    assert.ok(!mail.html.includes('<b>'));
    assert.ok(!mail.html.includes('href="javascript'));
    assert.ok(mail.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(mail.html.includes('&amp; &lt;b&gt;'));
    assert.ok(mail.text.includes(hostile), 'the text part carries the value as it is');
  });

  it('announces a revocation with its reason and no claim link', () => {
    const mail = renderAwardNotification(
      {
        kind: 'award-revoked',
        locale: 'ja',
        recipientName: null,
        params: params({
          claimUrl: CLAIM_URL,
          revokedAt: '2026-01-15T03:00:00.000Z',
          revocationReason: '成績の誤登録のため',
        }),
      },
      TEST_PUBLIC_URL,
    );
    assert.equal(mail.subject, 'バッジが取り消されました：データサイエンス基礎');
    assert.ok(mail.text.startsWith('バッジの受領者様'));
    assert.ok(mail.text.includes('取消の理由：成績の誤登録のため'));
    assert.ok(mail.text.includes('取消日：2026年1月15日（令和8年1月15日）'));
    assert.ok(mail.text.includes(BADGE_URL));
    assert.ok(!mail.text.includes(CLAIM_URL));
    const en = renderAwardNotification(
      {
        kind: 'award-revoked',
        locale: 'en',
        recipientName: 'Ann',
        params: params({ revocationReason: 'Entered in error' }),
      },
      TEST_PUBLIC_URL,
    );
    assert.equal(en.subject, 'Your badge has been revoked: Data Science Basics');
    assert.ok(en.text.includes('Reason: Entered in error'));
  });

  it('announces a re-issue, the award date kept', () => {
    const mail = renderAwardNotification(
      { kind: 'award-reissued', locale: 'en', recipientName: 'Ann', params: params() },
      TEST_PUBLIC_URL,
    );
    assert.equal(mail.subject, 'Your badge has been re-issued: Data Science Basics');
    assert.ok(mail.text.includes('the award date stays the same'));
    assert.ok(mail.text.includes('Awarded on: 1 April 2025'));
  });
});
