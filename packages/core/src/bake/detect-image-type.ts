import { AkashiError } from '../errors/akashi-error.js';
import type { BakedImageType } from './baking-vocabulary.js';
import { PNG_SIGNATURE } from './read-png-chunks.js';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

/**
 * Whether `bytes` is meant to be a PNG: it starts with `\x89PNG`, or is a shorter prefix of the
 * signature (a PNG cut short). Corruption after that is for `readPngChunks` to report.
 */
export const looksLikePng = (bytes: Uint8Array): boolean => {
  const head = Math.min(bytes.length, 4);
  return head > 0 && startsWith(bytes, [...PNG_SIGNATURE.subarray(0, head)]);
};

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Whether `bytes` is meant to be XML (and so possibly SVG): after an optional UTF-8 byte order
 * mark and XML white space, the first byte is `<`.
 */
export const looksLikeXml = (bytes: Uint8Array): boolean => {
  let i = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte === 0x3c) return true;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
    i++;
  }
  return false;
};

const describeOtherFormat = (bytes: Uint8Array): string | undefined => {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'GIF';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'WebP';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'UTF-16 text';
  return undefined;
};

/**
 * Tells PNG from SVG by content, never by file name.
 *
 * @throws AkashiError `ERR_BAKE_NOT_IMAGE` when the bytes are neither (empty input, JPEG, GIF,
 *   WebP, UTF-16 text, anything else).
 */
export const detectImageType = (bytes: Uint8Array): BakedImageType => {
  if (looksLikePng(bytes)) return 'png';
  if (looksLikeXml(bytes)) return 'svg';
  const other = describeOtherFormat(bytes);
  throw new AkashiError(
    'ERR_BAKE_NOT_IMAGE',
    bytes.length === 0
      ? { en: 'The image is empty.', ja: '画像が空です。' }
      : other === undefined
        ? {
            en: 'The bytes are neither a PNG nor an SVG image.',
            ja: 'PNG でも SVG でもないデータです。',
          }
        : {
            en: `${other} cannot carry a baked badge; only PNG and SVG (UTF-8) can.`,
            ja: `${other} にはバッジを焼き込めません。対応形式は PNG と SVG（UTF-8）のみです。`,
          },
    { details: { length: bytes.length, ...(other === undefined ? {} : { format: other }) } },
  );
};
