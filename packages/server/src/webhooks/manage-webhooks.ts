/**
 * The commands on an organisation's webhook endpoints, each in one transaction with its audit
 * event (`webhook.create`, `webhook.update`, `webhook.delete`, `webhook.rotate-secret`,
 * `webhook.test`, `webhook.redeliver`; the secret is never in the log). The secret is returned
 * only by create and rotate, once. After a rotation the previous secret keeps signing (a second
 * signature in `webhook-signature`) for `PREVIOUS_SECRET_GRACE_MS`, so receivers can switch
 * without losing deliveries. Deleting disables the endpoint and keeps it and its delivery log.
 */
import { randomUUID } from 'node:crypto';
import { auditCommandOn } from '../audit/audit-command.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import { ServerError } from '../http/server-error.js';
import type { MasterKey } from '../keys/master-key.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import {
  disableWebhookEndpoint,
  listWebhookEndpointRows,
  presentWebhookEndpoint,
  readWebhookEndpointRow,
  type WebhookEndpoint,
} from './webhook-endpoint-store.js';
import {
  insertWebhookDelivery,
  WEBHOOK_TEST_EVENT_TYPE,
  type WebhookEventType,
  type WebhookPayload,
} from './webhook-events.js';
import { encryptWebhookSecret, generateWebhookSecret } from './webhook-secret.js';
import type { WebhookEndpointsTable } from './webhook-tables.js';
import { checkWebhookUrl, type WebhookUrlPolicy } from './webhook-url.js';

/** Endpoints an organisation may have at once (deleted ones not counted). */
export const MAX_WEBHOOK_ENDPOINTS = 20;
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60_000;

export interface WebhookEndpointInput {
  readonly url: string;
  readonly description?: string;
  readonly events: readonly WebhookEventType[];
}

export interface WebhookEndpointPatch {
  readonly url?: string;
  readonly description?: string;
  readonly events?: readonly WebhookEventType[];
  /** false disables (reason `manual`), true enables again. */
  readonly active?: boolean;
}

export interface WebhookEndpointWithSecret {
  readonly endpoint: WebhookEndpoint;
  /** `whsec_…`: shown this once. */
  readonly secret: string;
}

const audit = auditCommandOn('webhook');

const uniqueEvents = (events: readonly WebhookEventType[]): WebhookEventType[] => [
  ...new Set(events),
];

const assertNotDeleted = (row: WebhookEndpointsTable): void => {
  if (row.active === 0 && row.disabled_reason === 'deleted') {
    throw new ServerError('ERR_WEBHOOK_DELETED');
  }
};

export const listWebhookEndpoints = async (
  db: Database,
  organisationId: string,
): Promise<WebhookEndpoint[]> =>
  (await listWebhookEndpointRows(db, organisationId)).map(presentWebhookEndpoint);

export const readWebhookEndpoint = async (
  db: Database,
  organisationId: string,
  endpointId: string,
): Promise<WebhookEndpoint> =>
  presentWebhookEndpoint(await readWebhookEndpointRow(db, organisationId, endpointId));

export const createWebhookEndpoint = (
  db: Database,
  masterKey: MasterKey,
  policy: WebhookUrlPolicy,
  organisationId: string,
  input: WebhookEndpointInput,
  origin: CommandOrigin,
): Promise<WebhookEndpointWithSecret> => {
  const url = checkWebhookUrl(input.url, policy);
  return runInTransaction(db, async (tx) => {
    await readOrganisation(tx, organisationId);
    const live = (await listWebhookEndpointRows(tx, organisationId)).filter(
      (row) => row.disabled_reason !== 'deleted',
    );
    if (live.length >= MAX_WEBHOOK_ENDPOINTS) {
      throw new ServerError('ERR_WEBHOOK_LIMIT_REACHED', {
        params: { limit: MAX_WEBHOOK_ENDPOINTS },
      });
    }
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const now = origin.now.toISOString();
    const row: WebhookEndpointsTable = {
      id,
      organisation_id: organisationId,
      url,
      description: input.description ?? '',
      events: JSON.stringify(uniqueEvents(input.events)),
      secret_encrypted: encryptWebhookSecret(masterKey, id, secret),
      previous_secret_encrypted: null,
      previous_secret_expires_at: null,
      master_key_id: masterKey.id,
      active: 1,
      disabled_reason: null,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    };
    await tx.kysely.insertInto('webhook_endpoints').values(row).execute();
    const endpoint = presentWebhookEndpoint(row);
    await audit(tx, 'webhook.create', row, { url, events: endpoint.events }, origin);
    return { endpoint, secret };
  });
};

export const updateWebhookEndpoint = (
  db: Database,
  policy: WebhookUrlPolicy,
  organisationId: string,
  endpointId: string,
  patch: WebhookEndpointPatch,
  origin: CommandOrigin,
): Promise<WebhookEndpoint> => {
  const url = patch.url === undefined ? undefined : checkWebhookUrl(patch.url, policy);
  return runInTransaction(db, async (tx) => {
    const before = await readWebhookEndpointRow(tx, organisationId, endpointId);
    assertNotDeleted(before);
    const now = origin.now.toISOString();
    const changes: Partial<WebhookEndpointsTable> = {};
    if (url !== undefined && url !== before.url) changes.url = url;
    if (patch.description !== undefined && patch.description !== before.description) {
      changes.description = patch.description;
    }
    if (patch.events !== undefined) {
      const events = JSON.stringify(uniqueEvents(patch.events));
      if (events !== before.events) changes.events = events;
    }
    if (Object.keys(changes).length > 0) {
      await tx.kysely
        .updateTable('webhook_endpoints')
        .set({ ...changes, updated_at: now })
        .where('id', '=', endpointId)
        .execute();
    }
    let activeChange: boolean | undefined;
    if (patch.active === false && before.active === 1) {
      await disableWebhookEndpoint(tx, endpointId, 'manual', origin.now);
      activeChange = false;
    } else if (patch.active === true && before.active === 0) {
      await tx.kysely
        .updateTable('webhook_endpoints')
        .set({ active: 1, disabled_reason: null, disabled_at: null, updated_at: now })
        .where('id', '=', endpointId)
        .execute();
      activeChange = true;
    }
    const after = await readWebhookEndpointRow(tx, organisationId, endpointId);
    if (Object.keys(changes).length > 0 || activeChange !== undefined) {
      await audit(
        tx,
        'webhook.update',
        after,
        {
          ...(changes.url === undefined ? {} : { url: { from: before.url, to: changes.url } }),
          ...(changes.description === undefined ? {} : { description: changes.description }),
          ...(changes.events === undefined ? {} : { events: presentWebhookEndpoint(after).events }),
          ...(activeChange === undefined ? {} : { active: activeChange }),
        },
        origin,
      );
    }
    return presentWebhookEndpoint(after);
  });
};

export const deleteWebhookEndpoint = (
  db: Database,
  organisationId: string,
  endpointId: string,
  origin: CommandOrigin,
): Promise<void> =>
  runInTransaction(db, async (tx) => {
    const row = await readWebhookEndpointRow(tx, organisationId, endpointId);
    assertNotDeleted(row);
    await disableWebhookEndpoint(tx, endpointId, 'deleted', origin.now);
    await audit(tx, 'webhook.delete', row, { url: row.url }, origin);
  });

export const rotateWebhookSecret = (
  db: Database,
  masterKey: MasterKey,
  organisationId: string,
  endpointId: string,
  origin: CommandOrigin,
): Promise<WebhookEndpointWithSecret> =>
  runInTransaction(db, async (tx) => {
    const row = await readWebhookEndpointRow(tx, organisationId, endpointId);
    assertNotDeleted(row);
    const secret = generateWebhookSecret();
    const now = origin.now.toISOString();
    // A previous secret under another master key could not be used to sign: drop it then.
    const keepPrevious = row.master_key_id === masterKey.id;
    await tx.kysely
      .updateTable('webhook_endpoints')
      .set({
        secret_encrypted: encryptWebhookSecret(masterKey, endpointId, secret),
        previous_secret_encrypted: keepPrevious ? row.secret_encrypted : null,
        previous_secret_expires_at: keepPrevious
          ? new Date(origin.now.getTime() + PREVIOUS_SECRET_GRACE_MS).toISOString()
          : null,
        master_key_id: masterKey.id,
        updated_at: now,
      })
      .where('id', '=', endpointId)
      .execute();
    await audit(tx, 'webhook.rotate-secret', row, {}, origin);
    const after = await readWebhookEndpointRow(tx, organisationId, endpointId);
    return { endpoint: presentWebhookEndpoint(after), secret };
  });

const assertActive = (row: WebhookEndpointsTable): void => {
  assertNotDeleted(row);
  if (row.active !== 1) throw new ServerError('ERR_WEBHOOK_DISABLED');
};

/** Queues a `webhook.test` ping to this endpoint only; returns the delivery id. */
export const sendWebhookTest = (
  db: Database,
  organisationId: string,
  endpointId: string,
  origin: CommandOrigin,
): Promise<string> =>
  runInTransaction(db, async (tx) => {
    const row = await readWebhookEndpointRow(tx, organisationId, endpointId);
    assertActive(row);
    const payload: WebhookPayload = {
      id: randomUUID(),
      type: WEBHOOK_TEST_EVENT_TYPE,
      createdAt: origin.now.toISOString(),
      organisationId,
      data: { webhookId: endpointId },
    };
    const deliveryId = await insertWebhookDelivery(tx, endpointId, payload, origin.now);
    await audit(tx, 'webhook.test', row, { deliveryId }, origin);
    return deliveryId;
  });

/**
 * Sends a logged delivery again, as a new delivery of the same event (same body and
 * `webhook-id`, so a receiver that already has it can tell); returns the new delivery's id.
 */
export const redeliverWebhookDelivery = (
  db: Database,
  organisationId: string,
  endpointId: string,
  deliveryId: string,
  origin: CommandOrigin,
): Promise<string> =>
  runInTransaction(db, async (tx) => {
    const row = await readWebhookEndpointRow(tx, organisationId, endpointId);
    assertActive(row);
    const delivery = await tx.kysely
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .where('endpoint_id', '=', endpointId)
      .executeTakeFirst();
    if (delivery === undefined) throw new ServerError('ERR_WEBHOOK_DELIVERY_NOT_FOUND');
    const payload = JSON.parse(delivery.payload) as WebhookPayload;
    const newId = await insertWebhookDelivery(
      tx,
      endpointId,
      payload,
      origin.now,
      delivery.payload,
    );
    await audit(tx, 'webhook.redeliver', row, { deliveryId, newDeliveryId: newId }, origin);
    return newId;
  });
