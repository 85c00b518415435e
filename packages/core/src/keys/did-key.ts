import { KeyObject } from 'node:crypto';
import { MULTIKEY_V1_URL } from '../contexts/bundled-contexts.js';
import { AkashiError, isAkashiError } from '../errors/akashi-error.js';
import { DID_V1_CONTEXT_URL, type DidDocument } from './did-document.js';
import { decodeMultikey, encodeMultikey } from './multikey.js';
import type { SigningKey } from './signing-key.js';

const DID_KEY_PREFIX = 'did:key:';

/** The did:key of an Ed25519 (`did:key:z6Mk…`) or P-256 (`did:key:zDn…`) key. */
export const didKeyFor = (key: SigningKey | KeyObject): string =>
  `${DID_KEY_PREFIX}${encodeMultikey(key instanceof KeyObject ? key : key.publicKey)}`;

const invalidDid = (did: string, en: string, ja: string, cause?: unknown): AkashiError =>
  new AkashiError(
    'ERR_DID_INVALID',
    { en: `Invalid DID ${did}: ${en}.`, ja: `DID ${did} が不正です: ${ja}。` },
    { details: { did }, ...(cause === undefined ? {} : { cause }) },
  );

/**
 * Reads the Multikey of a did:key (a DID, not a DID URL). Throws `ERR_DID_UNSUPPORTED` for
 * another DID method, `ERR_DID_INVALID` for a malformed did:key, `ERR_KEY_UNSUPPORTED` for a
 * key type other than Ed25519 or P-256.
 */
export const readDidKey = (did: string): { multikey: string; publicKey: KeyObject } => {
  if (typeof did !== 'string') throw new TypeError('did must be a string');
  if (!did.startsWith(DID_KEY_PREFIX)) {
    if (did.startsWith('did:')) {
      throw new AkashiError(
        'ERR_DID_UNSUPPORTED',
        {
          en: `${did} is not a did:key.`,
          ja: `${did} は did:key ではありません。`,
        },
        { details: { did } },
      );
    }
    throw invalidDid(did, 'it does not start with "did:"', '"did:" で始まっていません');
  }
  const multikey = did.slice(DID_KEY_PREFIX.length);
  if (/[#?/]/.test(multikey)) {
    throw invalidDid(
      did,
      'expected a DID without path, query or fragment',
      'パス・クエリ・フラグメントのない DID が必要です',
    );
  }
  try {
    return { multikey, publicKey: decodeMultikey(multikey) };
  } catch (cause) {
    if (isAkashiError(cause) && cause.code === 'ERR_KEY_UNSUPPORTED') throw cause;
    throw invalidDid(
      did,
      'its key is not a valid Multikey',
      '鍵が正しい Multikey ではありません',
      cause,
    );
  }
};

/** The verification method id of a did:key: `did:key:z…#z…`. */
export const verificationMethodIdFor = (did: string): string =>
  `${did}#${readDidKey(did).multikey}`;

/**
 * Resolves a did:key offline into its DID document: one Multikey verification method, listed in
 * `assertionMethod`, `authentication`, `capabilityInvocation` and `capabilityDelegation`.
 */
export const resolveDidKey = (did: string): DidDocument => {
  const { multikey } = readDidKey(did);
  const id = `${did}#${multikey}`;
  return {
    '@context': [DID_V1_CONTEXT_URL, MULTIKEY_V1_URL],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase: multikey }],
    authentication: [id],
    assertionMethod: [id],
    capabilityInvocation: [id],
    capabilityDelegation: [id],
  };
};
