import { Type, type Static } from '@sinclair/typebox';
import { defineCredentialEnvelope } from './credential-envelope.js';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineEndorsementCredential = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      ...defineCredentialEnvelope(k),
      type: k.typeSet('VerifiableCredential', 'EndorsementCredential'),
      name: k.text('The name of the endorsement, for display.'),
      credentialSubject: k.ref('EndorsementSubject'),
    },
    k.model(
      'EndorsementCredential',
      'A Verifiable Credential in which an endorser makes a claim about a credential, an achievement or a profile.',
    ),
  );

export const EndorsementCredentialSchema = defineEndorsementCredential(strictKit);
export const LenientEndorsementCredentialSchema = defineEndorsementCredential(lenientKit);
// Interfaces, not aliases: see Profile.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EndorsementCredential extends Static<typeof EndorsementCredentialSchema> {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LenientEndorsementCredential extends Static<
  typeof LenientEndorsementCredentialSchema
> {}
