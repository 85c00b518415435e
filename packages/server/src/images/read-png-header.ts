/**
 * The `IHDR` chunk (PNG §11.2.2) and what follows from it: which bit depth and colour type
 * combinations are legal, and the exact layout of the decompressed image data (one filter-type
 * byte before every scanline, seven reduced images when Adam7-interlaced, §8.2).
 */
import { malformedPng } from './read-png-chunks.js';

/** PNG colour types: grey, truecolour, indexed, grey + alpha, truecolour + alpha. */
export type PngColourType = 0 | 2 | 3 | 4 | 6;

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: PngColourType;
  readonly interlaced: boolean;
  /** Bits per pixel: channels × bit depth. */
  readonly bitsPerPixel: number;
}

/** One run of scanlines of the same length: the whole image, or one Adam7 pass. */
export interface ScanlineRun {
  readonly rows: number;
  /** Bytes per scanline, its filter-type byte included. */
  readonly stride: number;
}

/** The allowed bit depths of each colour type, and its number of channels (PNG Table 11.1). */
const COLOUR_TYPES: Readonly<
  Record<PngColourType, { readonly depths: readonly number[]; readonly channels: number }>
> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 1 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};

const isColourType = (value: number): value is PngColourType => Object.hasOwn(COLOUR_TYPES, value);

/** The largest width or height PNG allows (2^31 − 1). */
const MAX_PNG_DIMENSION = 0x7fffffff;

/**
 * Reads and checks the 13 bytes of `IHDR`: non-zero dimensions, a legal bit depth for the colour
 * type, compression and filter method 0, interlace method 0 or 1.
 *
 * @throws ServerError `ERR_IMAGE_PNG_MALFORMED`.
 */
export const readPngHeader = (data: Uint8Array): PngHeader => {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [bitDepth = 0, colourType = 0, compression, filter, interlace] = data.subarray(8, 13);
  if (width === 0 || height === 0 || width > MAX_PNG_DIMENSION || height > MAX_PNG_DIMENSION) {
    throw malformedPng(`IHDR declares impossible dimensions ${width} × ${height}`);
  }
  if (!isColourType(colourType) || !COLOUR_TYPES[colourType].depths.includes(bitDepth)) {
    throw malformedPng(`IHDR: bit depth ${bitDepth} with colour type ${colourType} is not legal`);
  }
  if (compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) {
    throw malformedPng('IHDR: unknown compression, filter or interlace method');
  }
  return {
    width,
    height,
    bitDepth,
    colourType,
    interlaced: interlace === 1,
    bitsPerPixel: COLOUR_TYPES[colourType].channels * bitDepth,
  };
};

/** Adam7 passes: first column, first row, column step, row step (PNG §8.2). */
const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

const rowBytes = (header: PngHeader, width: number): number =>
  Math.ceil((width * header.bitsPerPixel) / 8);

/** The scanlines of the decompressed image data, in order; empty Adam7 passes are left out. */
export const listScanlineRuns = (header: PngHeader): readonly ScanlineRun[] => {
  if (!header.interlaced) {
    return [{ rows: header.height, stride: 1 + rowBytes(header, header.width) }];
  }
  const runs: ScanlineRun[] = [];
  for (const [x0, y0, dx, dy] of ADAM7) {
    const columns = Math.ceil(Math.max(0, header.width - x0) / dx);
    const rows = Math.ceil(Math.max(0, header.height - y0) / dy);
    if (columns > 0 && rows > 0) runs.push({ rows, stride: 1 + rowBytes(header, columns) });
  }
  return runs;
};

/** The exact length of the decompressed image data: every scanline with its filter byte. */
export const measureImageData = (runs: readonly ScanlineRun[]): number =>
  runs.reduce((total, run) => total + run.rows * run.stride, 0);

/** The raster a viewer holds once decoded, in bytes, without filter bytes or interlacing. */
export const measureRaster = (header: PngHeader): number =>
  rowBytes(header, header.width) * header.height;
