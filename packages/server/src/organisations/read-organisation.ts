/** Reads one organisation's row (by id, or by reference for the CLI). */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { OrganisationRow } from './present-organisation.js';

/** The organisation's row, or `ERR_ORG_NOT_FOUND`. */
export const readOrganisation = async (
  db: Database,
  organisationId: string,
): Promise<OrganisationRow> => {
  const row = await db.kysely
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_ORG_NOT_FOUND');
  return row;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organisation named by its id or its domain (any case), for the command line. */
export const findOrganisationByReference = async (
  db: Database,
  reference: string,
): Promise<OrganisationRow | undefined> =>
  db.kysely
    .selectFrom('organisations')
    .selectAll()
    .where(UUID.test(reference) ? 'id' : 'domain', '=', reference.toLowerCase())
    .executeTakeFirst();
