/**
 * The limits on uploaded badge images, in one place, and the checks shared by the PNG and SVG
 * paths. Every limit can be lowered (or raised) per call; these are the defaults.
 */
import { ServerError } from '../http/server-error.js';

/** Largest upload, PNG or SVG, in bytes: 2 MiB. */
export const DEFAULT_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/** Largest PNG width and height, in pixels. */
export const DEFAULT_IMAGE_MAX_DIMENSION = 4096;

/**
 * Largest decoded PNG raster (scanline bytes × height, before any conversion), in bytes: 64 MiB,
 * a 4096 × 4096 RGBA image. This bounds the memory of every program that later shows the image.
 */
export const DEFAULT_PNG_MAX_DECODED_BYTES = 64 * 1024 * 1024;

/** Reads a positive integer limit option, or its default; anything else is a `TypeError`. */
export const readLimit = (name: string, value: number | undefined, fallback: number): number => {
  const limit = value ?? fallback;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new TypeError(`"options.${name}" must be a positive integer; got ${String(limit)}.`);
  }
  return limit;
};

/** Refuses `bytes` if it is not a Uint8Array (a `TypeError` naming `name`). */
export const assertBytes: (bytes: unknown, name: string) => asserts bytes is Uint8Array = (
  bytes,
  name,
) => {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`"${name}" must be a Uint8Array.`);
};

/** Refuses an upload of `size` bytes over `limit` with `ERR_IMAGE_TOO_LARGE`, before parsing. */
export const assertUploadSize = (size: number, limit: number): void => {
  if (size > limit) throw new ServerError('ERR_IMAGE_TOO_LARGE', { params: { size, limit } });
};
