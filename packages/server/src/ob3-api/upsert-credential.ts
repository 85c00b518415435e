/**
 * `upsertCredential` (ADR 0011): an AchievementCredential (JSON, or a compact JWS) becomes a
 * wallet import — verified first by the platform verifier, refused unless genuine (valid,
 * expired, revoked or suspended are genuine and stored with that status), stored as it came (the
 * JSON as sent, the JWS as its text), and merged with an equal credential of the wallet.
 *
 * Equality is the specification's (`equality-and-comparison.md`): the same issuer id and the same
 * credential id after percent-decoding and trimming whitespace — the wallet's duplicate key
 * (`dedupeKeyOf` in `wallet/read-wallet-card.ts`) is built that way, so the wallet merges as it
 * does for any import (a newer `validFrom` replaces the stored credential, an older or equal one
 * keeps it).
 * New (or a removed badge restored) → 201; replaced or kept → 200.
 */
import { ServerError, isServerError } from '../http/server-error.js';
import {
  importWalletCredential,
  type ImportResult,
  type WalletDeps,
} from '../wallet/import-wallet-credential.js';
import type { ImportSource } from '../wallet/read-import-input.js';

type Json = Record<string, unknown>;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

export type UpsertMediaType = 'json' | 'jws';

export interface UpsertInput {
  readonly mediaType: UpsertMediaType;
  /** The body as received. */
  readonly text: string;
}

export interface UpsertResult {
  readonly created: boolean;
  readonly import: ImportResult;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (reason: string): ServerError =>
  new ServerError('ERR_OB3_CREDENTIAL_INVALID', { params: { reason } });

/** The payload of a compact JWS as JSON, or undefined. */
const jwsPayload = (jws: string): unknown => {
  try {
    return JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

const typesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** What the body holds: the credential to check and what the verifier reads. */
export const readUpsertBody = ({
  mediaType,
  text,
}: UpsertInput): { credential: Json; source: ImportSource } => {
  let value: unknown = text.trim();
  if (mediaType === 'json') {
    try {
      value = JSON.parse(text);
    } catch {
      throw invalid('the body is not well-formed JSON.');
    }
  }
  let credential: unknown;
  let source: ImportSource;
  if (typeof value === 'string') {
    if (!COMPACT_JWS.test(value)) throw invalid('the text is not a compact JWS.');
    const payload = jwsPayload(value);
    credential = isObject(payload) && isObject(payload.vc) ? payload.vc : payload;
    source = { kind: 'text', input: value };
  } else {
    credential = value;
    if (!isObject(value)) throw invalid('the body is not a JSON object.');
    source = { kind: 'object', input: value };
  }
  if (!isObject(credential)) throw invalid('the JWS payload is not a credential.');
  const types = typesOf(credential.type);
  if (
    !types.includes('VerifiableCredential') ||
    !(types.includes('OpenBadgeCredential') || types.includes('AchievementCredential'))
  ) {
    throw invalid('its type must include VerifiableCredential and OpenBadgeCredential.');
  }
  return { credential, source };
};

/** The wallet's refusals as the API's. */
const toApiError = (error: unknown): unknown => {
  if (!isServerError(error)) return error;
  if (error.code === 'ERR_WALLET_IMPORT_UNREADABLE') {
    return invalid('no credential could be read from it.');
  }
  if (error.code === 'ERR_WALLET_IMPORT_UNVERIFIED') {
    const verdict = typeof error.details?.verdict === 'string' ? error.details.verdict : 'invalid';
    return new ServerError('ERR_OB3_CREDENTIAL_NOT_GENUINE', {
      params: { verdict },
      details: { explanation: error.details?.explanation },
    });
  }
  return error;
};

export const upsertCredential = async (
  deps: WalletDeps,
  userId: string,
  input: UpsertInput,
): Promise<UpsertResult> => {
  const { source } = readUpsertBody(input);
  let result: ImportResult;
  try {
    result = await importWalletCredential(deps, userId, source, false);
  } catch (error) {
    throw toApiError(error);
  }
  return { created: !result.merged, import: result };
};
