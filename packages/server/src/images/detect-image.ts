/**
 * Tells what an upload is from its first bytes, never from its name or the declared media type
 * (both are the client's say). PNG and SVG go on to be checked; anything else is named, so that
 * the refusal can say what was seen.
 */
import { looksLikePng } from './read-png-chunks.js';

export type DetectedImage =
  | { readonly type: 'png' }
  | { readonly type: 'svg' }
  | { readonly type: 'unsupported'; readonly format: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => Array.from(Buffer.from(text, 'latin1'));

/** Binary formats by signature, first match wins. */
const SIGNATURES: readonly (readonly [format: string, prefix: readonly number[], at?: number])[] = [
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', ascii('GIF8')],
  ['WebP', ascii('WEBP'), 8],
  ['PDF', ascii('%PDF-')],
  ['BMP', ascii('BM')],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]],
  ['ICO', [0x00, 0x00, 0x01, 0x00]],
  ['JPEG XL', [0xff, 0x0a]],
  ['HEIF/AVIF', ascii('ftyp'), 4],
  ['gzip (compressed SVG, .svgz, is not accepted)', [0x1f, 0x8b]],
  ['ZIP', ascii('PK\u0003\u0004')],
  ['UTF-16 text', [0xff, 0xfe]],
  ['UTF-16 text', [0xfe, 0xff]],
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The start of a text upload: after a UTF-8 byte order mark, up to 1 KiB, as Latin-1. */
const readTextHead = (bytes: Uint8Array): string => {
  const start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  return String.fromCharCode(...bytes.subarray(start, start + 1024));
};

/** XML declaration, comments and white space before the first real markup. */
const PROLOG = /^(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/;

/**
 * Detects the kind of an upload:
 *
 * - `png`: it starts with the PNG signature (or the start of it: a cut-short PNG is refused
 *   later as damaged, which is the more useful message);
 * - `svg`: text whose first markup, after an XML declaration and comments, is not HTML; the
 *   parser decides later whether the root really is SVG;
 * - `unsupported` with the format seen: JPEG, GIF, WebP, PDF, HTML, BMP, TIFF, ICO, HEIF/AVIF,
 *   JPEG XL, gzip, ZIP, UTF-16 text, an empty file, or unknown data.
 */
export const detectImage = (bytes: Uint8Array): DetectedImage => {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('"bytes" must be a Uint8Array.');
  if (bytes.length === 0) return { type: 'unsupported', format: 'an empty file' };
  if (looksLikePng(bytes)) return { type: 'png' };
  const signature = SIGNATURES.find(([, prefix, at]) => startsWith(bytes, prefix, at));
  if (signature !== undefined) return { type: 'unsupported', format: signature[0] };
  const head = readTextHead(bytes);
  const markup = head.slice(PROLOG.exec(head)?.[0].length ?? 0);
  if (/^<(?:!doctype\s+html|html|head|body|script|iframe|meta|title|div|p)\b/i.test(markup)) {
    return { type: 'unsupported', format: 'HTML' };
  }
  if (markup.startsWith('<')) return { type: 'svg' };
  return { type: 'unsupported', format: 'unknown data' };
};
