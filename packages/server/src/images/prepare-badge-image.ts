/**
 * The one entry point for an uploaded achievement image: whatever the client calls it, the bytes
 * decide. A PNG is validated and stripped of its metadata, an SVG is sanitised, anything else is
 * refused with `ERR_IMAGE_UNSUPPORTED_TYPE` naming what was seen. What comes out is safe to store
 * (`ImageStore`) and to serve from the platform's own origin.
 */
import { ServerError } from '../http/server-error.js';
import { detectImage } from './detect-image.js';
import type { ImageMediaType } from './image-store.js';
import {
  assertBytes,
  assertUploadSize,
  DEFAULT_IMAGE_MAX_BYTES,
  readLimit,
} from './image-limits.js';
import { sanitizeSvg } from './sanitize-svg.js';
import { validatePng, type ValidatePngOptions } from './validate-png.js';

export interface PrepareBadgeImageOptions extends ValidatePngOptions {
  /**
   * The name the client gave the file. Never used to decide anything; its extension is only
   * quoted when the content is unrecognised.
   */
  readonly filename?: string;
}

export interface PreparedBadgeImage {
  readonly mediaType: ImageMediaType;
  /** The cleaned image, to store and serve instead of the upload. */
  readonly bytes: Uint8Array;
  /** Pixels for a PNG; the intrinsic size for an SVG, when it declares one. */
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** What was removed (PNG chunk types, SVG elements and attributes), for telling the uploader. */
  readonly removed: readonly string[];
}

/** `.heic` from `photo.HEIC`, for the message; nothing when the name has no plain extension. */
const readExtension = (filename: string | undefined): string | undefined =>
  filename === undefined ? undefined : /\.([A-Za-z0-9]{1,10})$/.exec(filename)?.[1]?.toLowerCase();

/**
 * Checks and cleans an uploaded badge image (see `validatePng` and `sanitizeSvg`). Every limit
 * applies to both formats where it makes sense: `maxBytes` to the upload, the pixel and decoded
 * limits to a PNG and to PNGs embedded in an SVG.
 *
 * @throws ServerError `ERR_IMAGE_UNSUPPORTED_TYPE`, `ERR_IMAGE_TOO_LARGE`, and the codes of
 *   `validatePng` or `sanitizeSvg`.
 * @throws TypeError when `bytes` is not a Uint8Array or a limit is not a positive integer.
 */
export const prepareBadgeImage = async (
  bytes: Uint8Array,
  options: PrepareBadgeImageOptions = {},
): Promise<PreparedBadgeImage> => {
  assertBytes(bytes, 'bytes');
  const { filename, ...limits } = options;
  assertUploadSize(bytes.length, readLimit('maxBytes', limits.maxBytes, DEFAULT_IMAGE_MAX_BYTES));
  const detected = detectImage(bytes);
  switch (detected.type) {
    case 'png': {
      const png = await validatePng(bytes, limits);
      return { mediaType: 'image/png', ...png };
    }
    case 'svg': {
      const { maxBytes, ...png } = limits;
      const svg = await sanitizeSvg(bytes, {
        ...(maxBytes === undefined ? {} : { maxBytes }),
        png,
      });
      return {
        mediaType: 'image/svg+xml',
        bytes: svg.bytes,
        width: svg.width,
        height: svg.height,
        removed: svg.removed,
      };
    }
    case 'unsupported': {
      const extension = readExtension(filename);
      const format =
        detected.format === 'unknown data' && extension !== undefined
          ? `unknown data, named .${extension}`
          : detected.format;
      throw new ServerError('ERR_IMAGE_UNSUPPORTED_TYPE', { params: { format } });
    }
  }
};
