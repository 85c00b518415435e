/**
 * Model name → TypeScript type, per variant. Used by `ModelKit.ref` to type references between
 * model schemas. Type-only: nothing here exists at run time.
 */
import type { Achievement, LenientAchievement } from './achievement.js';
import type { AchievementSubject, LenientAchievementSubject } from './achievement-subject.js';
import type { Address, LenientAddress } from './address.js';
import type { Alignment, LenientAlignment } from './alignment.js';
import type { CredentialSchema, LenientCredentialSchema } from './credential-schema.js';
import type { Criteria, LenientCriteria } from './criteria.js';
import type {
  EndorsementCredential,
  LenientEndorsementCredential,
} from './endorsement-credential.js';
import type { EndorsementSubject, LenientEndorsementSubject } from './endorsement-subject.js';
import type { Evidence, LenientEvidence } from './evidence.js';
import type { GeoCoordinates, LenientGeoCoordinates } from './geo-coordinates.js';
import type { IdentifierEntry, LenientIdentifierEntry } from './identifier-entry.js';
import type { IdentityObject, LenientIdentityObject } from './identity-object.js';
import type { Image, LenientImage } from './image.js';
import type { LenientProfile, Profile } from './profile.js';
import type { LenientRefreshService, RefreshService } from './refresh-service.js';
import type { LenientRelated, Related } from './related.js';
import type { LenientResult, Result } from './result.js';
import type { LenientResultDescription, ResultDescription } from './result-description.js';
import type {
  LenientRubricCriterionLevel,
  RubricCriterionLevel,
} from './rubric-criterion-level.js';
import type { LenientTermsOfUse, TermsOfUse } from './terms-of-use.js';

export interface StrictModels {
  Achievement: Achievement;
  AchievementSubject: AchievementSubject;
  Address: Address;
  Alignment: Alignment;
  CredentialSchema: CredentialSchema;
  Criteria: Criteria;
  EndorsementCredential: EndorsementCredential;
  EndorsementSubject: EndorsementSubject;
  Evidence: Evidence;
  GeoCoordinates: GeoCoordinates;
  IdentifierEntry: IdentifierEntry;
  IdentityObject: IdentityObject;
  Image: Image;
  Profile: Profile;
  RefreshService: RefreshService;
  Related: Related;
  Result: Result;
  ResultDescription: ResultDescription;
  RubricCriterionLevel: RubricCriterionLevel;
  TermsOfUse: TermsOfUse;
}

export interface LenientModels {
  Achievement: LenientAchievement;
  AchievementSubject: LenientAchievementSubject;
  Address: LenientAddress;
  Alignment: LenientAlignment;
  CredentialSchema: LenientCredentialSchema;
  Criteria: LenientCriteria;
  EndorsementCredential: LenientEndorsementCredential;
  EndorsementSubject: LenientEndorsementSubject;
  Evidence: LenientEvidence;
  GeoCoordinates: LenientGeoCoordinates;
  IdentifierEntry: LenientIdentifierEntry;
  IdentityObject: LenientIdentityObject;
  Image: LenientImage;
  Profile: LenientProfile;
  RefreshService: LenientRefreshService;
  Related: LenientRelated;
  Result: LenientResult;
  ResultDescription: LenientResultDescription;
  RubricCriterionLevel: LenientRubricCriterionLevel;
  TermsOfUse: LenientTermsOfUse;
}

/** Models that exist in both variants under the same name (and may be referenced by `ref`). */
export type SharedModelName = keyof StrictModels & keyof LenientModels;
