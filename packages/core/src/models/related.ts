import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

/** BCP 47 language code as the official schemas restrict it (`ja`, `en-US`, `zh-Hant-TW`). */
export const LANGUAGE_CODE_PATTERN = '^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$';

const defineRelated = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('The related achievement.'),
      type: k.typeSet('Related'),
      inLanguage: Type.Optional(
        Type.String({
          pattern: LANGUAGE_CODE_PATTERN,
          description: 'The language of the related achievement.',
        }),
      ),
      version: Type.Optional(k.text('The version of the related achievement.')),
    },
    k.model(
      'Related',
      'Another Achievement to be considered the same for most purposes: an edition in another language, or a previous version.',
    ),
  );

export const RelatedSchema = defineRelated(strictKit);
export const LenientRelatedSchema = defineRelated(lenientKit);
export type Related = Static<typeof RelatedSchema>;
export type LenientRelated = Static<typeof LenientRelatedSchema>;
