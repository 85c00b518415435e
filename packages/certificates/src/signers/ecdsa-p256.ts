/**
 * ECDSA P-256 over a given SHA-256 digest, which node:crypto cannot do (it always hashes the
 * input for EC keys): signing and verification by @noble/curves (audited, constant-time,
 * RFC 6979 deterministic nonces, low-s), with `prehash: false` so the digest is signed as given.
 * Signatures travel as DER `Ecdsa-Sig-Value` (asn1js); raw r‖s from a remote signer is accepted.
 */
import { p256 } from '@noble/curves/nist.js';
import * as asn1js from 'asn1js';

const N = p256.Point.CURVE().n;

const toBigInt = (bytes: Uint8Array): bigint =>
  bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);

const checkDigest = (digest: Uint8Array): void => {
  if (digest.length !== 32) throw new TypeError('ECDSA P-256 here takes a 32-byte SHA-256 digest');
};

/** A scalar or coordinate as 32 big-endian bytes. */
const toBytes32 = (value: bigint): Uint8Array =>
  Uint8Array.from(Buffer.from(value.toString(16).padStart(64, '0'), 'hex'));

/** The raw (r, s) signature of `digest` with private scalar `d` (low-s, RFC 6979). */
export const signP256Raw = (d: bigint, digest: Uint8Array): { r: bigint; s: bigint } => {
  checkDigest(digest);
  if (d <= 0n || d >= N) throw new RangeError('not a P-256 private scalar');
  const compact = p256.sign(digest, toBytes32(d), { prehash: false, lowS: true });
  return { r: toBigInt(compact.subarray(0, 32)), s: toBigInt(compact.subarray(32, 64)) };
};

/** DER `Ecdsa-Sig-Value` for (r, s). */
export const encodeEcdsaSignature = (r: bigint, s: bigint): Uint8Array =>
  new Uint8Array(
    new asn1js.Sequence({
      value: [asn1js.Integer.fromBigInt(r), asn1js.Integer.fromBigInt(s)],
    }).toBER(false),
  );

/** (r, s) from DER `Ecdsa-Sig-Value` or from raw 64-byte r‖s; undefined when neither. */
export const decodeEcdsaSignature = (
  signature: Uint8Array,
): { r: bigint; s: bigint } | undefined => {
  if (signature.length === 64) {
    return { r: toBigInt(signature.subarray(0, 32)), s: toBigInt(signature.subarray(32)) };
  }
  const asn1 = asn1js.fromBER(signature);
  if (asn1.offset !== signature.length || !(asn1.result instanceof asn1js.Sequence))
    return undefined;
  const [r, s, extra] = asn1.result.valueBlock.value;
  if (!(r instanceof asn1js.Integer) || !(s instanceof asn1js.Integer) || extra !== undefined) {
    return undefined;
  }
  return { r: r.toBigInt(), s: s.toBigInt() };
};

/** Signs a SHA-256 digest with P-256 scalar `d`; DER `Ecdsa-Sig-Value`. */
export const signP256Digest = (d: bigint, digest: Uint8Array): Uint8Array => {
  const { r, s } = signP256Raw(d, digest);
  return encodeEcdsaSignature(r, s);
};

/** Whether (r, s) is a valid signature of `digest` by the public point (x, y). */
export const verifyP256Digest = (
  publicKey: { readonly x: bigint; readonly y: bigint },
  digest: Uint8Array,
  signature: { readonly r: bigint; readonly s: bigint },
): boolean => {
  checkDigest(digest);
  const { r, s } = signature;
  if (r <= 0n || r >= N || s <= 0n || s >= N) return false;
  const point = new Uint8Array(65);
  point[0] = 4;
  try {
    point.set(toBytes32(publicKey.x), 1);
    point.set(toBytes32(publicKey.y), 33);
    const compact = new Uint8Array(64);
    compact.set(toBytes32(r), 0);
    compact.set(toBytes32(s), 32);
    return p256.verify(compact, digest, point, { prehash: false, lowS: false });
  } catch {
    return false;
  }
};

export const bigIntOf = toBigInt;
