import { AkashiError } from '../errors/akashi-error.js';
import {
  assertImageSize,
  BAKING_VOCABULARY,
  type BadgeGeneration,
  findGenerationByPngKeyword,
  LEGACY_PNG_TEXT_KEYWORD,
  readGeneration,
  readMaxBytes,
} from './baking-vocabulary.js';
import { classifyPayload } from './classify-payload.js';
import { looksLikePng } from './detect-image-type.js';
import {
  encodePngChunk,
  PNG_SIGNATURE,
  type PngChunk,
  readPngChunks,
  readTextChunkKeyword,
} from './read-png-chunks.js';

export interface BakePngOptions {
  /** `ob3` (default): keyword `openbadgecredential`; `ob2`: keyword `openbadges`. */
  readonly generation?: BadgeGeneration;
  /** Largest PNG accepted, in bytes (default 10 MiB). */
  readonly maxBytes?: number;
}

/**
 * Builds the `iTXt` data of a baked badge: keyword, NUL, compression flag 0, compression method 0,
 * empty language tag (NUL), empty translated keyword (NUL), then the UTF-8 text.
 */
export const encodeBadgeITxt = (keyword: string, text: string): Uint8Array => {
  const textBytes = new TextEncoder().encode(text);
  const data = new Uint8Array(keyword.length + 5 + textBytes.length);
  for (let i = 0; i < keyword.length; i++) data[i] = keyword.charCodeAt(i);
  // data[keyword.length .. keyword.length + 4] stay 0: separator, flag, method, two empty strings.
  data.set(textBytes, keyword.length + 5);
  return data;
};

/** Whether a chunk already carries badge data that a new bake must replace. */
const isBadgeChunk = (chunk: PngChunk): boolean => {
  if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt' && chunk.type !== 'zTXt') return false;
  const keyword = readTextChunkKeyword(chunk.data);
  if (keyword === undefined) return false;
  return findGenerationByPngKeyword(keyword) !== undefined || keyword === LEGACY_PNG_TEXT_KEYWORD;
};

/**
 * Bakes a credential into a PNG (OB 3.0 §5.3.1; Baking 1.0 for OB 2.0): one uncompressed `iTXt`
 * chunk whose text is `payload` (credential JSON or compact JWS), placed right before `IEND`.
 *
 * Every other chunk is copied byte for byte; any earlier badge chunk (`iTXt` of either keyword,
 * legacy `tEXt`/`zTXt` `openbadges`) is removed, so the result carries exactly one. Bytes after
 * `IEND` are dropped. The chunk goes before `IEND`, as in the 1EdTech validator's sample files:
 * the original chunks keep their order and offsets, and no ordering rule (PLTE before IDAT, etc.)
 * can be disturbed.
 *
 * @throws AkashiError `ERR_BAKE_NOT_IMAGE` (not a PNG), `ERR_BAKE_MALFORMED_PNG` (truncated,
 *   bad CRC, bad structure), `ERR_INPUT_TOO_LARGE` (over `maxBytes`).
 * @throws TypeError when `png` is not a Uint8Array or `payload` is neither JSON nor a compact JWS.
 */
export const bakePng = (
  png: Uint8Array,
  payload: string,
  options: BakePngOptions = {},
): Uint8Array => {
  if (!(png instanceof Uint8Array)) throw new TypeError('"png" must be a Uint8Array.');
  const generation = readGeneration(options.generation);
  const maxBytes = readMaxBytes(options.maxBytes);
  classifyPayload(payload);
  assertImageSize(png.length, maxBytes);
  if (!looksLikePng(png)) {
    throw new AkashiError(
      'ERR_BAKE_NOT_IMAGE',
      { en: 'The image is not a PNG.', ja: '画像が PNG ではありません。' },
      { details: { length: png.length } },
    );
  }
  const { chunks } = readPngChunks(png);
  const badge = encodePngChunk(
    'iTXt',
    encodeBadgeITxt(BAKING_VOCABULARY[generation].pngKeyword, payload),
  );
  const kept = chunks.filter((chunk) => !isBadgeChunk(chunk));
  const size = kept.reduce((sum, chunk) => sum + chunk.end - chunk.start, 0);
  const out = new Uint8Array(PNG_SIGNATURE.length + size + badge.length);
  out.set(PNG_SIGNATURE, 0);
  let offset = PNG_SIGNATURE.length;
  for (const chunk of kept) {
    if (chunk.type === 'IEND') {
      out.set(badge, offset);
      offset += badge.length;
    }
    out.set(png.subarray(chunk.start, chunk.end), offset);
    offset += chunk.end - chunk.start;
  }
  return out;
};
