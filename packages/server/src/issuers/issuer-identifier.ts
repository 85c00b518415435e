/**
 * How an issuer profile is named in OB 3.0 credentials, and which URL a proof names its key by:
 *
 * | method  | issuer id                              | verificationMethod (Ed25519)         |
 * |---------|----------------------------------------|--------------------------------------|
 * | did:web | did:web:<host>:issuers:<id>            | <did>#<multikey>                     |
 * | did:key | did:key:<multikey of the current key>  | <did>#<multikey>                     |
 * | https   | ${PUBLIC_URL}/issuers/<id>             | ${PUBLIC_URL}/issuers/<id>/keys/<kid>|
 *
 * did:web is the default when `PUBLIC_URL` is https, did:key otherwise. A did:key names one key:
 * rotating a did:key profile's Ed25519 key gives it a new identifier. Badges signed before keep
 * verifying (a did:key carries its own key), but they name the old identifier as their issuer.
 */
import { ServerError } from '../http/server-error.js';
import type { IssuerIdentifierMethod } from './issuer-profile.js';
import { didWebFor, isHttpsPublicUrl, issuerUrls } from './issuer-urls.js';

/** The method a new profile gets when none is asked for. */
export const defaultIdentifierMethod = (publicUrl: string): IssuerIdentifierMethod =>
  isHttpsPublicUrl(publicUrl) ? 'did:web' : 'did:key';

/** Refuses did:web on a platform served over plain http (nobody could resolve it). */
export const assertIdentifierMethodUsable = (
  method: IssuerIdentifierMethod,
  publicUrl: string,
): void => {
  if (method === 'did:web' && !isHttpsPublicUrl(publicUrl)) {
    throw new ServerError('ERR_ISSUER_DID_WEB_NEEDS_HTTPS');
  }
};

/** The did:key of an Ed25519 public key given as its Multikey (`z6Mk…`). */
export const didKeyOfMultikey = (multikey: string): string => `did:key:${multikey}`;

/** The identifier of a profile, given its current Ed25519 key's Multikey (for did:key). */
export const computeIdentifier = (
  method: IssuerIdentifierMethod,
  publicUrl: string,
  profileId: string,
  ed25519Multikey: string,
): string => {
  switch (method) {
    case 'did:web':
      return didWebFor(publicUrl, profileId);
    case 'did:key':
      return didKeyOfMultikey(ed25519Multikey);
    case 'https':
      return issuerUrls(publicUrl, profileId).profile;
  }
};

/**
 * The verification method URL of an Ed25519 key (kid = its Multikey) of a profile whose
 * identifier is `identifier`.
 */
export const verificationMethodFor = (
  method: IssuerIdentifierMethod,
  identifier: string,
  publicUrl: string,
  profileId: string,
  kid: string,
): string => {
  switch (method) {
    case 'did:web':
      return `${identifier}#${kid}`;
    case 'did:key':
      return `${didKeyOfMultikey(kid)}#${kid}`;
    case 'https':
      return issuerUrls(publicUrl, profileId).key(kid);
  }
};
