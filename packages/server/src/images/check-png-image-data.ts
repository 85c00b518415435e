/**
 * The decompression-bomb guard: inflates the `IDAT` stream without keeping it, and checks that it
 * holds exactly the scanlines `IHDR` promises — each starting with a filter type 0 to 4 — and
 * nothing after the end of the zlib stream.
 *
 * The output is read 16 KiB at a time and thrown away, so an upload costs a few kilobytes of
 * memory however far it claims to inflate; inflation stops as soon as it passes the expected
 * length, so a bomb costs no more time than an honest image of its declared size.
 */
import { createInflate } from 'node:zlib';
import { isServerError } from '../http/server-error.js';
import { malformedPng } from './read-png-chunks.js';
import type { ScanlineRun } from './read-png-header.js';

/** The highest PNG filter type (Paeth, PNG §9.2). */
const MAX_FILTER_TYPE = 4;

/** Yields the offset of every scanline's filter-type byte in the decompressed data. */
function* listFilterByteOffsets(runs: readonly ScanlineRun[]): Generator<number, void> {
  let offset = 0;
  for (const run of runs) {
    for (let row = 0; row < run.rows; row++) {
      yield offset;
      offset += run.stride;
    }
  }
}

/**
 * Inflates the concatenated `IDAT` data and checks it against the scanline layout.
 *
 * @throws ServerError `ERR_IMAGE_PNG_MALFORMED`: not a zlib stream, too short, longer than the
 *   layout (a bomb), a bad filter type, or bytes after the end of the zlib stream.
 */
export const checkPngImageData = async (
  compressed: Uint8Array,
  runs: readonly ScanlineRun[],
  expectedLength: number,
): Promise<void> => {
  const inflater = createInflate();
  inflater.end(compressed);
  const filterBytes = listFilterByteOffsets(runs);
  let nextFilterByte = filterBytes.next();
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      const start = produced;
      produced += chunk.length;
      if (produced > expectedLength) {
        throw malformedPng(
          `the image data inflates past the ${expectedLength} bytes its header declares (a decompression bomb, or corrupt data)`,
        );
      }
      while (nextFilterByte.done !== true && nextFilterByte.value < produced) {
        const filterType = chunk[nextFilterByte.value - start] ?? 0;
        if (filterType > MAX_FILTER_TYPE) {
          throw malformedPng(`scanline filter type ${filterType} is not defined`);
        }
        nextFilterByte = filterBytes.next();
      }
    }
  } catch (error) {
    if (isServerError(error)) throw error;
    throw malformedPng(
      `the image data is not a valid zlib stream (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    inflater.destroy();
  }
  if (produced !== expectedLength) {
    throw malformedPng(
      `the image data inflates to ${produced} bytes; its header declares ${expectedLength}`,
    );
  }
  if (inflater.bytesWritten !== compressed.length) {
    throw malformedPng(
      `${compressed.length - inflater.bytesWritten} bytes follow the end of the compressed image data`,
    );
  }
};
