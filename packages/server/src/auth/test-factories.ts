/**
 * Test support: users, sessions and API keys made directly in the database, in exactly the form
 * the sign-in and API-key endpoints make them, so that every domain can test its routes as any
 * actor. Not for production code.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/open-database.js';
import type { MembershipRole, OrganisationStatus } from '../db/tables.js';
import {
  createApiKeyToken,
  createToken,
  CSRF_HEADER,
  hashToken,
  SESSION_COOKIE,
} from './session-token.js';

export interface TestUser {
  readonly id: string;
  readonly email: string;
}

export const insertTestUser = async (
  db: Database,
  options: { email?: string; isOperator?: boolean; displayName?: string } = {},
): Promise<TestUser> => {
  const id = randomUUID();
  const email = options.email ?? `user-${id.slice(0, 8)}@example.ac.jp`;
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('users')
    .values({
      id,
      email,
      display_name: options.displayName ?? '山田 花子',
      password_hash: null,
      email_verified_at: now,
      is_operator: options.isOperator === true ? 1 : 0,
      totp_secret: null,
      totp_enabled_at: null,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, email };
};

/** Headers that authenticate as `userId` through a fresh session (cookie + CSRF token). */
export const signInForTest = async (
  db: Database,
  userId: string,
  options: { secondFactor?: boolean; now?: Date } = {},
): Promise<Record<string, string>> => {
  const token = createToken();
  const csrf = createToken();
  const now = options.now ?? new Date();
  await db.kysely
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrf,
      second_factor_at: options.secondFactor === true ? now.toISOString() : null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 24 * 3600 * 1000).toISOString(),
      ip: null,
      user_agent: null,
    })
    .execute();
  return { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrf };
};

export const insertTestOrganisation = async (
  db: Database,
  options: { domain?: string; status?: OrganisationStatus; legalName?: string } = {},
): Promise<string> => {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('organisations')
    .values({
      id,
      legal_name: options.legalName ?? '国立証大学',
      name_en: 'Akashi National University',
      domain: options.domain ?? `u${id.slice(0, 8)}.example.ac.jp`,
      contact_email: 'office@example.ac.jp',
      org_type: 'university',
      justification: 'テスト',
      status: options.status ?? 'approved',
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      applicant_user_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
};

export const insertTestMembership = async (
  db: Database,
  organisationId: string,
  userId: string,
  role: MembershipRole,
): Promise<string> => {
  const id = randomUUID();
  await db.kysely
    .insertInto('memberships')
    .values({
      id,
      organisation_id: organisationId,
      user_id: userId,
      role,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
};

/** A live API key for the organisation; returns the `Authorization` header. */
export const insertTestApiKey = async (
  db: Database,
  organisationId: string,
  scopes: readonly string[],
): Promise<{ id: string; headers: Record<string, string> }> => {
  const id = randomUUID();
  const token = createApiKeyToken();
  await db.kysely
    .insertInto('api_keys')
    .values({
      id,
      organisation_id: organisationId,
      name: 'test key',
      key_prefix: token.slice(0, 12),
      key_hash: hashToken(token),
      scopes: JSON.stringify(scopes),
      created_by: null,
      created_at: new Date().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, headers: { authorization: `Bearer ${token}` } };
};
