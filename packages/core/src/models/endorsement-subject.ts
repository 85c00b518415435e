import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineEndorsementSubject = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('The endorsed entity: a credential, an achievement, a profile.'),
      type: k.typeSet('EndorsementSubject'),
      endorsementComment: Type.Optional(
        k.text('The endorser’s claim about the entity (Markdown).'),
      ),
    },
    k.model('EndorsementSubject', 'The subject of an endorsement and the endorsement comment.'),
  );

export const EndorsementSubjectSchema = defineEndorsementSubject(strictKit);
export const LenientEndorsementSubjectSchema = defineEndorsementSubject(lenientKit);
export type EndorsementSubject = Static<typeof EndorsementSubjectSchema>;
export type LenientEndorsementSubject = Static<typeof LenientEndorsementSubjectSchema>;
