import { assertStrictModel } from './assert-strict-model.js';
import {
  shapeAchievementSubject,
  type AchievementSubjectInput,
} from './build-achievement-subject.js';
import {
  assertInputObject,
  mapList,
  shapeIfPresent,
  shapeTypeSet,
  withUnknownMembers,
  type Loosen,
  type TypeInput,
} from './builder-input.js';
import type { Evidence } from './evidence.js';
import { omitEmpty, omitUndefinedDeep } from './omit-empty.js';
import type { OpenBadgeCredential } from './open-badge-credential.js';
import { selectCredentialContexts } from './select-credential-contexts.js';
import {
  shapeCredentialEnvelope,
  type CredentialClockOptions,
  type CredentialEnvelopeInput,
} from './shape-credential-envelope.js';
import { shapeEmbeddedEndorsement, type EmbeddedEndorsementInput } from './shape-endorsement.js';

export type EvidenceInput = Loosen<Omit<Evidence, 'type'>> & TypeInput;

export interface OpenBadgeCredentialInput extends CredentialEnvelopeInput {
  readonly credentialSubject: AchievementSubjectInput;
  /** The credential's display name (wallets list it). */
  readonly name?: string | undefined;
  readonly evidence?: readonly EvidenceInput[] | undefined;
  /** Signed EndorsementCredentials about this credential. */
  readonly endorsement?: readonly EmbeddedEndorsementInput[] | undefined;
}

export type BuildOpenBadgeCredentialOptions = CredentialClockOptions;

/**
 * Builds an unsigned OpenBadgeCredential in the exact shape Akashi emits (§2.1–2.3): `@context`
 * VC 2.0 + OB 3.0.3 (+ `extensions.json` when a 1EdTech type appears), `type`
 * `["VerifiableCredential", "OpenBadgeCredential"]`, `id` `urn:uuid:…` by default, `validFrom`
 * now (whole seconds, `Z`) by default, issuer as a Profile object with a name, arrays for every
 * multi-valued member, no nulls, no empty arrays, no undefined members.
 *
 * Throws `ERR_CREDENTIAL_INVALID` whose `details.errors` lists every bad field as
 * `{ path, message }`.
 */
export const buildOpenBadgeCredential = (
  input: OpenBadgeCredentialInput,
  options: BuildOpenBadgeCredentialOptions = {},
): OpenBadgeCredential => {
  assertInputObject(input);
  const { id, ...envelope } = shapeCredentialEnvelope(input, options);
  const shaped = {
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.name,
    ...envelope,
    credentialSubject: shapeIfPresent(input.credentialSubject, shapeAchievementSubject),
    evidence: mapList(input.evidence, (evidence) =>
      omitEmpty({ ...evidence, type: shapeTypeSet('Evidence', evidence.type) }),
    ),
    endorsement: mapList(input.endorsement, shapeEmbeddedEndorsement),
  };
  const body = omitEmpty(withUnknownMembers(shaped, input));
  const credential = omitUndefinedDeep({ '@context': selectCredentialContexts(body), ...body });
  return assertStrictModel('OpenBadgeCredential', credential);
};
