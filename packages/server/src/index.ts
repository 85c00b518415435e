/**
 * @akashi/server — the Akashi platform: configuration, storage (SQLite or PostgreSQL through
 * Kysely, migrations), the HTTP application (errors, validation, OpenAPI) and its domains.
 * `main.ts` is the `npm start` entry point; this module is for the CLI and for tests.
 */
export * from './config/config-error.js';
export * from './config/load-config.js';
export * from './db/open-database.js';
export * from './db/migrate-database.js';
export * from './db/migration-error.js';
export * from './db/ping-database.js';
export * from './db/read-instance.js';
export type * from './db/tables.js';
export * from './http/app-context.js';
export * from './http/create-app.js';
export * from './http/error-envelope.js';
export * from './http/error-registry.js';
export * from './http/server-error.js';
export type * from './http/typebox-type-provider.js';
export type * from './openapi/route-documentation.js';
export * from './openapi/build-openapi-document.js';
export * from './start-server.js';
export * from './organisations/assert-organisation-can-issue.js';
export * from './organisations/create-approved-organisation.js';
export { findOrganisationByReference } from './organisations/read-organisation.js';
export { createApiKey, type CreateApiKeyResult } from './api-keys/manage-api-keys.js';
export * from './policy/api-key-scopes.js';
export * from './policy/authorize.js';
export * from './policy/authorize-request.js';
export * from './policy/command-origin.js';
export * from './policy/policy-actor.js';
export * from './setup/create-operator.js';
export { announceOperatorSetup } from './setup/announce-operator-setup.js';
export * from './keys/master-key.js';
export { loadMasterKey, masterKeyFilePath } from './keys/load-master-key.js';
export { createKeyStore, type KeyStore } from './keys/key-store.js';
export { createTestMasterKey } from './keys/key-test-factories.js';
export * from './issuers/issuer-profile.js';
export { issuerUrls, didWebFor, type IssuerUrls } from './issuers/issuer-urls.js';
export { loadIssuerSigning, type IssuerSigning } from './issuers/issuer-signing.js';
export {
  archiveIssuerProfile,
  createIssuerProfile,
  ensureDefaultIssuerProfile,
  updateIssuerProfile,
  type CreateIssuerProfileInput,
  type UpdateIssuerProfileInput,
} from './issuers/manage-issuer-profiles.js';
export { rotateIssuerKeys, type RotateIssuerKeysResult } from './issuers/rotate-issuer-keys.js';
export {
  createLocalMethodResolver,
  type LocalMethodResolver,
} from './issuers/resolve-local-did.js';
export { buildOb3IssuerProfile } from './issuers/issuer-documents.js';
export * from './bulk/bulk-job-model.js';
export * from './bulk/create-bulk-job.js';
export * from './bulk/bulk-job-commands.js';
export * from './bulk/bulk-job-runner.js';
export { createBulkJobRoutes } from './bulk/bulk-job-routes.js';
export {
  createBulkAwardProcessor,
  createBulkJobCompletedHook,
} from './awards/bulk-award-processor.js';
export { issueAwards, issueAward } from './awards/issue-awards.js';
export { createAchievement } from './achievements/manage-achievements.js';
export { closeAwardSigningPools } from './awards/award-signing-pools.js';
