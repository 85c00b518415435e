import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isServerError } from '../http/server-error.js';
import { API_KEY_SCOPES } from './api-key-scopes.js';
import {
  authorize,
  decide,
  POLICY_ACTIONS,
  type PolicyAction,
  type PolicyResources,
} from './authorize.js';
import type { PolicyActor, PolicyMembership } from './policy-actor.js';

const ORG_A = 'org-a';
const ORG_B = 'org-b';
const DEPT_1 = 'dept-1';
const DEPT_2 = 'dept-2';

const user = (
  memberships: readonly PolicyMembership[] = [],
  options: { isOperator?: boolean; secondFactor?: boolean } = {},
): PolicyActor => ({
  kind: 'user',
  userId: 'user-1',
  isOperator: options.isOperator ?? false,
  secondFactor: options.secondFactor ?? false,
  memberships,
});

const member = (
  role: PolicyMembership['role'],
  options: { organisationId?: string; departmentIds?: string[]; require2fa?: boolean } = {},
): PolicyMembership => ({
  organisationId: options.organisationId ?? ORG_A,
  role,
  departmentIds: options.departmentIds ?? [],
  require2fa: options.require2fa ?? false,
});

const apiKey = (scopes: readonly string[], organisationId = ORG_A): PolicyActor => ({
  kind: 'api-key',
  apiKeyId: 'key-1',
  organisationId,
  scopes,
});

/** The error code of the decision, or 'allowed'. */
const outcome = <A extends PolicyAction>(
  actor: PolicyActor,
  action: A,
  resource: PolicyResources[A],
): string => {
  const decision = decide(actor, action, resource);
  return decision.allowed ? 'allowed' : decision.error.code;
};

describe('authorize', () => {
  it('lets an issuer issue, revoke and write achievements only in its own departments', () => {
    const issuer = user([member('issuer', { departmentIds: [DEPT_1] })]);
    for (const action of ['badge.issue', 'badge.revoke', 'achievement.write'] as const) {
      assert.equal(
        outcome(issuer, action, { organisationId: ORG_A, departmentId: DEPT_1 }),
        'allowed',
      );
      assert.equal(
        outcome(issuer, action, { organisationId: ORG_A, departmentId: DEPT_2 }),
        'ERR_HTTP_FORBIDDEN',
      );
      // The same department id under another organisation is not its department.
      assert.equal(
        outcome(issuer, action, { organisationId: ORG_B, departmentId: DEPT_1 }),
        'ERR_HTTP_FORBIDDEN',
      );
    }
    assert.equal(outcome(issuer, 'badge.read', { organisationId: ORG_A }), 'allowed');
    assert.equal(outcome(issuer, 'member.manage', { organisationId: ORG_A }), 'ERR_HTTP_FORBIDDEN');
  });

  it('leaves organisation-wide things (no department) to org admins and API keys', () => {
    const issuer = user([member('issuer', { departmentIds: [DEPT_1] })]);
    const admin = user([member('org_admin')]);
    const resource = { organisationId: ORG_A, departmentId: null };
    for (const action of ['badge.issue', 'badge.revoke', 'achievement.write'] as const) {
      assert.equal(outcome(issuer, action, resource), 'ERR_HTTP_FORBIDDEN');
      assert.equal(outcome(admin, action, resource), 'allowed');
    }
  });

  it('lets an org admin do everything in its organisation and nothing in another', () => {
    const admin = user([member('org_admin')]);
    for (const action of POLICY_ACTIONS) {
      if (action === 'org.approve' || action === 'org.application.read') continue;
      const inA = { organisationId: ORG_A, departmentId: DEPT_2, applicantUserId: null };
      const inB = { organisationId: ORG_B, departmentId: DEPT_2, applicantUserId: null };
      assert.equal(outcome(admin, action, inA), 'allowed', action);
      const platform = [
        'org.list-public',
        'org.apply',
        'org.list-own',
        'status-list.read',
      ].includes(action);
      assert.equal(
        outcome(admin, action, inB),
        platform ? 'allowed' : 'ERR_HTTP_FORBIDDEN',
        action,
      );
    }
    assert.equal(outcome(admin, 'org.approve', {}), 'ERR_HTTP_FORBIDDEN');
  });

  it('lets a viewer read and nothing more', () => {
    const viewer = user([member('viewer')]);
    const allowed = POLICY_ACTIONS.filter(
      (action) =>
        outcome(viewer, action, {
          organisationId: ORG_A,
          departmentId: DEPT_1,
          applicantUserId: 'x',
        }) === 'allowed',
    );
    assert.deepEqual(allowed, [
      'org.list-public',
      'org.apply',
      'org.list-own',
      'org.read',
      'department.read',
      'badge.read',
      'achievement.read',
      'issuer.read',
      'status-list.read',
    ]);
  });

  it('requires a second factor for staff actions in an organisation that sets require_2fa', () => {
    const without = user([member('org_admin', { require2fa: true })]);
    const withIt = user([member('org_admin', { require2fa: true })], { secondFactor: true });
    assert.equal(
      outcome(without, 'org.read', { organisationId: ORG_A }),
      'ERR_POLICY_SECOND_FACTOR_REQUIRED',
    );
    assert.equal(
      outcome(without, 'badge.issue', { organisationId: ORG_A, departmentId: DEPT_1 }),
      'ERR_POLICY_SECOND_FACTOR_REQUIRED',
    );
    assert.equal(outcome(withIt, 'member.manage', { organisationId: ORG_A }), 'allowed');
    // The organisation's setting says nothing to outsiders: they get a plain 403.
    assert.equal(
      outcome(user([member('viewer', { require2fa: true, organisationId: ORG_B })]), 'org.read', {
        organisationId: ORG_A,
      }),
      'ERR_HTTP_FORBIDDEN',
    );
    // Actions outside the organisation do not need it.
    assert.equal(outcome(without, 'org.apply', {}), 'allowed');
  });

  it('lets an API key act only in its own organisation and only within its scopes', () => {
    const key = apiKey(['badges:issue', 'org:read']);
    assert.equal(
      outcome(key, 'badge.issue', { organisationId: ORG_A, departmentId: DEPT_2 }),
      'allowed',
    );
    assert.equal(outcome(key, 'org.read', { organisationId: ORG_A }), 'allowed');
    assert.equal(
      outcome(key, 'badge.revoke', { organisationId: ORG_A, departmentId: DEPT_2 }),
      'ERR_POLICY_SCOPE_MISSING',
    );
    const missing = decide(key, 'badge.revoke', { organisationId: ORG_A, departmentId: DEPT_2 });
    assert.ok(!missing.allowed);
    assert.equal(
      missing.error.message,
      'This API key does not have the scope badges:revoke that this action needs.',
    );
    assert.equal(
      outcome(key, 'badge.issue', { organisationId: ORG_B, departmentId: DEPT_2 }),
      'ERR_HTTP_FORBIDDEN',
    );
    // No scope reaches settings, members, departments, keys, the audit log or vetting.
    const every = apiKey(API_KEY_SCOPES);
    for (const action of [
      'org.update',
      'department.manage',
      'member.manage',
      'api-key.manage',
      'audit.read',
    ] as const) {
      assert.equal(outcome(every, action, { organisationId: ORG_A }), 'ERR_HTTP_FORBIDDEN', action);
    }
    for (const action of ['org.apply', 'org.list-own', 'org.approve'] as const) {
      assert.equal(outcome(every, action, {}), 'ERR_HTTP_FORBIDDEN', action);
    }
  });

  it('gives the operator vetting, reading and the audit log, but no staff powers', () => {
    const operator = user([], { isOperator: true });
    assert.equal(outcome(operator, 'org.approve', {}), 'allowed');
    assert.equal(outcome(operator, 'org.read', { organisationId: ORG_A }), 'allowed');
    assert.equal(outcome(operator, 'department.read', { organisationId: ORG_A }), 'allowed');
    assert.equal(outcome(operator, 'audit.read', { organisationId: ORG_A }), 'allowed');
    assert.equal(outcome(operator, 'audit.read', {}), 'allowed');
    assert.equal(outcome(operator, 'audit.read', { organisationId: undefined }), 'allowed');
    assert.equal(outcome(operator, 'application.read' as PolicyAction, {}), 'ERR_HTTP_FORBIDDEN');
    for (const action of ['org.update', 'member.manage', 'api-key.manage', 'badge.read'] as const) {
      assert.equal(outcome(operator, action, { organisationId: ORG_A }), 'ERR_HTTP_FORBIDDEN');
    }
    assert.equal(
      outcome(operator, 'badge.issue', { organisationId: ORG_A, departmentId: DEPT_1 }),
      'ERR_HTTP_FORBIDDEN',
    );
    // Only operators read the platform-wide audit log.
    assert.equal(outcome(user([member('org_admin')]), 'audit.read', {}), 'ERR_HTTP_FORBIDDEN');
  });

  it('lets an application be read by its applicant and operators only', () => {
    const resource = { organisationId: ORG_A, applicantUserId: 'user-1' };
    assert.equal(outcome(user(), 'org.application.read', resource), 'allowed');
    assert.equal(
      outcome(user(), 'org.application.read', { ...resource, applicantUserId: 'someone' }),
      'ERR_HTTP_FORBIDDEN',
    );
    assert.equal(
      outcome(user(), 'org.application.read', { ...resource, applicantUserId: null }),
      'ERR_HTTP_FORBIDDEN',
    );
  });

  it('denies anonymous callers with 401, except public reads', () => {
    const anonymous: PolicyActor = { kind: 'anonymous' };
    assert.equal(outcome(anonymous, 'org.list-public', {}), 'allowed');
    assert.equal(outcome(anonymous, 'org.apply', {}), 'ERR_HTTP_UNAUTHENTICATED');
    assert.equal(
      outcome(anonymous, 'org.read', { organisationId: ORG_A }),
      'ERR_HTTP_UNAUTHENTICATED',
    );
  });

  it('denies unknown actions and missing resources, whoever asks', () => {
    const admin = user([member('org_admin')], { isOperator: true, secondFactor: true });
    for (const action of ['org.delete', 'toString', '__proto__', 'constructor', '']) {
      assert.equal(outcome(admin, action as PolicyAction, {}), 'ERR_HTTP_FORBIDDEN');
    }
    assert.equal(outcome(admin, 'org.update', { organisationId: '' }), 'ERR_HTTP_FORBIDDEN');
    assert.equal(
      outcome(admin, 'badge.issue', { organisationId: ORG_A } as never),
      'ERR_HTTP_FORBIDDEN',
    );
  });

  it('throws the decision as a ServerError', () => {
    assert.throws(
      () => {
        authorize({ kind: 'anonymous' }, 'org.apply', {});
      },
      (error: unknown) => isServerError(error) && error.status === 401,
    );
    assert.doesNotThrow(() => {
      authorize(user(), 'org.apply', {});
    });
  });
});
