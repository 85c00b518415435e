/**
 * The actor as the policy sees it: the request's `Actor` plus, for a signed-in user, every
 * membership they hold (role, departments, and whether the organisation requires two-factor
 * authentication). `loadPolicyActor` reads these in one query; `authorize` then decides without
 * touching the database.
 */
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/open-database.js';
import type { MembershipRole } from '../db/tables.js';

export interface PolicyMembership {
  readonly organisationId: string;
  readonly role: MembershipRole;
  /** The departments an `issuer` may act for (empty for the other roles). */
  readonly departmentIds: readonly string[];
  /** The organisation requires a second factor for every staff action. */
  readonly require2fa: boolean;
}

export type PolicyActor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly isOperator: boolean;
      readonly secondFactor: boolean;
      readonly memberships: readonly PolicyMembership[];
    }
  | {
      readonly kind: 'api-key';
      readonly apiKeyId: string;
      readonly organisationId: string;
      readonly scopes: readonly string[];
    };

/** The memberships of `userId`, with their departments and their organisation's 2FA setting. */
export const loadMemberships = async (
  db: Database,
  userId: string,
): Promise<PolicyMembership[]> => {
  const rows = await db.kysely
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .leftJoin('membership_departments', 'membership_departments.membership_id', 'memberships.id')
    .select([
      'memberships.id as membershipId',
      'memberships.organisation_id as organisationId',
      'memberships.role as role',
      'organisations.require_2fa as require2fa',
      'membership_departments.department_id as departmentId',
    ])
    .where('memberships.user_id', '=', userId)
    .execute();
  const byId = new Map<string, PolicyMembership & { departmentIds: string[] }>();
  for (const row of rows) {
    let membership = byId.get(row.membershipId);
    if (membership === undefined) {
      membership = {
        organisationId: row.organisationId,
        role: row.role,
        departmentIds: [],
        require2fa: row.require2fa === 1,
      };
      byId.set(row.membershipId, membership);
    }
    if (row.departmentId !== null) membership.departmentIds.push(row.departmentId);
  }
  return [...byId.values()];
};

export const loadPolicyActor = async (db: Database, actor: Actor): Promise<PolicyActor> => {
  switch (actor.kind) {
    case 'anonymous':
      return actor;
    case 'api-key':
      return {
        kind: 'api-key',
        apiKeyId: actor.apiKeyId,
        organisationId: actor.organisationId,
        scopes: actor.scopes,
      };
    case 'user':
      return {
        kind: 'user',
        userId: actor.userId,
        isOperator: actor.isOperator,
        secondFactor: actor.secondFactor,
        memberships: await loadMemberships(db, actor.userId),
      };
  }
};
