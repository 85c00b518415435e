/**
 * Everything the badge page shows, gathered from the award, the credential as signed, the
 * achievement, the issuer profile and the organisation's vetting. The achievement is shown as the
 * credential carries it (the Japanese edition); an English page takes the English texts from the
 * achievement when it is still the version the credential was made from, and otherwise keeps the
 * signed Japanese text (marked `lang="ja"`).
 */
import type { Award } from '../awards/award.js';
import { readAchievement, type Achievement } from '../achievements/achievement.js';
import { pickText } from '../achievements/build-ob3-achievement.js';
import { DEFAULT_ACHIEVEMENT_IMAGE } from '../achievements/default-achievement-image.js';
import type { Database } from '../db/open-database.js';
import type { Language } from '../http/pick-language.js';
import { isServerError } from '../http/server-error.js';
import { readIssuerProfile, type IssuerProfile } from '../issuers/issuer-profile.js';
import type { OrganisationStatus } from '../db/tables.js';

/** A text with the language it is written in. */
export interface LanguageText {
  readonly text: string;
  readonly language: Language;
}

export interface BadgeAchievementView {
  readonly name: LanguageText;
  readonly description: LanguageText | undefined;
  readonly criteriaNarrative: LanguageText | undefined;
  readonly criteriaUrl: string | undefined;
  /** The achievement image's URL as the credential names it. */
  readonly imageUrl: string | undefined;
  /** The format the baked images come in (the achievement image's). */
  readonly imageFormat: 'PNG' | 'SVG';
}

export interface BadgeIssuerView {
  readonly name: { readonly ja: string; readonly en: string };
  readonly url: string | undefined;
  readonly description: LanguageText | undefined;
  /** The OB 3.0 issuer id (a DID or URL). */
  readonly identifier: string | undefined;
}

export interface BadgeVettingView {
  readonly status: OrganisationStatus;
  /** When the operator decided (approved, or rejected). */
  readonly decidedAt: string | null;
}

export interface BadgePageFacts {
  readonly achievement: BadgeAchievementView;
  readonly issuer: BadgeIssuerView;
  readonly vetting: BadgeVettingView | undefined;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Undefined when the row is gone (a 404 ServerError); any other failure is thrown. */
const unlessMissing = async <T>(read: Promise<T>): Promise<T | undefined> => {
  try {
    return await read;
  } catch (error) {
    if (isServerError(error) && error.status === 404) return undefined;
    throw error;
  }
};

const readSignedAchievement = (credential: Json): Json => {
  const subject = asObject(first(credential.credentialSubject));
  return asObject(subject?.achievement) ?? {};
};

const achievementView = (
  award: Award,
  stored: Achievement | undefined,
  language: Language,
): BadgeAchievementView => {
  const signed = readSignedAchievement(award.credential);
  const signedLanguage: Language = signed.inLanguage === 'en' ? 'en' : 'ja';
  const signedText = (value: unknown): LanguageText | undefined => {
    const text = asText(value);
    return text === undefined ? undefined : { text, language: signedLanguage };
  };
  const criteria = asObject(signed.criteria);
  const image = signed.image;
  const imageUrl = asText(typeof image === 'string' ? image : asObject(image)?.id);
  const mediaType = stored?.imageMediaType ?? DEFAULT_ACHIEVEMENT_IMAGE.mediaType;
  const base = {
    criteriaUrl: asText(criteria?.id),
    imageUrl,
    imageFormat: mediaType === 'image/png' ? ('PNG' as const) : ('SVG' as const),
  };
  const english =
    language === 'en' &&
    stored !== undefined &&
    stored.version === award.achievementVersion &&
    stored.name.en !== undefined;
  if (english) {
    const narrative = stored.criteria.narrative;
    return {
      ...base,
      name: { text: pickText(stored.name, 'en'), language: 'en' },
      description: {
        text: pickText(stored.description, 'en'),
        language: stored.description.en === undefined ? 'ja' : 'en',
      },
      criteriaNarrative:
        narrative === undefined
          ? undefined
          : { text: pickText(narrative, 'en'), language: narrative.en === undefined ? 'ja' : 'en' },
    };
  }
  return {
    ...base,
    name: signedText(signed.name) ??
      signedText(award.credential.name) ?? { text: award.achievementId, language: 'en' },
    description: signedText(signed.description),
    criteriaNarrative: signedText(criteria?.narrative),
  };
};

const issuerView = (award: Award, profile: IssuerProfile | undefined): BadgeIssuerView => {
  const signed = asObject(award.credential.issuer);
  const signedName = asText(signed?.name) ?? '';
  const identifier = asText(signed?.id) ?? asText(award.credential.issuer);
  if (profile === undefined) {
    return {
      name: { ja: signedName, en: signedName },
      url: asText(signed?.url),
      description: undefined,
      identifier,
    };
  }
  return {
    name: profile.name,
    url: asText(profile.url),
    description: undefined,
    identifier: identifier ?? profile.identifier,
  };
};

const issuerDescription = (
  profile: IssuerProfile | undefined,
  language: Language,
): LanguageText | undefined => {
  if (profile === undefined) return undefined;
  const wanted = asText(profile.description[language]);
  if (wanted !== undefined) return { text: wanted, language };
  const other: Language = language === 'ja' ? 'en' : 'ja';
  const fallback = asText(profile.description[other]);
  return fallback === undefined ? undefined : { text: fallback, language: other };
};

export const loadBadgePageFacts = async (
  db: Database,
  award: Award,
  language: Language,
): Promise<BadgePageFacts> => {
  const [stored, profile, organisation] = await Promise.all([
    unlessMissing(readAchievement(db, award.achievementId)),
    unlessMissing(readIssuerProfile(db, award.issuerProfileId)),
    db.kysely
      .selectFrom('organisations')
      .select(['status', 'decided_at'])
      .where('id', '=', award.organisationId)
      .executeTakeFirst(),
  ]);
  return {
    achievement: achievementView(award, stored, language),
    issuer: { ...issuerView(award, profile), description: issuerDescription(profile, language) },
    vetting:
      organisation === undefined
        ? undefined
        : { status: organisation.status, decidedAt: organisation.decided_at },
  };
};
