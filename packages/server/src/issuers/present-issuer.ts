/** Issuer profiles and their keys as the API shows them (`issuer-schemas.ts`). */
import type { Static } from '@sinclair/typebox';
import type { IssuerPublicKey } from '../keys/issuer-key.js';
import type { IssuerProfile } from './issuer-profile.js';
import type { IssuerKeySchema, IssuerProfileSchema } from './issuer-schemas.js';
import { issuerUrls } from './issuer-urls.js';

export const presentIssuerProfileOnWire = (
  profile: IssuerProfile,
  publicUrl: string,
): Static<typeof IssuerProfileSchema> => ({
  id: profile.id,
  organisationId: profile.organisationId,
  departmentId: profile.departmentId,
  isDefault: profile.isDefault,
  name: { ja: profile.name.ja, en: profile.name.en },
  url: profile.url,
  email: profile.email,
  description: { ja: profile.description.ja, en: profile.description.en },
  imageId: profile.imageId,
  identifierMethod: profile.identifierMethod,
  identifier: profile.identifier,
  profileUrl: issuerUrls(publicUrl, profile.id).profile,
  createdAt: profile.createdAt,
  updatedAt: profile.updatedAt,
  archivedAt: profile.archivedAt,
});

export const presentIssuerKeyOnWire = (
  key: IssuerPublicKey,
  publicUrl: string,
  profileId: string,
): Static<typeof IssuerKeySchema> => ({
  kid: key.kid,
  algorithm: key.algorithm,
  alg: key.alg,
  version: key.version,
  status: key.status,
  createdAt: key.createdAt,
  activatedAt: key.activatedAt,
  retiredAt: key.retiredAt ?? null,
  documentUrl: issuerUrls(publicUrl, profileId).key(key.kid),
  publicJwk: { ...key.publicJwk },
  ...(key.publicKeyMultibase === undefined ? {} : { publicKeyMultibase: key.publicKeyMultibase }),
});
