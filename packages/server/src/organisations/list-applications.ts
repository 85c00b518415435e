/** Applications for operators to review, and one application for its applicant or an operator. */
import type { Database } from '../db/open-database.js';
import type { OrganisationStatus } from '../db/tables.js';
import { ServerError } from '../http/server-error.js';
import type { ApplicantRow, OrganisationRow } from './present-organisation.js';

export type ApplicationRow = OrganisationRow & ApplicantRow;

const selectApplications = (db: Database) =>
  db.kysely
    .selectFrom('organisations')
    .leftJoin('users', 'users.id', 'organisations.applicant_user_id')
    .selectAll('organisations')
    .select([
      'users.id as applicantId',
      'users.email as applicantEmail',
      'users.display_name as applicantName',
    ]);

/** Applications in `status`, oldest first (the review queue's order). */
export const listApplications = (
  db: Database,
  status: OrganisationStatus,
): Promise<ApplicationRow[]> =>
  selectApplications(db)
    .where('organisations.status', '=', status)
    .orderBy('organisations.created_at')
    .orderBy('organisations.id')
    .execute();

export const findApplication = (
  db: Database,
  organisationId: string,
): Promise<ApplicationRow | undefined> =>
  selectApplications(db).where('organisations.id', '=', organisationId).executeTakeFirst();

export const readApplication = async (
  db: Database,
  organisationId: string,
): Promise<ApplicationRow> => {
  const row = await findApplication(db, organisationId);
  if (row === undefined) throw new ServerError('ERR_ORG_NOT_FOUND');
  return row;
};
