import { inflateSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { AkashiError } from '../errors/akashi-error.js';
import {
  assertImageSize,
  type ExtractBakedResult,
  findGenerationByPngKeyword,
  LEGACY_PNG_TEXT_KEYWORD,
  readHttpUrl,
  readMaxBytes,
} from './baking-vocabulary.js';
import { looksLikePng } from './detect-image-type.js';
import { type PngChunk, readPngChunks, readTextChunkKeyword } from './read-png-chunks.js';

export interface ExtractFromPngOptions {
  /** Largest PNG, and largest decompressed `iTXt` text, accepted in bytes (default 10 MiB). */
  readonly maxBytes?: number;
}

const malformed = (en: string, ja: string, details: Record<string, unknown>): AkashiError =>
  new AkashiError('ERR_BAKE_MALFORMED_PNG', { en, ja }, { details });

const decodeUtf8 = (bytes: Uint8Array, offset: number): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    throw new AkashiError(
      'ERR_BAKE_MALFORMED_PNG',
      {
        en: `The badge iTXt chunk at offset ${offset} is not valid UTF-8.`,
        ja: `オフセット ${offset} のバッジ iTXt チャンクが正しい UTF-8 ではありません。`,
      },
      { details: { offset }, cause },
    );
  }
};

const inflateText = (compressed: Uint8Array, offset: number, maxBytes: number): Uint8Array => {
  try {
    return inflateSync(compressed, { maxOutputLength: maxBytes });
  } catch (cause) {
    if (cause instanceof RangeError) {
      throw new AkashiError(
        'ERR_INPUT_TOO_LARGE',
        {
          en: `The compressed badge iTXt chunk at offset ${offset} inflates past ${maxBytes} bytes.`,
          ja: `オフセット ${offset} の圧縮されたバッジ iTXt チャンクは展開後 ${maxBytes} バイトを超えます。`,
        },
        { details: { offset, maxBytes }, cause },
      );
    }
    throw new AkashiError(
      'ERR_BAKE_MALFORMED_PNG',
      {
        en: `The compressed badge iTXt chunk at offset ${offset} is not valid zlib data.`,
        ja: `オフセット ${offset} の圧縮されたバッジ iTXt チャンクが正しい zlib データではありません。`,
      },
      { details: { offset }, cause },
    );
  }
};

/**
 * Reads the text of an `iTXt` chunk (PNG §11.3.3.4): keyword NUL, compression flag, compression
 * method, language tag NUL, translated keyword NUL, text. A compressed text (flag 1, method 0)
 * is inflated up to `maxBytes`.
 */
const readITxtText = (chunk: PngChunk, keywordLength: number, maxBytes: number): string => {
  const { data, start } = chunk;
  const flag = data[keywordLength + 1];
  const method = data[keywordLength + 2];
  const languageEnd = data.indexOf(0, keywordLength + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (flag === undefined || method === undefined || translatedEnd < 0) {
    throw malformed(
      `The badge iTXt chunk at offset ${start} is cut short before its text.`,
      `オフセット ${start} のバッジ iTXt チャンクは本文の前で途切れています。`,
      { offset: start },
    );
  }
  const text = data.subarray(translatedEnd + 1);
  if (flag === 0) return decodeUtf8(text, start);
  if (flag === 1 && method === 0) return decodeUtf8(inflateText(text, start, maxBytes), start);
  throw malformed(
    `The badge iTXt chunk at offset ${start} has unknown compression (flag ${flag}, method ${method}).`,
    `オフセット ${start} のバッジ iTXt チャンクの圧縮方式が不明です（フラグ ${flag}、方式 ${method}）。`,
    { offset: start, flag, method },
  );
};

const noCredential = (): AkashiError =>
  new AkashiError('ERR_BAKE_NO_CREDENTIAL', {
    en: 'The PNG carries no baked badge (no iTXt "openbadgecredential" or "openbadges" chunk).',
    ja: 'PNG にバッジが焼き込まれていません（iTXt の "openbadgecredential" / "openbadges" チャンクがありません）。',
  });

/**
 * Extracts a baked badge from a PNG: the first `iTXt` chunk with keyword `openbadgecredential`
 * (OB 3.0) or `openbadges` (OB 2.0), compressed or not; failing that, a legacy `tEXt`
 * `openbadges` chunk holding a hosted assertion URL (reported as OB 2.0, with `verifyUrl`).
 * The whole file is checked (CRCs, structure) first.
 *
 * @throws AkashiError `ERR_BAKE_NOT_IMAGE`, `ERR_BAKE_MALFORMED_PNG`, `ERR_INPUT_TOO_LARGE`,
 *   `ERR_BAKE_NO_CREDENTIAL`.
 */
export const extractFromPng = (
  png: Uint8Array,
  options: ExtractFromPngOptions = {},
): ExtractBakedResult => {
  if (!(png instanceof Uint8Array)) throw new TypeError('"png" must be a Uint8Array.');
  const maxBytes = readMaxBytes(options.maxBytes);
  assertImageSize(png.length, maxBytes);
  if (!looksLikePng(png)) {
    throw new AkashiError('ERR_BAKE_NOT_IMAGE', {
      en: 'The image is not a PNG.',
      ja: '画像が PNG ではありません。',
    });
  }
  const { chunks } = readPngChunks(png);
  let legacy: PngChunk | undefined;
  for (const chunk of chunks) {
    if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt') continue;
    const keyword = readTextChunkKeyword(chunk.data);
    if (keyword === undefined) continue;
    if (chunk.type === 'tEXt') {
      if (keyword === LEGACY_PNG_TEXT_KEYWORD) legacy ??= chunk;
      continue;
    }
    const generation = findGenerationByPngKeyword(keyword);
    if (generation === undefined) continue;
    const payload = readITxtText(chunk, keyword.length, maxBytes);
    if (payload.length === 0) throw noCredential();
    const verifyUrl = readHttpUrl(payload);
    return {
      imageType: 'png',
      generation,
      payload,
      ...(verifyUrl === undefined ? {} : { verifyUrl }),
    };
  }
  if (legacy === undefined) throw noCredential();
  // tEXt is Latin-1 (PNG §11.3.3.2); a URL is ASCII.
  const text = legacy.data.subarray(LEGACY_PNG_TEXT_KEYWORD.length + 1);
  const payload = Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('latin1');
  if (payload.length === 0) throw noCredential();
  const verifyUrl = readHttpUrl(payload);
  return {
    imageType: 'png',
    generation: 'ob2',
    payload,
    ...(verifyUrl === undefined ? {} : { verifyUrl }),
  };
};
