// Test data for the baking tests. Built with node:zlib directly, not with the module under test,
// so that the tests do not only check our own code against itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { AkashiError, type AkashiErrorCode } from '../errors/akashi-error.js';

export const FIXTURES = new URL('../../../../../shared/fixtures/', import.meta.url);

export const readFixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(path, FIXTURES)));

export const readFixtureText = (path: string): string =>
  readFileSync(new URL(path, FIXTURES), 'utf8');

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export type TestChunk = readonly [type: string, data: Uint8Array];

/** One PNG chunk: big-endian length, type, data, CRC-32 of type and data. */
export const buildChunk = (type: string, data: Uint8Array): Uint8Array => {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(new TextEncoder().encode(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
};

export interface BuildTestPngOptions {
  /** Chunks placed right after IHDR. */
  readonly afterIhdr?: readonly TestChunk[];
  /** Chunks placed right before IEND. */
  readonly beforeIend?: readonly TestChunk[];
}

/** A valid 3×2 8-bit greyscale PNG, with extra chunks where asked. */
export const buildTestPng = (options: BuildTestPngOptions = {}): Uint8Array => {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, 3);
  view.setUint32(4, 2);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filter, no interlace
  const scanlines = Uint8Array.of(0, 0x00, 0x80, 0xff, 0, 0xff, 0x80, 0x00);
  const chunks = [
    buildChunk('IHDR', ihdr),
    ...(options.afterIhdr ?? []).map(([type, data]) => buildChunk(type, data)),
    buildChunk('IDAT', deflateSync(scanlines)),
    ...(options.beforeIend ?? []).map(([type, data]) => buildChunk(type, data)),
    buildChunk('IEND', new Uint8Array(0)),
  ];
  return Uint8Array.from([...SIGNATURE, ...chunks.flatMap((chunk) => [...chunk])]);
};

/** iTXt data built by hand: keyword, NUL, flag, method, language NUL, translated keyword NUL, text. */
export const buildITxtData = (keyword: string, text: Uint8Array, compressed = false): Uint8Array =>
  Uint8Array.from([...new TextEncoder().encode(keyword), 0, compressed ? 1 : 0, 0, 0, 0, ...text]);

export interface TestChunkView {
  readonly type: string;
  readonly data: Uint8Array;
  readonly crcOk: boolean;
}

/** A plain chunk walker for assertions (no validation beyond the CRC). */
export const listChunks = (png: Uint8Array): TestChunkView[] => {
  assert.deepEqual([...png.subarray(0, 8)], SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: TestChunkView[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = view.getUint32(offset);
    const type = new TextDecoder().decode(png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crcOk =
      crc32(png.subarray(offset + 4, offset + 8 + length)) === view.getUint32(offset + 8 + length);
    chunks.push({ type, data, crcOk });
    offset += 12 + length;
  }
  return chunks;
};

/** Deterministic pseudo-random bytes (xorshift32), so every run tests the same inputs. */
export const createRandomBytes = (seed: number): ((length: number) => Uint8Array) => {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return (length) => Uint8Array.from({ length }, () => next() & 0xff);
};

/** Asserts that `fn` throws an AkashiError with `code` (and nothing else). */
export const assertAkashiError = (
  fn: () => unknown,
  code: AkashiErrorCode,
  message?: RegExp,
): void => {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof AkashiError, `expected AkashiError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(error.ja.length > 0);
    if (message !== undefined) assert.match(error.message, message);
    return true;
  });
};

/** A credential JSON with text that breaks naive bakers: Japanese, emoji, `]]>`, U+2028. */
export const UNICODE_CREDENTIAL = JSON.stringify({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:3f1c3e1a-8d5e-4d6b-9a8e-000000000001',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: '情報処理安全確保支援士 🎓✨',
  description:
    'CDATA end ]]> inside, twice ]]]]>>, line\u2028separator, replacement \uFFFD, 👩🏽‍💻 and \u{1F1EF}\u{1F1F5}',
  proof: [
    { type: 'DataIntegrityProof', proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk' },
  ],
});
