import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { isAkashiError, type AkashiErrorCode } from '../errors/akashi-error.js';
import { importSecretMultikey } from './import-secret-multikey.js';
import { decodeMultikey, encodeMultibaseBase58btc, encodeMultikey } from './multikey.js';
import { generateSigningKey } from './signing-key.js';

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);
const readJson = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(new URL(path, fixtures), 'utf8')) as Record<string, unknown>;

const rejectsWith = (fn: () => unknown, code: AkashiErrorCode): void => {
  assert.throws(fn, (error: unknown) => isAkashiError(error) && error.code === code);
};

describe('Multikey', () => {
  it('decodes the OB 3.0 vector secretKeyMultibase to the published public Multikey', async () => {
    const vector = await readJson('vectors/ob3-eddsa-test-vector.json');
    const multikey = vector.multikey as { publicKeyMultibase: string; secretKeyMultibase: string };
    const keyPair = vector.keyPair as { publicKeyHex: string };
    const key = importSecretMultikey(multikey.secretKeyMultibase);
    assert.equal(key.type, 'ed25519');
    assert.equal(encodeMultikey(key.publicKey), multikey.publicKeyMultibase);
    assert.equal(key.kid, multikey.publicKeyMultibase);
    const raw = Buffer.from(key.publicJwk.x as string, 'base64url').toString('hex');
    assert.equal(raw, keyPair.publicKeyHex);
  });

  it('decodes the W3C keyPair.json privateKeyMultibase (32-byte seed) likewise', async () => {
    const pair = await readJson('vectors/w3c-vc-di-eddsa/keyPair.json');
    const key = importSecretMultikey(pair.privateKeyMultibase as string, { kid: 'w3c' });
    assert.equal(encodeMultikey(key.publicKey), pair.publicKeyMultibase);
    assert.equal(key.kid, 'w3c');
  });

  it('encodes Ed25519 keys exactly as @digitalbazaar/ed25519-multikey does', async () => {
    for (let round = 0; round < 5; round += 1) {
      const key = generateSigningKey('ed25519');
      const seed = key.privateKey.export({ format: 'jwk' }).d as string;
      const oracle = await Ed25519Multikey.generate({ seed: Buffer.from(seed, 'base64url') });
      const exported = await oracle.export({
        publicKey: true,
        secretKey: true,
        includeContext: false,
      });
      assert.equal(encodeMultikey(key.publicKey), exported.publicKeyMultibase);
      assert.match(encodeMultikey(key.publicKey), /^z6Mk/);
      // And their secret form (0x8026 + seed ‖ public key) imports back to the same key.
      const back = importSecretMultikey(exported.secretKeyMultibase as string);
      assert.equal(back.kid, exported.publicKeyMultibase);
    }
  });

  it('decodes what the oracle encodes', async () => {
    const oracle = await Ed25519Multikey.generate();
    const key = decodeMultikey(oracle.publicKeyMultibase);
    assert.deepEqual(
      Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url'),
      Buffer.from(oracle.publicKey),
    );
  });

  it('round-trips P-256 keys as zDn… compressed points', () => {
    for (let round = 0; round < 10; round += 1) {
      const key = generateSigningKey('p256');
      const multikey = encodeMultikey(key.publicKey);
      assert.match(multikey, /^zDn/);
      const decoded = decodeMultikey(multikey);
      assert.deepEqual(decoded.export({ format: 'jwk' }), key.publicKey.export({ format: 'jwk' }));
    }
  });

  it('accepts a private KeyObject and encodes its public half', () => {
    const key = generateSigningKey('ed25519');
    assert.equal(encodeMultikey(key.privateKey), encodeMultikey(key.publicKey));
  });

  it('refuses RSA keys', () => {
    rejectsWith(() => encodeMultikey(generateSigningKey('rsa').publicKey), 'ERR_KEY_UNSUPPORTED');
  });

  it('rejects bad text, bad lengths, bad points and secret keys with ERR_KEY_INVALID', () => {
    const good = encodeMultikey(generateSigningKey('ed25519').publicKey);
    rejectsWith(() => decodeMultikey(''), 'ERR_KEY_INVALID');
    rejectsWith(() => decodeMultikey(good.slice(1)), 'ERR_KEY_INVALID'); // no multibase prefix
    rejectsWith(() => decodeMultikey(`u${good.slice(1)}`), 'ERR_KEY_INVALID');
    rejectsWith(() => decodeMultikey(`${good} `), 'ERR_KEY_INVALID');
    rejectsWith(() => decodeMultikey(good.replace(/.$/, '0')), 'ERR_KEY_INVALID'); // 0 is not base58
    rejectsWith(
      () =>
        decodeMultikey(
          encodeMultibaseBase58btc(Uint8Array.from([0xed, 0x01, ...new Uint8Array(31)])),
        ),
      'ERR_KEY_INVALID',
    );
    rejectsWith(
      () =>
        decodeMultikey(
          encodeMultibaseBase58btc(Uint8Array.from([0xed, 0x01, ...new Uint8Array(33)])),
        ),
      'ERR_KEY_INVALID',
    );
    const offCurve = Uint8Array.from([0x80, 0x24, 0x02, ...new Uint8Array(32).fill(0xff)]);
    rejectsWith(() => decodeMultikey(encodeMultibaseBase58btc(offCurve)), 'ERR_KEY_INVALID');
    rejectsWith(
      () =>
        decodeMultikey(
          'zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx',
        ),
      'ERR_KEY_INVALID',
    );
  });

  it('rejects other multicodecs with ERR_KEY_UNSUPPORTED', () => {
    // secp256k1-pub (0xe7) and a made-up codec.
    const secp = Uint8Array.from([0xe7, 0x01, 0x02, ...new Uint8Array(32).fill(1)]);
    rejectsWith(() => decodeMultikey(encodeMultibaseBase58btc(secp)), 'ERR_KEY_UNSUPPORTED');
    const p384 = Uint8Array.from([0x81, 0x24, 0x02, ...new Uint8Array(48).fill(1)]);
    rejectsWith(() => decodeMultikey(encodeMultibaseBase58btc(p384)), 'ERR_KEY_UNSUPPORTED');
  });

  it('rejects a header that is no public-key multicodec (junk) with ERR_KEY_INVALID', () => {
    rejectsWith(
      () => decodeMultikey(encodeMultibaseBase58btc(Uint8Array.of(1, 2, 3))),
      'ERR_KEY_INVALID',
    );
    // The 1EdTech fixture simple-err-proof-method.json: junk typed into a z6Mk… key.
    rejectsWith(
      () => decodeMultikey('z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi'),
      'ERR_KEY_INVALID',
    );
  });
});

describe('importSecretMultikey', () => {
  it('imports a P-256 secret Multikey (0x8626 + scalar)', () => {
    const key = generateSigningKey('p256');
    const d = Buffer.from(key.privateKey.export({ format: 'jwk' }).d as string, 'base64url');
    const imported = importSecretMultikey(
      encodeMultibaseBase58btc(Uint8Array.from([0x86, 0x26, ...d])),
    );
    assert.equal(imported.type, 'p256');
    assert.equal(imported.kid, encodeMultikey(key.publicKey));
  });

  it('rejects public Multikeys, wrong lengths, mismatched halves and other codecs', () => {
    const key = generateSigningKey('ed25519');
    const jwk = key.privateKey.export({ format: 'jwk' });
    const seed = Buffer.from(jwk.d as string, 'base64url');
    const other = Buffer.from(generateSigningKey('ed25519').publicJwk.x as string, 'base64url');
    rejectsWith(() => importSecretMultikey(encodeMultikey(key.publicKey)), 'ERR_KEY_NOT_PRIVATE');
    rejectsWith(
      () =>
        importSecretMultikey(encodeMultibaseBase58btc(Uint8Array.from([0x80, 0x26, ...seed, 1]))),
      'ERR_KEY_INVALID',
    );
    rejectsWith(
      () =>
        importSecretMultikey(
          encodeMultibaseBase58btc(Uint8Array.from([0x80, 0x26, ...seed, ...other])),
        ),
      'ERR_KEY_INVALID',
    );
    rejectsWith(() => importSecretMultikey('not-multibase'), 'ERR_KEY_INVALID');
    rejectsWith(
      () => importSecretMultikey(encodeMultibaseBase58btc(Uint8Array.from([0x87, 0x26, ...seed]))),
      'ERR_KEY_UNSUPPORTED',
    );
  });

  it('never echoes the secret value in an error', () => {
    const seed = new Uint8Array(31).fill(7);
    const value = encodeMultibaseBase58btc(Uint8Array.from([0x80, 0x26, ...seed]));
    assert.throws(
      () => importSecretMultikey(value),
      (error: unknown) =>
        isAkashiError(error) && !error.message.includes(value) && !error.ja.includes(value),
    );
  });
});
