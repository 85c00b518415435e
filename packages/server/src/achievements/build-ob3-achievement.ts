/**
 * An achievement as an Open Badges 3.0 `Achievement`, in the strict shape of the core
 * (`buildAchievement` checks it). One language per Achievement (STANDARDS.md §2.2): the Japanese
 * edition is the canonical one, at `${base}/achievements/{id}` and embedded in credentials; the
 * English edition, when the achievement has an English name, is at `…?lang=en`. Each names the
 * other in `related` (with `inLanguage` and `version`).
 *
 * Mapping: criteria URL → `criteria.id`, narrative → `criteria.narrative` (the English edition
 * falls back to the Japanese text where no English is given); alignments → `alignment`; skills
 * with a URL → `alignment` with targetType `ceasn:Competency`, skills without one → `tag`;
 * `version` is the edit counter. The validity policy and the evidence requirement have no OB 3.0
 * home: the first becomes each award's `validUntil`, the second is shown on the page only.
 */
import { buildAchievement, type AchievementType, type AlignmentInput } from '@akashi/core';
import { achievementUrls, hasEnglishEdition, type Achievement } from './achievement.js';
import type { LocalizedText } from './achievement-schemas.js';

export type AchievementLanguage = 'ja' | 'en';

/** The language of the edition actually served for `requested`. */
export const editionLanguage = (
  achievement: Achievement,
  requested: AchievementLanguage = 'ja',
): AchievementLanguage => (requested === 'en' && hasEnglishEdition(achievement) ? 'en' : 'ja');

/** One language of a text (English falls back to Japanese). */
export const pickText = (text: LocalizedText, language: AchievementLanguage): string =>
  language === 'en' ? (text.en ?? text.ja) : text.ja;

/** Alignments then skills with a URL, as OB 3.0 / OB 2.0 alignment inputs (no type). */
export const collectAlignments = (achievement: Achievement): AlignmentInput[] => [
  ...achievement.alignments.map((alignment) => ({ ...alignment })),
  ...achievement.skills.flatMap((skill) =>
    skill.url === undefined
      ? []
      : [
          {
            targetName: skill.name,
            targetUrl: skill.url,
            ...(skill.framework === undefined ? {} : { targetFramework: skill.framework }),
            ...(skill.code === undefined ? {} : { targetCode: skill.code }),
            targetType: 'ceasn:Competency' as const,
          },
        ],
  ),
];

/** Tags then the names of skills without a URL, each once. */
export const collectTags = (achievement: Achievement): string[] => [
  ...new Set([
    ...achievement.tags,
    ...achievement.skills.filter((skill) => skill.url === undefined).map((skill) => skill.name),
  ]),
];

/**
 * The OB 3.0 Achievement of `achievement` in `lang` (the Japanese edition when it has no English
 * one). `publicUrl` is the platform's public URL.
 */
export const buildOb3Achievement = (
  achievement: Achievement,
  publicUrl: string,
  lang: AchievementLanguage = 'ja',
): Record<string, unknown> => {
  const language = editionLanguage(achievement, lang);
  const urls = achievementUrls(achievement, publicUrl);
  const name = pickText(achievement.name, language);
  const { criteria } = achievement;
  const version = String(achievement.version);
  const other =
    urls.achievementEn === null
      ? undefined
      : language === 'ja'
        ? { id: urls.achievementEn, inLanguage: 'en', version }
        : { id: urls.achievement, inLanguage: 'ja', version };
  const alignment = collectAlignments(achievement);
  const tag = collectTags(achievement);
  return buildAchievement({
    id: language === 'en' && urls.achievementEn !== null ? urls.achievementEn : urls.achievement,
    name,
    description: pickText(achievement.description, language),
    criteria: {
      ...(criteria.url === undefined ? {} : { id: criteria.url }),
      ...(criteria.narrative === undefined
        ? {}
        : { narrative: pickText(criteria.narrative, language) }),
    },
    image: { id: urls.image, type: 'Image', caption: name },
    ...(achievement.achievementType === undefined
      ? {}
      : { achievementType: achievement.achievementType as AchievementType }),
    ...(alignment.length === 0 ? {} : { alignment }),
    ...(tag.length === 0 ? {} : { tag }),
    ...(achievement.creditsAvailable === undefined
      ? {}
      : { creditsAvailable: achievement.creditsAvailable }),
    ...(achievement.fieldOfStudy === undefined ? {} : { fieldOfStudy: achievement.fieldOfStudy }),
    ...(achievement.specialization === undefined
      ? {}
      : { specialization: achievement.specialization }),
    ...(achievement.humanCode === undefined ? {} : { humanCode: achievement.humanCode }),
    inLanguage: language,
    ...(other === undefined ? {} : { related: [other] }),
    version,
  });
};
