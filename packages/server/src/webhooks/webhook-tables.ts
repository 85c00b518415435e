/**
 * The tables of this domain as Kysely sees them (conventions in `db/tables.ts`), created by
 * migration `0011-webhooks`: the endpoints an organisation registers and the delivery log (also
 * the outbox the dispatcher works from).
 */

/** `failed`: the dispatcher gave up (attempts exhausted, 410 Gone, or the endpoint disabled). */
export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/** Why an endpoint no longer receives events: turned off, answered 410 Gone, or deleted. */
export type WebhookDisabledReason = 'manual' | 'gone' | 'deleted';

export interface WebhookEndpointsTable {
  id: string;
  organisation_id: string;
  url: string;
  /** '' when none. */
  description: string;
  /** JSON array of subscribed event types. */
  events: string;
  /** The signing secret (`whsec_…`), AES-256-GCM under the master key (`webhook-secret.ts`). */
  secret_encrypted: string;
  /** The secret before the last rotation, still signing until `previous_secret_expires_at`. */
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: string | null;
  /** The master key both ciphertexts were made under. */
  master_key_id: string;
  /** 1: receives events; 0: disabled (see `disabled_reason`). */
  active: number;
  disabled_reason: WebhookDisabledReason | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  organisation_id: string;
  /** The event's id: the `webhook-id` header, the same for every endpoint and every attempt. */
  event_id: string;
  event_type: string;
  /** The JSON body sent, exactly as signed. */
  payload: string;
  state: WebhookDeliveryState;
  attempts: number;
  /** When the next attempt is due (also the lease of a claimed delivery); null once settled. */
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
