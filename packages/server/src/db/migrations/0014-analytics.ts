/**
 * Migration 0014: `verification_counts`, how many times each award was verified per day (in
 * Japan) and per channel (`badge-page`, `verify-page`, `vc-api`), for the issuer's analytics
 * (`analytics/`). One row per award, day and channel, counted up with an upsert on the primary
 * key; the organisation and achievement are copied in so an organisation's counts for a range of
 * days come from one index without a join.
 *
 * Frozen history: portable SQL only (see `tables.ts` for the column conventions).
 */
import type { Kysely } from 'kysely';

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .createTable('verification_counts')
    .addColumn('award_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull()) // YYYY-MM-DD in Japan
    .addColumn('source', 'text', (c) => c.notNull()) // badge-page | verify-page | vc-api
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('achievement_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('verification_counts_pk', ['award_id', 'day', 'source'])
    .execute();
  await db.schema
    .createIndex('verification_counts_organisation_day')
    .on('verification_counts')
    .columns(['organisation_id', 'day'])
    .execute();
};
