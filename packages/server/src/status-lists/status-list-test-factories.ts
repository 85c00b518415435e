/**
 * Test support: an issuer profile (with its organisation and keys) for status lists to belong
 * to, and the context whose key store holds its keys. Tests only.
 */
import { insertTestOrganisation } from '../auth/test-factories.js';
import type { Database } from '../db/open-database.js';
import { createTestContext, insertTestIssuerProfile } from '../issuers/issuer-test-factories.js';
import type { IssuerProfile } from '../issuers/issuer-profile.js';
import type { TestContext } from '../issuers/issuer-test-factories.js';

export interface StatusTestProfile extends TestContext {
  readonly profile: IssuerProfile;
}

export const insertStatusTestProfile = async (
  db: Database,
  options: { readonly clock?: () => Date } = {},
): Promise<StatusTestProfile> => {
  const test = createTestContext(db, options.clock === undefined ? {} : { clock: options.clock });
  const organisationId = await insertTestOrganisation(db);
  const profile = await insertTestIssuerProfile(test.context, organisationId);
  return { ...test, profile };
};
