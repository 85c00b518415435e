import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { isAkashiError, type LocalizedMessage } from '../errors/akashi-error.js';
import { BitstringStatusListCredentialSchema } from './bitstring-status-list-credential.js';
import {
  BitstringStatusListEntrySchema,
  type BitstringStatusListEntry,
} from './bitstring-status-list-entry.js';
import { decodeStatusList } from './decode-status-list.js';
import {
  DEFAULT_STATUS_LIST_MAX_BYTES,
  MAX_STATUS_SIZE,
  getStatusValue,
  type StatusList,
} from './status-list.js';

/** Why a status could not be read. The names follow the spec's errors (§3.2, §3.5). */
export type CheckStatusEntryErrorCode =
  /** The entry breaks a MUST of §2.1. */
  | 'MALFORMED_VALUE_ERROR'
  /** No list credential was supplied (the caller's dereference failed). */
  | 'STATUS_RETRIEVAL_ERROR'
  /** The list credential is not a BitstringStatusListCredential. */
  | 'STATUS_VERIFICATION_ERROR'
  /** The entry's statusPurpose is none of the list's. */
  | 'STATUS_PURPOSE_MISMATCH'
  /** encodedList is not multibase base64url GZIP. */
  | 'STATUS_LIST_DECODE_ERROR'
  /** encodedList decompresses past the size cap (a possible decompression bomb). */
  | 'STATUS_LIST_TOO_LARGE'
  /** The list holds fewer than 131,072 statuses. */
  | 'STATUS_LIST_LENGTH_ERROR'
  /** statusListIndex is outside the list. */
  | 'RANGE_ERROR';

/** The error the spec itself names for each code, for RFC 9457 problem details. */
export type StatusSpecError =
  | 'MALFORMED_VALUE_ERROR'
  | 'STATUS_RETRIEVAL_ERROR'
  | 'STATUS_VERIFICATION_ERROR'
  | 'STATUS_LIST_LENGTH_ERROR'
  | 'RANGE_ERROR';

const SPEC_ERROR: Readonly<Record<CheckStatusEntryErrorCode, StatusSpecError>> = {
  MALFORMED_VALUE_ERROR: 'MALFORMED_VALUE_ERROR',
  STATUS_RETRIEVAL_ERROR: 'STATUS_RETRIEVAL_ERROR',
  STATUS_VERIFICATION_ERROR: 'STATUS_VERIFICATION_ERROR',
  STATUS_PURPOSE_MISMATCH: 'STATUS_VERIFICATION_ERROR',
  STATUS_LIST_DECODE_ERROR: 'MALFORMED_VALUE_ERROR',
  STATUS_LIST_TOO_LARGE: 'STATUS_VERIFICATION_ERROR',
  STATUS_LIST_LENGTH_ERROR: 'STATUS_LIST_LENGTH_ERROR',
  RANGE_ERROR: 'RANGE_ERROR',
};

export type CheckStatusEntryWarningCode = 'STATUS_LIST_INDEX_NOT_STRING';

export interface CheckStatusEntryWarning {
  readonly code: CheckStatusEntryWarningCode;
  readonly message: LocalizedMessage;
}

export interface CheckStatusEntryOptions {
  /** Cap on the decompressed bitstring in bytes (default 16 MiB). */
  readonly maxBytes?: number;
  /**
   * Accept a JSON number as `statusListIndex` (with a warning) instead of the decimal string the
   * spec requires. Default `true`: the 1EdTech validator's own revoked-credential fixture uses a
   * number. Set `false` to refuse it as MALFORMED_VALUE_ERROR.
   */
  readonly allowNumericIndex?: boolean;
}

export interface CheckStatusEntrySuccess {
  readonly ok: true;
  /** The entry's statusPurpose; `revocation` and `suspension` are never merged. */
  readonly purpose: string;
  readonly index: number;
  /** The status value (0 or 1 when statusSize is 1). */
  readonly status: number;
  /** `status !== 0`: revoked for `revocation`, suspended for `suspension`. */
  readonly set: boolean;
  /** The matching `statusMessage[].message`, or "set" / "unset" when the entry has none. */
  readonly statusMessage: string;
  readonly warnings: readonly CheckStatusEntryWarning[];
}

export interface CheckStatusEntryFailure {
  readonly ok: false;
  readonly code: CheckStatusEntryErrorCode;
  readonly specError: StatusSpecError;
  readonly message: LocalizedMessage;
  /** The entry's statusPurpose, when the entry was readable that far. */
  readonly purpose?: string;
}

export type CheckStatusEntryResult = CheckStatusEntrySuccess | CheckStatusEntryFailure;

/**
 * Reads the status a `BitstringStatusListEntry` points to (Validate Algorithm, §3.2).
 *
 * The caller dereferences `entry.statusListCredential` (through Akashi's one outbound-HTTP
 * module, cached and size-capped) and verifies the list credential's proof, issuer trust and
 * validity period before calling this: those steps raise the spec's STATUS_RETRIEVAL_ERROR and
 * STATUS_VERIFICATION_ERROR and are not done here. Pass `undefined` as `listCredential` when the
 * retrieval failed. The list credential's `id` need not equal the entry's URL (the spec says MAY).
 *
 * It never throws for any entry or list credential; only invalid `options` give a TypeError.
 */
export const checkStatusEntry = (
  entry: unknown,
  listCredential: unknown,
  options: CheckStatusEntryOptions = {},
): CheckStatusEntryResult => {
  const maxBytes = options.maxBytes ?? DEFAULT_STATUS_LIST_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new TypeError(`"options.maxBytes" must be a positive integer; got ${String(maxBytes)}.`);
  }
  const parsed = parseEntry(entry, options.allowNumericIndex ?? true);
  if (!parsed.ok) return parsed;
  const { purpose, index, statusSize, messages, warnings } = parsed;
  const failWith = (code: CheckStatusEntryErrorCode, message: LocalizedMessage) =>
    failure(code, message, purpose);

  if (!isRecord(listCredential)) {
    return failWith('STATUS_RETRIEVAL_ERROR', {
      en: 'No status list credential was retrieved (a JSON object was expected).',
      ja: 'ステータスリストのクレデンシャルを取得できませんでした（JSON オブジェクトが必要です）。',
    });
  }
  if (!Value.Check(BitstringStatusListCredentialSchema, listCredential)) {
    const { where, why } = firstError(BitstringStatusListCredentialSchema, listCredential);
    return failWith('STATUS_VERIFICATION_ERROR', {
      en: `The status list credential is not a valid BitstringStatusListCredential at ${where}: ${why}.`,
      ja: `ステータスリストのクレデンシャルが正しい BitstringStatusListCredential ではありません（${where}: ${why}）。`,
    });
  }
  const subject = listCredential.credentialSubject;
  const listPurposes =
    typeof subject.statusPurpose === 'string' ? [subject.statusPurpose] : subject.statusPurpose;
  if (!listPurposes.includes(purpose)) {
    return failWith('STATUS_PURPOSE_MISMATCH', {
      en: `The entry's statusPurpose "${purpose}" is not a purpose of the status list (${listPurposes.join(', ')}).`,
      ja: `エントリの statusPurpose「${purpose}」はステータスリストの目的（${listPurposes.join('、')}）に含まれていません。`,
    });
  }

  let list: StatusList;
  try {
    list = decodeStatusList(subject.encodedList, { maxBytes, statusSize });
  } catch (error) {
    if (!isAkashiError(error)) throw error;
    const message = { en: error.message, ja: error.ja };
    switch (error.code) {
      case 'ERR_STATUS_LIST_TOO_LARGE':
        return failWith('STATUS_LIST_TOO_LARGE', message);
      case 'ERR_STATUS_LIST_LENGTH':
        return failWith('STATUS_LIST_LENGTH_ERROR', message);
      default:
        return failWith('STATUS_LIST_DECODE_ERROR', message);
    }
  }

  const entries = Math.floor(list.length / statusSize);
  if (index >= entries) {
    return failWith('RANGE_ERROR', {
      en: `statusListIndex ${index} is outside the status list (0 to ${entries - 1}).`,
      ja: `statusListIndex ${index} がステータスリストの範囲（0〜${entries - 1}）外です。`,
    });
  }
  const status = getStatusValue(list, index, statusSize);
  return {
    ok: true,
    purpose,
    index,
    status,
    set: status !== 0,
    statusMessage: messages?.get(status) ?? (status === 0 ? 'unset' : 'set'),
    warnings,
  };
};

interface ParsedEntry {
  readonly ok: true;
  readonly purpose: string;
  readonly index: number;
  readonly statusSize: number;
  readonly messages: ReadonlyMap<number, string> | undefined;
  readonly warnings: readonly CheckStatusEntryWarning[];
}

const parseEntry = (
  input: unknown,
  allowNumericIndex: boolean,
): ParsedEntry | CheckStatusEntryFailure => {
  if (!isRecord(input)) {
    return malformed(
      'The status entry is not a JSON object.',
      'ステータスエントリが JSON オブジェクトではありません。',
    );
  }
  const warnings: CheckStatusEntryWarning[] = [];
  let candidate: Record<string, unknown> = input;
  const rawIndex = input['statusListIndex'];
  if (typeof rawIndex === 'number') {
    if (!allowNumericIndex || !Number.isSafeInteger(rawIndex) || rawIndex < 0) {
      return malformed(
        'statusListIndex must be a non-negative integer written as a decimal string.',
        'statusListIndex は 0 以上の整数を 10 進数の文字列で表したものでなければなりません。',
      );
    }
    candidate = { ...input, statusListIndex: String(rawIndex) };
    warnings.push({
      code: 'STATUS_LIST_INDEX_NOT_STRING',
      message: {
        en: 'statusListIndex is a JSON number; the spec requires a decimal string. It was read as one.',
        ja: 'statusListIndex が JSON の数値です。仕様では 10 進数の文字列が必要ですが、文字列として読み取りました。',
      },
    });
  }
  if (!Value.Check(BitstringStatusListEntrySchema, candidate)) {
    const { where, why } = firstError(BitstringStatusListEntrySchema, candidate);
    return malformed(
      `The status entry is not a valid BitstringStatusListEntry at ${where}: ${why}.`,
      `ステータスエントリが正しい BitstringStatusListEntry ではありません（${where}: ${why}）。`,
    );
  }
  const entry: BitstringStatusListEntry = candidate;
  const purpose = entry.statusPurpose;
  const fail = (en: string, ja: string) => malformed(en, ja, purpose);

  if (!URL.canParse(entry.statusListCredential)) {
    return fail(
      'statusListCredential is not a URL.',
      'statusListCredential が URL ではありません。',
    );
  }
  if (entry.id === entry.statusListCredential) {
    return fail(
      'The status entry id must not be the status list URL.',
      'ステータスエントリの id をステータスリストの URL にすることはできません。',
    );
  }
  const statusSize = entry.statusSize ?? 1;
  if (statusSize > MAX_STATUS_SIZE) {
    return fail(
      `statusSize ${statusSize} is not supported (at most ${MAX_STATUS_SIZE}).`,
      `statusSize ${statusSize} には対応していません（最大 ${MAX_STATUS_SIZE}）。`,
    );
  }
  const messages = readStatusMessages(entry, statusSize);
  if (typeof messages === 'string') return fail(messages, messagesJa(statusSize));

  const digits = entry.statusListIndex.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) {
    return failure(
      'RANGE_ERROR',
      {
        en: `statusListIndex ${digits} is outside any status list Akashi reads.`,
        ja: `statusListIndex ${digits} は Akashi が読み取れるステータスリストの範囲外です。`,
      },
      purpose,
    );
  }
  return { ok: true, purpose, index: Number(digits), statusSize, messages, warnings };
};

/** The status → message table, or an English reason why `statusMessage` is malformed. */
const readStatusMessages = (
  entry: BitstringStatusListEntry,
  statusSize: number,
): ReadonlyMap<number, string> | undefined | string => {
  const list = entry.statusMessage;
  if (list === undefined) {
    return statusSize > 1
      ? 'statusMessage is required when statusSize is greater than 1.'
      : undefined;
  }
  const count = 2 ** statusSize;
  if (list.length !== count) {
    return `statusMessage must have ${count} elements for statusSize ${statusSize}; it has ${list.length}.`;
  }
  const table = new Map<number, string>();
  for (const { status, message } of list) {
    const value = Number.parseInt(status.slice(2), 16);
    if (value >= count || table.has(value)) {
      return `statusMessage status "${status}" is out of range or repeated.`;
    }
    table.set(value, message);
  }
  return table;
};

const messagesJa = (statusSize: number): string =>
  `statusMessage が不正です。statusSize が ${statusSize} の場合、0x0〜0x${(2 ** statusSize - 1).toString(16)} の各値に 1 つずつ、計 ${2 ** statusSize} 個の要素が必要です。`;

const malformed = (en: string, ja: string, purpose?: string): CheckStatusEntryFailure =>
  failure('MALFORMED_VALUE_ERROR', { en, ja }, purpose);

const failure = (
  code: CheckStatusEntryErrorCode,
  message: LocalizedMessage,
  purpose: string | undefined,
): CheckStatusEntryFailure => ({
  ok: false,
  code,
  specError: SPEC_ERROR[code],
  message,
  ...(purpose === undefined ? {} : { purpose }),
});

const firstError = (schema: TSchema, value: unknown): { where: string; why: string } => {
  const error = Value.Errors(schema, value).First();
  return {
    where: error?.path === undefined || error.path === '' ? '/' : error.path,
    why: error?.message ?? 'invalid',
  };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
