/**
 * Recipient identity (OB 2.0 / 3.0 IdentityObject): hashing with an appended salt, the e-mail
 * normalisation rule, building identity objects and matching one against a candidate.
 */
export { hashIdentity, hashIdentityWith, type IdentityHashAlgorithm } from './hash-identity.js';
export { normalizeEmail } from './normalize-email.js';
export { buildIdentityObject, type BuildIdentityObjectInput } from './build-identity-object.js';
export { matchIdentityObject, type MatchableIdentityObject } from './match-identity-object.js';
