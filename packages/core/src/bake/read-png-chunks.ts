import { crc32 } from 'node:zlib';
import { AkashiError } from '../errors/akashi-error.js';

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

/** The largest chunk length PNG allows (2^31 - 1, PNG §5.3). */
export const MAX_PNG_CHUNK_LENGTH = 0x7fffffff;

export interface PngChunk {
  /** Four-letter chunk type, such as `IHDR` or `iTXt`. */
  readonly type: string;
  /** The chunk data (a view into the input, not a copy). */
  readonly data: Uint8Array;
  /** Offset of the chunk's length field in the input. */
  readonly start: number;
  /** Offset just past the chunk's CRC in the input. */
  readonly end: number;
}

export interface ReadPngChunksResult {
  /** Every chunk from `IHDR` to `IEND`, in file order. */
  readonly chunks: readonly PngChunk[];
  /** Bytes found after `IEND` (ignored by readers; dropped by `bakePng`). */
  readonly trailingBytes: number;
}

const malformed = (en: string, ja: string, details: Record<string, unknown> = {}): AkashiError =>
  new AkashiError('ERR_BAKE_MALFORMED_PNG', { en, ja }, { details });

const isChunkTypeByte = (byte: number): boolean =>
  (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);

/** Whether `bytes` begins with the full PNG signature. */
export const hasPngSignature = (bytes: Uint8Array): boolean =>
  bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);

/**
 * Splits a PNG datastream into chunks, checking what a baker relies on: the signature, that the
 * first chunk is a 13-byte `IHDR`, every chunk's type letters, length and CRC-32, that the data
 * holds an `IDAT` and ends with an empty `IEND`. Never reads past the input.
 *
 * @throws AkashiError `ERR_BAKE_MALFORMED_PNG` naming the chunk and offset at fault.
 */
export const readPngChunks = (png: Uint8Array): ReadPngChunksResult => {
  if (!hasPngSignature(png)) {
    throw malformed(
      png.length < PNG_SIGNATURE.length
        ? `PNG is truncated inside its signature (${png.length} bytes).`
        : 'PNG signature is corrupt (a text-mode transfer may have changed its line endings).',
      png.length < PNG_SIGNATURE.length
        ? `PNG がシグネチャの途中で切れています（${png.length} バイト）。`
        : 'PNG シグネチャが壊れています（テキストモード転送で改行が変換された可能性があります）。',
    );
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  let seenIdat = false;
  for (;;) {
    const remaining = png.length - offset;
    if (remaining === 0) {
      throw malformed(
        'PNG ends without an IEND chunk (truncated).',
        'PNG が IEND チャンクなしで終わっています（途中で切れています）。',
        { offset },
      );
    }
    if (remaining < 12) {
      throw malformed(
        `PNG is truncated inside a chunk header at offset ${offset}.`,
        `PNG がオフセット ${offset} のチャンク見出しの途中で切れています。`,
        { offset },
      );
    }
    const length = view.getUint32(offset);
    const typeBytes = png.subarray(offset + 4, offset + 8);
    if (!typeBytes.every(isChunkTypeByte)) {
      throw malformed(
        `PNG chunk at offset ${offset} has an invalid type.`,
        `オフセット ${offset} の PNG チャンクの型が不正です。`,
        { offset },
      );
    }
    const type = String.fromCharCode(...typeBytes);
    if (length > MAX_PNG_CHUNK_LENGTH) {
      throw malformed(
        `PNG chunk ${type} at offset ${offset} declares an impossible length ${length}.`,
        `オフセット ${offset} の PNG チャンク ${type} の長さ ${length} は不正です。`,
        { offset, type, length },
      );
    }
    const end = offset + 12 + length;
    if (end > png.length) {
      throw malformed(
        `PNG is truncated: chunk ${type} at offset ${offset} declares ${length} bytes of data but only ${remaining - 12} remain.`,
        `PNG が途中で切れています：オフセット ${offset} のチャンク ${type} は ${length} バイトのデータを宣言していますが、残りは ${remaining - 12} バイトです。`,
        { offset, type, length },
      );
    }
    const expectedCrc = view.getUint32(end - 4);
    if (crc32(png.subarray(offset + 4, end - 4)) !== expectedCrc) {
      throw malformed(
        `PNG chunk ${type} at offset ${offset} fails its CRC check.`,
        `オフセット ${offset} の PNG チャンク ${type} の CRC が一致しません。`,
        { offset, type },
      );
    }
    if ((chunks.length === 0) !== (type === 'IHDR') || (type === 'IHDR' && length !== 13)) {
      throw malformed(
        `PNG must start with exactly one 13-byte IHDR chunk; found ${type} at offset ${offset}.`,
        `PNG は 13 バイトの IHDR チャンク 1 つで始まる必要がありますが、オフセット ${offset} に ${type} があります。`,
        { offset, type },
      );
    }
    if (type === 'IEND' && length !== 0) {
      throw malformed(
        `PNG IEND chunk at offset ${offset} must be empty.`,
        `オフセット ${offset} の PNG IEND チャンクは空でなければなりません。`,
        { offset },
      );
    }
    seenIdat ||= type === 'IDAT';
    chunks.push({ type, data: png.subarray(offset + 8, end - 4), start: offset, end });
    offset = end;
    if (type === 'IEND') break;
  }
  if (!seenIdat) {
    throw malformed(
      'PNG has no IDAT chunk (no image data).',
      'PNG に IDAT チャンク（画像データ）がありません。',
    );
  }
  return { chunks, trailingBytes: png.length - offset };
};

/** Builds one chunk: length, type, data and the CRC-32 of type and data. */
export const encodePngChunk = (type: string, data: Uint8Array): Uint8Array => {
  if (data.length > MAX_PNG_CHUNK_LENGTH) {
    throw new RangeError(`PNG chunk data may hold at most ${MAX_PNG_CHUNK_LENGTH} bytes.`);
  }
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
};

/** The keyword of a `tEXt`, `zTXt` or `iTXt` chunk (Latin-1, 1 to 79 bytes before a NUL). */
export const readTextChunkKeyword = (data: Uint8Array): string | undefined => {
  const nul = data.subarray(0, 80).indexOf(0);
  if (nul < 1) return undefined;
  return String.fromCharCode(...data.subarray(0, nul));
};
