import { Type, type Static } from '@sinclair/typebox';
import {
  createDateTimeSchema,
  lenientKit,
  strictKit,
  type ModelKit,
  type ModelVariant,
} from './model-kit.js';

const defineAchievementSubject = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: Type.Optional(
        k.uri('The recipient (a DID or a URI). Either `id` or an `identifier` is required.'),
      ),
      type: k.typeSet('AchievementSubject'),
      activityEndDate: Type.Optional(createDateTimeSchema('When the activity ended.')),
      activityStartDate: Type.Optional(createDateTimeSchema('When the activity started.')),
      creditsEarned: Type.Optional(
        Type.Number({
          ...k.strictly({ minimum: 0 }),
          description: 'The number of credits earned.',
        }),
      ),
      achievement: k.ref('Achievement'),
      identifier: Type.Optional(
        k.list(
          k.ref('IdentityObject'),
          'Identifiers of the recipient (e.g. a hashed e-mail address).',
        ),
      ),
      image: Type.Optional(k.ref('Image')),
      licenseNumber: Type.Optional(k.text('The license number issued with this credential.')),
      narrative: Type.Optional(
        k.text('A narrative connecting multiple pieces of evidence (Markdown).'),
      ),
      result: Type.Optional(k.list(k.ref('Result'), 'The results being asserted.')),
      role: Type.Optional(k.text('Role, position or title of the learner.')),
      source: Type.Optional(k.ref('Profile')),
      term: Type.Optional(k.text('The academic term in which the achievement was earned.')),
    },
    {
      ...k.model('AchievementSubject', 'The recipient of an achievement and what they achieved.'),
      anyOf: [{ required: ['id'] }, { required: ['identifier'] }],
    },
  );

export const AchievementSubjectSchema = defineAchievementSubject(strictKit);
export const LenientAchievementSubjectSchema = defineAchievementSubject(lenientKit);
export type AchievementSubject = Static<typeof AchievementSubjectSchema>;
export type LenientAchievementSubject = Static<typeof LenientAchievementSubjectSchema>;
