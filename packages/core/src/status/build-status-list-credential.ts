import { CREDENTIALS_V2_URL } from '../contexts/bundled-contexts.js';
import type { BitstringStatusListCredential } from './bitstring-status-list-credential.js';
import { isStatusPurpose, type StatusPurpose } from './bitstring-status-list-entry.js';
import { assertUrl } from './assert-url.js';
import { encodeStatusList } from './encode-status-list.js';
import { StatusList } from './status-list.js';

export interface BuildStatusListCredentialOptions {
  /** The URL the list credential is published at (no fragment); the entries' `statusListCredential`. */
  readonly id: string;
  /** The issuer's URL or DID, or `{ id, name }`. */
  readonly issuer: string | { readonly id: string; readonly name?: string };
  /** One purpose, or several when the same bits serve each of them. */
  readonly statusPurpose: StatusPurpose | readonly StatusPurpose[];
  readonly list: StatusList;
  readonly validFrom?: Date | string;
  readonly validUntil?: Date | string;
  /** Time to live in milliseconds; publishers should align `Cache-Control` with it. */
  readonly ttl?: number;
}

/**
 * The unsigned VC 2.0 `BitstringStatusListCredential` for a list (Generate Algorithm, §3.1).
 * Every term it uses is defined by the VC 2.0 context alone, so it passes JSON-LD safe mode.
 * The caller signs it (preferably with the securing mechanism of the credentials that point to
 * it) and publishes it at `id`, cache-friendly and without tracking who fetches it.
 */
export const buildStatusListCredential = (
  options: BuildStatusListCredentialOptions,
): BitstringStatusListCredential => {
  const { id, issuer, statusPurpose, list, ttl } = options;
  assertUrl(id, 'options.id');
  if (id.includes('#')) throw new TypeError('"options.id" must not have a fragment.');
  if (typeof issuer === 'string') {
    assertUrl(issuer, 'options.issuer');
  } else {
    assertUrl(issuer.id, 'options.issuer.id');
    if (issuer.name !== undefined && typeof issuer.name !== 'string') {
      throw new TypeError('"options.issuer.name" must be a string.');
    }
  }
  const purposes = typeof statusPurpose === 'string' ? [statusPurpose] : [...statusPurpose];
  if (purposes.length === 0 || new Set(purposes).size !== purposes.length) {
    throw new TypeError('"options.statusPurpose" must be one purpose or distinct purposes.');
  }
  for (const purpose of purposes) {
    if (!isStatusPurpose(purpose)) {
      throw new TypeError(
        `"options.statusPurpose" must be "revocation", "suspension" or "refresh"; got ${String(purpose)}.`,
      );
    }
  }
  if (!(list instanceof StatusList)) throw new TypeError('"options.list" must be a StatusList.');
  if (ttl !== undefined && (!Number.isSafeInteger(ttl) || ttl < 0)) {
    throw new TypeError(`"options.ttl" must be a non-negative integer; got ${String(ttl)}.`);
  }
  const validFrom = toDateTime(options.validFrom, 'options.validFrom');
  const validUntil = toDateTime(options.validUntil, 'options.validUntil');
  if (
    validFrom !== undefined &&
    validUntil !== undefined &&
    Date.parse(validUntil) < Date.parse(validFrom)
  ) {
    throw new TypeError('"options.validUntil" must not be earlier than "options.validFrom".');
  }

  return {
    '@context': [CREDENTIALS_V2_URL],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: typeof issuer === 'string' ? issuer : { ...issuer },
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validUntil === undefined ? {} : { validUntil }),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: purposes.length === 1 && purposes[0] !== undefined ? purposes[0] : purposes,
      encodedList: encodeStatusList(list),
      ...(ttl === undefined ? {} : { ttl }),
    },
  };
};

/** XML Schema dateTimeStamp, the lexical form VC 2.0 requires (time zone mandatory). */
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const toDateTime = (value: Date | string | undefined, name: string): string | undefined => {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`"${name}" is an invalid Date.`);
    return value.toISOString().replace(/\.000Z$/, 'Z');
  }
  if (
    typeof value !== 'string' ||
    !DATE_TIME_STAMP.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new TypeError(`"${name}" must be a Date or a date-time with a time zone.`);
  }
  return value;
};
