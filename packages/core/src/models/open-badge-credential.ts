import { Type, type Static } from '@sinclair/typebox';
import { defineCredentialEnvelope } from './credential-envelope.js';
import {
  defineEmbeddedEndorsements,
  defineEndorsementJwtProperty,
} from './embedded-endorsements.js';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineOpenBadgeCredential = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      ...defineCredentialEnvelope(k),
      type: k.typeSet('VerifiableCredential', ['OpenBadgeCredential', 'AchievementCredential']),
      credentialSubject: k.ref('AchievementSubject'),
      endorsement: Type.Optional(defineEmbeddedEndorsements(k)),
      ...defineEndorsementJwtProperty(k),
      evidence: Type.Optional(
        k.list(k.ref('Evidence'), 'Descriptions of the work that earned the achievement.'),
      ),
    },
    k.model(
      'OpenBadgeCredential',
      'An awarded achievement (OpenBadgeCredential, also called AchievementCredential): a Verifiable Credential whose subject is an AchievementSubject.',
    ),
  );

/** `OpenBadgeCredential` = `AchievementCredential` (the two type names are aliases). */
export const OpenBadgeCredentialSchema = defineOpenBadgeCredential(strictKit);
export const LenientOpenBadgeCredentialSchema = defineOpenBadgeCredential(lenientKit);
export type OpenBadgeCredential = Static<typeof OpenBadgeCredentialSchema>;
export type LenientOpenBadgeCredential = Static<typeof LenientOpenBadgeCredentialSchema>;
/** The spec's other name for an OpenBadgeCredential. */
export type AchievementCredential = OpenBadgeCredential;
