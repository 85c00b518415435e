/**
 * The image of an achievement that has none uploaded yet: a plain SVG medal, built in (never
 * stored), served at `/images/{its sha256}` like any other image. An OB 2.0 BadgeClass must have
 * an image, and awards bake one, so every achievement has one from the start.
 */
import { computeImageId, type StoredImage } from '../images/image-store.js';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
<path d="M88 150 60 236l38-14 22 32 20-76z" fill="#2f5d8a"/>
<path d="M168 150l28 86-38-14-22 32-20-76z" fill="#2f5d8a"/>
<circle cx="128" cy="108" r="92" fill="#d9a521"/>
<circle cx="128" cy="108" r="74" fill="#f3c443"/>
<path d="M128 54l15.9 32.2 35.5 5.2-25.7 25 6.1 35.4L128 135.1l-31.8 16.7 6.1-35.4-25.7-25 35.5-5.2z" fill="#fff8e1"/>
</svg>
`;

const bytes = new TextEncoder().encode(SVG);

export const DEFAULT_ACHIEVEMENT_IMAGE: StoredImage = {
  id: computeImageId(bytes),
  mediaType: 'image/svg+xml',
  bytes,
};
