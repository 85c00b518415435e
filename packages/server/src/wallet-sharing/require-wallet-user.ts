/**
 * Who may use the learner's own sharing routes: a signed-in account, through its session (401
 * when anonymous). API keys act for an organisation, never for a learner: 403
 * ERR_WALLET_API_KEY_NOT_ALLOWED, as on every wallet route.
 */
import type { UserActor } from '../accounts/guard-second-factor.js';
import type { Actor } from '../auth/actor.js';
import { ServerError } from '../http/server-error.js';

export const requireWalletUser = (actor: Actor): UserActor => {
  if (actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if (actor.kind === 'api-key') throw new ServerError('ERR_WALLET_API_KEY_NOT_ALLOWED');
  return actor;
};
