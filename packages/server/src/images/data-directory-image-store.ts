/**
 * Badge images as files in the data directory: `<AKASHI_DATA_DIR>/images/<sha256>.<png|svg>`,
 * easy to serve from a reverse proxy and to back up with rsync.
 *
 * A file is written under a temporary name, flushed to disk and renamed into place, so a reader
 * (or a crash) never sees half an image; since the name is the content's hash, two writers of the
 * same image write the same bytes, and the last rename wins harmlessly.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertImageToStore,
  computeImageId,
  createImageUrlBuilder,
  IMAGE_FILE_EXTENSIONS,
  isImageId,
  type ImageMediaType,
  type ImageStore,
  type StoredImage,
} from './image-store.js';

export interface DataDirectoryImageStoreOptions {
  /** The data directory (`AKASHI_DATA_DIR`); images go in its `images/` folder. */
  readonly dataDir: string;
  /** Where the images are served: an absolute URL ending in `/` (`<PUBLIC_URL>/images/`). */
  readonly baseUrl: string;
}

const isMissing = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'ENOENT';

const readIfPresent = async (path: string): Promise<Buffer | undefined> => {
  try {
    return await readFile(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
};

const exists = async (path: string): Promise<boolean> => {
  try {
    await access(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
};

/** Writes `bytes` to `path` atomically: temporary file, fsync, rename. */
const writeAtomically = async (path: string, bytes: Uint8Array): Promise<void> => {
  const temporary = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};

const MEDIA_TYPES = Object.keys(IMAGE_FILE_EXTENSIONS) as ImageMediaType[];

/** An `ImageStore` over files in `<dataDir>/images/`. */
export const createDataDirectoryImageStore = ({
  dataDir,
  baseUrl,
}: DataDirectoryImageStoreOptions): ImageStore => {
  if (typeof dataDir !== 'string' || dataDir === '') {
    throw new TypeError('"dataDir" must be a directory path.');
  }
  const directory = join(dataDir, 'images');
  const pathOf = (id: string, mediaType: ImageMediaType): string =>
    join(directory, `${id}.${IMAGE_FILE_EXTENSIONS[mediaType]}`);
  return {
    put: async (bytes: Uint8Array, mediaType: ImageMediaType): Promise<string> => {
      assertImageToStore(bytes, mediaType);
      const id = computeImageId(bytes);
      const path = pathOf(id, mediaType);
      await mkdir(directory, { recursive: true });
      if (!(await exists(path))) await writeAtomically(path, bytes);
      return id;
    },

    get: async (id: string): Promise<StoredImage | undefined> => {
      if (!isImageId(id)) return undefined; // never a path built from anything else
      for (const mediaType of MEDIA_TYPES) {
        const bytes = await readIfPresent(pathOf(id, mediaType));
        if (bytes !== undefined) return { id, mediaType, bytes: new Uint8Array(bytes) };
      }
      return undefined;
    },

    url: createImageUrlBuilder(baseUrl),
  };
};
