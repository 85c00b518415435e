import { MULTIKEY_V1_URL } from '../contexts/bundled-contexts.js';
import { AkashiError } from '../errors/akashi-error.js';
import {
  DID_V1_CONTEXT_URL,
  JWK_V1_CONTEXT_URL,
  type DidDocument,
  type VerificationMethod,
} from './did-document.js';
import { encodeMultikey } from './multikey.js';
import type { SigningKey } from './signing-key.js';

const DID_WEB_PREFIX = 'did:web:';
/** A host name (or IPv4 address) optionally followed by a percent-encoded `:port`. */
const HOST_AND_PORT = /^([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?:%3[Aa](\d{1,5}))?$/;
/** Characters allowed unescaped in a URL fragment that we write ourselves. */
const FRAGMENT_SAFE = /^[A-Za-z0-9._~!$&'()*+,;=:@/?-]+$/;

const invalidDid = (did: string, en: string, ja: string): AkashiError =>
  new AkashiError(
    'ERR_DID_INVALID',
    { en: `Invalid did:web ${did}: ${en}.`, ja: `did:web ${did} が不正です: ${ja}。` },
    { details: { did } },
  );

const decodeSegment = (did: string, segment: string): string => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw invalidDid(
      did,
      'a path segment has broken percent-encoding',
      'パスの percent-encoding が壊れています',
    );
  }
  if (decoded === '' || decoded === '.' || decoded === '..' || /[/\\]/.test(decoded)) {
    throw invalidDid(
      did,
      `the path segment "${segment}" is not allowed`,
      `パスのセグメント "${segment}" は使えません`,
    );
  }
  return decoded;
};

/**
 * The HTTPS URL of a did:web DID document (did:web method spec §3.2):
 * `did:web:example.ac.jp` → `https://example.ac.jp/.well-known/did.json`;
 * `did:web:example.ac.jp:issuers:123` → `https://example.ac.jp/issuers/123/did.json`;
 * `did:web:localhost%3A8443` → `https://localhost:8443/.well-known/did.json`.
 * Takes a DID, not a DID URL. Throws `ERR_DID_UNSUPPORTED` for another DID method and
 * `ERR_DID_INVALID` for a malformed did:web.
 */
export const didWebToUrl = (did: string): string => {
  if (typeof did !== 'string') throw new TypeError('didWebToUrl: did must be a string');
  if (!did.startsWith(DID_WEB_PREFIX)) {
    if (did.startsWith('did:')) {
      throw new AkashiError(
        'ERR_DID_UNSUPPORTED',
        { en: `${did} is not a did:web.`, ja: `${did} は did:web ではありません。` },
        { details: { did } },
      );
    }
    throw invalidDid(did, 'it does not start with "did:"', '"did:" で始まっていません');
  }
  const [hostPart = '', ...segments] = did.slice(DID_WEB_PREFIX.length).split(':');
  if (/[#?/]/.test(did)) {
    throw invalidDid(
      did,
      'expected a DID without path, query or fragment',
      'パス・クエリ・フラグメントのない DID が必要です',
    );
  }
  const match = HOST_AND_PORT.exec(hostPart);
  if (match === null)
    throw invalidDid(did, 'the host is not a domain name', 'ホストがドメイン名ではありません');
  const [, host = '', port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw invalidDid(did, `the port ${port} is out of range`, `ポート ${port} が範囲外です`);
  }
  let origin: string;
  try {
    origin = new URL(`https://${host}${port === undefined ? '' : `:${port}`}`).origin;
  } catch {
    throw invalidDid(did, 'the host is not a domain name', 'ホストがドメイン名ではありません');
  }
  if (segments.length === 0) return `${origin}/.well-known/did.json`;
  const path = segments.map((segment) => encodeURIComponent(decodeSegment(did, segment)));
  return `${origin}/${path.join('/')}/did.json`;
};

/**
 * What a DID document needs of a key: its public half only. A `SigningKey` is one; so is a key
 * read back from storage without decrypting its private half.
 */
export type PublicDidKey = Pick<SigningKey, 'type' | 'kid' | 'publicKey' | 'publicJwk'>;

export interface BuildDidWebDocumentOptions {
  readonly did: string;
  /** Ed25519 and P-256 keys are listed as Multikey, RSA keys as JsonWebKey. */
  readonly keys: readonly PublicDidKey[];
}

const toVerificationMethod = (did: string, key: PublicDidKey): VerificationMethod => {
  const id = `${did}#${key.kid}`;
  if (key.type === 'rsa') {
    return { id, type: 'JsonWebKey', controller: did, publicKeyJwk: { ...key.publicJwk } };
  }
  return {
    id,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: encodeMultikey(key.publicKey),
  };
};

/**
 * Builds the DID document to publish at `didWebToUrl(did)`: every key under `verificationMethod`
 * and `assertionMethod`, with ids `did:web:…#<kid>` and `controller` = the DID.
 */
export const buildDidWebDocument = (options: BuildDidWebDocumentOptions): DidDocument => {
  const { did, keys } = options;
  didWebToUrl(did);
  if (keys.length === 0) throw new TypeError('buildDidWebDocument: keys must not be empty');
  const kids = new Set<string>();
  for (const key of keys) {
    if (!FRAGMENT_SAFE.test(key.kid)) {
      throw new TypeError(`buildDidWebDocument: kid ${key.kid} cannot be a URL fragment`);
    }
    if (kids.has(key.kid)) throw new TypeError(`buildDidWebDocument: duplicate kid ${key.kid}`);
    kids.add(key.kid);
  }
  const verificationMethod = keys.map((key) => toVerificationMethod(did, key));
  const context = [DID_V1_CONTEXT_URL, MULTIKEY_V1_URL];
  if (keys.some((key) => key.type === 'rsa')) context.push(JWK_V1_CONTEXT_URL);
  return {
    '@context': context,
    id: did,
    verificationMethod,
    assertionMethod: verificationMethod.map((method) => method.id),
  };
};
