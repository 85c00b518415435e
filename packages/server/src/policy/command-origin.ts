/**
 * Who performs a command, from where and when: the actor the policy authorised, the request (the
 * audit log keeps its address and id; absent for the CLI) and the clock's current time.
 */
import type { FastifyRequest } from 'fastify';
import type { AuditEvent } from '../audit/record-audit-event.js';
import type { Actor } from '../auth/actor.js';

export interface CommandOrigin {
  readonly actor: Actor;
  readonly request?: Pick<FastifyRequest, 'ip' | 'id'>;
  readonly now: Date;
}

/** The origin of a route's command. */
export const originOf = (request: FastifyRequest, clock: () => Date): CommandOrigin => ({
  actor: request.actor,
  request,
  now: clock(),
});

/** The actor and request of an audit event recorded by a command. */
export const auditedBy = (origin: CommandOrigin): Pick<AuditEvent, 'actor' | 'request'> =>
  origin.request === undefined
    ? { actor: origin.actor }
    : { actor: origin.actor, request: origin.request };
