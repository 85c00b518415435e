import { assertStrictModel } from './assert-strict-model.js';
import {
  assertInputObject,
  shapeIfPresent,
  shapeTypeSet,
  type Loosen,
  withUnknownMembers,
  type TypeInput,
} from './builder-input.js';
import type { EndorsementCredential } from './endorsement-credential.js';
import type { EndorsementSubject } from './endorsement-subject.js';
import { omitEmpty, omitUndefinedDeep } from './omit-empty.js';
import { selectCredentialContexts } from './select-credential-contexts.js';
import {
  shapeCredentialEnvelope,
  type CredentialClockOptions,
  type CredentialEnvelopeInput,
} from './shape-credential-envelope.js';

/** The endorsed entity (`id`: a credential, an achievement or a profile) and the comment. */
export type EndorsementSubjectInput = Loosen<Omit<EndorsementSubject, 'type'>> & TypeInput;

export interface EndorsementCredentialInput extends CredentialEnvelopeInput {
  /** The endorsement's name (required by the spec). */
  readonly name: string;
  readonly credentialSubject: EndorsementSubjectInput;
}

export type BuildEndorsementCredentialOptions = CredentialClockOptions;

/**
 * Builds an unsigned EndorsementCredential in the exact shape Akashi emits (type
 * `["VerifiableCredential", "EndorsementCredential"]`, the same `@context`, `id` and
 * `validFrom` defaults as `buildOpenBadgeCredential`). Sign it before embedding it: embedded
 * endorsements must carry a proof. Throws `ERR_CREDENTIAL_INVALID` listing every bad field.
 */
export const buildEndorsementCredential = (
  input: EndorsementCredentialInput,
  options: BuildEndorsementCredentialOptions = {},
): EndorsementCredential => {
  assertInputObject(input);
  const { id, ...envelope } = shapeCredentialEnvelope(input, options);
  const shaped = {
    id,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: input.name,
    ...envelope,
    credentialSubject: shapeIfPresent(input.credentialSubject, (subject) =>
      omitEmpty({ ...subject, type: shapeTypeSet('EndorsementSubject', subject.type) }),
    ),
  };
  const body = omitEmpty(withUnknownMembers(shaped, input));
  const credential = omitUndefinedDeep({ '@context': selectCredentialContexts(body), ...body });
  return assertStrictModel('EndorsementCredential', credential);
};
