/**
 * Turns whatever `verifyOb2` is handed into one of three payloads: badge-object JSON, a compact
 * JWS (a signed badge), or a URL (a hosted assertion, or a legacy baked URL). Baked PNG and SVG
 * images are opened with `extractBaked`. Never throws.
 */
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../verify/exceeds-json-depth.js';
import { extractBaked } from '../bake/extract-baked.js';
import { looksLikePng, looksLikeXml } from '../bake/detect-image-type.js';
import { isAkashiError } from '../errors/akashi-error.js';
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';
import type { VerifyCode } from '../verify/verify-messages.js';
import type { Ob2Input } from './verify-ob2-options.js';

type Json = Record<string, unknown>;

export type Ob2Payload =
  | { readonly kind: 'json'; readonly json: Json }
  | { readonly kind: 'jws'; readonly jws: string }
  | { readonly kind: 'url'; readonly url: string };

/** How the input arrived: as JSON / JWS text or object, or baked in an image. */
export type Ob2InputFormat = 'json' | 'jws' | 'png' | 'svg';

export type ReadOb2InputResult =
  | { readonly ok: true; readonly payload: Ob2Payload; readonly format: Ob2InputFormat }
  | { readonly ok: false; readonly check: VerificationCheck };

export const DEFAULT_OB2_MAX_INPUT_BYTES = 10 * 1024 * 1024;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const HTTP_URL = /^https?:\/\/\S+$/i;

const fail = (code: VerifyCode, params: Record<string, string | number> = {}) =>
  ({ ok: false, check: makeCheck('parse', 'failed', code, params) }) as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const readText = (text: string, image: 'png' | 'svg' | undefined): ReadOb2InputResult => {
  const trimmed = text.trim();
  if (trimmed === '') return fail('ERR_PARSE_EMPTY');
  if (HTTP_URL.test(trimmed)) {
    return { ok: true, payload: { kind: 'url', url: trimmed }, format: image ?? 'json' };
  }
  if (COMPACT_JWS.test(trimmed)) {
    return { ok: true, payload: { kind: 'jws', jws: trimmed }, format: image ?? 'jws' };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    if (image === undefined && !trimmed.startsWith('{') && !trimmed.startsWith('[')) {
      return fail('ERR_PARSE_UNKNOWN_FORMAT');
    }
    return fail('ERR_PARSE_JSON', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  if (!isObject(value)) return fail('ERR_PARSE_NOT_OBJECT');
  if (exceedsJsonDepth(value)) return fail('ERR_PARSE_TOO_DEEP', { limit: MAX_JSON_DEPTH });
  return { ok: true, payload: { kind: 'json', json: value }, format: image ?? 'json' };
};

/** Reads a JSON object, a string (URL, JWS, JSON text) or bytes (image or text). */
export const readOb2Input = (
  input: Ob2Input,
  maxBytes = DEFAULT_OB2_MAX_INPUT_BYTES,
): ReadOb2InputResult => {
  if (input instanceof Uint8Array) {
    if (input.length === 0) return fail('ERR_PARSE_EMPTY');
    if (input.length > maxBytes) return fail('ERR_PARSE_TOO_LARGE', { limit: maxBytes });
    if (
      looksLikePng(input) ||
      (looksLikeXml(input) && /<svg[\s>]/i.test(Buffer.from(input).toString('utf8')))
    ) {
      try {
        const baked = extractBaked(input, { maxBytes });
        return readText(baked.payload, baked.imageType);
      } catch (error) {
        if (isAkashiError(error) && error.code === 'ERR_BAKE_NO_CREDENTIAL') {
          return fail('ERR_PARSE_NO_CREDENTIAL');
        }
        return fail('ERR_PARSE_IMAGE', {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return fail('ERR_PARSE_UNKNOWN_FORMAT');
    }
    return readText(text, undefined);
  }
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > maxBytes) {
      return fail('ERR_PARSE_TOO_LARGE', { limit: maxBytes });
    }
    return readText(input, undefined);
  }
  if (isObject(input)) {
    if (exceedsJsonDepth(input)) return fail('ERR_PARSE_TOO_DEEP', { limit: MAX_JSON_DEPTH });
    return { ok: true, payload: { kind: 'json', json: input }, format: 'json' };
  }
  return fail('ERR_PARSE_UNKNOWN_FORMAT');
};

/** The payload of a compact JWS as a JSON object, and its `alg`; or why it cannot be read. */
export const decodeJwsPayload = (
  jws: string,
): { readonly alg: unknown; readonly json: Json } | { readonly reason: string } => {
  const [header, payload] = jws.split('.');
  try {
    const protectedHeader: unknown = JSON.parse(
      Buffer.from(header ?? '', 'base64url').toString('utf8'),
    );
    if (!isObject(protectedHeader)) return { reason: 'the protected header is not a JSON object' };
    const json: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(payload ?? '', 'base64url')),
    );
    if (!isObject(json)) return { reason: 'the payload is not a JSON object' };
    if (exceedsJsonDepth(json))
      return { reason: `the payload nests deeper than ${MAX_JSON_DEPTH} levels` };
    return { alg: protectedHeader.alg, json };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
};
