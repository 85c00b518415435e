/**
 * The accounts domain's routes as one module (one line in `http/route-modules.ts`): accounts,
 * sessions and two-factor settings. Rate-limited answers carry Retry-After, and e-mails still
 * being sent when the app closes are waited for.
 */
import { installRetryAfter } from '../auth/rate-limited-error.js';
import type { RoutePlugin } from '../http/app-context.js';
import { mailerFor } from '../mail/mailer.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerTwoFactorRoutes } from './two-factor-routes.js';

export const registerAccounts: RoutePlugin = async (app, context) => {
  installRetryAfter(app);
  app.addHook('onClose', async () => {
    await mailerFor(context.config, context.clock).drain();
  });
  await registerAccountRoutes(app, context);
  await registerSessionRoutes(app, context);
  await registerTwoFactorRoutes(app, context);
};
