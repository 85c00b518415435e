/**
 * Recording webhook events: the outbox half of webhooks. A command that changes something an
 * organisation subscribes to (an award issued, revoked…) calls `enqueueWebhookEvent` with its own
 * transaction, so the delivery rows are committed together with the change or not at all; the
 * dispatcher (`webhook-dispatcher.ts`) sends them afterwards.
 *
 *   await runInTransaction(db, async (tx) => {
 *     … change the award …
 *     await enqueueWebhookEvent(tx, { organisationId, type: 'award.revoked', data: { awardId } });
 *   });
 *
 * One delivery row is written per active endpoint of the organisation subscribed to the type; the
 * body (`{ id, type, createdAt, organisationId, data }`) is fixed at that moment, so what is sent
 * is what happened, however late it is sent.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/open-database.js';
import type { Tables } from '../db/tables.js';
import type { WebhookEndpointsTable } from './webhook-tables.js';

/** Every event type an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'award.issued',
  'award.revoked',
  'award.suspended',
  'award.reinstated',
  'award.reissued',
  'bulk-job.completed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The ping sent by `POST …/webhooks/:id/test`, to that endpoint only, subscribed or not. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';

export interface WebhookEventInput {
  readonly organisationId: string;
  readonly type: WebhookEventType;
  /** The event's own fields (ids, states, URLs); no secrets, kept small. */
  readonly data: Readonly<Record<string, unknown>>;
  /** When it happened (default: now); also when the first attempt is due. */
  readonly occurredAt?: Date;
}

/** The JSON body of every delivery. */
export interface WebhookPayload {
  /** The event id; also the `webhook-id` header. */
  readonly id: string;
  readonly type: string;
  readonly createdAt: string;
  readonly organisationId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface EnqueuedWebhookEvent {
  readonly eventId: string;
  /** One per endpoint it goes to; empty when no endpoint subscribes to the type. */
  readonly deliveryIds: readonly string[];
}

/** A `Database`, a transaction's `Database` (`runInTransaction`), or a bare Kysely transaction. */
export type WebhookDb = Database | Kysely<Tables>;

export const kyselyOf = (db: WebhookDb): Kysely<Tables> => ('kysely' in db ? db.kysely : db);

/** The subscribed event types of an endpoint row. */
export const readEndpointEvents = (row: Pick<WebhookEndpointsTable, 'events'>): string[] => {
  const value: unknown = JSON.parse(row.events);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** Writes one pending delivery of `payload` (sent as `body`) to `endpointId`, due at `dueAt`. */
export const insertWebhookDelivery = async (
  db: WebhookDb,
  endpointId: string,
  payload: WebhookPayload,
  dueAt: Date,
  body: string = JSON.stringify(payload),
): Promise<string> => {
  const id = randomUUID();
  await kyselyOf(db)
    .insertInto('webhook_deliveries')
    .values({
      id,
      endpoint_id: endpointId,
      organisation_id: payload.organisationId,
      event_id: payload.id,
      event_type: payload.type,
      payload: body,
      state: 'pending',
      attempts: 0,
      next_attempt_at: dueAt.toISOString(),
      last_status_code: null,
      last_error: null,
      last_attempt_at: null,
      delivered_at: null,
      created_at: dueAt.toISOString(),
    })
    .execute();
  return id;
};

/**
 * Records an event for every active endpoint of the organisation subscribed to its type. Pass
 * the caller's transaction so the event is stored atomically with the change it reports.
 */
export const enqueueWebhookEvent = async (
  db: WebhookDb,
  event: WebhookEventInput,
): Promise<EnqueuedWebhookEvent> => {
  if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type)) {
    throw new TypeError(`enqueueWebhookEvent: unknown event type ${event.type}`);
  }
  const occurredAt = event.occurredAt ?? new Date();
  const endpoints = await kyselyOf(db)
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('organisation_id', '=', event.organisationId)
    .where('active', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const subscribed = endpoints.filter((row) => readEndpointEvents(row).includes(event.type));
  const eventId = randomUUID();
  if (subscribed.length === 0) return { eventId, deliveryIds: [] };
  const payload: WebhookPayload = {
    id: eventId,
    type: event.type,
    createdAt: occurredAt.toISOString(),
    organisationId: event.organisationId,
    data: event.data,
  };
  const deliveryIds: string[] = [];
  for (const endpoint of subscribed) {
    deliveryIds.push(await insertWebhookDelivery(db, endpoint.id, payload, occurredAt));
  }
  return { eventId, deliveryIds };
};

/**
 * Records many events at once (a bulk award): the organisations' endpoints are read once, not
 * once per event. Same guarantees as `enqueueWebhookEvent`; pass the caller's transaction.
 */
export const enqueueWebhookEvents = async (
  db: WebhookDb,
  events: readonly WebhookEventInput[],
): Promise<void> => {
  if (events.length === 0) return;
  const organisations = [...new Set(events.map((event) => event.organisationId))];
  const endpoints = await kyselyOf(db)
    .selectFrom('webhook_endpoints')
    .select(['id', 'events', 'organisation_id'])
    .where('organisation_id', 'in', organisations)
    .where('active', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (endpoints.length === 0) return;
  for (const event of events) {
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type)) {
      throw new TypeError(`enqueueWebhookEvents: unknown event type ${event.type}`);
    }
    const subscribed = endpoints.filter(
      (row) =>
        row.organisation_id === event.organisationId &&
        readEndpointEvents(row).includes(event.type),
    );
    if (subscribed.length === 0) continue;
    const occurredAt = event.occurredAt ?? new Date();
    const payload: WebhookPayload = {
      id: randomUUID(),
      type: event.type,
      createdAt: occurredAt.toISOString(),
      organisationId: event.organisationId,
      data: event.data,
    };
    for (const endpoint of subscribed) {
      await insertWebhookDelivery(db, endpoint.id, payload, occurredAt);
    }
  }
};
