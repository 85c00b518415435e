import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AkashiError } from '../errors/akashi-error.js';
import {
  MIN_STATUS_LIST_LENGTH,
  StatusList,
  createStatusList,
  getStatus,
  getStatusValue,
  setStatus,
  setStatusValue,
} from './status-list.js';

const rangeError = (error: unknown): boolean =>
  error instanceof AkashiError && error.code === 'ERR_STATUS_INDEX_RANGE';

describe('createStatusList', () => {
  it('creates 131,072 clear bits (16 KB) by default', () => {
    const list = createStatusList();
    assert.equal(list.length, 131_072);
    assert.equal(list.bitstring.length, 16_384);
    assert.ok(list.bitstring.every((byte) => byte === 0));
  });

  it('creates longer lists in whole bytes', () => {
    assert.equal(createStatusList({ length: 262_144 }).bitstring.length, 32_768);
  });

  it('refuses lists shorter than the spec minimum, or not whole bytes', () => {
    assert.throws(() => createStatusList({ length: 100_000 }), TypeError);
    assert.throws(() => createStatusList({ length: MIN_STATUS_LIST_LENGTH + 1 }), TypeError);
    assert.throws(() => createStatusList({ length: Number.NaN }), TypeError);
  });

  it('refuses lists that verifiers could not decode under the default cap', () => {
    assert.throws(() => createStatusList({ length: 16 * 1024 * 1024 * 8 + 8 }), TypeError);
  });
});

describe('getStatus / setStatus', () => {
  it('puts index 0 in the most significant bit of byte 0', () => {
    const list = createStatusList();
    setStatus(list, 0, true);
    assert.equal(list.bitstring[0], 0x80);
  });

  it('puts index 7 in the least significant bit of byte 0 and index 8 in byte 1', () => {
    const list = createStatusList();
    setStatus(list, 7, true);
    assert.equal(list.bitstring[0], 0x01);
    setStatus(list, 8, true);
    assert.equal(list.bitstring[1], 0x80);
  });

  it('reads the bit order of a hand-made bitstring', () => {
    const bytes = new Uint8Array(16_384);
    bytes[2] = 0b0010_0000; // index 16 + 2 = 18
    const list = new StatusList(bytes);
    assert.equal(getStatus(list, 18), true);
    assert.equal(getStatus(list, 17), false);
    assert.equal(getStatus(list, 19), false);
  });

  it('sets and clears a bit without touching its neighbours', () => {
    const list = createStatusList();
    setStatus(list, 1000, true);
    setStatus(list, 1001, true);
    assert.equal(getStatus(list, 1000), true);
    setStatus(list, 1000, false);
    assert.equal(getStatus(list, 1000), false);
    assert.equal(getStatus(list, 1001), true);
    assert.equal(getStatus(list, 999), false);
  });

  it('reaches the last index and refuses the one after it', () => {
    const list = createStatusList();
    setStatus(list, 131_071, true);
    assert.equal(list.bitstring[16_383], 0x01);
    assert.throws(() => getStatus(list, 131_072), rangeError);
    assert.throws(() => {
      setStatus(list, 131_072, true);
    }, rangeError);
    assert.throws(() => getStatus(list, -1), rangeError);
  });

  it('treats a non-integer index or a non-boolean value as misuse', () => {
    const list = createStatusList();
    assert.throws(() => getStatus(list, 1.5), TypeError);
    assert.throws(() => getStatus(list, Number.NaN), TypeError);
    assert.throws(() => {
      setStatus(list, 1, 1 as unknown as boolean);
    }, TypeError);
    const notAList: unknown = { bitstring: new Uint8Array(16_384), length: 131_072 };
    assert.throws(() => getStatus(notAList as StatusList, 1), TypeError);
  });
});

describe('getStatusValue / setStatusValue (statusSize > 1)', () => {
  it('stores multi-bit statuses most significant bit first at index × statusSize', () => {
    const list = createStatusList({ length: 262_144 });
    setStatusValue(list, 0, 2, 2); // bits 0-1 = 10
    setStatusValue(list, 1, 2, 3); // bits 2-3 = 11
    assert.equal(list.bitstring[0], 0b1011_0000);
    assert.equal(getStatusValue(list, 0, 2), 2);
    assert.equal(getStatusValue(list, 1, 2), 3);
    assert.equal(getStatusValue(list, 2, 2), 0);
    setStatusValue(list, 1, 2, 1);
    assert.equal(list.bitstring[0], 0b1001_0000);
  });

  it('range-checks against the number of statuses, not bits', () => {
    const list = createStatusList({ length: 262_144 });
    assert.equal(getStatusValue(list, 131_071, 2), 0);
    assert.throws(() => getStatusValue(list, 131_072, 2), rangeError);
  });

  it('refuses values that do not fit and unsupported sizes', () => {
    const list = createStatusList();
    assert.throws(() => {
      setStatusValue(list, 0, 2, 4);
    }, TypeError);
    assert.throws(() => getStatusValue(list, 0, 0), TypeError);
    assert.throws(() => getStatusValue(list, 0, 9), TypeError);
  });
});
