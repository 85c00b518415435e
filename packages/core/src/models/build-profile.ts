import type { Address } from './address.js';
import { assertStrictModel } from './assert-strict-model.js';
import {
  assertInputObject,
  mapList,
  shapeIfPresent,
  shapeTypeSet,
  type Loosen,
  type TypeInput,
} from './builder-input.js';
import type { GeoCoordinates } from './geo-coordinates.js';
import type { IdentifierEntry } from './identifier-entry.js';
import { omitEmpty, omitUndefinedDeep } from './omit-empty.js';
import type { Profile } from './profile.js';
import { shapeEmbeddedEndorsement, type EmbeddedEndorsementInput } from './shape-endorsement.js';
import { shapeImage, type ImageInput } from './shape-image.js';

export type IdentifierEntryInput = Loosen<Omit<IdentifierEntry, 'type'>> & {
  readonly type?: 'IdentifierEntry' | undefined;
};

export type AddressInput = Loosen<Omit<Address, 'type' | 'geo'>> &
  TypeInput & {
    readonly geo?:
      (Omit<GeoCoordinates, 'type'> & { readonly type?: 'GeoCoordinates' | undefined }) | undefined;
  };

/** A Profile to build: `name` is required (displayers show the issuer name). */
export type ProfileInput = Loosen<
  Omit<Profile, 'type' | 'image' | 'address' | 'otherIdentifier' | 'parentOrg' | 'endorsement'>
> &
  TypeInput & {
    readonly image?: ImageInput | undefined;
    readonly address?: AddressInput | undefined;
    readonly otherIdentifier?: readonly IdentifierEntryInput[] | undefined;
    readonly parentOrg?: ProfileInput | undefined;
    readonly endorsement?: readonly EmbeddedEndorsementInput[] | undefined;
  };

export const shapeIdentifierEntry = (input: IdentifierEntryInput): IdentifierEntry =>
  omitEmpty({ ...input, type: 'IdentifierEntry' as const });

const shapeAddress = (input: AddressInput): Address =>
  omitEmpty({
    ...input,
    type: shapeTypeSet('Address', input.type),
    geo: shapeIfPresent(input.geo, (geo) => ({ ...geo, type: 'GeoCoordinates' as const })),
  });

/** The Profile as Akashi emits it, not yet checked. */
export const shapeProfile = (input: ProfileInput): Profile =>
  omitEmpty({
    ...input,
    type: shapeTypeSet('Profile', input.type),
    image: shapeImage(input.image),
    address: shapeIfPresent(input.address, shapeAddress),
    otherIdentifier: mapList(input.otherIdentifier, shapeIdentifierEntry),
    parentOrg: shapeIfPresent(input.parentOrg, shapeProfile),
    endorsement: mapList(input.endorsement, shapeEmbeddedEndorsement),
  });

/**
 * Builds a Profile (an issuer, a creator, an endorser) in the exact shape Akashi emits.
 * Throws `ERR_CREDENTIAL_INVALID` listing every bad field.
 */
export const buildProfile = (input: ProfileInput): Profile => {
  assertInputObject(input);
  return assertStrictModel('Profile', omitUndefinedDeep(shapeProfile(input)));
};
