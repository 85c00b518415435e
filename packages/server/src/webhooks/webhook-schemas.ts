/** The shapes of webhook endpoints and deliveries on the wire. */
import { Type, type Static } from '@sinclair/typebox';
import { WEBHOOK_EVENT_TYPES } from './webhook-events.js';

const EventType = Type.Union(
  WEBHOOK_EVENT_TYPES.map((type) => Type.Literal(type)),
  { description: WEBHOOK_EVENT_TYPES.join(' | ') },
);

const EventList = Type.Array(EventType, {
  minItems: 1,
  maxItems: WEBHOOK_EVENT_TYPES.length,
  uniqueItems: true,
  description: 'The event types sent to this endpoint.',
});

const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description:
    'Where events are POSTed: an https URL. Loopback and private addresses (and http to them) only when the server allows private webhook targets.',
});

const Description = Type.String({
  maxLength: 500,
  description: 'What the endpoint is for (free text).',
});

export const WebhookEndpointSchema = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    url: Type.String(),
    description: Type.String(),
    events: Type.Array(Type.String()),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('deleted')]),
    disabledReason: Type.Union([
      Type.Literal('manual'),
      Type.Literal('gone'),
      Type.Literal('deleted'),
      Type.Null(),
    ]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, title: 'WebhookEndpoint' },
);

export const WebhookEndpointList = Type.Object(
  { webhooks: Type.Array(WebhookEndpointSchema) },
  { additionalProperties: false, title: 'WebhookEndpointList' },
);

export const WebhookEndpointWithSecretSchema = Type.Object(
  {
    webhook: WebhookEndpointSchema,
    secret: Type.String({
      description:
        'The signing secret (whsec_ + base64), shown only now: the HMAC key is its base64 part, decoded (Standard Webhooks).',
    }),
  },
  { additionalProperties: false, title: 'WebhookEndpointWithSecret' },
);

export const CreateWebhookBody = Type.Object(
  { url: Url, description: Type.Optional(Description), events: EventList },
  { additionalProperties: false, title: 'CreateWebhookBody' },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    description: Type.Optional(Description),
    events: Type.Optional(EventList),
    active: Type.Optional(
      Type.Boolean({ description: 'false disables the endpoint; true enables it again.' }),
    ),
  },
  { additionalProperties: false, minProperties: 1, title: 'UpdateWebhookBody' },
);

export const WebhookParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    webhookId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

export const WebhookDeliveryParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    webhookId: Type.String({ format: 'uuid' }),
    deliveryId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);

const DeliveryState = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('failed'),
]);

export const WebhookDeliverySchema = Type.Object(
  {
    id: Type.String(),
    webhookId: Type.String(),
    eventId: Type.String({ description: 'Also the webhook-id header.' }),
    eventType: Type.String(),
    payload: Type.Unknown({ description: 'The JSON body sent.' }),
    state: DeliveryState,
    attempts: Type.Integer(),
    nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    lastAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'WebhookDelivery' },
);

export const WebhookDeliveryPage = Type.Object(
  {
    deliveries: Type.Array(WebhookDeliverySchema),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next (older) page; null on the last page.',
    }),
  },
  { additionalProperties: false, title: 'WebhookDeliveryPage' },
);

export const WebhookDeliveryQuery = Type.Object(
  {
    state: Type.Optional(DeliveryState),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
