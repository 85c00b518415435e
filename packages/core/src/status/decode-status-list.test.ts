import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import { AkashiError, type AkashiErrorCode } from '../errors/akashi-error.js';
import { decodeStatusList } from './decode-status-list.js';
import { encodeStatusList } from './encode-status-list.js';
import { createStatusList, getStatus, setStatus } from './status-list.js';

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);

/** The example list of the Bitstring Status List v1.0 REC (Example 3). */
const REC_EXAMPLE = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

const withCode =
  (code: AkashiErrorCode) =>
  (error: unknown): boolean =>
    error instanceof AkashiError && error.code === code;

const encodeBytes = (bytes: Uint8Array): string => `u${Buffer.from(bytes).toString('base64url')}`;

describe('decodeStatusList', () => {
  it('decodes the REC example to 16,384 bytes, all bits 0', () => {
    const list = decodeStatusList(REC_EXAMPLE);
    assert.equal(list.bitstring.length, 16_384);
    assert.equal(list.length, 131_072);
    assert.ok(list.bitstring.every((byte) => byte === 0));
  });

  it('decodes the 1EdTech validator list: only index 23 is set', () => {
    const credential = JSON.parse(
      readFileSync(new URL('validator/ob30/bit-string-list/testlist', fixtures), 'utf8'),
    ) as { credentialSubject: { encodedList: string } };
    const list = decodeStatusList(credential.credentialSubject.encodedList);
    assert.equal(list.length, 131_072);
    assert.equal(getStatus(list, 23), true);
    assert.equal(getStatus(list, 22), false);
    assert.equal(getStatus(list, 24), false);
    assert.equal(list.bitstring[2], 0x01); // index 23 = byte 2, least significant bit
    assert.equal(
      list.bitstring.reduce((count, byte, at) => count + (at === 2 ? 0 : byte), 0),
      0,
    );
  });

  it('round-trips through encodeStatusList', () => {
    const list = createStatusList({ length: 262_144 });
    for (const index of [0, 7, 8, 23, 4096, 131_071, 262_143]) setStatus(list, index, true);
    const encoded = encodeStatusList(list);
    assert.match(encoded, /^u[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeStatusList(encoded).bitstring, list.bitstring);
  });

  it('accepts a list exactly at the size cap', () => {
    assert.equal(decodeStatusList(REC_EXAMPLE, { maxBytes: 16_384 }).bitstring.length, 16_384);
  });

  it('refuses a decompression bomb (gzip of 64 MiB of zeros) with the cap code, fast', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    assert.ok(bomb.length < 100 * 1024, `bomb is ${bomb.length} bytes`);
    const started = performance.now();
    assert.throws(() => decodeStatusList(encodeBytes(bomb)), withCode('ERR_STATUS_LIST_TOO_LARGE'));
    assert.throws(
      () => decodeStatusList(encodeBytes(bomb), { maxBytes: 1024 * 1024 }),
      withCode('ERR_STATUS_LIST_TOO_LARGE'),
    );
    assert.ok(performance.now() - started < 5000);
  });

  it('refuses a 1 GiB multi-member gzip bomb without inflating it', () => {
    const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member));
    const started = performance.now();
    assert.throws(() => decodeStatusList(encodeBytes(bomb)), withCode('ERR_STATUS_LIST_TOO_LARGE'));
    assert.ok(performance.now() - started < 5000);
  });

  it('refuses an encoded list too long to be under the cap before decoding it', () => {
    const huge = `u${'A'.repeat(40_000)}`;
    assert.throws(
      () => decodeStatusList(huge, { maxBytes: 16_384 }),
      withCode('ERR_STATUS_LIST_TOO_LARGE'),
    );
  });

  it('gives STATUS_LIST_LENGTH_ERROR for a list of 100,000 bits (P16)', () => {
    const short = encodeBytes(gzipSync(Buffer.alloc(12_500)));
    assert.throws(
      () => decodeStatusList(short),
      (error: unknown) =>
        withCode('ERR_STATUS_LIST_LENGTH')(error) &&
        (error as AkashiError).details?.['entries'] === 100_000,
    );
  });

  it('counts entries of statusSize bits against the minimum', () => {
    const list = encodeStatusList(createStatusList());
    assert.equal(decodeStatusList(list, { statusSize: 1 }).length, 131_072);
    assert.throws(
      () => decodeStatusList(list, { statusSize: 2 }),
      withCode('ERR_STATUS_LIST_LENGTH'),
    );
  });

  it('refuses a string without the multibase "u" prefix', () => {
    for (const encoded of [
      '',
      'zH4sIAAAAAAAAA',
      REC_EXAMPLE.slice(1),
      `U${REC_EXAMPLE.slice(1)}`,
    ]) {
      assert.throws(
        () => decodeStatusList(encoded),
        withCode('ERR_STATUS_LIST_MULTIBASE'),
        encoded,
      );
    }
  });

  it('refuses anything but canonical unpadded base64url', () => {
    const body = REC_EXAMPLE.slice(1);
    const padded = `u${Buffer.from(body, 'base64url').toString('base64')}`;
    for (const encoded of [
      `u${body.replace(/-/g, '+')}`, // base64, not base64url
      padded.endsWith('=') ? padded : `${padded}==`, // padding
      `u${body} `,
      `u${body}A`, // a length no base64 can have
      'uAB', // non-zero trailing bits
    ]) {
      assert.throws(
        () => decodeStatusList(encoded),
        withCode('ERR_STATUS_LIST_BASE64URL'),
        encoded,
      );
    }
  });

  it('refuses data that is not GZIP', () => {
    const gzip = gzipSync(Buffer.alloc(16_384));
    for (const bytes of [
      Buffer.from('hello, world'),
      deflateSync(Buffer.alloc(16_384)), // zlib, not gzip
      gzip.subarray(0, gzip.length - 6), // truncated
      Buffer.concat([gzip, Buffer.from('trailing')]),
      Buffer.alloc(0),
    ]) {
      assert.throws(() => decodeStatusList(encodeBytes(bytes)), withCode('ERR_STATUS_LIST_GZIP'));
    }
  });

  it('treats bad options as misuse', () => {
    assert.throws(() => decodeStatusList(REC_EXAMPLE, { maxBytes: 0 }), TypeError);
    assert.throws(() => decodeStatusList(REC_EXAMPLE, { statusSize: 0 }), TypeError);
    assert.throws(() => decodeStatusList(42 as unknown as string), TypeError);
  });
});

describe('interoperability with @digitalcredentials/vc-bitstring-status-list', () => {
  // An independent implementation (pako gzip), present through @digitalcredentials/verifier-core.
  interface OracleList {
    getStatus(index: number): boolean;
    setStatus(index: number, value: boolean): void;
    encode(): Promise<string>;
  }
  const { BitstringStatusList } = createRequire(import.meta.url)(
    '@digitalcredentials/vc-bitstring-status-list',
  ) as {
    BitstringStatusList: {
      new (options: { length: number }): OracleList;
      decode(options: { encodedList: string }): Promise<OracleList>;
    };
  };
  const indexes = [0, 1, 7, 8, 23, 65_535, 99_999, 131_071];

  it('reads our encoded list the same way', async () => {
    const list = createStatusList();
    for (const index of indexes) setStatus(list, index, true);
    const theirs = await BitstringStatusList.decode({ encodedList: encodeStatusList(list) });
    for (let index = 0; index < 131_072; index += 1) {
      assert.equal(theirs.getStatus(index), getStatus(list, index), `index ${index}`);
    }
  });

  it('writes a list we read the same way', async () => {
    const theirs = new BitstringStatusList({ length: 131_072 });
    for (const index of indexes) theirs.setStatus(index, true);
    const ours = decodeStatusList(await theirs.encode());
    for (let index = 0; index < 131_072; index += 1) {
      assert.equal(getStatus(ours, index), theirs.getStatus(index), `index ${index}`);
    }
  });
});
