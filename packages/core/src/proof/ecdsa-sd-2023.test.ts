import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {
  createDiscloseCryptosuite,
  createSignCryptosuite,
} from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { createDocumentLoader } from '../contexts/document-loader.js';
import { decodeMultikey } from '../keys/index.js';
import { createVerifier } from '../verify/index.js';
import { ECDSA_SD_2023, verifyEcdsaSd2023Proof } from './ecdsa-sd-2023.js';

type Json = Record<string, unknown>;

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);
const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as Json;

const now = () => new Date('2026-11-21T00:00:00Z');
const documentLoader = createDocumentLoader();

/**
 * Every member an OpenBadgeCredential must keep (OB 3.0 §2.1): the issuer derives nothing
 * without them. `description` (credential level) and `awardedDate` are left to the holder.
 */
const MANDATORY_POINTERS = [
  '/id',
  '/type',
  '/issuer',
  '/validFrom',
  '/name',
  '/credentialSubject/id',
  '/credentialSubject/type',
  '/credentialSubject/achievement',
];

const makeCredential = (issuer: string): Json => ({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:2f7d8a51-1b0c-4f3e-8c55-7d1a9e6b4c10',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: '証大学' },
  validFrom: '2026-04-01T00:00:00Z',
  name: '情報リテラシー修了証',
  description: '受講者だけが開示を選べる説明',
  awardedDate: '2026-03-31T00:00:00Z',
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

/** An issuer with a P-256 did:key signs a base proof; the holder derives a disclosure. */
const issueAndDerive = async (selectivePointers: string[]) => {
  const keyPair = await EcdsaMultikey.generate({ curve: 'P-256' });
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  keyPair.controller = did;
  keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
  const base = await vc.issue({
    credential: makeCredential(did),
    suite: new DataIntegrityProof({
      signer: keyPair.signer(),
      date: '2026-04-01T00:00:00Z',
      cryptosuite: createSignCryptosuite({ mandatoryPointers: MANDATORY_POINTERS }),
    }),
    documentLoader,
  });
  const derived = await vc.derive({
    verifiableCredential: base,
    suite: new DataIntegrityProof({
      cryptosuite: createDiscloseCryptosuite({ selectivePointers }),
    }),
    documentLoader,
  });
  return { base, derived, keyPair };
};

describe('ecdsa-sd-2023 derived credentials', () => {
  const verifier = createVerifier({ now });

  test('a disclosure derived with the Digital Bazaar libraries verifies, keeping what OB requires', async () => {
    const { derived } = await issueAndDerive([]);
    assert.equal('description' in derived, false, 'the undisclosed member is withheld');
    assert.equal('awardedDate' in derived, false);
    const report = await verifier.verifyCredential(derived);
    assert.equal(report.status, 'valid', JSON.stringify(report.checks));
    assert.equal(report.checks.find((c) => c.name === 'proof')?.code, 'PROOF_OK');
    assert.equal(report.checks.find((c) => c.name === 'issuer')?.code, 'ISSUER_OK');

    const more = (await issueAndDerive(['/description'])).derived;
    assert.equal(typeof more.description, 'string');
    assert.equal((await verifier.verifyCredential(more)).status, 'valid');
  });

  test('an altered, trimmed or padded disclosure is invalid', async () => {
    const { derived, base } = await issueAndDerive(['/description']);
    const edits: [string, (c: Json) => void][] = [
      ['disclosed value', (c) => (c.description = '書き換え')],
      [
        'mandatory value',
        (c) => (((c.credentialSubject as Json).achievement as Json).name = '改ざん'),
      ],
      ['withheld member added back', (c) => (c.awardedDate = base.awardedDate)],
      ['disclosed member removed', (c) => delete c.description],
    ];
    for (const [label, edit] of edits) {
      const copy = structuredClone(derived);
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

  test('the base proof is for the holder only: a verifier refuses it as malformed', async () => {
    const { base } = await issueAndDerive([]);
    const report = await verifier.verifyCredential(base);
    assert.equal(report.status, 'invalid');
    assert.equal(report.checks.find((c) => c.name === 'proof')?.code, 'ERR_PROOF_MALFORMED');
  });

  test('the 1EdTech validator fixture sd/derivedcredential.json verifies; altered, it does not', async () => {
    const credential = readJson('validator/ob30/sd/derivedcredential.json');
    const proof = (credential.proof as Json[])[0] as Json;
    assert.equal(proof.cryptosuite, ECDSA_SD_2023);
    const method = String(proof.verificationMethod);
    const options = {
      publicKey: decodeMultikey(method.slice(method.indexOf('#') + 1)),
      verificationMethod: method,
      controller: method.slice(0, method.indexOf('#')),
    };
    assert.deepEqual(await verifyEcdsaSd2023Proof(credential, proof, options), { ok: true });
    const altered = { ...credential, validFrom: '2010-01-02T00:00:00Z' };
    const result = await verifyEcdsaSd2023Proof(altered, proof, options);
    assert.equal(result.ok, false);
    assert.equal(result.reason, 'signature-mismatch');
    const garbled = await verifyEcdsaSd2023Proof(
      credential,
      { ...proof, proofValue: 'u2V0' },
      options,
    );
    assert.equal(garbled.ok ? '' : garbled.reason, 'malformed-proof-value');
  });
});
