/**
 * Records the webhook events of awards in the caller's transaction (outbox pattern: the event is
 * stored with the change it reports, or not at all).
 */
import { enqueueWebhookEvent, type WebhookDb, type WebhookEventInput } from '../webhooks/webhook-events.js';

export const enqueueWebhookEvents = async (
  db: WebhookDb,
  events: readonly WebhookEventInput[],
): Promise<void> => {
  for (const event of events) await enqueueWebhookEvent(db, event);
};
