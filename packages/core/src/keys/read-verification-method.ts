/**
 * Reading verification methods out of fetched documents (DID documents, controller documents,
 * key documents). Everything here treats its input as untrusted JSON.
 */
import type { KeyObject } from 'node:crypto';
import { decode as decodeBase58 } from 'base58-universal';
import { AkashiError } from '../errors/akashi-error.js';
import { importPublicJwk } from './import-public-jwk.js';
import { createEd25519PublicKey, decodeMultikey } from './multikey.js';

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON-LD compaction may write a one-element set as the element itself. */
const asArray = (value: unknown): readonly unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Verification method types whose key Akashi reads (pitfall P22: libraries disagree). */
export type VerificationMethodType =
  | 'Multikey'
  | 'Ed25519VerificationKey2020'
  | 'Ed25519VerificationKey2018'
  | 'JsonWebKey2020'
  | 'JsonWebKey';

const invalid = (id: string, en: string, ja: string, cause?: unknown): AkashiError =>
  new AkashiError(
    'ERR_KEY_INVALID',
    { en: `Verification method ${id}: ${en}.`, ja: `検証方法 ${id}: ${ja}。` },
    { details: { verificationMethod: id }, ...(cause === undefined ? {} : { cause }) },
  );

const readMultibase = (id: string, method: JsonObject): KeyObject => {
  if (typeof method.publicKeyMultibase !== 'string') {
    throw invalid(id, 'publicKeyMultibase is missing', 'publicKeyMultibase がありません');
  }
  return decodeMultikey(method.publicKeyMultibase);
};

const readJwk = (id: string, method: JsonObject): KeyObject => {
  if (method.publicKeyJwk === undefined) {
    throw invalid(id, 'publicKeyJwk is missing', 'publicKeyJwk がありません');
  }
  return importPublicJwk(method.publicKeyJwk);
};

const readBase58 = (id: string, method: JsonObject): KeyObject => {
  const raw = typeof method.publicKeyBase58 === 'string' ? method.publicKeyBase58 : '';
  // base58-universal skips whitespace and returns undefined on other characters: check first.
  const bytes = /^[1-9A-HJ-NP-Za-km-z]{1,64}$/.test(raw) ? decodeBase58(raw) : undefined;
  if (bytes?.length !== 32) {
    throw invalid(
      id,
      'publicKeyBase58 is not a 32-byte Ed25519 key',
      'publicKeyBase58 が 32 バイトの Ed25519 鍵ではありません',
    );
  }
  return createEd25519PublicKey(bytes);
};

const requireEd25519 = (id: string, key: KeyObject, type: string): KeyObject => {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw invalid(id, `a ${type} must hold an Ed25519 key`, `${type} には Ed25519 の鍵が必要です`);
  }
  return key;
};

/**
 * Reads the public key of a verification method object. `type` selects the key property:
 * Multikey and Ed25519VerificationKey2020 use `publicKeyMultibase`; JsonWebKey2020 and JsonWebKey
 * use `publicKeyJwk`; Ed25519VerificationKey2018 uses `publicKeyBase58` or `publicKeyJwk`.
 * Without a `type` (bare key documents) the key property present decides. Throws
 * `ERR_KEY_UNSUPPORTED` for another type and `ERR_KEY_INVALID` for a missing or bad key.
 */
export const readVerificationMethodKey = (
  method: JsonObject,
  id: string,
): { type: string; publicKey: KeyObject } => {
  const { type } = method;
  switch (type) {
    case 'Multikey':
      return { type, publicKey: readMultibase(id, method) };
    case 'Ed25519VerificationKey2020':
      return { type, publicKey: requireEd25519(id, readMultibase(id, method), type) };
    case 'Ed25519VerificationKey2018': {
      const key = method.publicKeyJwk === undefined ? readBase58(id, method) : readJwk(id, method);
      return { type, publicKey: requireEd25519(id, key, type) };
    }
    case 'JsonWebKey2020':
    case 'JsonWebKey':
      return { type, publicKey: readJwk(id, method) };
    case undefined:
      if (method.publicKeyMultibase !== undefined) {
        return { type: 'Multikey', publicKey: readMultibase(id, method) };
      }
      if (method.publicKeyJwk !== undefined) {
        return { type: 'JsonWebKey', publicKey: readJwk(id, method) };
      }
      throw invalid(id, 'it has no public key', '公開鍵がありません');
    default:
      throw new AkashiError(
        'ERR_KEY_UNSUPPORTED',
        {
          en: `Verification method ${id} has the unsupported type ${JSON.stringify(type)}.`,
          ja: `検証方法 ${id} の種類 ${JSON.stringify(type)} には対応していません。`,
        },
        { details: { verificationMethod: id } },
      );
  }
};

/** Makes `#frag` (or a bare fragment-relative id) absolute against the document id. */
export const absolutizeId = (value: unknown, baseId: string): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  return value.startsWith('#') ? `${baseId}${value}` : value;
};

/** Every verification method object in a document: under verificationMethod or embedded. */
const listMethodObjects = (document: JsonObject): JsonObject[] =>
  [
    ...asArray(document.verificationMethod),
    ...asArray(document.assertionMethod),
    ...asArray(document.authentication),
  ].filter(isJsonObject);

/** True when the document's `assertionMethod` lists `methodId` (by reference or embedded). */
export const listsAssertionMethod = (
  document: JsonObject,
  baseId: string,
  methodId: string,
): boolean =>
  asArray(document.assertionMethod).some(
    (entry) => absolutizeId(isJsonObject(entry) ? entry.id : entry, baseId) === methodId,
  );

/**
 * Finds a verification method in a controller or DID document by absolute id. With no id, the
 * document's only assertion method is taken. Throws `ERR_KEY_NOT_FOUND` otherwise.
 */
export const findVerificationMethod = (
  document: JsonObject,
  baseId: string,
  methodId: string | undefined,
): { id: string; method: JsonObject } => {
  const methods = listMethodObjects(document);
  if (methodId !== undefined) {
    const method = methods.find((candidate) => absolutizeId(candidate.id, baseId) === methodId);
    if (method !== undefined) return { id: methodId, method };
  } else {
    const ids = new Set(
      asArray(document.assertionMethod)
        .map((entry) => absolutizeId(isJsonObject(entry) ? entry.id : entry, baseId))
        .filter((id) => id !== undefined),
    );
    const [only] = ids;
    const method =
      ids.size === 1
        ? methods.find((candidate) => absolutizeId(candidate.id, baseId) === only)
        : undefined;
    if (only !== undefined && method !== undefined) return { id: only, method };
  }
  const target = methodId ?? baseId;
  throw new AkashiError(
    'ERR_KEY_NOT_FOUND',
    {
      en:
        methodId === undefined
          ? `The document of ${baseId} does not name exactly one assertion method; give the key id with a #fragment.`
          : `The document of ${baseId} has no verification method ${methodId}.`,
      ja:
        methodId === undefined
          ? `${baseId} の文書には assertionMethod がちょうど 1 つではありません。#フラグメント付きの鍵 ID を指定してください。`
          : `${baseId} の文書に検証方法 ${methodId} がありません。`,
    },
    { details: { verificationMethod: target } },
  );
};
