import assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as vc from '@digitalbazaar/vc';
import { createCanonizer } from '../canon/index.js';
import { bundledContexts } from '../contexts/bundled-contexts.js';
import { createDocumentLoader } from '../contexts/document-loader.js';
import { decodeMultikey, didKeyFor, generateSigningKey } from '../keys/index.js';
import { createVerifier } from '../verify/index.js';
import { unsecuredDocumentOf } from './eddsa-rdfc-2022.js';
import {
  ED25519_SIGNATURE_2020_CONTEXT_URL,
  verifyEd25519Signature2020Proof,
} from './ed25519-signature-2020.js';

type Json = Record<string, unknown>;

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);
const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as Json;

const now = () => new Date('2026-11-21T00:00:00Z');

/** A VC 1.1-era Open Badges 3.0 credential, as the legacy suite was used. */
const makeCredential = (issuer: string): Json => ({
  '@context': [
    'https://www.w3.org/2018/credentials/v1',
    'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
    ED25519_SIGNATURE_2020_CONTEXT_URL,
  ],
  id: 'urn:uuid:6f3c3e8a-1d4c-4b8e-9a39-2b6f1e0c5d21',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: '証大学' },
  issuanceDate: '2023-04-01T00:00:00Z',
  name: '情報リテラシー修了証',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://akashi.example.ac.jp/achievements/1',
      type: ['Achievement'],
      name: '情報リテラシー',
      description: '情報の扱い方の基礎',
      criteria: { narrative: '課題を提出すること' },
    },
  },
});

/** Runs Digital Bazaar's suite on one proof, as jsonld-signatures' ProofSet does. */
const verifyWithDigitalBazaar = async (
  credential: Json,
  method: Json,
): Promise<{ verified: boolean; error?: unknown }> => {
  const loader = createDocumentLoader({ documents: new Map([[String(method.id), method]]) });
  const suite = new Ed25519Signature2020() as unknown as {
    verifyProof(options: Json): Promise<{ verified: boolean; error?: unknown }>;
  };
  const proof = { '@context': credential['@context'], ...(credential.proof as Json) };
  return suite.verifyProof({
    proof,
    document: unsecuredDocumentOf(credential),
    documentLoader: loader,
  });
};

describe('Ed25519Signature2020 (legacy, read only)', () => {
  test("the bundled suite context equals the publisher's file", () => {
    assert.deepEqual(
      bundledContexts.get(ED25519_SIGNATURE_2020_CONTEXT_URL),
      readJson('contexts/validator/security-suites-ed25519-2020-v1.jsonld'),
    );
  });

  test('verifies what @digitalbazaar/ed25519-signature-2020 signs, and nothing altered', async () => {
    const key = generateSigningKey('ed25519');
    const did = didKeyFor(key);
    const method = `${did}#${did.slice('did:key:'.length)}`;
    const signer = {
      id: method,
      algorithm: 'Ed25519',
      sign: ({ data }: { data: Uint8Array }) =>
        Promise.resolve(new Uint8Array(sign(null, data, key.privateKey))),
    };
    const signed = await vc.issue({
      credential: makeCredential(did),
      suite: new Ed25519Signature2020({ signer, date: '2023-04-01T00:00:00Z' }),
      documentLoader: createDocumentLoader(),
    });
    const proof = signed.proof as Json;
    assert.equal(proof.type, 'Ed25519Signature2020');
    const canonizer = createCanonizer();
    assert.deepEqual(
      await verifyEd25519Signature2020Proof(signed, proof, key.publicKey, canonizer),
      {
        ok: true,
      },
    );

    const tampered = structuredClone(signed);
    tampered.name = '改ざん';
    assert.deepEqual(
      await verifyEd25519Signature2020Proof(tampered, proof, key.publicKey, canonizer),
      { ok: false, reason: 'signature-mismatch' },
    );

    // The whole verifier, strict key provenance: the did:key confirms its own key.
    const verifier = createVerifier({ now });
    const report = await verifier.verifyCredential(signed);
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.equal(report.checks.find((c) => c.name === 'proof')?.code, 'PROOF_OK');
    const forged = await verifier.verifyCredential(tampered);
    assert.equal(forged.status, 'invalid');
    assert.equal(forged.checks.find((c) => c.name === 'proof')?.code, 'ERR_PROOF_SIGNATURE');
  });

  test("simple_v1.json verifies in Akashi and in Digital Bazaar's implementation alike", async () => {
    const credential = readJson('validator/ob30/simple_v1.json');
    const proof = (credential.proof as Json[])[0] as Json;
    const methodId = String(proof.verificationMethod);
    const multikey = methodId.slice(methodId.indexOf('#') + 1);
    const method = {
      '@context': ED25519_SIGNATURE_2020_CONTEXT_URL,
      id: methodId,
      type: 'Ed25519VerificationKey2020',
      controller: methodId.slice(0, methodId.indexOf('#')),
      publicKeyMultibase: multikey,
    };
    const single = { ...credential, proof };
    const theirs = await verifyWithDigitalBazaar(single, method);
    assert.equal(theirs.verified, true, String(theirs.error));
    const ours = await verifyEd25519Signature2020Proof(
      credential,
      proof,
      decodeMultikey(multikey),
      createCanonizer(),
    );
    assert.deepEqual(ours, { ok: true });

    const tampered = { ...single, name: 'Teamwork Badge!' };
    assert.equal((await verifyWithDigitalBazaar(tampered, method)).verified, false);
    assert.equal(
      (
        await verifyEd25519Signature2020Proof(
          tampered,
          proof,
          decodeMultikey(multikey),
          createCanonizer(),
        )
      ).ok,
      false,
    );
  });
});
