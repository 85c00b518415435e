/**
 * Where badge images live, behind one interface: the database (`database-image-store.ts`) or
 * the data directory (`data-directory-image-store.ts`) now, S3-compatible object storage later.
 *
 * Images are content-addressed: the id is the SHA-256 (lower-case hex) of the bytes, so storing
 * the same image twice stores it once, an id can never point at other bytes, and an id is safe in
 * a path or an object key. A store keeps what it is given: only images from `prepareBadgeImage`
 * (validated PNG, sanitised SVG) may be put, because they are served from the platform's origin.
 */
import { createHash } from 'node:crypto';

export type ImageMediaType = 'image/png' | 'image/svg+xml';

/** The file extension of each media type (data directory, object keys). */
export const IMAGE_FILE_EXTENSIONS: Readonly<Record<ImageMediaType, string>> = {
  'image/png': 'png',
  'image/svg+xml': 'svg',
};

export interface StoredImage {
  /** SHA-256 of `bytes`, lower-case hex. */
  readonly id: string;
  readonly mediaType: ImageMediaType;
  readonly bytes: Uint8Array;
}

export interface ImageStore {
  /**
   * Stores an image and returns its id. Putting bytes that are already stored changes nothing
   * and returns the same id.
   */
  put(bytes: Uint8Array, mediaType: ImageMediaType): Promise<string>;
  /** The image with this id; undefined when there is none or `id` is not an image id at all. */
  get(id: string): Promise<StoredImage | undefined>;
  /** The public URL the image is served at (whether it exists is not checked). */
  url(id: string): string;
}

const IMAGE_ID = /^[0-9a-f]{64}$/;

/** Whether `value` has the shape of an image id (so it is safe in a path or key). */
export const isImageId = (value: unknown): value is string =>
  typeof value === 'string' && IMAGE_ID.test(value);

/** The id of an image: the SHA-256 of its bytes, lower-case hex. */
export const computeImageId = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Checks the arguments of `put` (`TypeError` naming the parameter). */
export const assertImageToStore = (bytes: unknown, mediaType: unknown): void => {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    throw new TypeError('"bytes" must be a non-empty Uint8Array.');
  }
  if (typeof mediaType !== 'string' || !Object.hasOwn(IMAGE_FILE_EXTENSIONS, mediaType)) {
    throw new TypeError(
      `"mediaType" must be image/png or image/svg+xml; got ${String(mediaType)}.`,
    );
  }
};

/**
 * Builds `url(id)` for a store whose images are served under `baseUrl` (absolute, ending in
 * `/`, such as `https://badges.example.org/images/`).
 */
export const createImageUrlBuilder = (baseUrl: string): ((id: string) => string) => {
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl) || !baseUrl.endsWith('/')) {
    throw new TypeError('"baseUrl" must be an absolute URL ending in "/".');
  }
  return (id) => {
    if (!isImageId(id)) throw new TypeError('"id" must be an image id (64 hex digits).');
    return `${baseUrl}${id}`;
  };
};
