import { shapeIfPresent } from './builder-input.js';
import type { Image } from './image.js';
import { omitEmpty } from './omit-empty.js';

/** An image as a URL (or data URI), or as `{ id, caption }`. */
export type ImageInput =
  | string
  | {
      readonly id: string;
      readonly caption?: string | undefined;
      readonly type?: 'Image' | undefined;
    };

/** Always `{ id, type: 'Image', caption? }`: `type` is the single string the spec fixes. */
export const shapeImage = (input: ImageInput | undefined): Image | undefined =>
  shapeIfPresent(input, (image) =>
    typeof image === 'string'
      ? { id: image, type: 'Image' as const }
      : omitEmpty({ ...image, type: 'Image' as const }),
  );
