import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAkashiError, type AkashiErrorCode } from '../errors/akashi-error.js';
import { didKeyFor, resolveDidKey, verificationMethodIdFor } from './did-key.js';
import { encodeMultikey } from './multikey.js';
import { generateSigningKey } from './signing-key.js';

const rejectsWith = (fn: () => unknown, code: AkashiErrorCode): void => {
  assert.throws(fn, (error: unknown) => isAkashiError(error) && error.code === code);
};

// The OB 3.0 vector's key, as used by the 1EdTech fixture simple-did-key-method.json.
const OB3_DID = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';

describe('did:key', () => {
  it('derives did:key:z6Mk… for Ed25519 and did:key:zDn… for P-256', () => {
    const ed = generateSigningKey('ed25519');
    assert.equal(didKeyFor(ed), `did:key:${encodeMultikey(ed.publicKey)}`);
    assert.equal(didKeyFor(ed.publicKey), didKeyFor(ed));
    assert.match(didKeyFor(ed), /^did:key:z6Mk/);
    assert.match(didKeyFor(generateSigningKey('p256')), /^did:key:zDn/);
  });

  it('names the verification method did:key:z…#z…', () => {
    assert.equal(
      verificationMethodIdFor(OB3_DID),
      `${OB3_DID}#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi`,
    );
  });

  it('resolves offline to a Multikey document listed in assertionMethod and authentication', () => {
    const document = resolveDidKey(OB3_DID);
    const id = `${OB3_DID}#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi`;
    assert.deepEqual(document['@context'], [
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
    ]);
    assert.equal(document.id, OB3_DID);
    assert.deepEqual(document.verificationMethod, [
      {
        id,
        type: 'Multikey',
        controller: OB3_DID,
        publicKeyMultibase: 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
      },
    ]);
    assert.deepEqual(document.assertionMethod, [id]);
    assert.deepEqual(document.authentication, [id]);
  });

  it('rejects other methods, DID URLs, junk and unsupported key types with distinct codes', () => {
    rejectsWith(() => resolveDidKey('did:example:z6Mk'), 'ERR_DID_UNSUPPORTED');
    rejectsWith(
      () => resolveDidKey('z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi'),
      'ERR_DID_INVALID',
    );
    rejectsWith(() => resolveDidKey(`${OB3_DID}#x`), 'ERR_DID_INVALID');
    rejectsWith(
      () => resolveDidKey('did:key:z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi'),
      'ERR_DID_INVALID',
    );
    rejectsWith(() => resolveDidKey('did:key:'), 'ERR_DID_INVALID');
    // secp256k1 (zQ3s…) is a valid did:key that Akashi does not support.
    rejectsWith(
      () => resolveDidKey('did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme'),
      'ERR_KEY_UNSUPPORTED',
    );
  });
});
