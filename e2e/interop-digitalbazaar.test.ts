/**
 * Interop with the Digital Bazaar reference stack (`@digitalbazaar/vc` 7,
 * `@digitalbazaar/data-integrity`, `@digitalbazaar/eddsa-rdfc-2022-cryptosuite`,
 * `@digitalbazaar/ed25519-multikey`), both ways and offline:
 * - ours → theirs: credentials we sign verify in their verifier; a tampered copy does not;
 * - theirs → ours: credentials they sign verify in ours; a tampered copy does not;
 * - byte level: same key, same credential, same `created` give the same proof, byte for byte;
 * - safe mode: both refuse a term no context defines.
 * Their document loader serves only our bundled contexts plus did:key documents written by
 * their own Multikey library; nothing is fetched.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { inspect } from 'node:util';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as vc from '@digitalbazaar/vc';
import {
  createDocumentLoader,
  createVerifier,
  didKeyFor,
  generateSigningKey,
  importSecretMultikey,
  issueCredential,
  resolveDidKey,
  type SigningKey,
  type VerificationReport,
} from '../packages/core/src/index.js';
import { installOfflineNetwork } from './offline-network.js';
import {
  buildCredential,
  CREATED,
  didKeyDocuments,
  FIXTURE_NAMES,
  NOW,
  OB_ACHIEVEMENT_SCHEMA_URL,
  seedFor,
  tamper,
  type DidKeyDocuments,
  type Json,
} from './interop-fixtures.js';

const network = installOfflineNetwork();

// The official schema the full credential names in credentialSchema, served to our verifier.
const officialSchema: unknown = JSON.parse(
  readFileSync(
    new URL('../../shared/fixtures/schemas/ob3/achievementcredential.json', import.meta.url),
    'utf8',
  ),
);

const theirVerify = (credential: Json, did: DidKeyDocuments): Promise<vc.VerifyCredentialResult> =>
  vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: createDocumentLoader({ documents: did.documents }),
    now: NOW,
  });

const theirIssue = (
  credential: Json,
  keyPair: Ed25519Multikey.Ed25519MultikeyKeyPair,
  did: DidKeyDocuments,
): Promise<Json> =>
  vc.issue({
    credential,
    suite: new DataIntegrityProof({ signer: keyPair.signer(), date: CREATED, cryptosuite }),
    documentLoader: createDocumentLoader({ documents: did.documents }),
    now: NOW,
  });

const ourDi = async (credential: Json, key: SigningKey): Promise<Json> => {
  const issued = await issueCredential(credential, { key, format: 'di', created: CREATED });
  assert.equal(issued.format, 'di');
  return issued.credential;
};

const checkOf = (report: VerificationReport, name: string) => {
  const check = report.checks.find((c) => c.name === name);
  assert.ok(check, `no ${name} check in ${inspect(report.checks)}`);
  return check;
};

const proofOf = (credential: Json): Json => {
  const { proof } = credential;
  const single: unknown = Array.isArray(proof)
    ? proof.length === 1
      ? proof[0]
      : undefined
    : proof;
  assert.ok(typeof single === 'object' && single !== null, `expected one proof: ${inspect(proof)}`);
  return single as Json;
};

const withoutProof = (credential: Json): Json => {
  const copy = { ...credential };
  delete copy.proof;
  return copy;
};

/** Their key pair for a seed, with a did:key controller (`generate({ seed, controller })`). */
const theirKeyPair = async (label: string) => {
  const seed = seedFor(label);
  const { publicKeyMultibase } = await Ed25519Multikey.generate({ seed });
  const did = await didKeyDocuments(publicKeyMultibase);
  const keyPair = await Ed25519Multikey.generate({ seed, controller: did.did });
  assert.equal(keyPair.id, did.verificationMethod);
  return { keyPair, did };
};

describe('ours → Digital Bazaar vc.verifyCredential (eddsa-rdfc-2022, did:key)', () => {
  let key: SigningKey;
  let did: DidKeyDocuments;

  before(async () => {
    key = generateSigningKey('ed25519');
    const multikey = didKeyFor(key).slice('did:key:'.length);
    did = await didKeyDocuments(multikey);
  });

  it('encodes the did:key Multikey the way their Multikey library decodes it', async () => {
    assert.equal(didKeyFor(key), did.did);
    const theirs = await Ed25519Multikey.from({
      publicKeyMultibase: did.did.slice('did:key:'.length),
    });
    const ourRaw = Buffer.from(String(key.publicJwk.x), 'base64url');
    assert.deepEqual(Buffer.from(theirs.publicKey), ourRaw);
    // Our offline did:key resolution names the same verification method.
    const ours = resolveDidKey(did.did);
    const theirDoc = did.documents.get(did.did) as { verificationMethod: unknown[] };
    assert.deepEqual(ours.verificationMethod, theirDoc.verificationMethod);
    assert.deepEqual(ours.assertionMethod, [did.verificationMethod]);
  });

  for (const name of FIXTURE_NAMES) {
    it(`their verifier accepts our ${name} credential and rejects a tampered copy`, async () => {
      const signed = await ourDi(buildCredential(name, did.did), key);
      assert.equal(proofOf(signed).verificationMethod, did.verificationMethod);

      const result = await theirVerify(signed, did);
      assert.equal(result.verified, true, inspect(result.error ?? result, { depth: 6 }));
      assert.equal(result.results?.[0]?.verified, true);

      const forged = await theirVerify(tamper(signed), did);
      assert.equal(forged.verified, false);
      assert.equal(forged.results?.[0]?.verified, false);
    });
  }
});

describe('Digital Bazaar vc.issue → our verifier', () => {
  let keyPair: Ed25519Multikey.Ed25519MultikeyKeyPair;
  let did: DidKeyDocuments;
  const verifier = createVerifier({
    now: () => NOW,
    fetchJson: (url) =>
      url === OB_ACHIEVEMENT_SCHEMA_URL
        ? Promise.resolve(officialSchema)
        : Promise.reject(new Error(`offline e2e: ${url} is not served`)),
  });

  before(async () => {
    ({ keyPair, did } = await theirKeyPair('theirs'));
  });

  for (const name of FIXTURE_NAMES) {
    it(`our verifier accepts their ${name} credential and rejects a tampered copy`, async () => {
      const signed = await theirIssue(buildCredential(name, did.did), keyPair, did);
      // The oracle agrees with itself, so a failure below is ours.
      assert.equal((await theirVerify(signed, did)).verified, true);

      for (const input of [signed, JSON.stringify(signed)]) {
        const report = await verifier.verifyCredential(input);
        assert.equal(report.status, 'valid', inspect(report.checks, { depth: 4 }));
        assert.equal(checkOf(report, 'proof').outcome, 'passed');
        assert.equal(checkOf(report, 'issuer').outcome, 'passed');
      }

      const forged = await verifier.verifyCredential(tamper(signed));
      assert.equal(forged.status, 'invalid');
      assert.equal(checkOf(forged, 'proof').outcome, 'failed');
    });
  }
});

describe('byte level: same key, same credential, same created', () => {
  let keyPair: Ed25519Multikey.Ed25519MultikeyKeyPair;
  let did: DidKeyDocuments;
  let ourKey: SigningKey;

  before(async () => {
    ({ keyPair, did } = await theirKeyPair('shared'));
    assert.ok(keyPair.secretKeyMultibase !== undefined);
    ourKey = importSecretMultikey(keyPair.secretKeyMultibase);
    assert.equal(didKeyFor(ourKey), did.did);
  });

  for (const name of FIXTURE_NAMES) {
    it(`our ${name} proof equals theirs (Ed25519 is deterministic)`, async () => {
      const ours = await ourDi(buildCredential(name, did.did), ourKey);
      const theirs = await theirIssue(buildCredential(name, did.did), keyPair, did);
      const ourProof = proofOf(ours);
      const theirProof = proofOf(theirs);
      assert.equal(ourProof.proofValue, theirProof.proofValue);
      assert.deepEqual(ourProof, theirProof);
      assert.deepEqual(withoutProof(ours), withoutProof(theirs));
    });
  }
});

describe('JSON-LD safe mode: both refuse an undefined term', () => {
  it('rejects credentialSchema type 1EdTechJsonSchemaValidator2019 without extensions.json', async () => {
    const { keyPair, did } = await theirKeyPair('safe-mode');
    const credential = buildCredential('full', did.did);
    credential['@context'] = (credential['@context'] as string[]).slice(0, 2);

    await assert.rejects(
      theirIssue(structuredClone(credential), keyPair, did),
      (error: unknown) => {
        assert.match(String((error as { name?: unknown }).name), /jsonld\.ValidationError/);
        return true;
      },
    );
    const ourKey = importSecretMultikey(String(keyPair.secretKeyMultibase));
    await assert.rejects(ourDi(credential, ourKey), { code: 'ERR_JSONLD_SAFE_MODE' });
  });
});

describe('offline', () => {
  it('fetched nothing', () => {
    assert.deepEqual(network.refused, []);
    assert.deepEqual(network.served, []);
  });
});
