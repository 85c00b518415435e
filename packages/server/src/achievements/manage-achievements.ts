/**
 * Creating, changing, archiving and unarchiving achievements, each in one transaction with its
 * audit event (`achievement.create`, `achievement.update`, `achievement.archive`,
 * `achievement.unarchive`). Every change adds one to `version`. An archived achievement is still
 * published (awarded badges point at it) but cannot be changed or awarded until unarchived;
 * archiving twice, or unarchiving an active one, changes nothing.
 *
 * The caller has authorised the actor (`authorize-achievement-write.ts`).
 */
import { randomUUID } from 'node:crypto';
import { auditCommandOn } from '../audit/audit-command.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import {
  findAchievementRow,
  toAchievement,
  toDefinition,
  type Achievement,
  type AchievementRow,
} from './achievement.js';
import type {
  AchievementDefinition,
  CreateAchievementBody,
  UpdateAchievementBody,
} from './achievement-schemas.js';
import { assertDefinitionValid } from './check-achievement-definition.js';
import { assertDepartmentOf, resolveIssuerProfile } from './resolve-achievement-scope.js';

const audit = auditCommandOn('achievement');

/** The definition of a create request: lists default to empty. */
const definitionOf = (body: CreateAchievementBody): AchievementDefinition =>
  toDefinition({
    ...body,
    alignments: body.alignments ?? [],
    tags: body.tags ?? [],
    skills: body.skills ?? [],
  });

export const createAchievement = async (
  db: Database,
  organisationId: string,
  body: CreateAchievementBody,
  origin: CommandOrigin,
): Promise<Achievement> => {
  const definition = definitionOf(body);
  assertDefinitionValid(definition);
  const departmentId = body.departmentId ?? null;
  return runInTransaction(db, async (tx) => {
    if (departmentId !== null) await assertDepartmentOf(tx, organisationId, departmentId);
    const issuerProfileId = await resolveIssuerProfile(
      tx,
      organisationId,
      departmentId,
      body.issuerProfileId,
    );
    const now = origin.now.toISOString();
    const row: AchievementRow = {
      id: randomUUID(),
      organisation_id: organisationId,
      department_id: departmentId,
      issuer_profile_id: issuerProfileId,
      status: 'active',
      version: 1,
      definition: JSON.stringify(definition),
      image_id: null,
      image_media_type: null,
      name_ja: definition.name.ja,
      name_en: definition.name.en ?? null,
      created_at: now,
      updated_at: now,
      archived_at: null,
    };
    await tx.kysely.insertInto('achievements').values(row).execute();
    await audit(
      tx,
      'achievement.create',
      row,
      { name: definition.name.ja, departmentId, issuerProfileId },
      origin,
    );
    return toAchievement(row);
  });
};

/** The row of `achievementId` in `organisationId`, locked for the transaction on PostgreSQL. */
const lockRow = async (
  tx: Database,
  organisationId: string,
  achievementId: string,
): Promise<AchievementRow> => {
  let query = tx.kysely
    .selectFrom('achievements')
    .selectAll()
    .where('id', '=', achievementId)
    .where('organisation_id', '=', organisationId);
  if (tx.dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_ACHIEVEMENT_NOT_FOUND');
  return row;
};

/** The achievement of `organisationId` (404 for another organisation's). */
export const readOrganisationAchievement = async (
  db: Database,
  organisationId: string,
  achievementId: string,
): Promise<Achievement> => {
  const row = await findAchievementRow(db, achievementId);
  if (row?.organisation_id !== organisationId) throw new ServerError('ERR_ACHIEVEMENT_NOT_FOUND');
  return toAchievement(row);
};

type Patch = Omit<UpdateAchievementBody, 'expectedVersion' | 'departmentId' | 'issuerProfileId'>;

/** `current` with the patch applied: a sent field replaces, null removes. */
const applyPatch = (current: AchievementDefinition, patch: Patch): AchievementDefinition => {
  const cleared = new Set(
    Object.entries(patch)
      .filter(([, value]) => value === null)
      .map(([key]) => key),
  );
  const next = Object.fromEntries(
    [...Object.entries(current), ...Object.entries(patch)].filter(([key]) => !cleared.has(key)),
  );
  return toDefinition(next as unknown as AchievementDefinition);
};

/** Applies a change; `departmentId` may move it (the caller authorised both departments). */
export const updateAchievement = async (
  db: Database,
  organisationId: string,
  achievementId: string,
  body: UpdateAchievementBody,
  origin: CommandOrigin,
): Promise<Achievement> => {
  const { expectedVersion, departmentId: newDepartmentId, issuerProfileId, ...patch } = body;
  return runInTransaction(db, async (tx) => {
    const row = await lockRow(tx, organisationId, achievementId);
    if (row.status === 'archived') throw new ServerError('ERR_ACHIEVEMENT_ARCHIVED');
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new ServerError('ERR_ACHIEVEMENT_VERSION_CONFLICT', {
        params: { expected: expectedVersion, current: row.version },
      });
    }
    const current = toAchievement(row);
    const definition = applyPatch(toDefinition(current), patch);
    assertDefinitionValid(definition);
    const departmentId = newDepartmentId === undefined ? row.department_id : newDepartmentId;
    if (departmentId !== null && departmentId !== row.department_id) {
      await assertDepartmentOf(tx, organisationId, departmentId);
    }
    const profileId =
      issuerProfileId === undefined && departmentId === row.department_id
        ? row.issuer_profile_id
        : await resolveIssuerProfile(
            tx,
            organisationId,
            departmentId,
            issuerProfileId ?? row.issuer_profile_id,
          );
    const changed = [
      ...Object.keys(patch).filter(
        (key) =>
          JSON.stringify((definition as Record<string, unknown>)[key]) !==
          JSON.stringify((current as unknown as Record<string, unknown>)[key]),
      ),
      ...(departmentId === row.department_id ? [] : ['departmentId']),
      ...(profileId === row.issuer_profile_id ? [] : ['issuerProfileId']),
    ];
    if (changed.length === 0) return current;
    const next = {
      department_id: departmentId,
      issuer_profile_id: profileId,
      version: row.version + 1,
      definition: JSON.stringify(definition),
      name_ja: definition.name.ja,
      name_en: definition.name.en ?? null,
      updated_at: origin.now.toISOString(),
    };
    await tx.kysely
      .updateTable('achievements')
      .set(next)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .execute();
    await audit(tx, 'achievement.update', row, { version: next.version, changed }, origin);
    return toAchievement({ ...row, ...next });
  });
};

const setStatus = async (
  db: Database,
  organisationId: string,
  achievementId: string,
  status: 'active' | 'archived',
  origin: CommandOrigin,
): Promise<Achievement> =>
  runInTransaction(db, async (tx) => {
    const row = await lockRow(tx, organisationId, achievementId);
    if (row.status === status) return toAchievement(row);
    const now = origin.now.toISOString();
    const next = {
      status,
      version: row.version + 1,
      updated_at: now,
      archived_at: status === 'archived' ? now : null,
    };
    await tx.kysely.updateTable('achievements').set(next).where('id', '=', row.id).execute();
    const action = status === 'archived' ? 'achievement.archive' : 'achievement.unarchive';
    await audit(tx, action, row, { version: next.version }, origin);
    return toAchievement({ ...row, ...next });
  });

export const archiveAchievement = (
  db: Database,
  organisationId: string,
  achievementId: string,
  origin: CommandOrigin,
): Promise<Achievement> => setStatus(db, organisationId, achievementId, 'archived', origin);

export const unarchiveAchievement = (
  db: Database,
  organisationId: string,
  achievementId: string,
  origin: CommandOrigin,
): Promise<Achievement> => setStatus(db, organisationId, achievementId, 'active', origin);

/** Sets the image of an active achievement (already prepared and stored); audited. */
export const setAchievementImage = async (
  db: Database,
  organisationId: string,
  achievementId: string,
  image: { readonly id: string; readonly mediaType: 'image/png' | 'image/svg+xml' },
  details: Record<string, unknown>,
  origin: CommandOrigin,
): Promise<Achievement> =>
  runInTransaction(db, async (tx) => {
    const row = await lockRow(tx, organisationId, achievementId);
    if (row.status === 'archived') throw new ServerError('ERR_ACHIEVEMENT_ARCHIVED');
    if (row.image_id === image.id) return toAchievement(row);
    const next = {
      image_id: image.id,
      image_media_type: image.mediaType,
      version: row.version + 1,
      updated_at: origin.now.toISOString(),
    };
    await tx.kysely.updateTable('achievements').set(next).where('id', '=', row.id).execute();
    await audit(
      tx,
      'achievement.image',
      row,
      { version: next.version, imageId: image.id, mediaType: image.mediaType, ...details },
      origin,
    );
    return toAchievement({ ...row, ...next });
  });
