import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { decode as decodeBase58, encode as encodeBase58 } from 'base58-universal';
import { createCanonizer } from '../canon/index.js';
import {
  createEddsaRdfc2022Proof,
  verifyEddsaRdfc2022Proof,
  verifyEddsaSignature,
} from './eddsa-rdfc-2022.js';

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);
const readText = (path: string) => readFileSync(new URL(path, fixtures), 'utf8');
const readJson = (path: string) => JSON.parse(readText(path)) as Record<string, unknown>;

const ed25519FromSeed = (seed: Uint8Array) =>
  createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface ObVector {
  keyPair: { privateKeyHex: string; publicKeyHex: string };
  unsignedCredential: Record<string, unknown>;
  signedCredential: Record<string, unknown> & { proof: Record<string, unknown> };
  proofOptions: { created: string; verificationMethod: string };
  documentHashHex: string;
  proofHashHex: string;
  signatureHex: string;
  proofValue: string;
  proof: Record<string, unknown>;
}

describe('the 1EdTech Open Badges 3.0 eddsa-rdfc-2022 test vector', () => {
  const vector = readJson('vectors/ob3-eddsa-test-vector.json') as unknown as ObVector;
  const privateKey = ed25519FromSeed(Buffer.from(vector.keyPair.privateKeyHex.slice(0, 64), 'hex'));
  const publicKey = createPublicKey(privateKey);

  for (const compiled of [true, false]) {
    const path = compiled ? 'compiled' : 'generic';
    test(`reproduces the canonical document and proof options byte for byte (${path} path)`, async () => {
      const canonizer = createCanonizer({ compiled });
      // Twice: the first document of a shape is checked against the reference, the second is compiled.
      for (let round = 0; round < 2; round++) {
        const document = await canonizer.canonicalize(vector.unsignedCredential);
        assert.equal(document.nquads, readText('vectors/1edtech/obv3p0/document-canon.txt'));
        assert.equal(sha256Hex(document.nquads), vector.documentHashHex);
        const { proofValue: _omit, ...options } = vector.proof;
        const proof = await canonizer.canonicalize({
          '@context': vector.unsignedCredential['@context'],
          ...options,
        });
        assert.equal(proof.nquads, readText('vectors/1edtech/obv3p0/proof-canon.txt'));
        assert.equal(sha256Hex(proof.nquads), vector.proofHashHex);
      }
      if (compiled) assert.ok(canonizer.stats.compiled >= 2);
    });

    test(`signs the published proof value (${path} path)`, async () => {
      const canonizer = createCanonizer({ compiled });
      for (let round = 0; round < 2; round++) {
        const proof = await createEddsaRdfc2022Proof(vector.unsignedCredential, {
          privateKey,
          verificationMethod: vector.proofOptions.verificationMethod,
          created: vector.proofOptions.created,
          canonizer,
        });
        assert.equal(proof.proofValue, vector.proofValue);
        assert.equal(
          Buffer.from(decodeBase58(proof.proofValue.slice(1)) ?? []).toString('hex'),
          vector.signatureHex,
        );
        assert.deepEqual(proof, vector.proof);
      }
    });
  }

  test('verifies the published signed credential, and rejects it after any change', async () => {
    const canonizer = createCanonizer();
    const signed = vector.signedCredential;
    assert.deepEqual(await verifyEddsaRdfc2022Proof(signed, signed.proof, publicKey, canonizer), {
      ok: true,
    });
    const tampered = structuredClone(signed);
    (tampered.credentialSubject as { achievement: { name: string } }).achievement.name += '!';
    assert.deepEqual(
      await verifyEddsaRdfc2022Proof(tampered, tampered.proof, publicKey, canonizer),
      {
        ok: false,
        reason: 'signature-mismatch',
      },
    );
    for (const proofValue of ['z0OIl', 'z', 'zzzz', 'u' + 'A'.repeat(86), 42]) {
      const odd = { ...signed.proof, proofValue };
      assert.deepEqual(await verifyEddsaRdfc2022Proof(signed, odd, publicKey, canonizer), {
        ok: false,
        reason: 'malformed-proof-value',
      });
    }
    const badValue = { ...signed.proof, proofValue: 'not-base58' };
    assert.deepEqual(await verifyEddsaRdfc2022Proof(signed, badValue, publicKey, canonizer), {
      ok: false,
      reason: 'malformed-proof-value',
    });
  });
});

for (const dir of [
  'vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022/',
  'vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022/employ/',
])
  describe(`the W3C vc-di-eddsa eddsa-rdfc-2022 vectors in ${dir}`, () => {
    const canonDoc = readText(`${dir}canonDocDataInt.txt`);
    const canonProof = readText(`${dir}proofCanonDataInt.txt`);
    const keyPair = readJson('vectors/w3c-vc-di-eddsa/keyPair.json') as {
      privateKeyMultibase: string;
    };
    // privateKeyMultibase = base58btc(0x8026 ‖ 32-byte seed)
    const seed = (decodeBase58(keyPair.privateKeyMultibase.slice(1)) ?? new Uint8Array()).slice(2);
    const privateKey = ed25519FromSeed(seed);

    test('hashes and signature reproduce byte for byte', () => {
      assert.equal(sha256Hex(canonDoc), readText(`${dir}docHashDataInt.txt`).trim());
      assert.equal(sha256Hex(canonProof), readText(`${dir}proofHashDataInt.txt`).trim());
      const data = Buffer.concat([
        createHash('sha256').update(canonProof).digest(),
        createHash('sha256').update(canonDoc).digest(),
      ]);
      assert.equal(data.toString('hex'), readText(`${dir}combinedHashDataInt.txt`).trim());
      const signature = sign(null, data, privateKey);
      assert.equal(signature.toString('hex'), readText(`${dir}sigHexDataInt.txt`).trim());
      assert.equal('z' + encodeBase58(signature), readText(`${dir}sigBTC58DataInt.txt`).trim());
    });

    test('the signed credential verifies from its canonical forms', () => {
      const signed = readJson(`${dir}signedDataInt.json`) as { proof: { proofValue: string } };
      const result = verifyEddsaSignature(
        canonProof,
        canonDoc,
        signed.proof.proofValue,
        createPublicKey(privateKey),
      );
      assert.deepEqual(result, { ok: true });
      assert.equal(
        verifyEddsaSignature(
          canonProof,
          canonDoc + '<https://example.com/x> <https://example.com/p> "tampered" .\n',
          signed.proof.proofValue,
          createPublicKey(privateKey),
        ).ok,
        false,
      );
    });
  });
