import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineAddress = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      type: k.typeSet('Address'),
      addressCountry: Type.Optional(k.text('A country.')),
      addressCountryCode: Type.Optional(
        Type.String({
          ...k.strictly({ pattern: '^[A-Z]{2}$' }),
          description: 'An ISO 3166-1 alpha-2 country code.',
        }),
      ),
      addressRegion: Type.Optional(k.text('A region within the country (a prefecture in Japan).')),
      addressLocality: Type.Optional(k.text('A locality within the region (a city).')),
      streetAddress: Type.Optional(k.text('A street address within the locality.')),
      postOfficeBoxNumber: Type.Optional(k.text('A post office box number.')),
      postalCode: Type.Optional(k.text('A postal code.')),
      geo: Type.Optional(k.ref('GeoCoordinates')),
    },
    k.model('Address', 'An address for the described entity.'),
  );

export const AddressSchema = defineAddress(strictKit);
export const LenientAddressSchema = defineAddress(lenientKit);
export type Address = Static<typeof AddressSchema>;
export type LenientAddress = Static<typeof LenientAddressSchema>;
