/**
 * Open Badges 3.0 models: one JSON Schema per model (TypeBox, JSON Schema 2019-09) in a strict
 * variant (what Akashi emits) and a lenient one (what it accepts), TypeScript types inferred from
 * them, builders that emit the strict shapes, and the schema validators the verifier uses.
 */
export { AchievementSchema, LenientAchievementSchema } from './achievement.js';
export type { Achievement, LenientAchievement } from './achievement.js';
export {
  AchievementSubjectSchema,
  LenientAchievementSubjectSchema,
} from './achievement-subject.js';
export type { AchievementSubject, LenientAchievementSubject } from './achievement-subject.js';
export { AddressSchema, LenientAddressSchema } from './address.js';
export type { Address, LenientAddress } from './address.js';
export { AlignmentSchema, LenientAlignmentSchema } from './alignment.js';
export type { Alignment, LenientAlignment } from './alignment.js';
// `BitstringStatusListEntrySchema` / `BitstringStatusListEntry` are not re-exported here: the
// status module exports the same names. Import them from './bitstring-status-list-entry.js'.
export { LenientCredentialStatusSchema } from './bitstring-status-list-entry.js';
export type { LenientCredentialStatus } from './bitstring-status-list-entry.js';
export {
  CREDENTIAL_SCHEMA_TYPES,
  CredentialSchemaSchema,
  LenientCredentialSchemaSchema,
} from './credential-schema.js';
export type {
  CredentialSchema,
  CredentialSchemaType,
  LenientCredentialSchema,
} from './credential-schema.js';
export { CriteriaSchema, LenientCriteriaSchema } from './criteria.js';
export type { Criteria, LenientCriteria } from './criteria.js';
// The `DataIntegrityProof` type is not re-exported here: the proof module exports that name.
export {
  CRYPTOSUITES,
  DataIntegrityProofSchema,
  LenientProofSchema,
  PROOF_PURPOSES,
} from './data-integrity-proof.js';
export type { Cryptosuite, LenientProof, ProofPurpose } from './data-integrity-proof.js';
export {
  EndorsementCredentialSchema,
  LenientEndorsementCredentialSchema,
} from './endorsement-credential.js';
export type {
  EndorsementCredential,
  LenientEndorsementCredential,
} from './endorsement-credential.js';
export {
  EndorsementSubjectSchema,
  LenientEndorsementSubjectSchema,
} from './endorsement-subject.js';
export type { EndorsementSubject, LenientEndorsementSubject } from './endorsement-subject.js';
export { EvidenceSchema, LenientEvidenceSchema } from './evidence.js';
export type { Evidence, LenientEvidence } from './evidence.js';
export { GeoCoordinatesSchema, LenientGeoCoordinatesSchema } from './geo-coordinates.js';
export type { GeoCoordinates, LenientGeoCoordinates } from './geo-coordinates.js';
export { IdentifierEntrySchema, LenientIdentifierEntrySchema } from './identifier-entry.js';
export type { IdentifierEntry, LenientIdentifierEntry } from './identifier-entry.js';
export {
  IdentityObjectSchema,
  LenientIdentityObjectSchema,
  SHA256_IDENTITY_HASH_PATTERN,
} from './identity-object.js';
export type { IdentityObject, LenientIdentityObject } from './identity-object.js';
export { ImageSchema, LenientImageSchema } from './image.js';
export type { Image, LenientImage } from './image.js';
export {
  LenientOpenBadgeCredentialSchema,
  OpenBadgeCredentialSchema,
} from './open-badge-credential.js';
export type {
  AchievementCredential,
  LenientOpenBadgeCredential,
  OpenBadgeCredential,
} from './open-badge-credential.js';
export { LenientProfileSchema, ProfileSchema } from './profile.js';
export type { LenientProfile, Profile } from './profile.js';
export { LenientRefreshServiceSchema, RefreshServiceSchema } from './refresh-service.js';
export type { LenientRefreshService, RefreshService } from './refresh-service.js';
export { LANGUAGE_CODE_PATTERN, LenientRelatedSchema, RelatedSchema } from './related.js';
export type { LenientRelated, Related } from './related.js';
export { LenientResultSchema, ResultSchema } from './result.js';
export type { LenientResult, Result } from './result.js';
export { LenientResultDescriptionSchema, ResultDescriptionSchema } from './result-description.js';
export type { LenientResultDescription, ResultDescription } from './result-description.js';
export {
  LenientRubricCriterionLevelSchema,
  RubricCriterionLevelSchema,
} from './rubric-criterion-level.js';
export type {
  LenientRubricCriterionLevel,
  RubricCriterionLevel,
} from './rubric-criterion-level.js';
export { LenientTermsOfUseSchema, TermsOfUseSchema } from './terms-of-use.js';
export type { LenientTermsOfUse, TermsOfUse } from './terms-of-use.js';
// `STATUS_PURPOSES` / `StatusPurpose` are not re-exported here: the status module exports them.
export {
  ACHIEVEMENT_TYPES,
  ALIGNMENT_TARGET_TYPES,
  EXTENSION_TERM_PATTERN,
  IDENTIFIER_TYPES,
  RESULT_STATUSES,
  RESULT_TYPES,
} from './vocabularies.js';
export type {
  AchievementType,
  AlignmentTargetType,
  ExtensionTerm,
  IdentifierType,
  ResultStatus,
  ResultType,
} from './vocabularies.js';

export { MODEL_SCHEMA_ID_PREFIX, getModelSchemaId, type ModelVariant } from './model-kit.js';
export {
  LENIENT_MODEL_SCHEMAS,
  STRICT_MODEL_SCHEMAS,
  getModelSchemas,
  type LenientModelName,
  type StrictModelName,
} from './model-schemas.js';
export { addModelFormats, validateModel, type SchemaValidationResult } from './validate-model.js';
export type { SchemaValidationError } from './format-schema-errors.js';
export { validateOpenBadgeCredential } from './validate-open-badge-credential.js';
export { validateEndorsementCredential } from './validate-endorsement-credential.js';

export { formatDateTime } from './format-date-time.js';
export type { DateTimeInput, TypeInput } from './builder-input.js';
export type { ImageInput } from './shape-image.js';
export type { EmbeddedEndorsementInput } from './shape-endorsement.js';
export type {
  BitstringStatusListEntryInput,
  CredentialClockOptions,
  CredentialEnvelopeInput,
  CredentialSchemaInput,
} from './shape-credential-envelope.js';
export {
  buildProfile,
  type AddressInput,
  type IdentifierEntryInput,
  type ProfileInput,
} from './build-profile.js';
export {
  buildAchievement,
  type AchievementInput,
  type AlignmentInput,
  type CriteriaInput,
  type RelatedInput,
  type ResultDescriptionInput,
  type RubricCriterionLevelInput,
} from './build-achievement.js';
export {
  buildAchievementSubject,
  type AchievementSubjectInput,
  type ResultInput,
} from './build-achievement-subject.js';
export {
  buildOpenBadgeCredential,
  type BuildOpenBadgeCredentialOptions,
  type EvidenceInput,
  type OpenBadgeCredentialInput,
} from './build-open-badge-credential.js';
export {
  buildEndorsementCredential,
  type BuildEndorsementCredentialOptions,
  type EndorsementCredentialInput,
  type EndorsementSubjectInput,
} from './build-endorsement-credential.js';
export { selectCredentialContexts } from './select-credential-contexts.js';
