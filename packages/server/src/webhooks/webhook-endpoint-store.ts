/**
 * Reading and disabling webhook endpoint rows, shared by the commands (`manage-webhooks.ts`) and
 * the dispatcher: the row as the API shows it, the secrets to sign with (decrypted, the previous
 * one only while its rotation grace period lasts), and disabling, which also fails the endpoint's
 * pending deliveries.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { MasterKey } from '../keys/master-key.js';
import { kyselyOf, readEndpointEvents, type WebhookDb } from './webhook-events.js';
import { decryptWebhookSecret } from './webhook-secret.js';
import type { WebhookDisabledReason, WebhookEndpointsTable } from './webhook-tables.js';

export type WebhookEndpointStatus = 'active' | 'disabled' | 'deleted';

/** An endpoint as the API shows it (never its secret). */
export interface WebhookEndpoint {
  readonly id: string;
  readonly organisationId: string;
  readonly url: string;
  readonly description: string;
  readonly events: string[];
  readonly status: WebhookEndpointStatus;
  readonly disabledReason: WebhookDisabledReason | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly disabledAt: string | null;
}

export const presentWebhookEndpoint = (row: WebhookEndpointsTable): WebhookEndpoint => ({
  id: row.id,
  organisationId: row.organisation_id,
  url: row.url,
  description: row.description,
  events: readEndpointEvents(row),
  status: row.active === 1 ? 'active' : row.disabled_reason === 'deleted' ? 'deleted' : 'disabled',
  disabledReason: row.active === 1 ? null : row.disabled_reason,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  disabledAt: row.disabled_at,
});

/** The endpoint `endpointId` of the organisation; `ERR_WEBHOOK_NOT_FOUND` otherwise. */
export const readWebhookEndpointRow = async (
  db: WebhookDb,
  organisationId: string,
  endpointId: string,
): Promise<WebhookEndpointsTable> => {
  const row = await kyselyOf(db)
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', endpointId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_WEBHOOK_NOT_FOUND');
  return row;
};

export const listWebhookEndpointRows = (
  db: WebhookDb,
  organisationId: string,
): Promise<WebhookEndpointsTable[]> =>
  kyselyOf(db)
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export interface EndpointForDelivery {
  readonly url: string;
  readonly active: boolean;
  /** The current secret first, then the previous one while it is still valid. */
  readonly secrets: readonly string[];
}

/** What the dispatcher needs to send to `endpointId`; undefined when the row is gone. */
export const readEndpointSecrets = async (
  db: Database,
  masterKey: MasterKey,
  endpointId: string,
  now: Date,
): Promise<EndpointForDelivery | undefined> => {
  const row = await db.kysely
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', endpointId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const open = (encrypted: string): string =>
    decryptWebhookSecret(masterKey, row.id, encrypted, row.master_key_id);
  const secrets = [open(row.secret_encrypted)];
  if (
    row.previous_secret_encrypted !== null &&
    row.previous_secret_expires_at !== null &&
    row.previous_secret_expires_at > now.toISOString()
  ) {
    secrets.push(open(row.previous_secret_encrypted));
  }
  return { url: row.url, active: row.active === 1, secrets };
};

/**
 * Stops sending to an endpoint: `active = 0` with the reason, and its pending deliveries fail
 * (they can be redelivered by hand once it is enabled again).
 */
export const disableWebhookEndpoint = async (
  db: WebhookDb,
  endpointId: string,
  reason: WebhookDisabledReason,
  now: Date,
): Promise<void> => {
  const kysely = kyselyOf(db);
  const at = now.toISOString();
  await kysely
    .updateTable('webhook_endpoints')
    .set({ active: 0, disabled_reason: reason, disabled_at: at, updated_at: at })
    .where('id', '=', endpointId)
    .execute();
  await kysely
    .updateTable('webhook_deliveries')
    .set({ state: 'failed', next_attempt_at: null, last_error: 'The endpoint was disabled.' })
    .where('endpoint_id', '=', endpointId)
    .where('state', '=', 'pending')
    .execute();
};
