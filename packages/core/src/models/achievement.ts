import { Type, type Static } from '@sinclair/typebox';
import {
  defineEmbeddedEndorsements,
  defineEndorsementJwtProperty,
} from './embedded-endorsements.js';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';
import { LANGUAGE_CODE_PATTERN } from './related.js';
import { ACHIEVEMENT_TYPES, createVocabularySchema } from './vocabularies.js';

const defineAchievement = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('Unique URI for the Achievement.'),
      type: k.typeSet('Achievement'),
      alignment: Type.Optional(
        k.list(
          k.ref('Alignment'),
          'Objectives or educational standards this achievement aligns to.',
        ),
      ),
      achievementType: Type.Optional(
        createVocabularySchema(ACHIEVEMENT_TYPES, 'The type of achievement.'),
      ),
      creator: Type.Optional(k.ref('Profile')),
      creditsAvailable: Type.Optional(
        Type.Number({ ...k.strictly({ minimum: 0 }), description: 'Credit hours possible.' }),
      ),
      criteria: k.ref('Criteria'),
      description: k.text('A short description of the achievement.'),
      endorsement: Type.Optional(defineEmbeddedEndorsements(k)),
      ...defineEndorsementJwtProperty(k),
      fieldOfStudy: Type.Optional(k.text('Category, subject, area of study or discipline.')),
      humanCode: Type.Optional(k.text('The code, generally human readable, of the achievement.')),
      image: Type.Optional(k.ref('Image')),
      inLanguage: Type.Optional(
        Type.String({
          pattern: LANGUAGE_CODE_PATTERN,
          description: 'The language of the achievement (one language per Achievement).',
        }),
      ),
      name: k.text('The name of the achievement.'),
      otherIdentifier: Type.Optional(
        k.list(k.ref('IdentifierEntry'), 'A list of identifiers for the described entity.'),
      ),
      related: Type.Optional(
        k.list(
          k.ref('Related'),
          'Other-language editions or previous versions of this achievement.',
        ),
      ),
      resultDescription: Type.Optional(
        k.list(
          k.ref('ResultDescription'),
          'The results that may be asserted with this achievement.',
        ),
      ),
      specialization: Type.Optional(k.text('The focus or specific area of study.')),
      tag: Type.Optional(k.list(k.text(), 'Tags that describe the type of achievement.')),
      version: Type.Optional(k.text('The version of the achievement.')),
    },
    k.model('Achievement', 'The accomplishment recognized by an OpenBadgeCredential.'),
  );

export const AchievementSchema = defineAchievement(strictKit);
export const LenientAchievementSchema = defineAchievement(lenientKit);
export type Achievement = Static<typeof AchievementSchema>;
export type LenientAchievement = Static<typeof LenientAchievementSchema>;
