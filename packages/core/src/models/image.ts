import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineImage = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('The URL or data URI of the image.'),
      type: Type.Literal('Image', { description: "MUST be the single string 'Image'." }),
      caption: Type.Optional(Type.String({ description: 'The caption for the image.' })),
    },
    k.model('Image', 'Metadata about images that represent assertions, achieve or profiles.', {
      closed: true,
    }),
  );

/** `Image`: `type` is the single string `"Image"`; no other properties are allowed. */
export const ImageSchema = defineImage(strictKit);
export const LenientImageSchema = defineImage(lenientKit);
export type Image = Static<typeof ImageSchema>;
export type LenientImage = Static<typeof LenientImageSchema>;
