/**
 * Checks the embedded ICC profile of an `iCCP` chunk (PNG §11.3.3.3) before it is kept: a
 * profile name, compression method 0, and a zlib stream that inflates — within a cap, with
 * nothing after it — to something shaped like an ICC profile (ICC.1:2022 §7.2: its declared size
 * and the `acsp` signature). Colour management needs the profile (a Display P3 image looks wrong
 * without it), so a good one is kept; anything else is removed with the chunk.
 */
import { inflate } from 'node:zlib';

/** Largest inflated profile kept: 1 MiB (display profiles are a few kilobytes). */
export const MAX_ICC_PROFILE_BYTES = 1024 * 1024;

/** Smallest possible profile: the 128-byte header and a tag count. */
const MIN_ICC_PROFILE_BYTES = 132;

/** What `inflate` gives with `info: true` (Node's types declare only the buffer). */
interface InflateInfo {
  readonly buffer: Buffer;
  readonly engine: { readonly bytesWritten: number };
}

/** Inflates at most `MAX_ICC_PROFILE_BYTES`; also says how much input the zlib stream used. */
const inflateProfile = (compressed: Uint8Array): Promise<InflateInfo> =>
  new Promise((resolve, reject) => {
    inflate(compressed, { maxOutputLength: MAX_ICC_PROFILE_BYTES, info: true }, (error, result) => {
      if (error === null) resolve(result as unknown as InflateInfo);
      else reject(error);
    });
  });

/** Whether the data of an `iCCP` chunk holds a plausible ICC profile. Never throws. */
export const checkIccProfile = async (data: Uint8Array): Promise<boolean> => {
  const nul = data.subarray(0, 80).indexOf(0);
  if (nul < 1 || data[nul + 1] !== 0) return false;
  const compressed = data.subarray(nul + 2);
  let profile: Buffer;
  try {
    const { buffer, engine } = await inflateProfile(compressed);
    if (engine.bytesWritten !== compressed.length) return false;
    profile = buffer;
  } catch {
    return false;
  }
  return (
    profile.length >= MIN_ICC_PROFILE_BYTES &&
    profile.readUInt32BE(0) === profile.length &&
    profile.toString('latin1', 36, 40) === 'acsp'
  );
};
