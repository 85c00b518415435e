/** What a baked payload is: credential or assertion JSON, or a compact JWS (VC-JWT or OB 2.0 signed). */
export type PayloadFormat = 'json' | 'jws';

export interface ClassifyPayloadResult {
  readonly format: PayloadFormat;
  /** The parsed JSON object when `format` is `json`. */
  readonly json?: Readonly<Record<string, unknown>>;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Tells a compact JWS from JSON text, so the bakers know where the payload goes. The payload is
 * supplied by the caller, so anything else is misuse: a `TypeError` naming the parameter.
 */
export const classifyPayload = (payload: unknown): ClassifyPayloadResult => {
  if (typeof payload !== 'string' || payload.length === 0) {
    throw new TypeError('"payload" must be a non-empty string (credential JSON or compact JWS).');
  }
  if (COMPACT_JWS.test(payload)) return { format: 'jws' };
  if (LONE_SURROGATE.test(payload)) {
    throw new TypeError('"payload" contains a lone UTF-16 surrogate and cannot be UTF-8 encoded.');
  }
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch (cause) {
    throw new TypeError('"payload" is neither a compact JWS nor valid JSON.', { cause });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new TypeError('"payload" JSON must be an object (a credential or an assertion).');
  }
  return { format: 'json', json: json as Record<string, unknown> };
};
