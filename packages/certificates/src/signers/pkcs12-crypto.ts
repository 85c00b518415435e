/**
 * The password-based cryptography of PKCS#12 with node:crypto: the PKCS#12 key derivation
 * (RFC 7292 Appendix B) for the MAC and the legacy PBE schemes (3DES, RC2), and PBES2 (PBKDF2 +
 * AES-CBC, RFC 8018), which OpenSSL 3 writes by default. Parameters are read with pkijs.
 */
import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PBES2Params, PBKDF2Params, type AlgorithmIdentifier } from 'pkijs';
import { decryptRc2Cbc } from './rc2.js';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PKCS12_PBE: Readonly<Record<string, { cipher: string; keyLength: number }>> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.4': { cipher: 'des-ede-cbc', keyLength: 16 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2-128', keyLength: 16 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2-40', keyLength: 5 },
};
const PRF_HASH: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const PBES2_CIPHERS: Readonly<Record<string, { cipher: string; keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { cipher: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { cipher: 'des-ede3-cbc', keyLength: 24 },
};
const BLOCK_BYTES: Readonly<Record<string, number>> = {
  sha1: 64,
  sha224: 64,
  sha256: 64,
  sha384: 128,
  sha512: 128,
};

export class UnsupportedAlgorithm extends Error {
  constructor(readonly oid: string) {
    super(`unsupported algorithm ${oid}`);
  }
}

/** The password as PKCS#12 wants it for the KDF: BMPString (UTF-16BE) with a final NUL. */
const bmpPassword = (password: string): Buffer => {
  const utf16 = Buffer.from(`${password}\0`, 'utf16le');
  return utf16.swap16();
};

const repeatTo = (source: Uint8Array, block: number): Buffer => {
  if (source.length === 0) return Buffer.alloc(0);
  const length = block * Math.ceil(source.length / block);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) out[i] = source[i % source.length] ?? 0;
  return out;
};

/** RFC 7292 Appendix B.2: `id` 1 = key, 2 = IV, 3 = MAC key. */
export const pkcs12Kdf = (
  hash: string,
  password: string,
  salt: Uint8Array,
  iterations: number,
  id: 1 | 2 | 3,
  length: number,
): Buffer => {
  const v = BLOCK_BYTES[hash];
  if (v === undefined) throw new UnsupportedAlgorithm(hash);
  const d = Buffer.alloc(v, id);
  const i = Buffer.concat([repeatTo(salt, v), repeatTo(bmpPassword(password), v)]);
  const out: Buffer[] = [];
  let produced = 0;
  while (produced < length) {
    let a = createHash(hash).update(d).update(i).digest();
    for (let n = 1; n < iterations; n += 1) a = createHash(hash).update(a).digest();
    out.push(a);
    produced += a.length;
    if (produced >= length) break;
    const b = BigInt(`0x${repeatTo(a, v).toString('hex')}`) + 1n;
    const modulus = 1n << BigInt(8 * v);
    for (let offset = 0; offset < i.length; offset += v) {
      const block = BigInt(`0x${i.subarray(offset, offset + v).toString('hex')}`);
      const sum = ((block + b) % modulus).toString(16).padStart(2 * v, '0');
      Buffer.from(sum, 'hex').copy(i, offset);
    }
  }
  return Buffer.concat(out).subarray(0, length);
};

const decipher = (cipher: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer => {
  const engine = createDecipheriv(cipher, key, iv);
  return Buffer.concat([engine.update(data), engine.final()]);
};

const pkcs12PbeDecrypt = (
  algorithm: AlgorithmIdentifier,
  scheme: { cipher: string; keyLength: number },
  password: string,
  data: Uint8Array,
): Uint8Array | undefined => {
  const params = algorithm.algorithmParams as asn1js.Sequence;
  const [salt, iterations] = params.valueBlock.value;
  if (!(salt instanceof asn1js.OctetString) || !(iterations instanceof asn1js.Integer)) {
    return undefined;
  }
  const count = Number(iterations.toBigInt());
  const saltBytes = salt.valueBlock.valueHexView;
  const key = pkcs12Kdf('sha1', password, saltBytes, count, 1, scheme.keyLength);
  const iv = pkcs12Kdf('sha1', password, saltBytes, count, 2, 8);
  if (scheme.cipher.startsWith('rc2-')) {
    return decryptRc2Cbc(key, scheme.keyLength * 8, iv, data);
  }
  return decipher(scheme.cipher, key, iv, data);
};

const pbes2Decrypt = (
  algorithm: AlgorithmIdentifier,
  password: string,
  data: Uint8Array,
): Uint8Array => {
  const params = new PBES2Params({ schema: algorithm.algorithmParams as asn1js.AsnType });
  if (params.keyDerivationFunc.algorithmId !== PBKDF2) {
    throw new UnsupportedAlgorithm(params.keyDerivationFunc.algorithmId);
  }
  const scheme = PBES2_CIPHERS[params.encryptionScheme.algorithmId];
  if (scheme === undefined) throw new UnsupportedAlgorithm(params.encryptionScheme.algorithmId);
  const kdf = new PBKDF2Params({
    schema: params.keyDerivationFunc.algorithmParams as asn1js.AsnType,
  });
  const prf = kdf.prf?.algorithmId ?? '1.2.840.113549.2.7';
  const hash = PRF_HASH[prf];
  if (hash === undefined) throw new UnsupportedAlgorithm(prf);
  const salt = (kdf.salt as asn1js.OctetString).valueBlock.valueHexView;
  const key = pbkdf2Sync(
    password,
    salt,
    kdf.iterationCount,
    kdf.keyLength ?? scheme.keyLength,
    hash,
  );
  const iv = (params.encryptionScheme.algorithmParams as asn1js.OctetString).valueBlock
    .valueHexView;
  return decipher(scheme.cipher, key, iv, data);
};

/**
 * Decrypts a PKCS#12 bag or encrypted content; undefined when the password is wrong (bad
 * padding), `UnsupportedAlgorithm` for a scheme not handled here.
 */
export const pbeDecrypt = (
  algorithm: AlgorithmIdentifier,
  password: string,
  data: Uint8Array,
): Uint8Array | undefined => {
  try {
    if (algorithm.algorithmId === PBES2) return pbes2Decrypt(algorithm, password, data);
    const scheme = PKCS12_PBE[algorithm.algorithmId];
    if (scheme === undefined) throw new UnsupportedAlgorithm(algorithm.algorithmId);
    return pkcs12PbeDecrypt(algorithm, scheme, password, data);
  } catch (error) {
    if (error instanceof UnsupportedAlgorithm) throw error;
    return undefined;
  }
};
