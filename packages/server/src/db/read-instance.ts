/** The identity of this installation, written by the first migration. */
import type { Database } from './open-database.js';

export interface Instance {
  readonly id: string;
  readonly createdAt: string;
}

/** Reads the instance row; throws when the database has not been migrated. */
export const readInstance = async (database: Database): Promise<Instance> => {
  const row = await database.kysely
    .selectFrom('instance')
    .select(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, createdAt: row.created_at };
};
