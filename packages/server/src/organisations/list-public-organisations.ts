/**
 * The organisations the platform operator has approved as issuers, for the public list: a
 * verifier can see that an issuer was vetted and since when. Oldest approval first.
 */
import type { Database } from '../db/open-database.js';
import type { OrganisationRow } from './present-organisation.js';

export const listPublicOrganisations = (db: Database): Promise<OrganisationRow[]> =>
  db.kysely
    .selectFrom('organisations')
    .selectAll()
    .where('status', '=', 'approved')
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
