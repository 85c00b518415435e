import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineGeoCoordinates = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      type: Type.Literal('GeoCoordinates', { description: "MUST be the string 'GeoCoordinates'." }),
      latitude: Type.Number({
        ...k.strictly({ minimum: -90, maximum: 90 }),
        description: 'The latitude of the location.',
      }),
      longitude: Type.Number({
        ...k.strictly({ minimum: -180, maximum: 180 }),
        description: 'The longitude of the location.',
      }),
    },
    k.model('GeoCoordinates', 'The geographic coordinates of a location.'),
  );

export const GeoCoordinatesSchema = defineGeoCoordinates(strictKit);
export const LenientGeoCoordinatesSchema = defineGeoCoordinates(lenientKit);
export type GeoCoordinates = Static<typeof GeoCoordinatesSchema>;
export type LenientGeoCoordinates = Static<typeof LenientGeoCoordinatesSchema>;
