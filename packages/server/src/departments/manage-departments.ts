/**
 * An organisation admin creates, renames and deletes departments; each change is audited
 * (`department.create`, `department.rename`, `department.delete`). Names are unique within the
 * organisation (`ERR_ORG_DEPARTMENT_NAME_TAKEN`). Deleting a department takes it away from the
 * issuers assigned to it; an issuer left without departments can no longer issue.
 */
import { randomUUID } from 'node:crypto';
import { auditCommandOn } from '../audit/audit-command.js';
import type { Database } from '../db/open-database.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import { readDepartment, type DepartmentRow } from './list-departments.js';

const nameTaken = (error: unknown): unknown =>
  isUniqueViolation(error)
    ? new ServerError('ERR_ORG_DEPARTMENT_NAME_TAKEN', { cause: error })
    : error;

const audit = auditCommandOn('department');

export const createDepartment = async (
  db: Database,
  organisationId: string,
  name: string,
  origin: CommandOrigin,
): Promise<DepartmentRow> => {
  try {
    return await runInTransaction(db, async (tx) => {
      await readOrganisation(tx, organisationId);
      const row: DepartmentRow = {
        id: randomUUID(),
        organisation_id: organisationId,
        name,
        created_at: origin.now.toISOString(),
      };
      await tx.kysely.insertInto('departments').values(row).execute();
      await audit(tx, 'department.create', row, { name }, origin);
      return row;
    });
  } catch (error) {
    throw nameTaken(error);
  }
};

export const renameDepartment = async (
  db: Database,
  organisationId: string,
  departmentId: string,
  name: string,
  origin: CommandOrigin,
): Promise<DepartmentRow> => {
  try {
    return await runInTransaction(db, async (tx) => {
      const before = await readDepartment(tx, organisationId, departmentId);
      if (before.name === name) return before;
      await tx.kysely
        .updateTable('departments')
        .set({ name })
        .where('id', '=', departmentId)
        .execute();
      const after = { ...before, name };
      await audit(tx, 'department.rename', after, { from: before.name, to: name }, origin);
      return after;
    });
  } catch (error) {
    throw nameTaken(error);
  }
};

export const deleteDepartment = (
  db: Database,
  organisationId: string,
  departmentId: string,
  origin: CommandOrigin,
): Promise<void> =>
  runInTransaction(db, async (tx) => {
    const row = await readDepartment(tx, organisationId, departmentId);
    await tx.kysely.deleteFrom('departments').where('id', '=', departmentId).execute();
    await audit(tx, 'department.delete', row, { name: row.name }, origin);
  });
