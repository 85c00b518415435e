/**
 * Key rotation of an issuer profile: a new Ed25519 and/or RSA key signs from now on; the old ones
 * are retired but stay in the DID document, the JWKS and the key documents, so everything signed
 * before still verifies. Audited as `key.rotate` (per key, by the key store) and
 * `issuer.rotate-keys`.
 *
 * A did:key profile is named by its Ed25519 key: rotating that key gives the profile a new
 * identifier (the did:key of the new key). Badges issued before keep their old issuer id and
 * keep verifying, since a did:key carries its own key.
 *
 * Rotation is not revocation: a retired key is still accepted for what it signed. A key that
 * leaked needs its badges re-issued and revoked, not just a rotation.
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { AppContext } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import type { IssuerKeyAlgorithm, IssuerPublicKey } from '../keys/issuer-key.js';
import { isKeyStoreError } from '../keys/key-store-error.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { didKeyOfMultikey } from './issuer-identifier.js';
import { readOrganisationIssuerProfile, type IssuerProfile } from './issuer-profile.js';
import { issuerKeyOwner } from './issuer-signing.js';

export interface RotateIssuerKeysResult {
  readonly profile: IssuerProfile;
  /** The new keys. */
  readonly rotated: readonly IssuerPublicKey[];
}

export const rotateIssuerKeys = async (
  context: AppContext,
  organisationId: string,
  profileId: string,
  algorithms: readonly IssuerKeyAlgorithm[],
  origin: CommandOrigin,
): Promise<RotateIssuerKeysResult> => {
  const { db, keys } = context;
  const profile = await readOrganisationIssuerProfile(db, organisationId, profileId);
  if (profile.archivedAt !== null) throw new ServerError('ERR_ISSUER_ARCHIVED');
  const owner = issuerKeyOwner(profileId);
  const keyAudit = { ...auditedBy(origin), organisationId };
  const rotated: IssuerPublicKey[] = [];
  for (const algorithm of [...new Set(algorithms)]) {
    try {
      rotated.push(await keys.rotateKey(owner, algorithm, keyAudit));
    } catch (error) {
      if (!isKeyStoreError(error)) throw error;
      if (error.code === 'ERR_KEYSTORE_CONFLICT') {
        throw new ServerError('ERR_ISSUER_KEY_ROTATION_CONFLICT', { cause: error });
      }
      // A profile that somehow lost its key gets a first one.
      if (error.code !== 'ERR_KEYSTORE_NO_CURRENT_KEY') throw error;
      rotated.push(await keys.createKey(owner, algorithm, keyAudit));
    }
  }
  const ed25519 = rotated.find((key) => key.algorithm === 'ed25519');
  const identifier =
    profile.identifierMethod === 'did:key' && ed25519 !== undefined
      ? didKeyOfMultikey(ed25519.kid)
      : profile.identifier;
  const at = origin.now.toISOString();
  await runInTransaction(db, async (tx) => {
    await tx.kysely
      .updateTable('issuer_profiles')
      .set({ identifier, updated_at: at })
      .where('id', '=', profileId)
      .execute();
    await recordAuditEvent(
      tx,
      {
        action: 'issuer.rotate-keys',
        ...auditedBy(origin),
        organisationId,
        targetType: 'issuer-profile',
        targetId: profileId,
        details: {
          rotated: rotated.map((key) => ({ algorithm: key.algorithm, kid: key.kid })),
          ...(identifier === profile.identifier
            ? {}
            : { identifierFrom: profile.identifier, identifierTo: identifier }),
        },
      },
      origin.now,
    );
  });
  return { profile: { ...profile, identifier, updatedAt: at }, rotated };
};
