/**
 * Test data for the image tests: PNGs built byte by byte (so that every malformation can be
 * made on purpose), the chunk list of a PNG, and an independent decoder (pngjs) as the oracle
 * for "the pixels are unchanged".
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { ServerError } from '../http/server-error.js';
import type { ServerErrorCode } from '../http/error-registry.js';

export const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** One chunk: length, type, data, CRC-32 (or a wrong CRC when `badCrc`). */
export const encodeChunk = (type: string, data: Uint8Array, badCrc = false): Uint8Array => {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(new TextEncoder().encode(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, (crc32(chunk.subarray(4, 8 + data.length)) ^ +badCrc) >>> 0);
  return chunk;
};

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
  return out;
};

export const encodeHeader = (
  width: number,
  height: number,
  bitDepth = 8,
  colourType = 6,
  interlace = 0,
): Uint8Array => {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([bitDepth, colourType, 0, 0, interlace], 8);
  return data;
};

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface BuildPngOptions {
  readonly width?: number;
  readonly height?: number;
  readonly bitDepth?: number;
  readonly colourType?: number;
  readonly interlaced?: boolean;
  /** Chunks between IHDR and IDAT (PLTE, tRNS, gAMA…). */
  readonly before?: readonly Uint8Array[];
  /** Chunks between IDAT and IEND (where bakers put their text). */
  readonly after?: readonly Uint8Array[];
  /** Replaces the deflated image data. */
  readonly idat?: Uint8Array;
}

/**
 * The raw (filtered, filter type 0) scanlines of a `width` × `height` image whose byte at
 * position i of the raster is `(i * 7 + 3) & mask`; Adam7 passes are laid out by visiting every
 * pixel position, independently of the code under test.
 */
export const buildScanlines = (
  options: Required<Omit<BuildPngOptions, 'before' | 'after' | 'idat'>>,
) => {
  const { width, height, bitDepth, colourType, interlaced } = options;
  const bitsPerPixel = (CHANNELS[colourType] ?? 1) * bitDepth;
  const mask = colourType === 3 ? (1 << Math.min(bitDepth, 2)) - 1 : 0xff;
  const passes: [number, number, number, number][] = interlaced
    ? [
        [0, 0, 8, 8],
        [4, 0, 8, 8],
        [0, 4, 4, 8],
        [2, 0, 4, 4],
        [0, 2, 2, 4],
        [1, 0, 2, 2],
        [0, 1, 1, 2],
      ]
    : [[0, 0, 1, 1]];
  const bytes: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    for (let y = y0; y < height; y += dy) {
      const columns: number[] = [];
      for (let x = x0; x < width; x += dx) columns.push(x);
      if (columns.length === 0) continue;
      bytes.push(0);
      const rowBytes = Math.ceil((columns.length * bitsPerPixel) / 8);
      for (let i = 0; i < rowBytes; i++) bytes.push(((y * rowBytes + i) * 7 + 3) & mask);
    }
  }
  return Uint8Array.from(bytes);
};

/** A valid PNG (RGBA 8-bit 3 × 2 by default). */
export const buildPng = (options: BuildPngOptions = {}): Uint8Array => {
  const layout = {
    width: options.width ?? 3,
    height: options.height ?? 2,
    bitDepth: options.bitDepth ?? 8,
    colourType: options.colourType ?? 6,
    interlaced: options.interlaced ?? false,
  };
  const { width, height, bitDepth, colourType, interlaced } = layout;
  return concat(
    SIGNATURE,
    encodeChunk('IHDR', encodeHeader(width, height, bitDepth, colourType, +interlaced)),
    ...(options.before ?? []),
    encodeChunk('IDAT', options.idat ?? deflateSync(buildScanlines(layout))),
    ...(options.after ?? []),
    encodeChunk('IEND', new Uint8Array()),
  );
};

/** A palette of `entries` colours. */
export const encodePalette = (entries: number): Uint8Array =>
  encodeChunk(
    'PLTE',
    Uint8Array.from({ length: entries * 3 }, (_, i) => (i * 40) & 0xff),
  );

export const encodeText = (type: 'tEXt' | 'zTXt' | 'iTXt', keyword: string, text: string) => {
  const body = new TextEncoder().encode(text);
  const head = new TextEncoder().encode(`${keyword}\0`);
  const data =
    type === 'tEXt'
      ? concat(head, body)
      : type === 'zTXt'
        ? concat(head, Uint8Array.of(0), deflateSync(body))
        : concat(head, Uint8Array.of(0, 0, 0, 0), body);
  return encodeChunk(type, data);
};

/** The chunk types of a PNG, in order (assumes a well-formed file). */
export const listChunkTypes = (png: Uint8Array): string[] => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let offset = 8; offset + 8 <= png.length; offset += 12 + view.getUint32(offset)) {
    types.push(new TextDecoder().decode(png.subarray(offset + 4, offset + 8)));
  }
  return types;
};

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

/** pngjs, an independent PNG decoder (to RGBA 8-bit), as the test oracle. */
export const decodeWithPngjs = (png: Uint8Array): DecodedPng => {
  const pngjs = createRequire(import.meta.url)('pngjs') as {
    PNG: { sync: { read: (buffer: Buffer) => DecodedPng } };
  };
  return pngjs.PNG.sync.read(Buffer.from(png));
};

/** Asserts that `promise` rejects with a ServerError of `code`; returns the error. */
export const rejectsWith = async (
  promise: Promise<unknown>,
  code: ServerErrorCode,
): Promise<ServerError> => {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ServerError, `expected ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.cause instanceof Error ? caught.cause.message : '');
  return caught;
};
