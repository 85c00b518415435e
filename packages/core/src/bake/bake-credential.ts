import type { BadgeGeneration, BakedImageType } from './baking-vocabulary.js';
import { bakePng } from './bake-png.js';
import { bakeSvg } from './bake-svg.js';
import { detectImageType } from './detect-image-type.js';

export interface BakeCredentialOptions {
  /** `ob3` (default) or `ob2`. */
  readonly generation?: BadgeGeneration;
  /** OB 2.0 hosted assertions baked into SVG only; see `BakeSvgOptions.verifyUrl`. */
  readonly verifyUrl?: string;
  /** Largest image accepted, in bytes (default 10 MiB). */
  readonly maxBytes?: number;
}

export interface BakeCredentialResult {
  readonly imageType: BakedImageType;
  readonly mediaType: 'image/png' | 'image/svg+xml';
  /** The baked image; an SVG is UTF-8 encoded. */
  readonly image: Uint8Array;
}

/**
 * Bakes `payload` (credential JSON or compact JWS) into a PNG or SVG image, telling the two
 * apart by content, not by file name. See `bakePng` and `bakeSvg`.
 *
 * @throws AkashiError `ERR_BAKE_NOT_IMAGE` for anything but PNG or SVG, and the errors of
 *   `bakePng` / `bakeSvg`.
 */
export const bakeCredential = (
  image: Uint8Array,
  payload: string,
  options: BakeCredentialOptions = {},
): BakeCredentialResult => {
  if (!(image instanceof Uint8Array)) throw new TypeError('"image" must be a Uint8Array.');
  const imageType = detectImageType(image);
  if (imageType === 'png') {
    return { imageType, mediaType: 'image/png', image: bakePng(image, payload, options) };
  }
  const svg = bakeSvg(image, payload, options);
  return { imageType, mediaType: 'image/svg+xml', image: new TextEncoder().encode(svg) };
};
