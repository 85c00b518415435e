/** The shapes of notifications on the wire: the sending log staff read, and its query. */
import { Type, type Static } from '@sinclair/typebox';

const NotificationStateSchema = Type.Union(
  [Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')],
  {
    description:
      'pending: queued or being retried; sent: handed to the mail server; failed: given up.',
  },
);

const LocalizedNameSchema = Type.Object(
  { ja: Type.String(), en: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const Notification = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    departmentId: Type.Union([Type.String(), Type.Null()]),
    awardId: Type.Union([Type.String(), Type.Null()]),
    kind: Type.String({ description: 'award-issued | award-reissued | award-revoked' }),
    recipientEmail: Type.String(),
    recipientName: Type.Union([Type.String(), Type.Null()], {
      description: 'Exactly as stored on the award (never normalised).',
    }),
    locale: Type.Union([Type.Literal('ja'), Type.Literal('en')]),
    badgeName: Type.Union([LocalizedNameSchema, Type.Null()]),
    state: NotificationStateSchema,
    attempts: Type.Integer({ minimum: 0 }),
    nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When a pending notification is next tried; null once sent or failed.',
    }),
    lastError: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the last attempt failed, as the mail server said.',
    }),
    sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    resentFromId: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'Notification' },
);
export type Notification = Static<typeof Notification>;

export const NotificationPage = Type.Object(
  {
    notifications: Type.Array(Notification),
    nextOffset: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description: 'The `offset` of the next page; null on the last page.',
    }),
  },
  { additionalProperties: false, title: 'NotificationPage' },
);
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationQuery = Type.Object(
  {
    state: Type.Optional(NotificationStateSchema),
    awardId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

export const NotificationIdParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    notificationId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);
