// Issue and verify functions for our stack and for the reference stack
// (@digitalbazaar/vc + eddsa-rdfc-2022), with the same key, credential and document loader.
import { createPrivateKey } from 'node:crypto';
import * as core from '@akashi/core';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { makeBenchCredential } from './bench-credential.mjs';

// A fixed key so every worker signs with the same issuer.
const SEED = Buffer.alloc(32, 42);
const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), SEED]);

const ourKey = () =>
  core.createSigningKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));

export const setupOurs = async () => {
  const key = ourKey();
  const did = core.didKeyFor(key);
  const verifier = core.createVerifier();
  const signed = [];
  const issue = async (start, count) => {
    for (let i = start; i < start + count; i++) {
      await core.issueCredential(makeBenchCredential(did, i), {
        key,
        created: '2026-04-01T00:00:00Z',
      });
    }
    return 0;
  };
  const verify = async (start, count) => {
    let failures = 0;
    for (let i = start; i < start + count; i++) {
      const report = await verifier.verifyCredential(signed[i % signed.length]);
      if (!report.valid) failures++;
    }
    return failures;
  };
  for (let i = 0; i < 200; i++) {
    signed.push(
      (
        await core.issueCredential(makeBenchCredential(did, i), {
          key,
          created: '2026-04-01T00:00:00Z',
        })
      ).credential,
    );
  }
  return { issue, verify, did };
};

export const setupReference = async () => {
  const probe = await Ed25519Multikey.generate({ seed: SEED });
  const did = `did:key:${probe.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.generate({ seed: SEED, controller: did });
  const vmDoc = await keyPair.export({ publicKey: true, includeContext: true });
  const didDoc = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [vmDoc],
    assertionMethod: [vmDoc.id],
  };
  const documents = new Map([
    [did, didDoc],
    [vmDoc.id, vmDoc],
  ]);
  const documentLoader = core.createDocumentLoader({ documents });
  const suite = new DataIntegrityProof({
    signer: keyPair.signer(),
    cryptosuite,
    date: '2026-04-01T00:00:00Z',
  });
  const verifySuite = new DataIntegrityProof({ cryptosuite });
  const signed = [];
  const issue = async (start, count) => {
    for (let i = start; i < start + count; i++) {
      await vc.issue({ credential: makeBenchCredential(did, i), suite, documentLoader });
    }
    return 0;
  };
  const verify = async (start, count) => {
    let failures = 0;
    for (let i = start; i < start + count; i++) {
      const result = await vc.verifyCredential({
        credential: signed[i % signed.length],
        suite: verifySuite,
        documentLoader,
      });
      if (!result.verified) failures++;
    }
    return failures;
  };
  for (let i = 0; i < 20; i++) {
    signed.push(await vc.issue({ credential: makeBenchCredential(did, i), suite, documentLoader }));
  }
  return { issue, verify, did };
};
