import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { exportPrivateJwk, generateSigningKey, type SigningKey } from '@akashi/core';
import {
  decryptPrivateKey,
  encryptPrivateKey,
  type PrivateKeyBinding,
} from './encrypt-private-key.js';
import type { IssuerKeyAlgorithm } from './issuer-key.js';
import { isKeyStoreError, type KeyStoreErrorCode } from './key-store-error.js';
import { createTestMasterKey, testOrganisation } from './key-test-factories.js';

const masterKey = createTestMasterKey();
const ed25519 = generateSigningKey('ed25519');
const rsa = generateSigningKey('rsa');

const bindingFor = (key: SigningKey): PrivateKeyBinding => ({
  keyId: randomUUID(),
  owner: testOrganisation(),
  algorithm: key.type as IssuerKeyAlgorithm,
  kid: key.kid,
});

const failsWith = (code: KeyStoreErrorCode) => (error: unknown) => {
  assert.ok(isKeyStoreError(error), String(error));
  assert.equal(error.code, code);
  return true;
};

/** Flips one bit of the byte at `index` (negative: from the end) of a stored ciphertext. */
const flipByte = (encrypted: string, index: number): string => {
  const data = Buffer.from(encrypted, 'base64');
  const at = index < 0 ? data.length + index : index;
  data[at] = (data[at] ?? 0) ^ 0x01;
  return data.toString('base64');
};

describe('encryptPrivateKey / decryptPrivateKey', () => {
  for (const key of [ed25519, rsa]) {
    it(`round-trips a ${key.type} key bound to its row`, () => {
      const binding = bindingFor(key);
      const encrypted = encryptPrivateKey(masterKey, key, binding);
      const decrypted = decryptPrivateKey(masterKey, encrypted, {
        ...binding,
        masterKeyId: masterKey.id,
      });
      assert.equal(decrypted.kid, key.kid);
      assert.equal(decrypted.type, key.type);
      assert.deepEqual(exportPrivateJwk(decrypted), exportPrivateJwk(key));
    });
  }

  it('uses a fresh IV every time, and never shows the private key', () => {
    const binding = bindingFor(ed25519);
    const one = encryptPrivateKey(masterKey, ed25519, binding);
    const two = encryptPrivateKey(masterKey, ed25519, binding);
    assert.notEqual(one, two);
    assert.notEqual(one.slice(0, 16), two.slice(0, 16));
    const { d } = exportPrivateJwk(ed25519);
    assert.ok(typeof d === 'string');
    assert.ok(!Buffer.from(one, 'base64').includes(Buffer.from(d, 'base64url')));
    assert.ok(!one.includes(d));
  });

  it('fails when the ciphertext is moved to another row, owner or algorithm', () => {
    const binding = bindingFor(ed25519);
    const encrypted = encryptPrivateKey(masterKey, ed25519, binding);
    const elsewhere: PrivateKeyBinding[] = [
      { ...binding, keyId: randomUUID() },
      { ...binding, owner: { ...binding.owner, id: randomUUID() } },
      { ...binding, owner: { type: 'issuer-profile', id: binding.owner.id } },
      { ...binding, algorithm: 'rsa' },
      { ...binding, kid: rsa.kid },
    ];
    for (const other of elsewhere) {
      assert.throws(
        () => decryptPrivateKey(masterKey, encrypted, { ...other, masterKeyId: masterKey.id }),
        failsWith('ERR_KEYSTORE_DECRYPT_FAILED'),
      );
    }
  });

  it('fails on a tampered tag, IV or ciphertext, and on truncated or non-base64 data', () => {
    const binding = { ...bindingFor(rsa), masterKeyId: masterKey.id };
    const encrypted = encryptPrivateKey(masterKey, rsa, binding);
    for (const tampered of [
      flipByte(encrypted, -1), // tag
      flipByte(encrypted, 0), // IV
      flipByte(encrypted, 40), // ciphertext
      encrypted.slice(0, 24),
      Buffer.from(encrypted, 'base64').subarray(0, -16).toString('base64'),
      `${encrypted}!`,
      '',
    ]) {
      assert.throws(
        () => decryptPrivateKey(masterKey, tampered, binding),
        failsWith('ERR_KEYSTORE_DECRYPT_FAILED'),
      );
    }
    assert.throws(
      () => decryptPrivateKey(masterKey, flipByte(encrypted, -1), binding),
      /altered, truncated, or copied from another key row/,
    );
  });

  it('names the master keys when a row was encrypted under another one', () => {
    const binding = bindingFor(ed25519);
    const encrypted = encryptPrivateKey(masterKey, ed25519, binding);
    const otherMasterKey = createTestMasterKey();
    assert.throws(
      () => decryptPrivateKey(otherMasterKey, encrypted, { ...binding, masterKeyId: masterKey.id }),
      (error: unknown) => {
        failsWith('ERR_KEYSTORE_MASTER_KEY_MISMATCH')(error);
        assert.ok(error instanceof Error && error.message.includes(masterKey.id));
        assert.ok(error.message.includes(otherMasterKey.id));
        return true;
      },
    );
    // Relabelled as the other master key's, the ciphertext still does not authenticate.
    assert.throws(
      () =>
        decryptPrivateKey(otherMasterKey, encrypted, {
          ...binding,
          masterKeyId: otherMasterKey.id,
        }),
      failsWith('ERR_KEYSTORE_DECRYPT_FAILED'),
    );
  });

  it('refuses to encrypt a key for a row that describes another key (misuse)', () => {
    assert.throws(
      () => encryptPrivateKey(masterKey, ed25519, bindingFor(rsa)),
      (error: unknown) => error instanceof TypeError,
    );
  });
});
