/**
 * The policy in one call for a route: loads what the policy needs about the request's actor
 * (their memberships) and authorises the action, throwing the policy's `ServerError` when the
 * answer is no.
 *
 *   await authorizeRequest(db, request.actor, 'audit.read', { organisationId });
 */
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';
import { authorize, type PolicyAction, type PolicyResources } from './authorize.js';
import { loadPolicyActor, type PolicyActor } from './policy-actor.js';

export const authorizeRequest = async <A extends PolicyAction>(
  db: Database,
  actor: Actor,
  action: A,
  resource: PolicyResources[A],
): Promise<PolicyActor> => {
  const policyActor = await loadPolicyActor(db, actor);
  authorize(policyActor, action, resource);
  return policyActor;
};
