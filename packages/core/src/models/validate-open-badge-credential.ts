import { validateModel, type SchemaValidationResult } from './validate-model.js';

/**
 * The verifier's `schema` check for an OpenBadgeCredential (AchievementCredential): validates
 * against Akashi's lenient schema, which takes the forms JSON-LD compaction produces (`type`,
 * `proof`, `credentialSchema`, `termsOfUse` as a single value) and an issuer given as a URI.
 * Never throws for a bad credential; lists every bad field.
 */
export const validateOpenBadgeCredential = (value: unknown): SchemaValidationResult =>
  validateModel('lenient', 'OpenBadgeCredential', value);
