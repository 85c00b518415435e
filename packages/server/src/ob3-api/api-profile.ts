/**
 * The account's Profile in the Open Badges 3.0 API (`getProfile` / `putProfile`, ADR 0011): the
 * one stored in `ob3_profiles` (any IRI as `id`: the certification asks for
 * `https://1edtech.org/issuers/cert`), else a default built from the account — `id`
 * `{PUBLIC_URL}/p/{slug}` when the account publishes its wallet profile, else a `urn:uuid:` that
 * is stable for the account and does not reveal its internal id; `type ['Profile']`; `name` the
 * wallet profile's display name, else the account's. `putProfile` replaces the whole Profile.
 */
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { Database } from '../db/open-database.js';
import { describeValueError } from '../http/describe-value-error.js';
import { ServerError } from '../http/server-error.js';

const IRI = '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$';

export const Ob3Profile = Type.Object(
  {
    id: Type.String({ pattern: IRI, description: 'Any IRI.' }),
    type: Type.Union([
      Type.Literal('Profile'),
      Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    ]),
  },
  {
    additionalProperties: true,
    description:
      'A Profile (OB 3.0 §B.1.15): `id` any IRI, `type` "Profile" or a list including it; every other property is kept as sent.',
  },
);
export type Ob3Profile = Static<typeof Ob3Profile>;

const checkProfile = TypeCompiler.Compile(Ob3Profile);

const invalid = (reason: string): ServerError =>
  new ServerError('ERR_OB3_PROFILE_INVALID', { params: { reason } });

/** The Profile in a `putProfile` body, or ERR_OB3_PROFILE_INVALID saying what is wrong. */
export const readProfileBody = (text: string): Record<string, unknown> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('the body is not well-formed JSON.');
  }
  if (!checkProfile.Check(value)) {
    const problems = [...checkProfile.Errors(value)]
      .slice(0, 10)
      .map((error) => `${error.path.replace(/^\//, '') || 'body'} ${describeValueError(error).en}`);
    throw invalid(problems.join('; '));
  }
  const types: readonly string[] = typeof value.type === 'string' ? [value.type] : value.type;
  if (!types.includes('Profile')) throw invalid('type must include "Profile".');
  return value;
};

/** A UUID derived from the account id (version 8, RFC 9562 §5.8): stable, not reversible. */
export const profileUuidOf = (userId: string): string => {
  const bytes = createHash('sha256')
    .update(`akashi:ob3-profile:${userId}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const buildDefaultProfile = async (
  db: Database,
  publicUrl: string,
  userId: string,
): Promise<Record<string, unknown> | undefined> => {
  const user = await db.kysely
    .selectFrom('users')
    .leftJoin('wallet_profiles', 'wallet_profiles.user_id', 'users.id')
    .select([
      'users.display_name as accountName',
      'wallet_profiles.slug as slug',
      'wallet_profiles.enabled as enabled',
      'wallet_profiles.display_name as walletName',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (user === undefined) return undefined;
  const published = user.slug !== null && user.enabled === 1;
  const name = (user.walletName ?? '').trim() === '' ? user.accountName : user.walletName;
  return {
    id: published ? `${publicUrl}/p/${user.slug ?? ''}` : `urn:uuid:${profileUuidOf(userId)}`,
    type: ['Profile'],
    ...(name === null || name.trim() === '' ? {} : { name }),
  };
};

/** The account's Profile: the stored one, else the default (undefined: no such account). */
export const getApiProfile = async (
  db: Database,
  publicUrl: string,
  userId: string,
): Promise<Record<string, unknown> | undefined> => {
  const stored = await db.kysely
    .selectFrom('ob3_profiles')
    .select('profile')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (stored !== undefined) return JSON.parse(stored.profile) as Record<string, unknown>;
  return buildDefaultProfile(db, publicUrl, userId);
};

/** Replaces the account's Profile. */
export const putApiProfile = async (
  db: Database,
  userId: string,
  profile: Record<string, unknown>,
  now: Date,
): Promise<void> => {
  const row = { user_id: userId, profile: JSON.stringify(profile), updated_at: now.toISOString() };
  await db.kysely
    .insertInto('ob3_profiles')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({ profile: row.profile, updated_at: row.updated_at }),
    )
    .execute();
};
