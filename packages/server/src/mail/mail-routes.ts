/**
 * `POST /api/v1/mail/test`: an operator sends a test message to their own address, to check the
 * SMTP settings. Sent at once (not queued): a failure is 503 ERR_MAIL_UNAVAILABLE, its cause in
 * the server log.
 */
import { Type } from '@sinclair/typebox';
import { requireOperator } from '../accounts/account-policy.js';
import type { RoutePlugin } from '../http/app-context.js';
import { testMail } from './account-mail-templates.js';
import { toMailLocale } from './mail-locale.js';
import { mailerFor } from './mailer.js';
import { renderMail } from './render-mail.js';

const MailTestResult = Type.Object(
  {
    via: Type.Union([Type.Literal('smtp'), Type.Literal('outbox')], {
      description: 'smtp: handed to SMTP_URL; outbox: written to the outbox folder (no SMTP_URL).',
    }),
    to: Type.String(),
  },
  { additionalProperties: false, title: 'MailTestResult' },
);

export const registerMailRoutes: RoutePlugin = (app, { db, config, clock }) => {
  app.post(
    '/mail/test',
    {
      schema: {
        summary: 'Send a test e-mail to yourself (operators)',
        tags: ['mail'],
        operationId: 'sendTestMail',
        response: { 200: MailTestResult },
      },
    },
    async (request) => {
      const actor = requireOperator(request.actor);
      const user = await db.kysely
        .selectFrom('users')
        .select(['email', 'display_name', 'locale'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      const locale = toMailLocale(user.locale);
      const rendered = renderMail(
        testMail(locale, { displayName: user.display_name }),
        locale,
        config.publicUrl,
      );
      const delivery = await mailerFor(config, clock).send(
        { to: user.email, ...rendered },
        request.log,
      );
      return { via: delivery.via, to: user.email };
    },
  );
};
