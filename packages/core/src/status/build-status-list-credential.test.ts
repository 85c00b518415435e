import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { defaultDocumentLoader } from '../contexts/document-loader.js';
import { BitstringStatusListCredentialSchema } from './bitstring-status-list-credential.js';
import { BitstringStatusListEntrySchema } from './bitstring-status-list-entry.js';
import { buildStatusListCredential } from './build-status-list-credential.js';
import { buildStatusListEntry } from './build-status-list-entry.js';
import { decodeStatusList } from './decode-status-list.js';
import { createStatusList, getStatus, setStatus } from './status-list.js';

// jsonld.js is the JSON-LD reference implementation; safe mode fails on any undefined term.
const jsonld = createRequire(import.meta.url)('jsonld') as {
  expand(input: unknown, options: { documentLoader: unknown; safe: boolean }): Promise<unknown[]>;
};
const expandSafely = (document: unknown): Promise<unknown[]> =>
  jsonld.expand(document, { documentLoader: defaultDocumentLoader, safe: true });

const LIST_URL = 'https://example.com/credentials/status/3';

describe('buildStatusListCredential', () => {
  it('builds the unsigned VC 2.0 BitstringStatusListCredential of the spec', () => {
    const list = createStatusList();
    const credential = buildStatusListCredential({
      id: LIST_URL,
      issuer: 'did:example:12345',
      statusPurpose: 'revocation',
      list,
      validFrom: new Date('2021-04-05T14:27:40Z'),
    });
    assert.deepEqual(credential, {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: LIST_URL,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:example:12345',
      validFrom: '2021-04-05T14:27:40Z',
      credentialSubject: {
        id: `${LIST_URL}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: credential.credentialSubject.encodedList,
      },
    });
    assert.ok(Value.Check(BitstringStatusListCredentialSchema, credential));
    assert.ok(
      decodeStatusList(credential.credentialSubject.encodedList).bitstring.every((b) => b === 0),
    );
  });

  it('carries the list bits, an issuer object, several purposes, validUntil and ttl', () => {
    const list = createStatusList();
    setStatus(list, 42, true);
    const credential = buildStatusListCredential({
      id: LIST_URL,
      issuer: { id: 'https://issuer.example/', name: 'Example University' },
      statusPurpose: ['revocation', 'suspension'],
      list,
      validFrom: '2025-01-01T00:00:00+09:00',
      validUntil: new Date('2026-01-01T00:00:00.250Z'),
      ttl: 300_000,
    });
    assert.deepEqual(credential.issuer, {
      id: 'https://issuer.example/',
      name: 'Example University',
    });
    assert.equal(credential.validFrom, '2025-01-01T00:00:00+09:00');
    assert.equal(credential.validUntil, '2026-01-01T00:00:00.250Z');
    assert.deepEqual(credential.credentialSubject.statusPurpose, ['revocation', 'suspension']);
    assert.equal(credential.credentialSubject.ttl, 300_000);
    assert.equal(getStatus(decodeStatusList(credential.credentialSubject.encodedList), 42), true);
  });

  it('uses only terms the VC 2.0 context defines (JSON-LD safe mode)', async () => {
    const credential = buildStatusListCredential({
      id: LIST_URL,
      issuer: { id: 'https://issuer.example/', name: 'Example University' },
      statusPurpose: ['revocation', 'suspension'],
      list: createStatusList(),
      validFrom: '2025-01-01T00:00:00Z',
      validUntil: '2026-01-01T00:00:00Z',
      ttl: 300_000,
    });
    const [expanded] = await expandSafely(credential);
    assert.ok(expanded !== undefined);
    // Control: the same check refuses a term VC 2.0 does not define on BitstringStatusList.
    await assert.rejects(
      expandSafely({
        ...credential,
        credentialSubject: { ...credential.credentialSubject, statusSize: 2 },
      }),
      /Safe mode validation error/,
    );
  });

  it('treats bad options as misuse', () => {
    const list = createStatusList();
    const notAList: unknown = { bitstring: new Uint8Array(16_384) };
    const base = {
      id: LIST_URL,
      issuer: 'did:example:1',
      statusPurpose: 'revocation',
      list,
    } as const;
    assert.throws(() => buildStatusListCredential({ ...base, id: 'status/3' }), TypeError);
    assert.throws(() => buildStatusListCredential({ ...base, id: `${LIST_URL}#x` }), TypeError);
    assert.throws(() => buildStatusListCredential({ ...base, issuer: 'not a url' }), TypeError);
    assert.throws(() => buildStatusListCredential({ ...base, issuer: { id: '' } }), TypeError);
    assert.throws(
      () => buildStatusListCredential({ ...base, statusPurpose: 'message' as 'revocation' }),
      TypeError,
    );
    assert.throws(() => buildStatusListCredential({ ...base, statusPurpose: [] }), TypeError);
    assert.throws(
      () => buildStatusListCredential({ ...base, statusPurpose: ['revocation', 'revocation'] }),
      TypeError,
    );
    assert.throws(
      () => buildStatusListCredential({ ...base, list: notAList as typeof list }),
      TypeError,
    );
    assert.throws(() => buildStatusListCredential({ ...base, ttl: -1 }), TypeError);
    assert.throws(() => buildStatusListCredential({ ...base, validFrom: '2025-01-01' }), TypeError);
    assert.throws(
      () => buildStatusListCredential({ ...base, validFrom: new Date(Number.NaN) }),
      TypeError,
    );
    assert.throws(
      () =>
        buildStatusListCredential({
          ...base,
          validFrom: '2025-01-02T00:00:00Z',
          validUntil: '2025-01-01T00:00:00Z',
        }),
      TypeError,
    );
  });
});

describe('buildStatusListEntry', () => {
  it('builds the entry with a decimal-string index and an id that is not the list URL', () => {
    const entry = buildStatusListEntry({
      statusListCredential: LIST_URL,
      statusListIndex: 94_567,
      statusPurpose: 'revocation',
    });
    assert.deepEqual(entry, {
      id: `${LIST_URL}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: LIST_URL,
    });
    assert.notEqual(entry.id, entry.statusListCredential);
    assert.ok(Value.Check(BitstringStatusListEntrySchema, entry));
  });

  it('uses only terms the VC 2.0 context defines inside a credential (JSON-LD safe mode)', async () => {
    const credentialStatus = [
      buildStatusListEntry({
        statusListCredential: LIST_URL,
        statusListIndex: 0,
        statusPurpose: 'revocation',
      }),
      buildStatusListEntry({
        statusListCredential: 'https://example.com/credentials/status/4',
        statusListIndex: 23_452,
        statusPurpose: 'suspension',
      }),
    ];
    const [expanded] = await expandSafely({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: 'did:example:12345',
      credentialSubject: { id: 'did:example:6789' },
      credentialStatus,
    });
    assert.ok(expanded !== undefined);
  });

  it('treats bad options as misuse', () => {
    const base = {
      statusListCredential: LIST_URL,
      statusListIndex: 1,
      statusPurpose: 'suspension',
    } as const;
    assert.throws(
      () => buildStatusListEntry({ ...base, statusListCredential: '/status/3' }),
      TypeError,
    );
    assert.throws(
      () => buildStatusListEntry({ ...base, statusListCredential: `${LIST_URL}#1` }),
      TypeError,
    );
    assert.throws(() => buildStatusListEntry({ ...base, statusListIndex: -1 }), TypeError);
    assert.throws(() => buildStatusListEntry({ ...base, statusListIndex: 1.5 }), TypeError);
    assert.throws(
      () => buildStatusListEntry({ ...base, statusPurpose: 'expiry' as 'revocation' }),
      TypeError,
    );
  });
});
