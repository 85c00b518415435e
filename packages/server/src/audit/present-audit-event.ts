/**
 * The public shape of an audit event (JSON and, flattened, CSV): who acted (a user, an API key, or
 * nobody signed in), in which organisation, on what, with the details parsed back into an object.
 * Names and e-mail addresses are passed through exactly as stored.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { AuditEventRecord, ListAuditEventsResult } from './list-audit-events.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const AuditActor = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('user'),
        userId: Type.String(),
        email: Nullable(Type.String({ description: 'Null when the account no longer exists.' })),
        displayName: Nullable(Type.String()),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('api-key'),
        apiKeyId: Type.String(),
        keyPrefix: Nullable(Type.String({ description: 'The first characters of the key.' })),
        name: Nullable(Type.String()),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('anonymous') },
      { additionalProperties: false, description: 'Nobody signed in (e.g. a failed sign-in).' },
    ),
  ],
  { title: 'AuditActor' },
);

export const AuditEvent = Type.Object(
  {
    id: Type.String(),
    occurredAt: Type.String({ format: 'date-time', description: 'UTC.' }),
    action: Type.String({ description: '`<area>.<verb>`, e.g. `account.sign-in`.' }),
    actor: AuditActor,
    organisationId: Nullable(Type.String()),
    target: Type.Union([
      Type.Object(
        { type: Nullable(Type.String()), id: Nullable(Type.String()) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    details: Type.Record(Type.String(), Type.Unknown()),
    ip: Nullable(Type.String()),
    requestId: Nullable(Type.String()),
  },
  { additionalProperties: false, title: 'AuditEvent' },
);
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditEventPage = Type.Object(
  {
    events: Type.Array(AuditEvent),
    nextCursor: Nullable(
      Type.String({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    ),
  },
  { additionalProperties: false, title: 'AuditEventPage' },
);
export type AuditEventPage = Static<typeof AuditEventPage>;

const presentActor = (record: AuditEventRecord): AuditEvent['actor'] => {
  if (record.actorUserId !== null) {
    return {
      type: 'user',
      userId: record.actorUserId,
      email: record.actorEmail,
      displayName: record.actorDisplayName,
    };
  }
  if (record.actorApiKeyId !== null) {
    return {
      type: 'api-key',
      apiKeyId: record.actorApiKeyId,
      keyPrefix: record.actorKeyPrefix,
      name: record.actorKeyName,
    };
  }
  return { type: 'anonymous' };
};

/** The stored details; a value that is not a JSON object (never written by the recorder) is wrapped. */
const parseDetails = (text: string): Record<string, unknown> => {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { unparsed: text };
  }
};

export const presentAuditEvent = (record: AuditEventRecord): AuditEvent => ({
  id: record.id,
  occurredAt: record.occurredAt,
  action: record.action,
  actor: presentActor(record),
  organisationId: record.organisationId,
  target:
    record.targetType === null && record.targetId === null
      ? null
      : { type: record.targetType, id: record.targetId },
  details: parseDetails(record.details),
  ip: record.ip,
  requestId: record.requestId,
});

export const presentAuditEventPage = (result: ListAuditEventsResult): AuditEventPage => ({
  events: result.events.map(presentAuditEvent),
  nextCursor: result.nextCursor,
});
