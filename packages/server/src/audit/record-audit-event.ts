/**
 * Appends one event to the audit log. The log is append-only: nothing in the platform updates
 * or deletes its rows. Every sign-in, 2FA change, role change, key or API-key change, approval,
 * issuance and revocation goes through here.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';

export interface AuditEvent {
  /** `<area>.<verb>`, e.g. `account.sign-in`, `org.approve`, `api-key.create`. */
  readonly action: string;
  readonly actor: Actor;
  readonly organisationId?: string | null;
  readonly targetType?: string;
  readonly targetId?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  /** Gives the client address and request id. */
  readonly request?: Pick<FastifyRequest, 'ip' | 'id'>;
}

export const recordAuditEvent = async (
  db: Database,
  event: AuditEvent,
  now: Date = new Date(),
): Promise<string> => {
  const id = randomUUID();
  await db.kysely
    .insertInto('audit_events')
    .values({
      id,
      occurred_at: now.toISOString(),
      action: event.action,
      actor_user_id: event.actor.kind === 'user' ? event.actor.userId : null,
      actor_api_key_id: event.actor.kind === 'api-key' ? event.actor.apiKeyId : null,
      organisation_id:
        event.organisationId ??
        (event.actor.kind === 'api-key' ? event.actor.organisationId : null),
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      details: JSON.stringify(event.details ?? {}),
      ip: event.request?.ip ?? null,
      request_id: event.request?.id ?? null,
    })
    .execute();
  return id;
};
