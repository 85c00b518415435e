/**
 * A wallet card's image, kept in the wallet: an imported badge names its image by an https URL
 * on its issuer's server, which the pages' Content-Security-Policy (`img-src 'self' data:`) does
 * not load — and should not: every visit to a learner's share page would tell that server who
 * looked. So the image is fetched once, at import, through the platform's guarded fetcher, checked
 * and cleaned like an uploaded achievement image (`prepareBadgeImage`: PNG validated and stripped
 * of metadata, SVG sanitised; anything else refused), and kept as a data: URL when it is small
 * enough for a card. When it cannot be (unreachable, too large, JPEG, not an image) the URL stays:
 * the page shows a placeholder and the Open Graph card still names it.
 * This platform's own images (under `PUBLIC_URL`) are served by the page's origin: kept as URLs.
 */
import type { FetchDocument } from '@akashi/core';
import { prepareBadgeImage } from '../images/prepare-badge-image.js';

/** The largest image kept in a card: 256 KiB (a badge image is usually a few dozen). */
export const MAX_CARD_IMAGE_BYTES = 256 * 1024;

const ACCEPT = 'image/png, image/svg+xml;q=0.9, image/*;q=0.1';

export type CardImageLocaliser = (image: string | null) => Promise<string | null>;

export const createCardImageLocaliser =
  (fetchRemote: FetchDocument, publicUrl: string): CardImageLocaliser =>
  async (image) => {
    if (image === null || image.startsWith('data:')) return image;
    const own = `${publicUrl.replace(/\/+$/, '')}/`;
    if (image.startsWith(own) || !/^https?:\/\//.test(image)) return image;
    try {
      const fetched = await fetchRemote(image, { accept: ACCEPT });
      if (fetched.status !== 200 || fetched.body.length > MAX_CARD_IMAGE_BYTES) return image;
      const prepared = await prepareBadgeImage(fetched.body, { maxBytes: MAX_CARD_IMAGE_BYTES });
      return `data:${prepared.mediaType};base64,${Buffer.from(prepared.bytes).toString('base64')}`;
    } catch {
      // Unreachable, refused by the address policy, not a PNG or SVG, unsafe: keep the URL.
      return image;
    }
  };
