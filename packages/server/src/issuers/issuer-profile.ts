/**
 * An issuer profile: who an organisation (or one of its departments) is when it issues badges —
 * names in Japanese and English, web site, e-mail, description, image — and its identifier, the
 * OB 3.0 issuer id. Reading profiles; changing them is in `manage-issuer-profiles.ts`.
 *
 *   const profile = await readIssuerProfile(db, id); // ERR_ISSUER_NOT_FOUND
 *   const fallback = await findDefaultIssuerProfile(db, organisationId);
 */
import type { Selectable } from 'kysely';
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { IssuerProfilesTable } from './issuer-tables.js';

export type IssuerIdentifierMethod = 'did:web' | 'did:key' | 'https';

export const ISSUER_IDENTIFIER_METHODS: readonly IssuerIdentifierMethod[] = [
  'did:web',
  'did:key',
  'https',
];

export interface IssuerProfile {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly isDefault: boolean;
  readonly name: { readonly ja: string; readonly en: string };
  readonly url: string;
  readonly email: string;
  /** '' when none. */
  readonly description: { readonly ja: string; readonly en: string };
  readonly imageId: string | null;
  readonly identifierMethod: IssuerIdentifierMethod;
  /** The OB 3.0 issuer id: did:web:…, did:key:z6Mk…, or `${base}/issuers/{id}`. */
  readonly identifier: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archivedAt: string | null;
}

export type IssuerProfileRow = Selectable<IssuerProfilesTable>;

export const presentIssuerProfile = (row: IssuerProfileRow): IssuerProfile => ({
  id: row.id,
  organisationId: row.organisation_id,
  departmentId: row.department_id,
  isDefault: row.is_default === 1,
  name: { ja: row.name_ja, en: row.name_en },
  url: row.url,
  email: row.email,
  description: { ja: row.description_ja, en: row.description_en },
  imageId: row.image_id,
  identifierMethod: row.identifier_method,
  identifier: row.identifier,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  archivedAt: row.archived_at,
});

/** The row, or undefined. */
export const selectIssuerProfile = (
  db: Database,
  id: string,
): Promise<IssuerProfileRow | undefined> =>
  db.kysely.selectFrom('issuer_profiles').selectAll().where('id', '=', id).executeTakeFirst();

/** The profile (archived ones too), or `ERR_ISSUER_NOT_FOUND`. */
export const readIssuerProfile = async (db: Database, id: string): Promise<IssuerProfile> => {
  const row = await selectIssuerProfile(db, id);
  if (row === undefined) throw new ServerError('ERR_ISSUER_NOT_FOUND');
  return presentIssuerProfile(row);
};

/** The profile of `organisationId` with this id, or `ERR_ISSUER_NOT_FOUND`. */
export const readOrganisationIssuerProfile = async (
  db: Database,
  organisationId: string,
  id: string,
): Promise<IssuerProfile> => {
  const profile = await readIssuerProfile(db, id);
  if (profile.organisationId !== organisationId) throw new ServerError('ERR_ISSUER_NOT_FOUND');
  return profile;
};

/** The organisation's default profile, if it has one. */
export const findDefaultIssuerProfile = async (
  db: Database,
  organisationId: string,
): Promise<IssuerProfile | undefined> => {
  const row = await db.kysely
    .selectFrom('issuer_profiles')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
  return row === undefined ? undefined : presentIssuerProfile(row);
};

/**
 * The profile whose current identifier is `identifier` (the VC-API checks that an issuer belongs
 * to the caller's organisation with it). A did:key profile's identifiers from before a rotation
 * are not found.
 */
export const findIssuerProfileByIdentifier = async (
  db: Database,
  identifier: string,
): Promise<IssuerProfile | undefined> => {
  const row = await db.kysely
    .selectFrom('issuer_profiles')
    .selectAll()
    .where('identifier', '=', identifier)
    .orderBy('created_at')
    .executeTakeFirst();
  return row === undefined ? undefined : presentIssuerProfile(row);
};

/** The organisation's profiles, default first, then by creation; archived ones on request. */
export const listIssuerProfiles = async (
  db: Database,
  organisationId: string,
  options: { readonly includeArchived?: boolean } = {},
): Promise<IssuerProfile[]> => {
  let query = db.kysely
    .selectFrom('issuer_profiles')
    .selectAll()
    .where('organisation_id', '=', organisationId);
  if (options.includeArchived !== true) query = query.where('archived_at', 'is', null);
  const rows = await query
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentIssuerProfile);
};
