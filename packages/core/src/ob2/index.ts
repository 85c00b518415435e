/**
 * Open Badges 2.0 in @akashi/core: the bundled OB 2.0 / 1.1 contexts, the OB 2.0 models and
 * their builders, signing (JWS RS256), and verification (hosted and signed; OB 1.x upgraded)
 * with the same report as OB 3.0.
 */
export {
  OB_V1_CONTEXT_URL,
  OB_V2_CONTEXT_ALIAS_URL,
  OB_V2_CONTEXT_URL,
  OB_V2_CONTEXT_URLS,
  ob2Contexts,
} from './ob2-contexts.js';
export {
  AlignmentObjectSchema,
  AssertionSchema,
  BadgeClassSchema,
  CryptographicKeySchema,
  OB2_SHA256_IDENTITY_PATTERN,
  OB2_STRICT_SCHEMAS,
  Ob2CriteriaSchema,
  Ob2EndorsementSchema,
  Ob2EvidenceSchema,
  Ob2IdentityObjectSchema,
  Ob2ImageSchema,
  Ob2ProfileSchema,
  Ob2VerificationPolicySchema,
  RevocationListSchema,
  RevokedAssertionSchema,
  VerificationObjectSchema,
  type AlignmentObject,
  type Assertion,
  type BadgeClass,
  type CryptographicKey,
  type Ob2Criteria,
  type Ob2Endorsement,
  type Ob2Evidence,
  type Ob2IdentityObject,
  type Ob2Image,
  type Ob2ModelName,
  type Ob2Profile,
  type Ob2VerificationPolicy,
  type RevocationList,
  type RevokedAssertion,
  type VerificationObject,
} from './ob2-models.js';
export { OB2_LENIENT_SCHEMAS } from './ob2-lenient-models.js';
export {
  assertStrictOb2Model,
  validateOb2Model,
  type Ob2ModelVariant,
} from './validate-ob2-model.js';
export {
  buildOb2IdentityObject,
  type BuildOb2IdentityObjectInput,
} from './build-ob2-identity-object.js';
export { buildAssertion, type AssertionInput } from './build-assertion.js';
export { buildBadgeClass, type BadgeClassInput } from './build-badge-class.js';
export { buildOb2Profile, type Ob2ProfileInput } from './build-ob2-profile.js';
export {
  buildCryptographicKey,
  type BuildCryptographicKeyInput,
} from './build-cryptographic-key.js';
export { buildRevocationList, type RevocationListInput } from './build-revocation-list.js';
export { buildOb2Endorsement, type Ob2EndorsementInput } from './build-ob2-endorsement.js';
export { signAssertion, type SignAssertionOptions } from './sign-assertion.js';
export {
  upgradeLegacyBadgeObject,
  type LegacyBadgeObjectClass,
  type UpgradeLegacyBadgeObjectOptions,
  type UpgradeLegacyBadgeObjectResult,
} from './upgrade-legacy-badge-object.js';
export { verifyOb2 } from './verify-ob2.js';
export type {
  Ob2Input,
  Ob2SourceVersion,
  Ob2VerificationReport,
  VerifyOb2Options,
} from './verify-ob2-options.js';
