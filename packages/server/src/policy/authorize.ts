/**
 * The policy: who may do what. Every route of the platform asks it before it acts:
 *
 *   authorize(await loadPolicyActor(db, request.actor), 'member.manage', { organisationId });
 *
 * (or, in one call, `authorizeRequest(db, request.actor, …)`). `authorize` is pure: it decides
 * from the actor, their memberships and the resource named, and throws a `ServerError` when the
 * answer is no. The rules, in short:
 *
 * - Anonymous callers get `ERR_HTTP_UNAUTHENTICATED` for everything but public reads.
 * - Inside an organisation, only a membership of that organisation counts: a role in
 *   organisation A gives nothing in organisation B. `viewer` reads; `issuer` also issues, revokes
 *   and writes achievements, for its own departments only; `org_admin` does everything in its
 *   organisation (settings, departments, members, API keys, audit log).
 * - When the organisation sets `require_2fa`, every staff action there needs a session that
 *   passed a second factor (`ERR_POLICY_SECOND_FACTOR_REQUIRED`).
 * - An API key acts only in its own organisation and only for an action its scopes cover
 *   (`ERR_POLICY_SCOPE_MISSING` names the scope); settings, members, departments, keys and the
 *   audit log are never reachable with a key.
 * - The platform operator reviews applications (`org.approve`), reads every organisation and its
 *   departments, and reads every audit log; it gets no staff powers inside an organisation.
 * - An action that is not in the table is denied.
 */
import { ServerError } from '../http/server-error.js';
import type { MembershipRole } from '../db/tables.js';
import type { ApiKeyScope } from './api-key-scopes.js';
import type { PolicyActor, PolicyMembership } from './policy-actor.js';

/** An action that concerns the platform as a whole, not one organisation. */
export interface PlatformResource {
  readonly organisationId?: never;
}

export interface OrganisationResource {
  readonly organisationId: string;
}

/**
 * `departmentId` must be a department of `organisationId` (the caller has checked it); `null`
 * for something that belongs to the whole organisation (an organisation-wide achievement), which
 * only org admins and API keys may act on: an issuer acts for its own departments.
 */
export interface DepartmentResource {
  readonly organisationId: string;
  readonly departmentId: string | null;
}

export interface ApplicationResource {
  readonly organisationId: string;
  /** Who applied (null when the account is gone, or for organisations made with the CLI). */
  readonly applicantUserId: string | null;
}

/** Without `organisationId`: the whole platform's log (operators only). */
export interface AuditResource {
  readonly organisationId?: string | undefined;
}

/** Every action and the resource it is asked about. */
export interface PolicyResources {
  /** The public list of approved organisations. */
  'org.list-public': PlatformResource;
  /** Apply for an organisation (member vetting). */
  'org.apply': PlatformResource;
  /** List the organisations one is a member of. */
  'org.list-own': PlatformResource;
  /** Review applications: list, approve, reject. */
  'org.approve': PlatformResource;
  /** Read one application (its applicant or an operator). */
  'org.application.read': ApplicationResource;
  'org.read': OrganisationResource;
  /** Change the organisation's settings (`require_2fa`, contact e-mail). */
  'org.update': OrganisationResource;
  'department.read': OrganisationResource;
  'department.manage': OrganisationResource;
  /** List, add, change the role of, and remove members. */
  'member.manage': OrganisationResource;
  'api-key.manage': OrganisationResource;
  'audit.read': AuditResource;
  'badge.read': OrganisationResource;
  'badge.issue': DepartmentResource;
  'badge.revoke': DepartmentResource;
  'achievement.read': OrganisationResource;
  'achievement.write': DepartmentResource;
  /** Read the organisation's issuer profiles and their public keys. */
  'issuer.read': OrganisationResource;
  /** Create, change and archive issuer profiles; rotate their keys. */
  'issuer.manage': OrganisationResource;
  /** Read a published status list credential (anyone: verifiers). */
  'status-list.read': PlatformResource;
  /** Register, change and remove webhook endpoints; read their delivery log. */
  'webhook.manage': OrganisationResource;
}

export type PolicyAction = keyof PolicyResources;

type Rule =
  | { readonly kind: 'public' }
  | { readonly kind: 'any-user' }
  | { readonly kind: 'operator' }
  | { readonly kind: 'applicant' }
  | {
      readonly kind: 'organisation' | 'department';
      readonly roles: readonly MembershipRole[];
      /** The scope an API key needs; none: keys may not. */
      readonly scope?: ApiKeyScope;
      /** Operators may, in any organisation. */
      readonly operator?: boolean;
    };

const EVERY_ROLE: readonly MembershipRole[] = ['org_admin', 'issuer', 'viewer'];
const ADMIN: readonly MembershipRole[] = ['org_admin'];
const STAFF: readonly MembershipRole[] = ['org_admin', 'issuer'];

const RULES: Readonly<Record<PolicyAction, Rule>> = {
  'org.list-public': { kind: 'public' },
  'org.apply': { kind: 'any-user' },
  'org.list-own': { kind: 'any-user' },
  'org.approve': { kind: 'operator' },
  'org.application.read': { kind: 'applicant' },
  'org.read': { kind: 'organisation', roles: EVERY_ROLE, scope: 'org:read', operator: true },
  'org.update': { kind: 'organisation', roles: ADMIN },
  'department.read': {
    kind: 'organisation',
    roles: EVERY_ROLE,
    scope: 'org:read',
    operator: true,
  },
  'department.manage': { kind: 'organisation', roles: ADMIN },
  'member.manage': { kind: 'organisation', roles: ADMIN },
  'api-key.manage': { kind: 'organisation', roles: ADMIN },
  'audit.read': { kind: 'organisation', roles: ADMIN, operator: true },
  'badge.read': { kind: 'organisation', roles: EVERY_ROLE, scope: 'badges:read' },
  'badge.issue': { kind: 'department', roles: STAFF, scope: 'badges:issue' },
  'badge.revoke': { kind: 'department', roles: STAFF, scope: 'badges:revoke' },
  'achievement.read': { kind: 'organisation', roles: EVERY_ROLE, scope: 'achievements:read' },
  'achievement.write': { kind: 'department', roles: STAFF, scope: 'achievements:write' },
  'issuer.read': { kind: 'organisation', roles: EVERY_ROLE, scope: 'org:read', operator: true },
  'issuer.manage': { kind: 'organisation', roles: ADMIN },
  'status-list.read': { kind: 'public' },
  'webhook.manage': { kind: 'organisation', roles: ADMIN, scope: 'webhooks:manage' },
};

/** Every action the policy knows, in table order. */
export const POLICY_ACTIONS = Object.keys(RULES) as readonly PolicyAction[];

export type PolicyDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly error: ServerError };

const ALLOW: PolicyDecision = { allowed: true };
const deny = (error: ServerError): PolicyDecision => ({ allowed: false, error });
const forbidden = (): PolicyDecision => deny(new ServerError('ERR_HTTP_FORBIDDEN'));

const readString = (resource: object, name: string): string | undefined => {
  const value: unknown = (resource as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Whether the membership's role covers the rule (an issuer only in its own departments). */
const membershipGrants = (
  membership: PolicyMembership,
  rule: { kind: 'organisation' | 'department'; roles: readonly MembershipRole[] },
  departmentId: string | undefined,
): boolean => {
  if (!rule.roles.includes(membership.role)) return false;
  if (rule.kind === 'organisation' || membership.role !== 'issuer') return true;
  return departmentId !== undefined && membership.departmentIds.includes(departmentId);
};

/** The policy's answer, without throwing. */
export const decide = <A extends PolicyAction>(
  actor: PolicyActor,
  action: A,
  resource: PolicyResources[A],
): PolicyDecision => {
  const rule: Rule | undefined = Object.hasOwn(RULES, action) ? RULES[action] : undefined;
  if (rule === undefined) return forbidden();
  if (rule.kind === 'public') return ALLOW;
  if (actor.kind === 'anonymous') return deny(new ServerError('ERR_HTTP_UNAUTHENTICATED'));
  const organisationId = readString(resource, 'organisationId');

  switch (rule.kind) {
    case 'any-user':
      return actor.kind === 'user' ? ALLOW : forbidden();
    case 'operator':
      return actor.kind === 'user' && actor.isOperator ? ALLOW : forbidden();
    case 'applicant': {
      if (actor.kind !== 'user') return forbidden();
      const applicant = readString(resource, 'applicantUserId');
      return actor.isOperator || (applicant !== undefined && applicant === actor.userId)
        ? ALLOW
        : forbidden();
    }
  }

  // An organisation's (or department's) action. Without an organisation only the platform-wide
  // audit log is meaningful, and only to operators.
  if (organisationId === undefined) {
    const platformWide = action === 'audit.read' && actor.kind === 'user' && actor.isOperator;
    return platformWide ? ALLOW : forbidden();
  }
  const departmentId = readString(resource, 'departmentId');
  if (rule.kind === 'department' && departmentId === undefined && !('departmentId' in resource)) {
    return forbidden();
  }

  if (actor.kind === 'api-key') {
    if (actor.organisationId !== organisationId || rule.scope === undefined) return forbidden();
    if (!actor.scopes.includes(rule.scope)) {
      return deny(new ServerError('ERR_POLICY_SCOPE_MISSING', { params: { scope: rule.scope } }));
    }
    return ALLOW;
  }

  if (rule.operator === true && actor.isOperator) return ALLOW;
  const membership = actor.memberships.find((m) => m.organisationId === organisationId);
  if (membership === undefined || !membershipGrants(membership, rule, departmentId)) {
    return forbidden();
  }
  if (membership.require2fa && !actor.secondFactor) {
    return deny(new ServerError('ERR_POLICY_SECOND_FACTOR_REQUIRED'));
  }
  return ALLOW;
};

/** Throws the policy's `ServerError` unless `actor` may do `action` on `resource`. */
export const authorize = <A extends PolicyAction>(
  actor: PolicyActor,
  action: A,
  resource: PolicyResources[A],
): void => {
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw decision.error;
};
