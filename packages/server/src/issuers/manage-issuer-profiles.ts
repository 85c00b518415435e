/**
 * Creating, changing and archiving issuer profiles; each change is audited (`issuer.create`,
 * `issuer.update`, `issuer.archive`). Only approved organisations get profiles. Creating a
 * profile also creates its Ed25519 and RSA-2048 keys (audited `key.create` by the key store).
 *
 * The keys are made first (in the key store's own transactions), then the profile row in one
 * transaction with its audit event; when that fails (a racing request made the same default
 * profile), the unused keys are removed again, so a failed request leaves nothing behind but its
 * `key.create` audit events.
 */
import { randomUUID } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { auditCommandOn } from '../audit/audit-command.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { readDepartment } from '../departments/list-departments.js';
import type { AppContext } from '../http/app-context.js';
import { describeValueError } from '../http/describe-value-error.js';
import { ServerError } from '../http/server-error.js';
import { registerStringFormats } from '../http/string-formats.js';
import { assertOrganisationCanIssue } from '../organisations/assert-organisation-can-issue.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import {
  assertIdentifierMethodUsable,
  computeIdentifier,
  defaultIdentifierMethod,
} from './issuer-identifier.js';
import {
  findDefaultIssuerProfile,
  presentIssuerProfile,
  readOrganisationIssuerProfile,
  selectIssuerProfile,
  type IssuerProfile,
  type IssuerProfileRow,
} from './issuer-profile.js';
import { CreateIssuerProfileBody, UpdateIssuerProfileBody } from './issuer-schemas.js';
import { issuerKeyOwner } from './issuer-signing.js';
import type { IssuerProfilesTable } from './issuer-tables.js';

export type CreateIssuerProfileInput = CreateIssuerProfileBody;
export type UpdateIssuerProfileInput = UpdateIssuerProfileBody;

/** Checks input coming from elsewhere than a validated route (the CLI, other domains). */
const checkInput = (
  schema: typeof CreateIssuerProfileBody | typeof UpdateIssuerProfileBody,
  input: unknown,
): void => {
  registerStringFormats();
  const fields = [...Value.Errors(schema, input)].map((error) => ({
    in: 'body' as const,
    path: error.path,
    message: describeValueError(error),
  }));
  if (fields.length > 0) throw new ServerError('ERR_HTTP_VALIDATION', { fields });
};

const assertHttpsUrl = (url: string | undefined): void => {
  if (url !== undefined && !url.toLowerCase().startsWith('https://')) {
    throw new ServerError('ERR_ISSUER_URL_NOT_HTTPS');
  }
};

const audit = auditCommandOn('issuer-profile');

/** The error of a unique index of `issuer_profiles`. */
const duplicate = (departmentId: string | null, cause: unknown): ServerError =>
  departmentId === null
    ? new ServerError('ERR_ISSUER_DEFAULT_EXISTS', { cause })
    : new ServerError('ERR_ISSUER_DEPARTMENT_PROFILE_EXISTS', { cause });

const assertNoProfileYet = async (
  db: Database,
  organisationId: string,
  departmentId: string | null,
): Promise<void> => {
  if (departmentId === null) {
    if ((await findDefaultIssuerProfile(db, organisationId)) !== undefined) {
      throw duplicate(null, undefined);
    }
    return;
  }
  const live = await db.kysely
    .selectFrom('issuer_profiles')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (live !== undefined) throw duplicate(departmentId, undefined);
};

export const createIssuerProfile = async (
  context: AppContext,
  organisationId: string,
  input: CreateIssuerProfileInput,
  origin: CommandOrigin,
): Promise<IssuerProfile> => {
  checkInput(CreateIssuerProfileBody, input);
  assertHttpsUrl(input.url);
  const { db, keys, config } = context;
  const method = input.identifierMethod ?? defaultIdentifierMethod(config.publicUrl);
  assertIdentifierMethodUsable(method, config.publicUrl);
  await assertOrganisationCanIssue(db, organisationId);
  const departmentId = input.departmentId ?? null;
  if (departmentId !== null) await readDepartment(db, organisationId, departmentId);
  await assertNoProfileYet(db, organisationId, departmentId);

  const id = randomUUID();
  const owner = issuerKeyOwner(id);
  const keyAudit = { ...auditedBy(origin), organisationId };
  const ed25519 = await keys.createKey(owner, 'ed25519', keyAudit);
  await keys.createKey(owner, 'rsa', keyAudit);
  const at = origin.now.toISOString();
  const row: IssuerProfilesTable = {
    id,
    organisation_id: organisationId,
    department_id: departmentId,
    is_default: departmentId === null ? 1 : 0,
    name_ja: input.name.ja,
    name_en: input.name.en,
    url: input.url,
    email: input.email,
    description_ja: input.description?.ja ?? '',
    description_en: input.description?.en ?? '',
    image_id: input.imageId ?? null,
    identifier_method: method,
    identifier: computeIdentifier(method, config.publicUrl, id, ed25519.kid),
    created_at: at,
    updated_at: at,
    archived_at: null,
  };
  try {
    await runInTransaction(db, async (tx) => {
      await tx.kysely.insertInto('issuer_profiles').values(row).execute();
      await audit(
        tx,
        'issuer.create',
        row,
        {
          departmentId,
          isDefault: departmentId === null,
          identifierMethod: method,
          identifier: row.identifier,
        },
        origin,
      );
    });
  } catch (error) {
    // Nothing refers to the new keys yet: take them away again.
    await db.kysely
      .deleteFrom('issuer_keys')
      .where('owner_type', '=', owner.type)
      .where('owner_id', '=', owner.id)
      .execute();
    keys.clearCache();
    if (isUniqueViolation(error)) throw duplicate(departmentId, error);
    throw error;
  }
  return presentIssuerProfile(row);
};

/**
 * The organisation's default profile, made from its own record (legal name, English name,
 * `https://<domain>`, contact e-mail) when it has none yet. For `akashi admin create-org` and for
 * an organisation approved later.
 */
export const ensureDefaultIssuerProfile = async (
  context: AppContext,
  organisationId: string,
  origin: CommandOrigin,
): Promise<IssuerProfile> => {
  const existing = await findDefaultIssuerProfile(context.db, organisationId);
  if (existing !== undefined) return existing;
  const organisation = await readOrganisation(context.db, organisationId);
  return createIssuerProfile(
    context,
    organisationId,
    {
      name: { ja: organisation.legal_name, en: organisation.name_en },
      url: `https://${organisation.domain}`,
      email: organisation.contact_email,
    },
    origin,
  );
};

/** Reads a live profile of the organisation for a change (`ERR_ISSUER_ARCHIVED` otherwise). */
const readLiveRow = async (
  tx: Database,
  organisationId: string,
  profileId: string,
): Promise<IssuerProfileRow> => {
  const row = await selectIssuerProfile(tx, profileId);
  if (row?.organisation_id !== organisationId) throw new ServerError('ERR_ISSUER_NOT_FOUND');
  if (row.archived_at !== null) throw new ServerError('ERR_ISSUER_ARCHIVED');
  return row;
};

export const updateIssuerProfile = async (
  context: AppContext,
  organisationId: string,
  profileId: string,
  input: UpdateIssuerProfileInput,
  origin: CommandOrigin,
): Promise<IssuerProfile> => {
  checkInput(UpdateIssuerProfileBody, input);
  assertHttpsUrl(input.url);
  return runInTransaction(context.db, async (tx) => {
    const before = await readLiveRow(tx, organisationId, profileId);
    const after: IssuerProfileRow = {
      ...before,
      name_ja: input.name?.ja ?? before.name_ja,
      name_en: input.name?.en ?? before.name_en,
      url: input.url ?? before.url,
      email: input.email ?? before.email,
      description_ja: input.description?.ja ?? before.description_ja,
      description_en: input.description?.en ?? before.description_en,
      image_id: input.imageId === undefined ? before.image_id : input.imageId,
    };
    const changed = (Object.keys(after) as (keyof IssuerProfileRow)[]).filter(
      (column) => after[column] !== before[column],
    );
    if (changed.length === 0) return presentIssuerProfile(before);
    const updated = { ...after, updated_at: origin.now.toISOString() };
    await tx.kysely
      .updateTable('issuer_profiles')
      .set({
        name_ja: updated.name_ja,
        name_en: updated.name_en,
        url: updated.url,
        email: updated.email,
        description_ja: updated.description_ja,
        description_en: updated.description_en,
        image_id: updated.image_id,
        updated_at: updated.updated_at,
      })
      .where('id', '=', profileId)
      .execute();
    await audit(tx, 'issuer.update', updated, { changed }, origin);
    return presentIssuerProfile(updated);
  });
};

/**
 * Archives a department's profile: it signs nothing new, and its documents stay published so
 * that what it issued still verifies. Archiving an archived profile changes nothing.
 */
export const archiveIssuerProfile = async (
  context: AppContext,
  organisationId: string,
  profileId: string,
  origin: CommandOrigin,
): Promise<IssuerProfile> =>
  runInTransaction(context.db, async (tx) => {
    const profile = await readOrganisationIssuerProfile(tx, organisationId, profileId);
    if (profile.archivedAt !== null) return profile;
    if (profile.isDefault) throw new ServerError('ERR_ISSUER_DEFAULT_NOT_ARCHIVABLE');
    const at = origin.now.toISOString();
    await tx.kysely
      .updateTable('issuer_profiles')
      .set({ archived_at: at, updated_at: at })
      .where('id', '=', profileId)
      .execute();
    await audit(
      tx,
      'issuer.archive',
      { id: profileId, organisation_id: organisationId },
      { departmentId: profile.departmentId },
      origin,
    );
    return { ...profile, archivedAt: at, updatedAt: at };
  });
