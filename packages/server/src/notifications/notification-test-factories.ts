/**
 * Test support: a notification input with sensible defaults (a Japanese badge, issuer and a
 * recipient name with variant kanji), a log that keeps its lines, and a clock tests move by hand.
 * Not for production code.
 */
import { randomUUID } from 'node:crypto';
import type { MailLog } from '../mail/mailer.js';
import type { AwardNotificationInput } from './enqueue-award-notification.js';

export const TEST_PUBLIC_URL = 'https://badges.example.ac.jp';

/** 髙, 﨑, a CJK compatibility ideograph (U+FA10) and an IVS sequence: kept exactly. */
export const KANJI_NAME = '髙\uFA10 﨑子\u845B\u{E0100}';

export const sampleNotificationInput = (
  organisationId: string,
  overrides: Partial<AwardNotificationInput> = {},
): AwardNotificationInput => ({
  kind: 'award-issued',
  organisationId,
  departmentId: null,
  awardId: randomUUID(),
  to: 'hanako@example.ac.jp',
  recipientName: KANJI_NAME,
  locale: 'ja',
  publicUrl: TEST_PUBLIC_URL,
  badgeName: { ja: 'データサイエンス基礎', en: 'Data Science Basics' },
  issuerName: { ja: '国立証大学', en: 'Akashi National University' },
  awardedAt: '2025-03-31T15:30:00.000Z',
  ...overrides,
});

export interface CapturedLog {
  readonly log: MailLog;
  readonly lines: { level: string; fields: Record<string, unknown>; msg: string }[];
}

export const captureLog = (): CapturedLog => {
  const lines: CapturedLog['lines'] = [];
  const record =
    (level: string) =>
    (fields: unknown, msg?: string): void => {
      lines.push({ level, fields: fields as Record<string, unknown>, msg: msg ?? '' });
    };
  return { log: { info: record('info'), warn: record('warn'), error: record('error') }, lines };
};

export interface ManualClock {
  readonly clock: () => Date;
  readonly advance: (ms: number) => void;
}

export const createManualClock = (start = '2026-04-01T00:00:00.000Z'): ManualClock => {
  let now = new Date(start).getTime();
  return {
    clock: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
};
