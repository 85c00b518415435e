/**
 * Who may use the account routes: the account's own user, through a session. API keys act for an
 * organisation, never for a person, so they cannot read or change an account (403); anonymous
 * callers are asked to sign in (401). The mail test is for operators.
 */
import type { Actor } from '../auth/actor.js';
import { ServerError } from '../http/server-error.js';
import type { UserActor } from './guard-second-factor.js';

export const requireSignedInUser = (actor: Actor): UserActor => {
  if (actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  if (actor.kind === 'api-key') throw new ServerError('ERR_HTTP_FORBIDDEN');
  return actor;
};

export const requireOperator = (actor: Actor): UserActor => {
  const user = requireSignedInUser(actor);
  if (!user.isOperator) throw new ServerError('ERR_HTTP_FORBIDDEN');
  return user;
};
