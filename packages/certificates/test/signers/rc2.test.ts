/**
 * RC2-CBC decryption (for legacy PKCS#12 certificate bags) against `openssl enc` with the
 * legacy provider, at 40, 64 and 128 effective key bits.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decryptRc2Cbc } from '../../src/signers/rc2.js';

describe('decryptRc2Cbc', () => {
  for (const [cipher, bits] of [
    ['rc2-40-cbc', 40],
    ['rc2-64-cbc', 64],
    ['rc2-cbc', 128],
  ] as const) {
    it(`decrypts what openssl enc -${cipher} encrypts`, () => {
      const key = randomBytes(bits / 8);
      const iv = randomBytes(8);
      const data = randomBytes(61);
      const encrypted = execFileSync(
        'openssl',
        ['enc', `-${cipher}`, '-provider', 'legacy', '-provider', 'default'].concat([
          '-K',
          key.toString('hex'),
          '-iv',
          iv.toString('hex'),
        ]),
        { input: data },
      );
      const plain = decryptRc2Cbc(key, bits, iv, encrypted);
      assert.ok(plain !== undefined && Buffer.from(plain).equals(data));
      const wrongKey = Buffer.from(key);
      wrongKey[0] = (wrongKey[0] ?? 0) ^ 1;
      const garbled = decryptRc2Cbc(wrongKey, bits, iv, encrypted);
      assert.ok(garbled === undefined || !Buffer.from(garbled).equals(data));
    });
  }
});
