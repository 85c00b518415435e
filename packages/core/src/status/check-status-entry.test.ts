import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { StatusPurpose } from './bitstring-status-list-entry.js';
import { buildStatusListCredential } from './build-status-list-credential.js';
import { buildStatusListEntry } from './build-status-list-entry.js';
import {
  checkStatusEntry,
  type CheckStatusEntryErrorCode,
  type CheckStatusEntryFailure,
  type CheckStatusEntryResult,
  type CheckStatusEntrySuccess,
} from './check-status-entry.js';
import { createStatusList, setStatus, setStatusValue, type StatusList } from './status-list.js';

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);
const readFixture = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as unknown;

const LIST_URL = 'https://example.com/credentials/status/3';

const succeeded = (result: CheckStatusEntryResult): CheckStatusEntrySuccess => {
  assert.equal(result.ok, true, JSON.stringify(result));
  return result;
};

const failed = (
  result: CheckStatusEntryResult,
  code: CheckStatusEntryErrorCode,
): CheckStatusEntryFailure => {
  assert.equal(result.ok, false, JSON.stringify(result));
  const failure = result;
  assert.equal(failure.code, code, failure.message.en);
  assert.ok(failure.message.en.length > 0 && failure.message.ja.length > 0);
  return failure;
};

const listCredential = (
  list: StatusList,
  statusPurpose: StatusPurpose | StatusPurpose[] = 'revocation',
): Record<string, unknown> & { credentialSubject: Record<string, unknown> } =>
  buildStatusListCredential({ id: LIST_URL, issuer: 'did:example:12345', statusPurpose, list });

const entryFor = (statusListIndex: number, statusPurpose: StatusPurpose = 'revocation') =>
  buildStatusListEntry({ statusListCredential: LIST_URL, statusListIndex, statusPurpose });

const withSubject = (
  credential: ReturnType<typeof listCredential>,
  subject: Record<string, unknown>,
) => ({
  ...credential,
  credentialSubject: { ...credential.credentialSubject, ...subject },
});

describe('checkStatusEntry: the 1EdTech validator fixtures', () => {
  const credential = readFixture(
    'validator/ob30/bit-string-list/credential-status-revoked.json',
  ) as {
    credentialStatus: Record<string, unknown>;
  };
  const testlist = readFixture('validator/ob30/bit-string-list/testlist');

  it('reports credential-status-revoked.json as revoked (index 23 of testlist)', () => {
    const result = succeeded(checkStatusEntry(credential.credentialStatus, testlist));
    assert.equal(result.purpose, 'revocation');
    assert.equal(result.index, 23);
    assert.equal(result.set, true);
    assert.equal(result.status, 1);
    assert.equal(result.statusMessage, 'set');
  });

  it('warns that the fixture gives statusListIndex as a number, and refuses it when asked to', () => {
    const result = succeeded(checkStatusEntry(credential.credentialStatus, testlist));
    assert.deepEqual(
      result.warnings.map((warning) => warning.code),
      ['STATUS_LIST_INDEX_NOT_STRING'],
    );
    const strict = checkStatusEntry(credential.credentialStatus, testlist, {
      allowNumericIndex: false,
    });
    failed(strict, 'MALFORMED_VALUE_ERROR');
  });

  it('reports the neighbouring indexes 22 and 24 as not revoked', () => {
    for (const index of ['22', '24']) {
      const entry = { ...credential.credentialStatus, statusListIndex: index };
      const result = succeeded(checkStatusEntry(entry, testlist));
      assert.equal(result.set, false);
      assert.equal(result.statusMessage, 'unset');
      assert.deepEqual(result.warnings, []);
    }
  });
});

describe('checkStatusEntry: revocation and suspension', () => {
  const revocations = createStatusList();
  setStatus(revocations, 100, true);
  const suspensions = createStatusList();
  setStatus(suspensions, 200, true);

  it('reads a revoked and a valid credential', () => {
    assert.equal(succeeded(checkStatusEntry(entryFor(100), listCredential(revocations))).set, true);
    assert.equal(
      succeeded(checkStatusEntry(entryFor(101), listCredential(revocations))).set,
      false,
    );
  });

  it('keeps suspension distinct from revocation in the result', () => {
    const suspended = succeeded(
      checkStatusEntry(entryFor(200, 'suspension'), listCredential(suspensions, 'suspension')),
    );
    assert.deepEqual([suspended.purpose, suspended.set], ['suspension', true]);
    const revoked = succeeded(checkStatusEntry(entryFor(100), listCredential(revocations)));
    assert.deepEqual([revoked.purpose, revoked.set], ['revocation', true]);
  });

  it('reports a purpose mismatch as STATUS_VERIFICATION_ERROR', () => {
    const result = failed(
      checkStatusEntry(entryFor(200, 'suspension'), listCredential(revocations)),
      'STATUS_PURPOSE_MISMATCH',
    );
    assert.equal(result.specError, 'STATUS_VERIFICATION_ERROR');
    assert.equal(result.purpose, 'suspension');
    failed(
      checkStatusEntry(entryFor(100), listCredential(suspensions, 'suspension')),
      'STATUS_PURPOSE_MISMATCH',
    );
  });

  it('accepts either purpose of a list that declares both', () => {
    const both = listCredential(revocations, ['revocation', 'suspension']);
    assert.equal(
      succeeded(checkStatusEntry(entryFor(100, 'suspension'), both)).purpose,
      'suspension',
    );
    assert.equal(succeeded(checkStatusEntry(entryFor(100), both)).purpose, 'revocation');
  });
});

describe('checkStatusEntry: statusSize > 1', () => {
  const list = createStatusList({ length: 262_144 });
  setStatusValue(list, 5, 2, 2);
  const messages = [
    { status: '0x0', message: 'pending_review' },
    { status: '0x1', message: 'accepted' },
    { status: '0x2', message: 'rejected' },
    { status: '0x3', message: 'undefined' },
  ];
  const credential = withSubject(listCredential(list), { statusPurpose: 'message' });
  const entry = {
    ...entryFor(5),
    statusPurpose: 'message',
    statusSize: 2,
    statusMessage: messages,
  };

  it('reads the multi-bit status and its message', () => {
    const result = succeeded(checkStatusEntry(entry, credential));
    assert.deepEqual([result.status, result.set, result.statusMessage], [2, true, 'rejected']);
    const other = succeeded(checkStatusEntry({ ...entry, statusListIndex: '4' }, credential));
    assert.deepEqual([other.status, other.set, other.statusMessage], [0, false, 'pending_review']);
  });

  it('applies the length minimum to statuses, not bits', () => {
    const short = withSubject(listCredential(createStatusList()), { statusPurpose: 'message' });
    failed(checkStatusEntry(entry, short), 'STATUS_LIST_LENGTH_ERROR');
  });

  it('requires exactly 2^statusSize distinct status messages', () => {
    const withoutMessages: Record<string, unknown> = { ...entry };
    delete withoutMessages['statusMessage'];
    failed(checkStatusEntry(withoutMessages, credential), 'MALFORMED_VALUE_ERROR');
    failed(
      checkStatusEntry({ ...entry, statusMessage: messages.slice(0, 3) }, credential),
      'MALFORMED_VALUE_ERROR',
    );
    const repeated = [...messages.slice(0, 3), { status: '0x1', message: 'again' }];
    failed(
      checkStatusEntry({ ...entry, statusMessage: repeated }, credential),
      'MALFORMED_VALUE_ERROR',
    );
    const outside = [...messages.slice(0, 3), { status: '0x4', message: 'too big' }];
    failed(
      checkStatusEntry({ ...entry, statusMessage: outside }, credential),
      'MALFORMED_VALUE_ERROR',
    );
  });

  it('refuses a statusSize Akashi does not read', () => {
    failed(checkStatusEntry({ ...entry, statusSize: 9 }, credential), 'MALFORMED_VALUE_ERROR');
    failed(checkStatusEntry({ ...entry, statusSize: 0 }, credential), 'MALFORMED_VALUE_ERROR');
  });
});

describe('checkStatusEntry: malformed entries', () => {
  const credential = listCredential(createStatusList());
  const entry = entryFor(1);

  it('refuses entries that break the MUSTs of §2.1', () => {
    const cases: unknown[] = [
      undefined,
      null,
      'https://example.com/credentials/status/3#1',
      [entry],
      { ...entry, type: 'StatusList2021Entry' },
      { ...entry, type: ['BitstringStatusListEntry'] },
      { ...entry, statusPurpose: '' },
      { ...entry, statusListIndex: '-1' },
      { ...entry, statusListIndex: '1.5' },
      { ...entry, statusListIndex: '0x10' },
      { ...entry, statusListIndex: '' },
      { ...entry, statusListIndex: -1 },
      { ...entry, statusListIndex: 1.5 },
      { ...entry, statusListCredential: 'status/3' },
      { ...entry, id: LIST_URL },
    ];
    for (const input of cases) {
      const result = failed(checkStatusEntry(input, credential), 'MALFORMED_VALUE_ERROR');
      assert.equal(result.specError, 'MALFORMED_VALUE_ERROR');
    }
  });

  it('reads leading zeros as decimal and reports a huge index as RANGE_ERROR', () => {
    assert.equal(
      succeeded(checkStatusEntry({ ...entry, statusListIndex: '0001' }, credential)).index,
      1,
    );
    failed(
      checkStatusEntry({ ...entry, statusListIndex: '99999999999999999999' }, credential),
      'RANGE_ERROR',
    );
  });
});

describe('checkStatusEntry: list credentials', () => {
  const list = createStatusList();
  const credential = listCredential(list);

  it('reports a missing list credential as STATUS_RETRIEVAL_ERROR', () => {
    for (const input of [undefined, null, 'eyJhbGciOi...', []]) {
      const result = failed(checkStatusEntry(entryFor(1), input), 'STATUS_RETRIEVAL_ERROR');
      assert.equal(result.specError, 'STATUS_RETRIEVAL_ERROR');
    }
  });

  it('reports a credential that is not a BitstringStatusListCredential as STATUS_VERIFICATION_ERROR', () => {
    const cases: unknown[] = [
      { ...credential, type: ['VerifiableCredential'] },
      { ...credential, type: ['VerifiableCredential', 'StatusList2021Credential'] },
      withSubject(credential, { type: 'StatusList2021' }),
      withSubject(credential, { encodedList: undefined }),
      withSubject(credential, { statusPurpose: [] }),
      { ...credential, credentialSubject: [credential.credentialSubject] },
    ];
    for (const input of cases)
      failed(checkStatusEntry(entryFor(1), input), 'STATUS_VERIFICATION_ERROR');
  });

  it('reports an undecodable encodedList as STATUS_LIST_DECODE_ERROR (MALFORMED_VALUE_ERROR)', () => {
    for (const encodedList of [
      'zABC',
      'u+/+/',
      `u${Buffer.from('not gzip').toString('base64url')}`,
    ]) {
      const result = failed(
        checkStatusEntry(entryFor(1), withSubject(credential, { encodedList })),
        'STATUS_LIST_DECODE_ERROR',
      );
      assert.equal(result.specError, 'MALFORMED_VALUE_ERROR');
    }
  });

  it('reports a 100,000-bit list as STATUS_LIST_LENGTH_ERROR (P16)', () => {
    const encodedList = `u${gzipSync(Buffer.alloc(12_500)).toString('base64url')}`;
    const result = failed(
      checkStatusEntry(entryFor(1), withSubject(credential, { encodedList })),
      'STATUS_LIST_LENGTH_ERROR',
    );
    assert.equal(result.specError, 'STATUS_LIST_LENGTH_ERROR');
  });

  it('refuses a decompression bomb with STATUS_LIST_TOO_LARGE under the cap', () => {
    const encodedList = `u${gzipSync(Buffer.alloc(32 * 1024 * 1024)).toString('base64url')}`;
    const bomb = withSubject(credential, { encodedList });
    failed(checkStatusEntry(entryFor(1), bomb), 'STATUS_LIST_TOO_LARGE');
    failed(checkStatusEntry(entryFor(1), credential, { maxBytes: 1024 }), 'STATUS_LIST_TOO_LARGE');
  });

  it('reports an index past the end of the list as RANGE_ERROR', () => {
    assert.equal(succeeded(checkStatusEntry(entryFor(131_071), credential)).set, false);
    const result = failed(checkStatusEntry(entryFor(131_072), credential), 'RANGE_ERROR');
    assert.equal(result.specError, 'RANGE_ERROR');
  });

  it('throws only for invalid options', () => {
    assert.throws(() => checkStatusEntry(entryFor(1), credential, { maxBytes: -1 }), TypeError);
  });
});
