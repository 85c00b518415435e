import { Type, type Static } from '@sinclair/typebox';
import { lenientKit, strictKit, type ModelKit, type ModelVariant } from './model-kit.js';

const defineRefreshService = <V extends ModelVariant>(k: ModelKit<V>) =>
  Type.Object(
    {
      id: k.uri('The URL of the refresh service.'),
      type: k.text('The refresh mechanism, e.g. 1EdTechCredentialRefresh.'),
    },
    k.model('RefreshService', 'Where to get a fresh copy of the credential.'),
  );

export const RefreshServiceSchema = defineRefreshService(strictKit);
export const LenientRefreshServiceSchema = defineRefreshService(lenientKit);
export type RefreshService = Static<typeof RefreshServiceSchema>;
export type LenientRefreshService = Static<typeof LenientRefreshServiceSchema>;
