export {
  canonicalizeGeneric,
  createCanonizer,
  type CanonicalizationPath,
  type CanonicalizeResult,
  type Canonizer,
  type CreateCanonizerOptions,
} from './create-canonizer.js';
