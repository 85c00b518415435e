/**
 * The learner's public profile settings (`/p/{slug}`, opt-in). Before one is saved, reading it
 * gives suggestions: disabled, the account's display name, a free slug. Saving checks the slug
 * (format by the schema; reserved words here; taken by another account → 409) and records the
 * audit event `wallet.profile-update`. Names are stored exactly as typed.
 */
import { randomBytes } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { WalletProfilesTable } from '../wallet/wallet-tables.js';
import { profileUrl } from './read-public-sharing.js';
import type { PutProfileBody, WalletProfile } from './wallet-sharing-schemas.js';

/** Words that name pages or roles of the platform, or could pass for it. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'about',
  'account',
  'accounts',
  'admin',
  'administrator',
  'akashi',
  'api',
  'app',
  'assets',
  'auth',
  'badge',
  'badges',
  'console',
  'contact',
  'credentials',
  'docs',
  'edit',
  'help',
  'home',
  'issuer',
  'issuers',
  'login',
  'logout',
  'mail',
  'new',
  'null',
  'official',
  'openapi',
  'operator',
  'organisation',
  'organisations',
  'organization',
  'privacy',
  'profile',
  'profiles',
  'public',
  'root',
  'security',
  'settings',
  'setup',
  'share',
  'sign-in',
  'sign-out',
  'sign-up',
  'signin',
  'signout',
  'signup',
  'static',
  'status',
  'support',
  'system',
  'terms',
  'undefined',
  'verify',
  'wallet',
  'www',
]);

const present = (publicUrl: string, row: WalletProfilesTable): WalletProfile => ({
  saved: true,
  enabled: row.enabled === 1,
  slug: row.slug,
  url: profileUrl(publicUrl, row.slug),
  displayName: row.display_name,
  nameKana: row.name_kana,
  nameRomaji: row.name_romaji,
  headline: row.headline,
  updatedAt: row.updated_at,
});

const readRow = (db: Database, userId: string) =>
  db.kysely
    .selectFrom('wallet_profiles')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();

const slugTaken = async (db: Database, slug: string, userId: string): Promise<boolean> =>
  (await db.kysely
    .selectFrom('wallet_profiles')
    .select('user_id')
    .where('slug', '=', slug)
    .where('user_id', '<>', userId)
    .executeTakeFirst()) !== undefined;

/** A slug from the name when it is in ASCII letters, else `learner-` and six random characters. */
const suggestSlug = async (db: Database, userId: string, name: string): Promise<string> => {
  const fromName = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (
    fromName.length >= 3 &&
    !RESERVED_SLUGS.has(fromName) &&
    !(await slugTaken(db, fromName, userId))
  ) {
    return fromName;
  }
  for (;;) {
    const candidate = `learner-${randomBytes(4).toString('hex').slice(0, 6)}`;
    if (!(await slugTaken(db, candidate, userId))) return candidate;
  }
};

export const readWalletProfile = async (
  db: Database,
  publicUrl: string,
  userId: string,
): Promise<WalletProfile> => {
  const row = await readRow(db, userId);
  if (row !== undefined) return present(publicUrl, row);
  const user = await db.kysely
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const slug = await suggestSlug(db, userId, user.display_name);
  return {
    saved: false,
    enabled: false,
    slug,
    url: profileUrl(publicUrl, slug),
    displayName: user.display_name,
    nameKana: null,
    nameRomaji: null,
    headline: null,
    updatedAt: null,
  };
};

const slugError = (
  code: 'ERR_WALLET_PROFILE_SLUG_TAKEN' | 'ERR_WALLET_PROFILE_SLUG_RESERVED',
  slug: string,
) =>
  new ServerError(code, {
    params: { slug },
    fields: [
      {
        in: 'body',
        path: '/slug',
        message:
          code === 'ERR_WALLET_PROFILE_SLUG_TAKEN'
            ? { en: 'is already taken', ja: 'すでに使われています' }
            : { en: 'is reserved', ja: '予約されているため使えません' },
      },
    ],
  });

export const putWalletProfile = async (
  db: Database,
  publicUrl: string,
  userId: string,
  body: PutProfileBody,
  origin: CommandOrigin,
): Promise<WalletProfile> => {
  if (RESERVED_SLUGS.has(body.slug)) throw slugError('ERR_WALLET_PROFILE_SLUG_RESERVED', body.slug);
  const now = origin.now.toISOString();
  const values = {
    slug: body.slug,
    enabled: body.enabled ? 1 : 0,
    display_name: body.displayName,
    name_kana: body.nameKana ?? null,
    name_romaji: body.nameRomaji ?? null,
    headline: body.headline ?? null,
    updated_at: now,
  };
  try {
    return await runInTransaction(db, async (tx) => {
      if (await slugTaken(tx, body.slug, userId)) {
        throw slugError('ERR_WALLET_PROFILE_SLUG_TAKEN', body.slug);
      }
      const before = await readRow(tx, userId);
      if (before === undefined) {
        await tx.kysely
          .insertInto('wallet_profiles')
          .values({ user_id: userId, created_at: now, ...values })
          .execute();
      } else {
        await tx.kysely
          .updateTable('wallet_profiles')
          .set(values)
          .where('user_id', '=', userId)
          .execute();
      }
      await recordAuditEvent(
        tx,
        {
          action: 'wallet.profile-update',
          ...auditedBy(origin),
          targetType: 'wallet-profile',
          targetId: userId,
          details: {
            enabled: body.enabled,
            slug: body.slug,
            ...(before === undefined
              ? { created: true }
              : { wasEnabled: before.enabled === 1, previousSlug: before.slug }),
          },
        },
        origin.now,
      );
      return present(publicUrl, { ...(before ?? { user_id: userId, created_at: now }), ...values });
    });
  } catch (error) {
    // Two accounts saving the same slug at once: the unique index decides.
    if (isUniqueViolation(error)) throw slugError('ERR_WALLET_PROFILE_SLUG_TAKEN', body.slug);
    throw error;
  }
};
