/**
 * API keys of an organisation: created with a name and scopes (the key is returned once and only
 * its SHA-256 is stored, with its first characters for lists, as `install-authentication.ts`
 * reads them), listed, and revoked (a revoked key is refused with 401 at once). Creating and
 * revoking are audited (`api-key.create`, `api-key.revoke`). Only approved organisations get keys.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { createApiKeyToken, hashToken } from '../auth/session-token.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { ApiKeysTable } from '../db/tables.js';
import { ServerError } from '../http/server-error.js';
import { assertOrganisationCanIssue } from '../organisations/assert-organisation-can-issue.js';
import type { ApiKeyScope } from '../policy/api-key-scopes.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import type { ApiKey } from './api-key-schemas.js';

export type ApiKeyRow = Selectable<ApiKeysTable>;

/** How much of a key lists show: `akashi_` and five random characters. */
export const API_KEY_PREFIX_LENGTH = 12;

export const presentApiKey = (row: ApiKeyRow): ApiKey => {
  const scopes = JSON.parse(row.scopes) as unknown;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    prefix: row.key_prefix,
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
};

export const listApiKeys = (db: Database, organisationId: string): Promise<ApiKeyRow[]> =>
  db.kysely
    .selectFrom('api_keys')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export interface CreateApiKeyResult {
  readonly row: ApiKeyRow;
  /** The key itself: give it to the caller once; it is not stored. */
  readonly key: string;
}

export const createApiKey = (
  db: Database,
  organisationId: string,
  { name, scopes }: { readonly name: string; readonly scopes: readonly ApiKeyScope[] },
  origin: CommandOrigin,
): Promise<CreateApiKeyResult> =>
  runInTransaction(db, async (tx) => {
    await assertOrganisationCanIssue(tx, organisationId);
    const key = createApiKeyToken();
    const row: ApiKeyRow = {
      id: randomUUID(),
      organisation_id: organisationId,
      name,
      key_prefix: key.slice(0, API_KEY_PREFIX_LENGTH),
      key_hash: hashToken(key),
      scopes: JSON.stringify([...new Set(scopes)]),
      created_by: origin.actor.kind === 'user' ? origin.actor.userId : null,
      created_at: origin.now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await tx.kysely.insertInto('api_keys').values(row).execute();
    await recordAuditEvent(
      tx,
      {
        action: 'api-key.create',
        ...auditedBy(origin),
        organisationId,
        targetType: 'api-key',
        targetId: row.id,
        details: { name, prefix: row.key_prefix, scopes: JSON.parse(row.scopes) as unknown },
      },
      origin.now,
    );
    return { row, key };
  });

export const revokeApiKey = (
  db: Database,
  organisationId: string,
  apiKeyId: string,
  origin: CommandOrigin,
): Promise<ApiKeyRow> =>
  runInTransaction(db, async (tx) => {
    const row = await tx.kysely
      .selectFrom('api_keys')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', apiKeyId)
      .executeTakeFirst();
    if (row === undefined) throw new ServerError('ERR_API_KEY_NOT_FOUND');
    if (row.revoked_at !== null) throw new ServerError('ERR_API_KEY_ALREADY_REVOKED');
    const revokedAt = origin.now.toISOString();
    await tx.kysely
      .updateTable('api_keys')
      .set({ revoked_at: revokedAt })
      .where('id', '=', apiKeyId)
      .execute();
    await recordAuditEvent(
      tx,
      {
        action: 'api-key.revoke',
        ...auditedBy(origin),
        organisationId,
        targetType: 'api-key',
        targetId: apiKeyId,
        details: { name: row.name, prefix: row.key_prefix },
      },
      origin.now,
    );
    return { ...row, revoked_at: revokedAt };
  });
