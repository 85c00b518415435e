// Public API of @akashi/core baking: bake and extract Open Badges 2.0 / 3.0 in PNG and SVG.
export { bakeCredential } from './bake-credential.js';
export type { BakeCredentialOptions, BakeCredentialResult } from './bake-credential.js';
export { bakePng } from './bake-png.js';
export type { BakePngOptions } from './bake-png.js';
export { bakeSvg } from './bake-svg.js';
export type { BakeSvgOptions } from './bake-svg.js';
export { extractBaked } from './extract-baked.js';
export type { ExtractBakedOptions } from './extract-baked.js';
export { extractFromPng } from './extract-from-png.js';
export type { ExtractFromPngOptions } from './extract-from-png.js';
export { extractFromSvg } from './extract-from-svg.js';
export type { ExtractFromSvgOptions } from './extract-from-svg.js';
export { detectImageType } from './detect-image-type.js';
export { BAKING_VOCABULARY, DEFAULT_BAKE_MAX_BYTES } from './baking-vocabulary.js';
export type {
  BadgeGeneration,
  BakedImageType,
  ExtractBakedResult,
  GenerationVocabulary,
} from './baking-vocabulary.js';
