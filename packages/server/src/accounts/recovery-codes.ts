/**
 * Recovery codes: ten one-time codes that stand in for a lost second factor. Each is 16
 * characters of Crockford base32 (80 random bits), shown once as `xxxx-xxxx-xxxx-xxxx`; only
 * its SHA-256 is stored (80 bits cannot be searched from a stolen hash). Typing is forgiving:
 * case, spaces and dashes are ignored, and `i`/`l`/`o` read as `1`/`1`/`0`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../db/open-database.js';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 16;
const CANONICAL = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

const generateRecoveryCode = (): string => {
  const bytes = randomBytes(LENGTH);
  let code = '';
  for (const byte of bytes) code += ALPHABET.charAt(byte % 32);
  return code.match(/.{4}/g)?.join('-') ?? code;
};

/** The canonical form of a typed code, or undefined when it cannot be one. */
export const normaliseRecoveryCode = (typed: string): string | undefined => {
  const code = typed.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
  return CANONICAL.test(code) ? code : undefined;
};

const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(`akashi-recovery:${code}`, 'utf8').digest('hex');

/** Replaces the user's recovery codes with ten new ones and returns them (shown once). */
export const replaceRecoveryCodes = async (
  db: Database,
  userId: string,
  now: Date,
): Promise<string[]> => {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.kysely.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.kysely
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        id: randomUUID(),
        user_id: userId,
        code_hash: hashRecoveryCode(normaliseRecoveryCode(code) as string),
        created_at: now.toISOString(),
        used_at: null,
      })),
    )
    .execute();
  return codes;
};

/** Uses one recovery code of the user; false when it is wrong or already used. */
export const useRecoveryCode = async (
  db: Database,
  userId: string,
  typed: string,
  now: Date,
): Promise<boolean> => {
  const code = normaliseRecoveryCode(typed);
  if (code === undefined) return false;
  const result = await db.kysely
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
};

/** Deletes the user's recovery codes (when the last second factor goes). */
export const deleteRecoveryCodes = async (db: Database, userId: string): Promise<void> => {
  await db.kysely.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
};
