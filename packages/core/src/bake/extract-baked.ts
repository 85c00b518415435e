import type { ExtractBakedResult } from './baking-vocabulary.js';
import { detectImageType } from './detect-image-type.js';
import { extractFromPng } from './extract-from-png.js';
import { extractFromSvg } from './extract-from-svg.js';

export interface ExtractBakedOptions {
  /** Largest image, and largest decompressed PNG text, accepted in bytes (default 10 MiB). */
  readonly maxBytes?: number;
}

/**
 * Extracts the badge baked into a PNG or SVG image, telling the two apart by content. Bad bytes
 * only ever raise an `AkashiError`. See `extractFromPng` and `extractFromSvg`.
 *
 * @throws AkashiError `ERR_BAKE_NOT_IMAGE`, `ERR_BAKE_MALFORMED_PNG`, `ERR_BAKE_MALFORMED_SVG`,
 *   `ERR_BAKE_XML_ENTITY_DECLARED`, `ERR_INPUT_TOO_LARGE`, `ERR_BAKE_NO_CREDENTIAL`.
 */
export const extractBaked = (
  image: Uint8Array,
  options: ExtractBakedOptions = {},
): ExtractBakedResult => {
  if (!(image instanceof Uint8Array)) throw new TypeError('"image" must be a Uint8Array.');
  return detectImageType(image) === 'png'
    ? extractFromPng(image, options)
    : extractFromSvg(image, options);
};
