/**
 * Splits an uploaded PNG into its chunks, checking the structure every later step relies on.
 *
 * The same checks as core's baking reader (`packages/core/src/bake/read-png-chunks.ts`, ADR 0003),
 * which @akashi/core does not export; here a failure is the upload error
 * `ERR_IMAGE_PNG_MALFORMED`, its detail kept in `cause` for the logs.
 */
import { crc32 } from 'node:zlib';
import { ServerError } from '../http/server-error.js';

/** The eight bytes every PNG datastream starts with (PNG §5.2). */
export const PNG_SIGNATURE: Readonly<Uint8Array> = Uint8Array.of(
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
);

/** The largest chunk length PNG allows (2^31 − 1, PNG §5.3). */
const MAX_PNG_CHUNK_LENGTH = 0x7fffffff;

export interface PngChunk {
  /** Four-letter chunk type, such as `IHDR` or `tEXt`. */
  readonly type: string;
  /** The chunk data (a view into the input, not a copy). */
  readonly data: Uint8Array;
  /** The whole chunk: length, type, data and CRC (a view into the input). */
  readonly bytes: Uint8Array;
}

export interface ReadPngChunksResult {
  /** Every chunk from `IHDR` to `IEND`, in file order. */
  readonly chunks: readonly PngChunk[];
  /** How many bytes follow `IEND` (never copied: a polyglot file hides its payload there). */
  readonly trailingBytes: number;
}

/** `ERR_IMAGE_PNG_MALFORMED`, with what exactly is wrong in the cause (logged, never sent). */
export const malformedPng = (detail: string): ServerError<'ERR_IMAGE_PNG_MALFORMED'> =>
  new ServerError('ERR_IMAGE_PNG_MALFORMED', { cause: new Error(detail) });

const isChunkTypeByte = (byte: number): boolean =>
  (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);

/** Whether `bytes` starts with a prefix of the PNG signature (`\x89PNG` at least). */
export const looksLikePng = (bytes: Uint8Array): boolean => {
  const head = Math.min(bytes.length, 4);
  return head > 0 && PNG_SIGNATURE.subarray(0, head).every((byte, i) => bytes[i] === byte);
};

/**
 * Reads the chunks of `png`: the signature, a first chunk that is a 13-byte `IHDR`, each chunk's
 * type letters, length (within the input) and CRC-32, at least one `IDAT`, and an empty `IEND`.
 * Never reads past the input.
 *
 * @throws ServerError `ERR_IMAGE_PNG_MALFORMED`.
 */
export const readPngChunks = (png: Uint8Array): ReadPngChunksResult => {
  if (png.length < PNG_SIGNATURE.length || !PNG_SIGNATURE.every((byte, i) => png[i] === byte)) {
    throw malformedPng('the PNG signature is missing, truncated or corrupt');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  let seenIdat = false;
  for (;;) {
    const remaining = png.length - offset;
    if (remaining < 12) {
      throw malformedPng(`truncated at offset ${offset}: no complete chunk, and no IEND`);
    }
    const length = view.getUint32(offset);
    const typeBytes = png.subarray(offset + 4, offset + 8);
    if (!typeBytes.every(isChunkTypeByte)) {
      throw malformedPng(`the chunk at offset ${offset} has an invalid type`);
    }
    const type = String.fromCharCode(...typeBytes);
    if (length > MAX_PNG_CHUNK_LENGTH || length > remaining - 12) {
      throw malformedPng(`truncated: chunk ${type} at offset ${offset} declares ${length} bytes`);
    }
    const end = offset + 12 + length;
    if (crc32(png.subarray(offset + 4, end - 4)) !== view.getUint32(end - 4)) {
      throw malformedPng(`chunk ${type} at offset ${offset} fails its CRC check`);
    }
    if ((chunks.length === 0) !== (type === 'IHDR') || (type === 'IHDR' && length !== 13)) {
      throw malformedPng(`expected exactly one 13-byte IHDR first; found ${type} at ${offset}`);
    }
    if (type === 'IEND' && length !== 0) {
      throw malformedPng(`the IEND chunk at offset ${offset} is not empty`);
    }
    seenIdat ||= type === 'IDAT';
    chunks.push({
      type,
      data: png.subarray(offset + 8, end - 4),
      bytes: png.subarray(offset, end),
    });
    offset = end;
    if (type === 'IEND') break;
  }
  if (!seenIdat) throw malformedPng('there is no IDAT chunk (no image data)');
  return { chunks, trailingBytes: png.length - offset };
};
