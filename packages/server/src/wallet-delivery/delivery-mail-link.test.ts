/**
 * The award e-mail carries the "send it to a wallet app" link: the claim link's token on
 * `/wallet/deliver/{awardId}`, in both languages; a revocation e-mail carries none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  awardNotificationContent,
  deliverUrlOf,
} from '../notifications/award-notification-templates.js';
import type { NotificationParams } from '../notifications/notification-params.js';

const AWARD = '0b6f6a1e-8a4f-4f53-9d6c-3b1c2a9e7d10';
const PARAMS: NotificationParams = {
  badgeName: { ja: '情報リテラシー', en: 'Information literacy' },
  issuerName: { ja: '国立証大学', en: 'Akashi National University' },
  badgeUrl: `https://badges.example.ac.jp/badges/${AWARD}`,
  claimUrl: `https://badges.example.ac.jp/wallet/claim/${AWARD}?token=abc_DEF-123`,
  awardedAt: '2026-03-31T00:00:00Z',
  revokedAt: null,
  revocationReason: null,
};

describe('the deliver link of the award e-mail', () => {
  it('follows the claim link, with the same token (ja and en)', () => {
    const expected = `https://badges.example.ac.jp/wallet/deliver/${AWARD}?token=abc_DEF-123`;
    assert.equal(deliverUrlOf(PARAMS.claimUrl ?? ''), expected);
    for (const [locale, label] of [
      ['ja', 'ウォレットアプリに送る'],
      ['en', 'Send it to a wallet app'],
    ] as const) {
      const content = awardNotificationContent({
        kind: 'award-issued',
        locale,
        recipientName: '山田 花子',
        params: PARAMS,
      });
      const link = content.links.find((item) => item.url === expected);
      assert.equal(link?.label, label);
      assert.equal(content.links.at(-1)?.url, expected);
    }
  });

  it('is absent from a revocation and without a claim link', () => {
    const revoked = awardNotificationContent({
      kind: 'award-revoked',
      locale: 'ja',
      recipientName: null,
      params: { ...PARAMS, revokedAt: '2026-04-01T00:00:00Z' },
    });
    assert.ok(!revoked.links.some((item) => item.url.includes('/wallet/deliver/')));
    const none = awardNotificationContent({
      kind: 'award-issued',
      locale: 'en',
      recipientName: null,
      params: { ...PARAMS, claimUrl: null },
    });
    assert.equal(none.links.length, 1);
    assert.equal(deliverUrlOf('not a url'), undefined);
  });
});
