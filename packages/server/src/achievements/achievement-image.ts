/**
 * Achievement images: an upload is checked and cleaned by `prepareBadgeImage` (PNG up to 2 MiB,
 * decoded and stripped of metadata; SVG sanitised: no scripts, event handlers, external
 * references or entities; anything else refused with `ERR_IMAGE_*`), stored content-addressed in
 * the image store, and set on the achievement (a new version, audited as `achievement.image`).
 *
 * The store is the database one (`images/database-image-store.ts`); the data-directory store
 * (`images/data-directory-image-store.ts`) is a drop-in replacement once a setting chooses it.
 * An achievement without an image is shown with the built-in default image.
 */
import type { AppContext } from '../http/app-context.js';
import { createDatabaseImageStore } from '../images/database-image-store.js';
import { createDataDirectoryImageStore } from '../images/data-directory-image-store.js';
import type { ImageStore, StoredImage } from '../images/image-store.js';
import { prepareBadgeImage } from '../images/prepare-badge-image.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import type { Achievement } from './achievement.js';
import { DEFAULT_ACHIEVEMENT_IMAGE } from './default-achievement-image.js';
import { readOrganisationAchievement, setAchievementImage } from './manage-achievements.js';
import { ServerError } from '../http/server-error.js';

/** The store badge images are kept in, serving under `${PUBLIC_URL}/images/`. */
export const createAchievementImageStore = (
  context: Pick<AppContext, 'config' | 'db' | 'clock'>,
): ImageStore => {
  const baseUrl = `${context.config.publicUrl.replace(/\/+$/, '')}/images/`;
  return context.config.imageStore === 'data-directory'
    ? createDataDirectoryImageStore({ dataDir: context.config.dataDir, baseUrl })
    : createDatabaseImageStore(context.db, { baseUrl, now: context.clock });
};

/** An image by id: a stored one, or the built-in default image. */
export const readPublicImage = async (
  context: Pick<AppContext, 'config' | 'db' | 'clock'>,
  id: string,
): Promise<StoredImage | undefined> =>
  id === DEFAULT_ACHIEVEMENT_IMAGE.id
    ? DEFAULT_ACHIEVEMENT_IMAGE
    : createAchievementImageStore(context).get(id);

/**
 * The image of an achievement (the default image when none was uploaded); undefined only when
 * the stored image has gone missing.
 */
export const readAchievementImage = (
  context: Pick<AppContext, 'config' | 'db' | 'clock'>,
  achievement: Pick<Achievement, 'imageId'>,
): Promise<StoredImage | undefined> =>
  achievement.imageId === null
    ? Promise.resolve(DEFAULT_ACHIEVEMENT_IMAGE)
    : createAchievementImageStore(context).get(achievement.imageId);

/**
 * Checks, cleans, stores and sets an uploaded image.
 *
 * @throws ServerError `ERR_IMAGE_*` (from `prepareBadgeImage`), `ERR_ACHIEVEMENT_NOT_FOUND`,
 *   `ERR_ACHIEVEMENT_ARCHIVED`
 */
export const uploadAchievementImage = async (
  context: Pick<AppContext, 'config' | 'db' | 'clock'>,
  organisationId: string,
  achievementId: string,
  bytes: Uint8Array,
  origin: CommandOrigin,
): Promise<{ achievement: Achievement; removed: readonly string[] }> => {
  const current = await readOrganisationAchievement(context.db, organisationId, achievementId);
  if (current.status === 'archived') throw new ServerError('ERR_ACHIEVEMENT_ARCHIVED');
  const prepared = await prepareBadgeImage(bytes);
  const id = await createAchievementImageStore(context).put(prepared.bytes, prepared.mediaType);
  const achievement = await setAchievementImage(
    context.db,
    organisationId,
    achievementId,
    { id, mediaType: prepared.mediaType },
    {
      bytes: prepared.bytes.length,
      ...(prepared.width === undefined ? {} : { width: prepared.width }),
      ...(prepared.height === undefined ? {} : { height: prepared.height }),
      removed: prepared.removed.slice(0, 50),
    },
    origin,
  );
  return { achievement, removed: prepared.removed };
};
