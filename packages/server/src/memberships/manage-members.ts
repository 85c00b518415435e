/**
 * An organisation admin adds existing accounts (by e-mail) as members with a role, changes their
 * role (and an issuer's departments), and removes them. Each change is audited (`member.add`,
 * `member.role-change`, `member.remove`) and keeps the invariants of `member-invariants.ts`:
 * the last `org_admin` cannot be removed or demoted.
 */
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { MembershipRole } from '../db/tables.js';
import { ServerError } from '../http/server-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { readMember, type MemberRow } from './list-members.js';
import {
  assertAnotherAdmin,
  checkRoleDepartments,
  lockOrganisation,
  setMembershipDepartments,
} from './member-invariants.js';

export interface MemberRole {
  readonly role: MembershipRole;
  readonly departmentIds?: readonly string[];
}

const audit = (
  tx: Database,
  action: string,
  organisationId: string,
  userId: string,
  details: Record<string, unknown>,
  origin: CommandOrigin,
) =>
  recordAuditEvent(
    tx,
    {
      action,
      ...auditedBy(origin),
      organisationId,
      targetType: 'user',
      targetId: userId,
      details,
    },
    origin.now,
  );

export const addMember = async (
  db: Database,
  organisationId: string,
  { email, ...wanted }: MemberRole & { readonly email: string },
  origin: CommandOrigin,
): Promise<MemberRow> => {
  try {
    return await runInTransaction(db, async (tx) => {
      await lockOrganisation(tx, organisationId);
      const user = await tx.kysely
        .selectFrom('users')
        .select('id')
        .where('email', '=', email.toLowerCase())
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (user === undefined) throw new ServerError('ERR_MEMBER_USER_NOT_FOUND');
      const existing = await tx.kysely
        .selectFrom('memberships')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (existing !== undefined) throw new ServerError('ERR_MEMBER_ALREADY_EXISTS');
      const departmentIds = await checkRoleDepartments(
        tx,
        organisationId,
        wanted.role,
        wanted.departmentIds,
      );
      const membershipId = randomUUID();
      await tx.kysely
        .insertInto('memberships')
        .values({
          id: membershipId,
          organisation_id: organisationId,
          user_id: user.id,
          role: wanted.role,
          created_at: origin.now.toISOString(),
        })
        .execute();
      await setMembershipDepartments(tx, membershipId, departmentIds);
      await audit(
        tx,
        'member.add',
        organisationId,
        user.id,
        { role: wanted.role, departmentIds },
        origin,
      );
      return readMember(tx, organisationId, user.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServerError('ERR_MEMBER_ALREADY_EXISTS', { cause: error });
    }
    throw error;
  }
};

export const changeMemberRole = (
  db: Database,
  organisationId: string,
  userId: string,
  wanted: MemberRole,
  origin: CommandOrigin,
): Promise<MemberRow> =>
  runInTransaction(db, async (tx) => {
    await lockOrganisation(tx, organisationId);
    const before = await readMember(tx, organisationId, userId);
    const departmentIds = await checkRoleDepartments(
      tx,
      organisationId,
      wanted.role,
      wanted.departmentIds,
    );
    const sameDepartments =
      departmentIds.length === before.departmentIds.length &&
      departmentIds.every((id) => before.departmentIds.includes(id));
    if (before.role === wanted.role && sameDepartments) return before;
    if (before.role === 'org_admin' && wanted.role !== 'org_admin') {
      await assertAnotherAdmin(tx, organisationId, userId);
    }
    await tx.kysely
      .updateTable('memberships')
      .set({ role: wanted.role })
      .where('id', '=', before.membershipId)
      .execute();
    await setMembershipDepartments(tx, before.membershipId, departmentIds);
    await audit(
      tx,
      'member.role-change',
      organisationId,
      userId,
      {
        from: { role: before.role, departmentIds: before.departmentIds },
        to: { role: wanted.role, departmentIds },
      },
      origin,
    );
    return readMember(tx, organisationId, userId);
  });

export const removeMember = (
  db: Database,
  organisationId: string,
  userId: string,
  origin: CommandOrigin,
): Promise<void> =>
  runInTransaction(db, async (tx) => {
    await lockOrganisation(tx, organisationId);
    const member = await readMember(tx, organisationId, userId);
    if (member.role === 'org_admin') await assertAnotherAdmin(tx, organisationId, userId);
    await tx.kysely.deleteFrom('memberships').where('id', '=', member.membershipId).execute();
    await audit(
      tx,
      'member.remove',
      organisationId,
      userId,
      { role: member.role, departmentIds: member.departmentIds },
      origin,
    );
  });
