/**
 * The delivery log of one endpoint, newest first, a page at a time: filtered by state, paged by
 * an opaque cursor (base64url of `[createdAt, id]` of the last row shown), so that no delivery is
 * skipped or repeated even when many share one timestamp.
 */
import type { Database } from '../db/open-database.js';
import { ServerError } from '../http/server-error.js';
import type { WebhookDeliveriesTable, WebhookDeliveryState } from './webhook-tables.js';

export const DEFAULT_DELIVERY_PAGE_SIZE = 50;

/** A delivery as the API shows it. */
export interface WebhookDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly payload: unknown;
  readonly state: WebhookDeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly lastAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
}

export const presentWebhookDelivery = (row: WebhookDeliveriesTable): WebhookDelivery => ({
  id: row.id,
  webhookId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
  payload: JSON.parse(row.payload) as unknown,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  lastAttemptAt: row.last_attempt_at,
  deliveredAt: row.delivered_at,
  createdAt: row.created_at,
});

interface Cursor {
  readonly createdAt: string;
  readonly id: string;
}

const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');

const decodeCursor = (text: string): Cursor => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new ServerError('ERR_WEBHOOK_CURSOR_INVALID', { cause });
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    typeof value[1] !== 'string' ||
    value[1].length === 0 ||
    value[1].length > 200
  ) {
    throw new ServerError('ERR_WEBHOOK_CURSOR_INVALID');
  }
  return { createdAt: value[0], id: value[1] };
};

export interface DeliveryPageRequest {
  readonly state?: WebhookDeliveryState;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface DeliveryPage {
  readonly deliveries: WebhookDelivery[];
  readonly nextCursor: string | null;
}

export const listWebhookDeliveries = async (
  db: Database,
  endpointId: string,
  request: DeliveryPageRequest,
): Promise<DeliveryPage> => {
  const limit = request.limit ?? DEFAULT_DELIVERY_PAGE_SIZE;
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
  let query = db.kysely
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId);
  if (request.state !== undefined) query = query.where('state', '=', request.state);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(presentWebhookDelivery),
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor({ createdAt: last.created_at, id: last.id })
        : null,
  };
};

/** One delivery of the endpoint; `ERR_WEBHOOK_DELIVERY_NOT_FOUND` otherwise. */
export const readWebhookDelivery = async (
  db: Database,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDelivery> => {
  const row = await db.kysely
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', deliveryId)
    .where('endpoint_id', '=', endpointId)
    .executeTakeFirst();
  if (row === undefined) throw new ServerError('ERR_WEBHOOK_DELIVERY_NOT_FOUND');
  return presentWebhookDelivery(row);
};
