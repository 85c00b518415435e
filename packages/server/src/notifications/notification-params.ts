/**
 * What a notification's template needs, stored as JSON in `notifications.params` when the
 * notification is queued: the badge and issuer names in both languages, the award date, the
 * badge page and (once the wallet exists) the claim link, and for a revocation its reason.
 * Names are kept exactly as given (kanji, variant characters: never normalised, JAPAN.md JP-1.1).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export const LocalizedName = Type.Object(
  { ja: Type.String(), en: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type LocalizedName = Static<typeof LocalizedName>;

export const NotificationParams = Type.Object(
  {
    badgeName: LocalizedName,
    issuerName: LocalizedName,
    /** `${PUBLIC_URL}/badges/{awardId}`. */
    badgeUrl: Type.String(),
    /** The wallet's claim link; null until the wallet exists (or when there is none). */
    claimUrl: Type.Union([Type.String(), Type.Null()]),
    /** ISO 8601: when the badge was awarded (`awardedDate`; kept by a re-issue). */
    awardedAt: Type.String(),
    /** ISO 8601: when it was revoked (revocations only). */
    revokedAt: Type.Union([Type.String(), Type.Null()]),
    /** The reason the issuer gave for a revocation, as typed; null when none. */
    revocationReason: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false, title: 'NotificationParams' },
);
export type NotificationParams = Static<typeof NotificationParams>;

/** The stored JSON read back; undefined when it is not a `NotificationParams` (never thrown). */
export const parseNotificationParams = (json: string): NotificationParams | undefined => {
  try {
    const value: unknown = JSON.parse(json);
    return Value.Check(NotificationParams, value) ? value : undefined;
  } catch {
    return undefined;
  }
};

/** The name in `locale`, falling back to Japanese (the language every name has). */
export const nameIn = (name: LocalizedName, locale: 'ja' | 'en'): string =>
  locale === 'en' && name.en !== undefined && name.en !== '' ? name.en : name.ja;
