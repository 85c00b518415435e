/**
 * The API's JSON as the organisation console reads it (web code never imports the server): the
 * organisation's departments, members, issuer profiles and their keys, API keys and audit events.
 */

export interface Department {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: 'org_admin' | 'issuer' | 'viewer';
  readonly departmentIds: readonly string[];
  readonly memberSince: string;
}

export interface IssuerProfile {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly isDefault: boolean;
  readonly name: { readonly ja: string; readonly en: string };
  readonly url: string;
  readonly email: string;
  readonly description: { readonly ja: string; readonly en: string };
  readonly imageId: string | null;
  readonly identifierMethod: 'did:web' | 'did:key' | 'https';
  readonly identifier: string;
  readonly profileUrl: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archivedAt: string | null;
}

export interface IssuerKey {
  readonly kid: string;
  readonly algorithm: 'ed25519' | 'rsa';
  readonly alg: string;
  readonly version: number;
  readonly status: 'current' | 'retired';
  readonly createdAt: string;
  readonly activatedAt: string;
  readonly retiredAt: string | null;
  readonly documentUrl: string;
}

export interface ApiKey {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface CreatedApiKey {
  readonly apiKey: ApiKey;
  readonly key: string;
}

export type AuditActor =
  | {
      readonly type: 'user';
      readonly userId: string;
      readonly email: string | null;
      readonly displayName: string | null;
    }
  | {
      readonly type: 'api-key';
      readonly apiKeyId: string;
      readonly keyPrefix: string | null;
      readonly name: string | null;
    }
  | { readonly type: 'anonymous' };

export interface AuditEvent {
  readonly id: string;
  readonly occurredAt: string;
  readonly action: string;
  readonly actor: AuditActor;
  readonly organisationId: string | null;
  readonly target: { readonly type: string | null; readonly id: string | null } | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly ip: string | null;
  readonly requestId: string | null;
}

export interface AuditEventPage {
  readonly events: readonly AuditEvent[];
  readonly nextCursor: string | null;
}
