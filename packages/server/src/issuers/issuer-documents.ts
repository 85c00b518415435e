/**
 * The public documents of an issuer profile, built from its row and its keys (current and
 * retired, so that everything signed before a rotation still verifies):
 *
 * - the OB 2.0 issuer Profile (`publicKey`: every RSA CryptographicKey URL, `revocationList`);
 *   the profile of an `https` issuer also lists its Ed25519 key URLs under `assertionMethod`,
 *   which makes the same URL the controller document of its OB 3.0 issuer id;
 * - the did:web DID document (Ed25519 keys as Multikey, RSA keys as JsonWebKey; every key is an
 *   `assertionMethod`, the current ones also `authentication`);
 * - the JWKS; the key documents (RSA: OB 2.0 CryptographicKey; Ed25519: Multikey);
 * - the OB 3.0 issuer Profile that credentials embed.
 *
 * JSON documents are in Japanese (the name and description of the profile's record); the HTML
 * page follows the browser's language.
 */
import {
  buildCryptographicKey,
  buildDidWebDocument,
  buildOb2Profile,
  buildProfile,
  MULTIKEY_V1_URL,
} from '@akashi/core';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { IssuerPublicKey } from '../keys/issuer-key.js';
import { readIssuerProfile, type IssuerProfile } from './issuer-profile.js';
import { issuerKeyOwner } from './issuer-signing.js';
import { didWebFor, issuerUrls } from './issuer-urls.js';

type Json = Record<string, unknown>;

export interface IssuerWithKeys {
  readonly profile: IssuerProfile;
  /** Current and retired, by algorithm then version. */
  readonly keys: readonly IssuerPublicKey[];
}

/** The profile (archived ones too) and every key it ever had. */
export const loadIssuerWithKeys = async (
  context: AppContext,
  profileId: string,
): Promise<IssuerWithKeys> => {
  const profile = await readIssuerProfile(context.db, profileId);
  const keys = await context.keys.listPublicKeys(issuerKeyOwner(profileId));
  return { profile, keys };
};

const imageUrl = (publicUrl: string, imageId: string): string => `${publicUrl}/images/${imageId}`;

const text = (ja: string, en: string): string | undefined =>
  ja !== '' ? ja : en !== '' ? en : undefined;

/** The OB 2.0 issuer Profile served at `${base}/issuers/{id}`. */
export const buildOb2IssuerDocument = (issuer: IssuerWithKeys, publicUrl: string): Json => {
  const { profile, keys } = issuer;
  const urls = issuerUrls(publicUrl, profile.id);
  const rsa = keys.filter((key) => key.algorithm === 'rsa').map((key) => urls.key(key.kid));
  const description = text(profile.description.ja, profile.description.en);
  const document: Json = buildOb2Profile({
    id: urls.profile,
    type: 'Issuer',
    name: profile.name.ja,
    url: profile.url,
    email: profile.email,
    ...(description === undefined ? {} : { description }),
    ...(profile.imageId === null ? {} : { image: imageUrl(publicUrl, profile.imageId) }),
    ...(rsa.length === 0 ? {} : { publicKey: rsa }),
    revocationList: urls.revocationList,
  });
  if (profile.identifierMethod !== 'https') return document;
  // The controller document of the OB 3.0 issuer id (`https` profiles): core verifiers require
  // the issuer's own document to list the signing key under assertionMethod.
  const assertionMethod = keys
    .filter((key) => key.algorithm === 'ed25519')
    .map((key) => urls.key(key.kid));
  return { ...document, assertionMethod };
};

/** The did:web DID document served at `${base}/issuers/{id}/did.json`. */
export const buildIssuerDidDocument = (issuer: IssuerWithKeys, publicUrl: string): Json => {
  const did = didWebFor(publicUrl, issuer.profile.id);
  if (issuer.keys.length === 0) throw new ServerError('ERR_ISSUER_NOT_FOUND');
  const document = buildDidWebDocument({
    did,
    keys: issuer.keys.map((key) => ({
      type: key.algorithm,
      kid: key.kid,
      publicKey: key.publicKey,
      publicJwk: key.publicJwk,
    })),
  });
  const authentication = issuer.keys
    .filter((key) => key.status === 'current' && key.algorithm === 'ed25519')
    .map((key) => `${did}#${key.kid}`);
  return { ...document, authentication };
};

/** Every key, current and retired, as a JWK Set. */
export const buildIssuerJwks = (issuer: IssuerWithKeys): Json => ({
  keys: issuer.keys.map((key) => ({ ...key.publicJwk })),
});

/** The key document at `${base}/issuers/{id}/keys/{kid}`; `ERR_ISSUER_KEY_NOT_FOUND`. */
export const buildIssuerKeyDocument = (
  issuer: IssuerWithKeys,
  kid: string,
  publicUrl: string,
): Json => {
  const key = issuer.keys.find((candidate) => candidate.kid === kid);
  if (key === undefined) throw new ServerError('ERR_ISSUER_KEY_NOT_FOUND', { params: { kid } });
  const urls = issuerUrls(publicUrl, issuer.profile.id);
  if (key.algorithm === 'rsa') {
    return {
      ...buildCryptographicKey({ id: urls.key(kid), owner: urls.profile, key: key.publicKey }),
    };
  }
  return {
    '@context': [MULTIKEY_V1_URL],
    id: urls.key(kid),
    type: 'Multikey',
    controller: urls.profile,
    publicKeyMultibase: key.publicKeyMultibase,
  };
};

/**
 * The OB 3.0 `issuer` a credential of this profile embeds: its identifier, names, web site,
 * e-mail, description and image, in Japanese (`lang: 'en'` for English).
 */
export const buildOb3IssuerProfile = (
  profile: IssuerProfile,
  publicUrl: string,
  lang: 'ja' | 'en' = 'ja',
): Json => {
  const description =
    lang === 'ja'
      ? text(profile.description.ja, profile.description.en)
      : text(profile.description.en, profile.description.ja);
  return buildProfile({
    id: profile.identifier,
    type: ['Profile'],
    name: profile.name[lang],
    url: profile.url,
    email: profile.email,
    ...(description === undefined ? {} : { description }),
    ...(profile.imageId === null ? {} : { image: imageUrl(publicUrl, profile.imageId) }),
  });
};
