/**
 * Every model schema, per variant. Each is a standalone JSON Schema (2019-09) with an `$id`
 * (`urn:akashi:schema:ob3:<Model>`, lenient: `urn:akashi:schema:ob3:lenient:<Model>`) and a
 * `title`; models refer to each other by `$id`. Load all of a variant's schemas together
 * (Ajv `addSchema`, OpenAPI `components.schemas`).
 */
import type { TSchema } from '@sinclair/typebox';
import { AchievementSchema, LenientAchievementSchema } from './achievement.js';
import {
  AchievementSubjectSchema,
  LenientAchievementSubjectSchema,
} from './achievement-subject.js';
import { AddressSchema, LenientAddressSchema } from './address.js';
import { AlignmentSchema, LenientAlignmentSchema } from './alignment.js';
import {
  BitstringStatusListEntrySchema,
  LenientCredentialStatusSchema,
} from './bitstring-status-list-entry.js';
import { CredentialSchemaSchema, LenientCredentialSchemaSchema } from './credential-schema.js';
import { CriteriaSchema, LenientCriteriaSchema } from './criteria.js';
import { DataIntegrityProofSchema, LenientProofSchema } from './data-integrity-proof.js';
import {
  EndorsementCredentialSchema,
  LenientEndorsementCredentialSchema,
} from './endorsement-credential.js';
import {
  EndorsementSubjectSchema,
  LenientEndorsementSubjectSchema,
} from './endorsement-subject.js';
import { EvidenceSchema, LenientEvidenceSchema } from './evidence.js';
import { GeoCoordinatesSchema, LenientGeoCoordinatesSchema } from './geo-coordinates.js';
import { IdentifierEntrySchema, LenientIdentifierEntrySchema } from './identifier-entry.js';
import { IdentityObjectSchema, LenientIdentityObjectSchema } from './identity-object.js';
import { ImageSchema, LenientImageSchema } from './image.js';
import type { ModelVariant } from './model-kit.js';
import type { SharedModelName } from './model-types.js';
import {
  LenientOpenBadgeCredentialSchema,
  OpenBadgeCredentialSchema,
} from './open-badge-credential.js';
import { LenientProfileSchema, ProfileSchema } from './profile.js';
import { LenientRefreshServiceSchema, RefreshServiceSchema } from './refresh-service.js';
import { LenientRelatedSchema, RelatedSchema } from './related.js';
import { LenientResultSchema, ResultSchema } from './result.js';
import { LenientResultDescriptionSchema, ResultDescriptionSchema } from './result-description.js';
import {
  LenientRubricCriterionLevelSchema,
  RubricCriterionLevelSchema,
} from './rubric-criterion-level.js';
import { LenientTermsOfUseSchema, TermsOfUseSchema } from './terms-of-use.js';

/** Models with a strict schema. */
export type StrictModelName =
  SharedModelName | 'OpenBadgeCredential' | 'DataIntegrityProof' | 'BitstringStatusListEntry';

/** Models with a lenient schema (any proof and any credentialStatus on input). */
export type LenientModelName =
  SharedModelName | 'OpenBadgeCredential' | 'Proof' | 'CredentialStatus';

/** Strict schemas: the exact shapes Akashi emits. */
export const STRICT_MODEL_SCHEMAS: readonly TSchema[] = [
  OpenBadgeCredentialSchema,
  EndorsementCredentialSchema,
  AchievementSubjectSchema,
  AchievementSchema,
  ProfileSchema,
  EndorsementSubjectSchema,
  IdentityObjectSchema,
  ImageSchema,
  EvidenceSchema,
  AlignmentSchema,
  ResultSchema,
  ResultDescriptionSchema,
  RubricCriterionLevelSchema,
  CriteriaSchema,
  RelatedSchema,
  IdentifierEntrySchema,
  AddressSchema,
  GeoCoordinatesSchema,
  DataIntegrityProofSchema,
  BitstringStatusListEntrySchema,
  CredentialSchemaSchema,
  RefreshServiceSchema,
  TermsOfUseSchema,
];

/** Lenient schemas: what Akashi accepts from others (verification, API input). */
export const LENIENT_MODEL_SCHEMAS: readonly TSchema[] = [
  LenientOpenBadgeCredentialSchema,
  LenientEndorsementCredentialSchema,
  LenientAchievementSubjectSchema,
  LenientAchievementSchema,
  LenientProfileSchema,
  LenientEndorsementSubjectSchema,
  LenientIdentityObjectSchema,
  LenientImageSchema,
  LenientEvidenceSchema,
  LenientAlignmentSchema,
  LenientResultSchema,
  LenientResultDescriptionSchema,
  LenientRubricCriterionLevelSchema,
  LenientCriteriaSchema,
  LenientRelatedSchema,
  LenientIdentifierEntrySchema,
  LenientAddressSchema,
  LenientGeoCoordinatesSchema,
  LenientProofSchema,
  LenientCredentialStatusSchema,
  LenientCredentialSchemaSchema,
  LenientRefreshServiceSchema,
  LenientTermsOfUseSchema,
];

export const getModelSchemas = (variant: ModelVariant): readonly TSchema[] =>
  variant === 'strict' ? STRICT_MODEL_SCHEMAS : LENIENT_MODEL_SCHEMAS;
