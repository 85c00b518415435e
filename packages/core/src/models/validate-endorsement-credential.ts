import { validateModel, type SchemaValidationResult } from './validate-model.js';

/**
 * The verifier's `schema` check for an EndorsementCredential: validates against Akashi's lenient
 * schema. Never throws for a bad credential; lists every bad field.
 */
export const validateEndorsementCredential = (value: unknown): SchemaValidationResult =>
  validateModel('lenient', 'EndorsementCredential', value);
