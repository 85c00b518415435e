/**
 * Checks an uploaded PNG from end to end and returns a cleaned copy: only the chunks needed to
 * show the image as its author meant survive.
 */
import { ServerError } from '../http/server-error.js';
import { checkPngImageData } from './check-png-image-data.js';
import { checkIccProfile } from './check-icc-profile.js';
import {
  assertBytes,
  assertUploadSize,
  DEFAULT_IMAGE_MAX_BYTES,
  DEFAULT_IMAGE_MAX_DIMENSION,
  DEFAULT_PNG_MAX_DECODED_BYTES,
  readLimit,
} from './image-limits.js';
import { malformedPng, PNG_SIGNATURE, readPngChunks, type PngChunk } from './read-png-chunks.js';
import {
  listScanlineRuns,
  measureImageData,
  measureRaster,
  readPngHeader,
  type PngHeader,
} from './read-png-header.js';

export interface ValidatePngOptions {
  /** Largest file accepted, in bytes (default 2 MiB). */
  readonly maxBytes?: number;
  /** Largest width in pixels (default 4096). */
  readonly maxWidth?: number;
  /** Largest height in pixels (default 4096). */
  readonly maxHeight?: number;
  /** Largest decoded raster, in bytes (default 64 MiB: 4096 × 4096 RGBA). */
  readonly maxDecodedBytes?: number;
}

export interface ValidatePngResult {
  /** The cleaned PNG: signature, `IHDR`, the kept chunks in their order, `IDAT`, `IEND`. */
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** What was left out, once each: chunk types (`tEXt`, `iTXt`, `eXIf`…), `data after IEND`. */
  readonly removed: readonly string[];
}

/**
 * The ancillary chunks kept: colour space and transparency (`tRNS`, `gAMA`, `cHRM`, `sRGB`,
 * `iCCP`, `sBIT`) and pixel size (`pHYs`), all of which change how the image looks and none of
 * which carries free text. Text (`tEXt`, `zTXt`, `iTXt`: a baked credential among them), `eXIf`
 * (camera, location), animation (APNG `acTL`/`fcTL`/`fdAT`: the default image stays) and unknown
 * chunks are removed.
 */
const KEPT_ANCILLARY = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs']);

/** `sBIT` length per colour type (PNG §11.3.3.4). */
const SIGNIFICANT_BITS_LENGTH: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 3, 4: 2, 6: 4 };

/** Whether a kept ancillary chunk is well-formed for this image (a bad one is removed). */
const isWellFormed = (chunk: PngChunk, header: PngHeader, paletteEntries: number): boolean => {
  const { data } = chunk;
  switch (chunk.type) {
    case 'gAMA':
      return data.length === 4 && data.some((byte) => byte !== 0);
    case 'cHRM':
      return data.length === 32;
    case 'sRGB':
      return data.length === 1 && (data[0] ?? 4) <= 3;
    case 'pHYs':
      return data.length === 9 && (data[8] ?? 2) <= 1;
    case 'sBIT': {
      const maxBits = header.colourType === 3 ? 8 : header.bitDepth;
      return (
        data.length === SIGNIFICANT_BITS_LENGTH[header.colourType] &&
        data.every((bits) => bits >= 1 && bits <= maxBits)
      );
    }
    case 'tRNS':
      return header.colourType === 0
        ? data.length === 2
        : header.colourType === 2
          ? data.length === 6
          : header.colourType === 3 && data.length >= 1 && data.length <= paletteEntries;
    default:
      return true; // iCCP is checked apart (it must be inflated)
  }
};

const readPaletteEntries = (chunk: PngChunk, header: PngHeader): number => {
  const entries = chunk.data.length / 3;
  if (!Number.isInteger(entries) || entries < 1 || entries > 2 ** Math.min(header.bitDepth, 8)) {
    throw malformedPng(`PLTE holds ${chunk.data.length} bytes, not a palette for this image`);
  }
  return entries;
};

interface ChunkSelection {
  readonly kept: PngChunk[];
  readonly idat: PngChunk[];
  readonly removed: Set<string>;
}

/**
 * Walks the chunks after `IHDR` in order, checking the rules of PNG §5.6 that matter here: one
 * `PLTE` before the image data (required for indexed colour, refused for greyscale, dropped as a
 * mere suggestion for truecolour), consecutive `IDAT`s, no unknown critical chunk.
 */
const selectChunks = (chunks: readonly PngChunk[], header: PngHeader): ChunkSelection => {
  const selection: ChunkSelection = { kept: [], idat: [], removed: new Set() };
  let paletteEntries = 0;
  let afterImageData = false;
  for (const chunk of chunks.slice(1)) {
    const { type } = chunk;
    if (type === 'IDAT') {
      if (afterImageData) throw malformedPng('the IDAT chunks are not consecutive');
      if (header.colourType === 3 && paletteEntries === 0) {
        throw malformedPng('an indexed-colour image has no PLTE before its image data');
      }
      selection.idat.push(chunk);
      selection.kept.push(chunk);
      continue;
    }
    afterImageData ||= selection.idat.length > 0;
    if (type === 'IEND') {
      selection.kept.push(chunk);
    } else if (type === 'PLTE') {
      if (
        paletteEntries > 0 ||
        afterImageData ||
        header.colourType === 0 ||
        header.colourType === 4
      ) {
        throw malformedPng('PLTE is repeated, after the image data, or in a greyscale image');
      }
      paletteEntries = readPaletteEntries(chunk, header);
      if (header.colourType === 3) selection.kept.push(chunk);
      else selection.removed.add(type);
    } else if (/^[A-Z]/.test(type)) {
      throw malformedPng(`unknown critical chunk ${type}`);
    } else if (
      KEPT_ANCILLARY.has(type) &&
      !afterImageData &&
      !selection.kept.some((kept) => kept.type === type) &&
      isWellFormed(chunk, header, paletteEntries)
    ) {
      selection.kept.push(chunk);
    } else {
      selection.removed.add(type);
    }
  }
  return selection;
};

const concatenate = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/**
 * Validates and cleans an uploaded PNG:
 *
 * 1. size, then the structure (signature, every chunk's length and CRC, `IHDR` first, `IEND`
 *    last) and `IHDR` itself (legal bit depth and colour type, compression, filter, interlace);
 * 2. dimensions and decoded raster size against the limits, from `IHDR` alone: a 10,000 ×
 *    10,000 image is refused before one byte is inflated;
 * 3. the image data inflated (and discarded) against the exact length the header implies, so a
 *    decompression bomb stops at that length (`check-png-image-data.ts`);
 * 4. every chunk outside the allow-list removed, bytes after `IEND` dropped.
 *
 * The pixels are never decoded or re-encoded: the image data is copied as it came.
 *
 * @throws ServerError `ERR_IMAGE_TOO_LARGE`, `ERR_IMAGE_PNG_MALFORMED`,
 *   `ERR_IMAGE_DIMENSIONS_TOO_LARGE`, `ERR_IMAGE_DECODED_TOO_LARGE`.
 * @throws TypeError when `png` is not a Uint8Array or a limit is not a positive integer.
 */
export const validatePng = async (
  png: Uint8Array,
  options: ValidatePngOptions = {},
): Promise<ValidatePngResult> => {
  assertBytes(png, 'png');
  const maxBytes = readLimit('maxBytes', options.maxBytes, DEFAULT_IMAGE_MAX_BYTES);
  const maxWidth = readLimit('maxWidth', options.maxWidth, DEFAULT_IMAGE_MAX_DIMENSION);
  const maxHeight = readLimit('maxHeight', options.maxHeight, DEFAULT_IMAGE_MAX_DIMENSION);
  const maxDecoded = readLimit(
    'maxDecodedBytes',
    options.maxDecodedBytes,
    DEFAULT_PNG_MAX_DECODED_BYTES,
  );
  assertUploadSize(png.length, maxBytes);
  const { chunks, trailingBytes } = readPngChunks(png);
  const [ihdr] = chunks;
  if (ihdr === undefined) throw malformedPng('there is no IHDR chunk');
  const header = readPngHeader(ihdr.data);
  const { width, height } = header;
  if (width > maxWidth || height > maxHeight) {
    throw new ServerError('ERR_IMAGE_DIMENSIONS_TOO_LARGE', {
      params: { width, height, maxWidth, maxHeight },
    });
  }
  const raster = measureRaster(header);
  if (raster > maxDecoded) {
    throw new ServerError('ERR_IMAGE_DECODED_TOO_LARGE', {
      params: { size: raster, limit: maxDecoded },
    });
  }
  const { kept, idat, removed } = selectChunks(chunks, header);
  const runs = listScanlineRuns(header);
  await checkPngImageData(
    concatenate(idat.map((chunk) => chunk.data)),
    runs,
    measureImageData(runs),
  );
  const icc = kept.find((chunk) => chunk.type === 'iCCP');
  if (
    icc !== undefined &&
    (kept.some((chunk) => chunk.type === 'sRGB') || !(await checkIccProfile(icc.data)))
  ) {
    kept.splice(kept.indexOf(icc), 1);
    removed.add('iCCP');
  }
  if (trailingBytes > 0) removed.add('data after IEND');
  return {
    bytes: concatenate([PNG_SIGNATURE, ihdr.bytes, ...kept.map((chunk) => chunk.bytes)]),
    width,
    height,
    removed: [...removed],
  };
};
