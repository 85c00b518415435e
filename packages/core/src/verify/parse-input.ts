/**
 * Turns whatever a verifier is handed (a JSON object, text, or file bytes) into a credential
 * JSON object or a compact JWT, recording how it arrived. Never throws.
 */
import { extractBaked } from '../bake/index.js';
import { isAkashiError } from '../errors/akashi-error.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './exceeds-json-depth.js';
import { makeCheck, type CredentialFormat, type VerificationCheck } from './verification-report.js';

export type VerifyInput = string | Uint8Array | Record<string, unknown>;

export type ParsedInput =
  | {
      readonly ok: true;
      readonly format: CredentialFormat;
      readonly credential?: Record<string, unknown>;
      readonly jwt?: string;
      readonly check: VerificationCheck;
    }
  | { readonly ok: false; readonly check: VerificationCheck };

/** Inputs larger than this are refused before parsing (a badge is kilobytes, not megabytes). */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

const fail = (
  code: Parameters<typeof makeCheck>[2],
  params: Record<string, string | number> = {},
) => ({ ok: false, check: makeCheck('parse', 'failed', code, params) }) as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const jwtPayloadTooDeep = (jwt: string): boolean => {
  try {
    return exceedsJsonDepth(
      JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')),
    );
  } catch {
    return false; // unreadable payloads are reported by the JWT check
  }
};

const parseText = (text: string, format: CredentialFormat): ParsedInput => {
  const trimmed = text.trim();
  if (trimmed === '') return fail('ERR_PARSE_EMPTY');
  if (JWT_PATTERN.test(trimmed)) {
    if (jwtPayloadTooDeep(trimmed)) return fail('ERR_PARSE_TOO_DEEP', { limit: MAX_JSON_DEPTH });
    return {
      ok: true,
      format: format === 'json' ? 'jwt' : format,
      jwt: trimmed,
      check: makeCheck('parse', 'passed', 'PARSE_OK', {
        format: format === 'json' ? 'VC-JWT' : format.toUpperCase(),
      }),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[') && format === 'json') {
      return fail('ERR_PARSE_UNKNOWN_FORMAT');
    }
    return fail('ERR_PARSE_JSON', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  if (!isObject(value)) return fail('ERR_PARSE_NOT_OBJECT');
  if (exceedsJsonDepth(value)) return fail('ERR_PARSE_TOO_DEEP', { limit: MAX_JSON_DEPTH });
  return {
    ok: true,
    format,
    credential: value,
    check: makeCheck('parse', 'passed', 'PARSE_OK', {
      format: format === 'json' ? 'JSON' : format.toUpperCase(),
    }),
  };
};

const looksLikeSvg = (bytes: Uint8Array): boolean => {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<') && /<svg[\s>]/i.test(Buffer.from(bytes).toString('utf8'));
};

export const parseVerifyInput = (
  input: VerifyInput,
  maxBytes = DEFAULT_MAX_INPUT_BYTES,
): ParsedInput => {
  if (isObject(input) && !(input instanceof Uint8Array)) {
    if (exceedsJsonDepth(input)) return fail('ERR_PARSE_TOO_DEEP', { limit: MAX_JSON_DEPTH });
    return {
      ok: true,
      format: 'json',
      credential: input,
      check: makeCheck('parse', 'passed', 'PARSE_OK', { format: 'JSON' }),
    };
  }
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > maxBytes)
      return fail('ERR_PARSE_TOO_LARGE', { limit: maxBytes });
    return parseText(input, 'json');
  }
  if (!(input instanceof Uint8Array)) return fail('ERR_PARSE_UNKNOWN_FORMAT');
  if (input.length === 0) return fail('ERR_PARSE_EMPTY');
  if (input.length > maxBytes) return fail('ERR_PARSE_TOO_LARGE', { limit: maxBytes });
  const isPng = PNG_SIGNATURE.every((byte, i) => input[i] === byte);
  if (isPng || looksLikeSvg(input)) {
    try {
      const baked = extractBaked(input);
      return parseText(baked.payload, baked.imageType);
    } catch (error) {
      if (isAkashiError(error) && error.code === 'ERR_BAKE_NO_CREDENTIAL')
        return fail('ERR_PARSE_NO_CREDENTIAL');
      return fail('ERR_PARSE_IMAGE', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const text = Buffer.from(input).toString('utf8');
  return parseText(text, 'json');
};
