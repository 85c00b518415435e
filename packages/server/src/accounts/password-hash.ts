/**
 * Password hashing with node:crypto's scrypt, stored in a PHC-like string that carries its own
 * parameters and salt, so that stronger parameters later still verify older hashes (and
 * `needsRehash` says when to upgrade one):
 *
 *   $scrypt$ln=16,r=8,p=2$<salt, base64 without padding>$<hash, base64 without padding>
 *
 * The parameters are OWASP's scrypt recommendation N=2^16, r=8, p=2: 64 MiB of memory per hash
 * (memory-hard, so GPUs gain little), about a third of a second on a small server. Hashing runs
 * on libuv's thread pool and never blocks the event loop. The comparison is constant-time.
 *
 * The password is taken as NFKC before hashing (NIST SP 800-63B): a password typed with the
 * Japanese IME in full-width mode (ｐａｓｓ) is the same password as its half-width form. This
 * applies to passwords only; names are never normalised.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParameters {
  /** log2 of the cost N. */
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

export const PASSWORD_HASH_PARAMETERS: ScryptParameters = { ln: 16, r: 8, p: 2 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Stored hashes with larger parameters than these are refused (a tampered row must not OOM us). */
const MAX_LN = 20;
const MAX_R = 16;
const MAX_P = 16;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

const deriveKey = (
  password: string,
  salt: Buffer,
  { ln, r, p }: ScryptParameters,
  length: number,
): Promise<Buffer> => {
  const options: ScryptOptions = {
    N: 2 ** ln,
    r,
    p,
    // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below that.
    maxmem: 128 * 2 ** ln * r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
};

const encode = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/** Hashes `password` with a fresh random salt. */
export const hashPassword = async (
  password: string,
  parameters: ScryptParameters = PASSWORD_HASH_PARAMETERS,
): Promise<string> => {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, parameters, KEY_LENGTH);
  const { ln, r, p } = parameters;
  return `$scrypt$ln=${ln},r=${r},p=${p}$${encode(salt)}$${encode(key)}`;
};

interface ParsedHash {
  readonly parameters: ScryptParameters;
  readonly salt: Buffer;
  readonly key: Buffer;
}

const parseHash = (stored: string): ParsedHash | undefined => {
  const match = PHC.exec(stored);
  if (match === null) return undefined;
  const [, ln, r, p, salt, key] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const parameters = { ln: Number(ln), r: Number(r), p: Number(p) };
  if (parameters.ln < 1 || parameters.ln > MAX_LN || parameters.r < 1 || parameters.r > MAX_R) {
    return undefined;
  }
  if (parameters.p < 1 || parameters.p > MAX_P) return undefined;
  return { parameters, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
};

/** Whether `password` matches the stored hash; false for a malformed hash. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const parsed = parseHash(stored);
  if (parsed === undefined || parsed.key.length < 16) return false;
  const key = await deriveKey(password, parsed.salt, parsed.parameters, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
};

/** Whether a stored hash uses other parameters than today's (rehash it at the next sign-in). */
export const needsRehash = (stored: string): boolean => {
  const parsed = parseHash(stored);
  if (parsed === undefined) return true;
  const { ln, r, p } = parsed.parameters;
  return (
    ln !== PASSWORD_HASH_PARAMETERS.ln ||
    r !== PASSWORD_HASH_PARAMETERS.r ||
    p !== PASSWORD_HASH_PARAMETERS.p
  );
};

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no hash to check (unknown e-mail, account
 * without a password), so that the answer's timing does not tell whether the account exists.
 */
export const verifyAgainstDummy = async (password: string): Promise<false> => {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
  return false;
};
