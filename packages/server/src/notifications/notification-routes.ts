/**
 * Notification e-mails to badge recipients, under /api/v1, and the sender that delivers them:
 *
 *   GET  /organisations/:organisationId/notifications                          the sending log
 *                                                                              (`badge.read`)
 *   POST /organisations/:organisationId/notifications/:notificationId/resend   queue it again
 *                                                                              (`badge.issue`)
 *
 * The plugin also runs the app's notification sender (`notification-sender.ts`): started when
 * the app is ready, stopped (the message in flight finished) when it closes. The mailer is the
 * app's (`mailerFor`): SMTP_URL, or the outbox folder without it.
 */
import type { RoutePlugin } from '../http/app-context.js';
import { ErrorEnvelope } from '../http/error-envelope.js';
import { mailerFor } from '../mail/mailer.js';
import { OrganisationIdParams } from '../organisations/organisation-schemas.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { listNotifications, presentNotification, readNotification } from './list-notifications.js';
import {
  createNotificationSender,
  type NotificationSender,
  type NotificationSenderOptions,
} from './notification-sender.js';
import {
  Notification,
  NotificationPage,
  NotificationIdParams,
  NotificationQuery,
} from './notification-schemas.js';
import { resendNotification } from './resend-notification.js';

export type NotificationSenderSettings = Omit<
  NotificationSenderOptions,
  'db' | 'mailer' | 'publicUrl' | 'log' | 'clock'
>;

export interface NotificationRoutesOptions {
  /** Rate, batch size, poll interval… (defaults: `notification-sender.ts`). */
  readonly sender?: NotificationSenderSettings;
  /** Called with the sender once made (tests drive it with `runOnce`). */
  readonly onSender?: (sender: NotificationSender) => void;
}

const TAGS = ['notifications'];
const PATH = '/organisations/:organisationId/notifications';
const ERRORS = { 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope } as const;

export const createNotificationRoutes =
  (options: NotificationRoutesOptions = {}): RoutePlugin =>
  (app, { db, config, clock }) => {
    const sender = createNotificationSender({
      ...options.sender,
      db,
      mailer: mailerFor(config, clock),
      publicUrl: config.publicUrl,
      log: app.log.child({ component: 'notification-sender' }),
      clock,
    });
    options.onSender?.(sender);
    app.addHook('onReady', async () => {
      sender.start();
      return Promise.resolve();
    });
    app.addHook('onClose', async () => {
      await sender.stop();
    });

    app.get(
      PATH,
      {
        schema: {
          summary: 'List the notification e-mails sent to badge recipients (the sending log)',
          description:
            'Newest first; filter by `state` and `awardId`; page with `offset` (the previous `nextOffset`).',
          tags: TAGS,
          operationId: 'listNotifications',
          params: OrganisationIdParams,
          querystring: NotificationQuery,
          response: { 200: NotificationPage, ...ERRORS },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        await authorizeRequest(db, request.actor, 'badge.read', { organisationId });
        await readOrganisation(db, organisationId);
        return listNotifications(db, organisationId, request.query);
      },
    );

    app.post(
      `${PATH}/:notificationId/resend`,
      {
        schema: {
          summary: 'Send a notification e-mail again (audited)',
          description:
            "Queues a copy of the notification, linked to it by `resentFromId`. Needs `badge.issue` in the award's department (an organisation-wide award: org admins). 409 while it is still pending.",
          tags: TAGS,
          operationId: 'resendNotification',
          params: NotificationIdParams,
          response: { 202: Notification, ...ERRORS, 409: ErrorEnvelope },
        },
      },
      async (request, reply) => {
        const { organisationId, notificationId } = request.params;
        await authorizeRequest(db, request.actor, 'badge.read', { organisationId });
        const original = await readNotification(db, organisationId, notificationId);
        // Organisation-wide awards (no department): org admins and API keys only.
        await authorizeRequest(db, request.actor, 'badge.issue', {
          organisationId,
          departmentId: original.department_id,
        });
        const row = await resendNotification(db, original, originOf(request, clock));
        return reply.code(202).send(presentNotification(row));
      },
    );
  };

export const registerNotificationRoutes: RoutePlugin = createNotificationRoutes();
