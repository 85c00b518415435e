/**
 * RC2-CBC decryption (RFC 2268), only to read the certificate bags of "legacy" PKCS#12 files
 * (`pbeWithSHAAnd40BitRC2-CBC`, still OpenSSL's `-legacy` default and the format of many older
 * exports): node:crypto has RC2 only with OpenSSL's legacy provider, which Node does not load.
 * It protects nothing secret here (a certificate); keys are never RC2-encrypted by OpenSSL.
 */
const PITABLE = Buffer.from(
  'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2' +
    '179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82' +
    '54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
    '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7' +
    '08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec' +
    'c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
    '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9' +
    '0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad',
  'hex',
);

const at = (bytes: Uint8Array, index: number): number => bytes[index] ?? 0;

/** The 64 16-bit subkeys for `key` with `effectiveBits` (RFC 2268 §2). */
export const expandRc2Key = (key: Uint8Array, effectiveBits: number): Uint16Array => {
  const l = new Uint8Array(128);
  l.set(key);
  const t = key.length;
  for (let i = t; i < 128; i += 1) l[i] = at(PITABLE, (at(l, i - 1) + at(l, i - t)) & 0xff);
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff >> (8 * t8 - effectiveBits);
  l[128 - t8] = at(PITABLE, at(l, 128 - t8) & tm);
  for (let i = 127 - t8; i >= 0; i -= 1) l[i] = at(PITABLE, at(l, i + 1) ^ at(l, i + t8));
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i += 1) k[i] = at(l, 2 * i) | (at(l, 2 * i + 1) << 8);
  return k;
};

const SHIFTS = [1, 2, 3, 5] as const;

const decryptBlock = (k: Uint16Array, block: Uint8Array): Uint8Array => {
  const r = new Uint16Array(4);
  for (let i = 0; i < 4; i += 1) r[i] = at(block, 2 * i) | (at(block, 2 * i + 1) << 8);
  const word = (i: number): number => r[i & 3] ?? 0;
  let j = 63;
  const mix = (): void => {
    for (let i = 3; i >= 0; i -= 1) {
      const s = SHIFTS[i] ?? 0;
      const rotated = ((word(i) >>> s) | (word(i) << (16 - s))) & 0xffff;
      r[i] = rotated - (k[j] ?? 0) - (word(i - 1) & word(i - 2)) - (~word(i - 1) & word(i - 3));
      j -= 1;
    }
  };
  const mash = (): void => {
    for (let i = 3; i >= 0; i -= 1) r[i] = word(i) - (k[word(i - 1) & 63] ?? 0);
  };
  for (const step of [5, 1, 6, 1, 5]) {
    const round = step === 1 ? mash : mix;
    for (let n = 0; n < (step === 1 ? 1 : step); n += 1) round();
  }
  const out = new Uint8Array(8);
  for (let i = 0; i < 4; i += 1) {
    out[2 * i] = word(i) & 0xff;
    out[2 * i + 1] = word(i) >> 8;
  }
  return out;
};

/** RC2-CBC decryption with PKCS#7 padding removed; undefined when the padding is wrong. */
export const decryptRc2Cbc = (
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array | undefined => {
  if (data.length === 0 || data.length % 8 !== 0) return undefined;
  const k = expandRc2Key(key, effectiveBits);
  const out = new Uint8Array(data.length);
  let previous = iv;
  for (let offset = 0; offset < data.length; offset += 8) {
    const block = data.subarray(offset, offset + 8);
    const plain = decryptBlock(k, block);
    for (let i = 0; i < 8; i += 1) out[offset + i] = at(plain, i) ^ at(previous, i);
    previous = block;
  }
  const pad = at(out, out.length - 1);
  if (pad < 1 || pad > 8 || out.subarray(out.length - pad).some((byte) => byte !== pad)) {
    return undefined;
  }
  return out.subarray(0, out.length - pad);
};
