/**
 * Rotation end to end: credentials signed before a rotation still verify after it, with an
 * independent verifier (the core's) resolving the issuer's did:web document built from every key
 * the store lists, and new credentials are signed by the new key.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  buildDidWebDocument,
  createVerifier,
  decodeJwtCredential,
  didWebToUrl,
  DID_V1_CONTEXT_URL,
  issueCredential,
  JWK_V1_CONTEXT_URL,
  MULTIKEY_V1_URL,
  type DidDocument,
  type IssueCredentialResult,
  type SigningKey,
  type VerificationMethod,
} from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import type { IssuerKeyAlgorithm, IssuerPublicKey } from './issuer-key.js';
import { createKeyStore, type KeyStore } from './key-store.js';
import {
  createTestMasterKey,
  makeTestCredential,
  testActor,
  testOrganisation,
} from './key-test-factories.js';
import { isLocalSigner } from './signer.js';

const audit = { actor: testActor() };
const now = () => new Date('2026-11-21T00:00:00Z');

/** The DID document a did:web route would publish: every listed key, from public data only. */
const didDocumentFromListedKeys = (did: string, keys: readonly IssuerPublicKey[]): DidDocument => {
  const verificationMethod = keys.map((key): VerificationMethod => {
    const id = `${did}#${key.kid}`;
    if (key.algorithm === 'rsa') {
      const { kid: _kid, alg: _alg, use: _use, ...bare } = key.publicJwk;
      return { id, type: 'JsonWebKey', controller: did, publicKeyJwk: bare };
    }
    const publicKeyMultibase = key.publicKeyMultibase ?? assert.fail('no Multikey');
    return { id, type: 'Multikey', controller: did, publicKeyMultibase };
  });
  const context = [DID_V1_CONTEXT_URL, MULTIKEY_V1_URL];
  if (keys.some((key) => key.algorithm === 'rsa')) context.push(JWK_V1_CONTEXT_URL);
  return {
    '@context': context,
    id: did,
    verificationMethod,
    assertionMethod: verificationMethod.map((method) => method.id),
  };
};

/** A verifier that resolves only `did`, to `document`. */
const verifierFor = (did: string, document: DidDocument) =>
  createVerifier({
    now,
    cacheTtlMs: 0,
    fetchJson: (url) =>
      url === didWebToUrl(did)
        ? Promise.resolve(structuredClone(document))
        : Promise.reject(new Error(`no such document: ${url}`)),
  });

const issueWith = async (
  keys: KeyStore,
  algorithm: IssuerKeyAlgorithm,
  did: string,
): Promise<{ issued: IssueCredentialResult; key: SigningKey }> => {
  const signer = await keys.currentSigner({ type: 'organisation', id: ownerIdOf(did) }, algorithm);
  assert.ok(isLocalSigner(signer));
  const key = signer.signingKey();
  const format = algorithm === 'rsa' ? 'jwt' : 'di';
  return { issued: await issueCredential(makeTestCredential(did), { key, format }), key };
};

const ownerIdOf = (did: string): string => did.split(':').at(-1) ?? '';

const input = (issued: IssueCredentialResult) =>
  issued.format === 'jwt' ? issued.jwt : issued.credential;

/** The key id the credential names: the proof's verification method or the JWT header's kid. */
const kidOf = (issued: IssueCredentialResult): string => {
  if (issued.format === 'jwt') {
    const decoded = decodeJwtCredential(issued.jwt);
    assert.ok(decoded.ok);
    return String(decoded.header.kid);
  }
  const [proof] = issued.credential.proof as { verificationMethod: string }[];
  return proof?.verificationMethod ?? '';
};

describe('key rotation', () => {
  for (const algorithm of ['ed25519', 'rsa'] as const) {
    const format = algorithm === 'rsa' ? 'VC-JWT RS256' : 'eddsa-rdfc-2022';
    forEachDatabase(
      `keeps ${format} credentials signed before a rotation valid after it; new ones use the new key`,
      async (db) => {
        const owner = testOrganisation();
        const did = `did:web:badges.example.ac.jp:issuers:${owner.id}`;
        const keys = createKeyStore({ db, masterKey: createTestMasterKey() });
        await keys.createKey(owner, algorithm, audit);
        const before = await issueWith(keys, algorithm, did);

        const rotated = await keys.rotateKey(owner, algorithm, audit);
        const after = await issueWith(keys, algorithm, did);
        assert.notEqual(after.key.kid, before.key.kid);
        assert.equal(after.key.kid, rotated.kid);
        assert.equal(kidOf(before.issued), `${did}#${before.key.kid}`);
        assert.equal(kidOf(after.issued), `${did}#${rotated.kid}`);

        const listed = await keys.listPublicKeys(owner);
        assert.deepEqual(
          listed.map((key) => [key.kid, key.status]),
          [
            [before.key.kid, 'retired'],
            [rotated.kid, 'current'],
          ],
        );
        const document = didDocumentFromListedKeys(did, listed);
        // The listing carries everything the core's own builder puts in the document.
        assert.deepEqual(document, buildDidWebDocument({ did, keys: [before.key, after.key] }));

        const verifier = verifierFor(did, document);
        for (const [label, { issued }] of [
          ['before the rotation', before],
          ['after the rotation', after],
        ] as const) {
          const report = await verifier.verifyCredential(input(issued));
          assert.equal(report.status, 'valid', `${label}: ${JSON.stringify(report.checks)}`);
        }

        // Without the retired key in the document, the old credential would not verify: the
        // listing of retired keys is what keeps it valid.
        const currentOnly = didDocumentFromListedKeys(
          did,
          listed.filter((key) => key.status === 'current'),
        );
        const report = await verifierFor(did, currentOnly).verifyCredential(input(before.issued));
        assert.equal(report.status, 'invalid');
        assert.equal(
          report.checks.find((check) => check.name === 'proof')?.code,
          'ERR_PROOF_METHOD_INVALID',
        );
      },
    );
  }
});
