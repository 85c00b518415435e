/**
 * Badge images in the platform's database (`images` table, migration 0005): the simplest choice
 * for one server, and backed up with everything else.
 */
import { Buffer } from 'node:buffer';
import type { Database } from '../db/open-database.js';
import {
  assertImageToStore,
  computeImageId,
  createImageUrlBuilder,
  isImageId,
  type ImageMediaType,
  type ImageStore,
  type StoredImage,
} from './image-store.js';

export interface DatabaseImageStoreOptions {
  /** Where the images are served: an absolute URL ending in `/` (`<PUBLIC_URL>/images/`). */
  readonly baseUrl: string;
  /** The clock for `created_at` (default: the system clock). */
  readonly now?: () => Date;
}

/** An `ImageStore` over the `images` table, on SQLite or PostgreSQL. */
export const createDatabaseImageStore = (
  database: Database,
  { baseUrl, now = () => new Date() }: DatabaseImageStoreOptions,
): ImageStore => ({
  put: async (bytes: Uint8Array, mediaType: ImageMediaType): Promise<string> => {
    assertImageToStore(bytes, mediaType);
    const id = computeImageId(bytes);
    await database.kysely
      .insertInto('images')
      .values({
        id,
        media_type: mediaType,
        bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        created_at: now().toISOString(),
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    return id;
  },

  get: async (id: string): Promise<StoredImage | undefined> => {
    if (!isImageId(id)) return undefined;
    const row = await database.kysely
      .selectFrom('images')
      .select(['media_type', 'bytes'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return { id, mediaType: row.media_type, bytes: new Uint8Array(row.bytes) };
  },

  url: createImageUrlBuilder(baseUrl),
});
