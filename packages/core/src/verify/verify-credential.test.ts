import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { addDataIntegrityProof, issueCredential } from '../issue/index.js';
import {
  buildDidWebDocument,
  didKeyFor,
  generateSigningKey,
  type SigningKey,
} from '../keys/index.js';
import { buildStatusListCredential, createStatusList, setStatus } from '../status/index.js';
import { createVerifier } from './create-verifier.js';

type Json = Record<string, unknown>;

const email = 'hanako.yamada@example.ac.jp';
const salt = 'c0ffee';
const identityHash =
  'sha256$' +
  createHash('sha256')
    .update(email + salt)
    .digest('hex');

const makeCredential = (issuerId: string, extra: Json = {}): Json => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `urn:uuid:${crypto.randomUUID()}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: '情報リテラシー修了証',
  issuer: { id: issuerId, type: ['Profile'], name: '証大学' },
  validFrom: '2026-04-01T00:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [
      { type: 'IdentityObject', identityHash, identityType: 'emailAddress', hashed: true, salt },
    ],
    achievement: {
      id: 'https://akashi.example.ac.jp/achievements/1',
      type: ['Achievement'],
      name: '情報リテラシー',
      description: '情報の扱い方の基礎',
      criteria: { narrative: '課題を提出すること' },
    },
  },
  ...extra,
});

const now = () => new Date('2026-11-21T00:00:00Z');

describe('verifying credentials issued with a did:key', () => {
  let key: SigningKey;
  let did: string;
  const verifier = createVerifier({ now });
  before(() => {
    key = generateSigningKey('ed25519');
    did = didKeyFor(key);
  });

  test('a fresh credential is valid, and every check says why', async () => {
    const { credential } = await issueCredential(makeCredential(did), { key });
    const report = await verifier.verifyCredential(credential, { recipient: email });
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.deepEqual(
      report.checks.map((c) => [c.name, c.outcome]),
      [
        ['parse', 'passed'],
        ['context', 'passed'],
        ['jsonld', 'passed'],
        ['schema', 'passed'],
        ['proof', 'passed'],
        ['issuer', 'passed'],
        ['refresh', 'skipped'],
        ['validity', 'passed'],
        ['status', 'skipped'],
        ['recipient', 'passed'],
        ['endorsements', 'skipped'],
      ],
    );
    for (const check of report.checks) {
      assert.ok(check.message.en.length > 0 && check.message.ja.length > 0);
    }
  });

  test('tampering with any signed field fails the proof check', async () => {
    const { credential } = await issueCredential(makeCredential(did), { key });
    const edits: [string, (c: Json) => void][] = [
      ['name', (c) => (c.name = '改ざん')],
      ['id', (c) => (c.id = 'urn:uuid:00000000-0000-4000-8000-000000000000')],
      ['issuer.name', (c) => ((c.issuer as Json).name = 'Other')],
      ['validFrom', (c) => (c.validFrom = '2026-04-02T00:00:00Z')],
      ['achievement.name', (c) => (((c.credentialSubject as Json).achievement as Json).name = 'X')],
      [
        'identityHash',
        (c) =>
          ((((c.credentialSubject as Json).identifier as Json[])[0] as Json).identityHash =
            'sha256$00'),
      ],
      ['added validUntil', (c) => (c.validUntil = '2030-01-01T00:00:00Z')],
      ['proof.created', (c) => (((c.proof as Json[])[0] as Json).created = '2020-01-01T00:00:00Z')],
    ];
    for (const [label, edit] of edits) {
      const copy = structuredClone(credential);
      edit(copy);
      const report = await verifier.verifyCredential(copy);
      assert.equal(report.status, 'invalid', label);
      assert.equal(
        report.checks.find((c) => c.name === 'proof')?.code,
        'ERR_PROOF_SIGNATURE',
        label,
      );
    }
  });

  test('a signature by a key the issuer does not control is rejected', async () => {
    const other = generateSigningKey('ed25519');
    // Claims the first issuer but is signed with another did:key.
    const { credential } = await issueCredential(makeCredential(did), {
      key: other,
      verificationMethod: `${didKeyFor(other)}#${didKeyFor(other).slice(8)}`,
    });
    const report = await verifier.verifyCredential(credential);
    assert.equal(report.status, 'invalid');
    assert.equal(
      report.checks.find((c) => c.name === 'issuer')?.code,
      'ERR_ISSUER_CONTROLLER_MISMATCH',
    );
  });

  test('expired and not-yet-valid are reported as such', async () => {
    const expired = (
      await issueCredential(makeCredential(did, { validUntil: '2026-05-01T00:00:00Z' }), { key })
    ).credential;
    assert.equal((await verifier.verifyCredential(expired)).status, 'expired');
    const future = (
      await issueCredential(makeCredential(did, { validFrom: '2027-01-01T00:00:00Z' }), { key })
    ).credential;
    assert.equal((await verifier.verifyCredential(future)).status, 'not-yet-valid');
  });

  test('the recipient check compares hashed e-mail addresses', async () => {
    const { credential } = await issueCredential(makeCredential(did), { key });
    assert.equal(
      (await verifier.verifyCredential(credential, { recipient: ' Hanako.Yamada@EXAMPLE.ac.jp ' }))
        .status,
      'valid',
    );
    const other = await verifier.verifyCredential(credential, { recipient: 'taro@example.ac.jp' });
    assert.equal(other.status, 'invalid');
    assert.equal(other.checks.find((c) => c.name === 'recipient')?.code, 'ERR_RECIPIENT_MISMATCH');
  });

  test('a VC-JWT signed with the did:key verifies offline', async () => {
    const credential = makeCredential(did);
    (credential.credentialSubject as Json).id = 'did:example:learner';
    const issued = await issueCredential(credential, { key, format: 'jwt' });
    if (issued.format !== 'jwt') throw new Error('expected a JWT');
    const report = await verifier.verifyCredential(issued.jwt);
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.equal(report.proofFormat, 'jwt');
    const parts = issued.jwt.split('.');
    const forged = [
      parts[0],
      Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString()),
          name: 'forged',
        }),
      ).toString('base64url'),
      parts[2],
    ].join('.');
    assert.equal((await verifier.verifyCredential(forged)).status, 'invalid');
  });

  test('bad input never throws: each gets a report with a code', async () => {
    const inputs: unknown[] = [
      '',
      '{',
      '[]',
      'null',
      '{}',
      'a.b.c',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]),
      new Uint8Array([1, 2, 3]),
      { '@context': 5 },
      { proof: 'x' },
    ];
    for (const input of inputs) {
      const report = await verifier.verifyCredential(input as never);
      assert.equal(report.valid, false, String(input));
      assert.ok(report.checks.length > 0 && report.checks.every((c) => c.code.length > 0));
    }
  });
});

describe('did:web issuers and status lists served from a loopback server', () => {
  const documents = new Map<string, Json>();
  let server: Server;
  let host: string;
  let did: string;
  let key: SigningKey;
  let verifier: ReturnType<typeof createVerifier>;
  const revocation = createStatusList();
  const suspension = createStatusList();

  const publishLists = async () => {
    for (const [purpose, list] of [
      ['revocation', revocation],
      ['suspension', suspension],
    ] as const) {
      const id = `https://${host}/status/${purpose}`;
      const unsigned = buildStatusListCredential({
        id,
        issuer: did,
        statusPurpose: purpose,
        list,
        validFrom: '2026-01-01T00:00:00Z',
      }) as unknown as Json;
      documents.set(`/status/${purpose}`, await addDataIntegrityProof(unsigned, { key }));
    }
  };

  before(async () => {
    server = createServer((request, response) => {
      const document = documents.get(request.url ?? '');
      response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(document ?? { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    did = `did:web:${host.replace(':', '%3A')}`;
    key = generateSigningKey('ed25519', { kid: 'key-1' });
    documents.set(
      '/.well-known/did.json',
      buildDidWebDocument({ did, keys: [key] }) as unknown as Json,
    );
    await publishLists();
    // https URLs of the test host are served over plain HTTP on loopback.
    verifier = createVerifier({
      now,
      cacheTtlMs: 0,
      fetchJson: async (url) => {
        const response = await fetch(url.replace(`https://${host}`, `http://${host}`));
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      },
    });
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );

  const entry = (purpose: 'revocation' | 'suspension', index: number) => ({
    id: `https://${host}/status/${purpose}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: `https://${host}/status/${purpose}`,
  });
  const issueWith = async (status: Json) =>
    (
      await issueCredential(makeCredential(did, { credentialStatus: status }), {
        key,
        verificationMethod: `${did}#key-1`,
      })
    ).credential;

  test('a did:web credential is valid, then suspended, then reinstated; another is revoked', async () => {
    const suspendable = await issueWith(entry('suspension', 4242));
    const revocable = await issueWith(entry('revocation', 4242));
    assert.equal((await verifier.verifyCredential(suspendable)).status, 'valid');
    assert.equal((await verifier.verifyCredential(revocable)).status, 'valid');
    setStatus(suspension, 4242, true);
    setStatus(revocation, 4242, true);
    await publishLists();
    assert.equal((await verifier.verifyCredential(suspendable)).status, 'suspended');
    const revoked = await verifier.verifyCredential(revocable);
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.checks.find((c) => c.name === 'status')?.code, 'STATUS_REVOKED');
    setStatus(suspension, 4242, false);
    await publishLists();
    assert.equal((await verifier.verifyCredential(suspendable)).status, 'valid');
  });

  test('an unreachable status list or DID document is a network error, not a forgery', async () => {
    const credential = await issueWith({
      ...entry('revocation', 1),
      statusListCredential: `https://${host}/status/missing`,
    });
    const report = await verifier.verifyCredential(credential);
    assert.equal(report.status, 'indeterminate');
    assert.equal(report.checks.find((c) => c.name === 'status')?.outcome, 'error');
    const ghost = {
      ...credential,
      issuer: { id: 'did:web:127.0.0.1%3A1', type: ['Profile'], name: 'x' },
    };
    const signed = (
      await issueCredential(makeCredential('did:web:127.0.0.1%3A1'), {
        key,
        verificationMethod: 'did:web:127.0.0.1%3A1#key-1',
      })
    ).credential;
    const unreachable = await verifier.verifyCredential(signed);
    assert.equal(unreachable.status, 'indeterminate');
    assert.equal(unreachable.checks.find((c) => c.name === 'proof')?.outcome, 'error');
    assert.equal((await verifier.verifyCredential(ghost)).valid, false);
  });

  test('a key that the DID document does not list is rejected', async () => {
    const stranger = generateSigningKey('ed25519', { kid: 'key-9' });
    const { credential } = await issueCredential(makeCredential(did), {
      key: stranger,
      verificationMethod: `${did}#key-9`,
    });
    const report = await verifier.verifyCredential(credential);
    assert.equal(report.valid, false);
    assert.notEqual(report.status, 'valid');
  });
});
