/**
 * The issuer keys of the platform: generated on the server, stored encrypted under the master key,
 * handed out as `Signer`s, rotated without breaking anything issued before.
 *
 *   const keys = createKeyStore({ db, masterKey: await loadMasterKey(config) });
 *   await keys.createKey(owner, 'ed25519', { actor });
 *   const signer = await keys.currentSigner(owner, 'ed25519');
 *   await keys.rotateKey(owner, 'ed25519', { actor }); // new key signs from now on
 *   await keys.listPublicKeys(owner); // current and retired: DID document, JWKS, CryptographicKey
 *
 * Decrypted keys are cached in process: decrypting for every signature would be far too slow.
 * Concurrent requests for the same signer share one decryption. A cached signer is rechecked
 * against the database after `recheckAfterMs`, so a rotation made by another process (another
 * app node, the CLI) takes over within that time; a rotation made here takes over at once.
 */
import { generateKeyPair, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import {
  computeJwkThumbprint,
  createSigningKey,
  exportPublicJwk,
  type SigningKey,
} from '@akashi/core';
import { recordAuditEvent, type AuditEvent } from '../audit/record-audit-event.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';
import type { Database } from '../db/open-database.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { IssuerKeysTable } from '../db/tables.js';
import { decryptPrivateKey, encryptPrivateKey } from './encrypt-private-key.js';
import {
  insertKey,
  retireKey,
  selectCurrentKey,
  selectLatestVersion,
  selectOwnerKeys,
} from './issuer-key-queries.js';
import {
  assertKeyOwner,
  presentIssuerPublicKey,
  type IssuerKeyAlgorithm,
  type IssuerPublicKey,
  type KeyOwner,
} from './issuer-key.js';
import { KeyStoreError } from './key-store-error.js';
import type { MasterKey } from './master-key.js';
import { createLocalSigner, type LocalSigner, type Signer } from './signer.js';

/** Who asks for a key change, for the audit log. */
export type KeyAuditContext = Pick<AuditEvent, 'actor' | 'organisationId' | 'request'>;

export interface KeyStore {
  /** Generates the owner's first key of `algorithm`; `ERR_KEYSTORE_KEY_EXISTS` if one is current. */
  createKey(
    owner: KeyOwner,
    algorithm: IssuerKeyAlgorithm,
    audit: KeyAuditContext,
  ): Promise<IssuerPublicKey>;
  /**
   * Generates a new key that signs from now on; the current one is retired but stays listed.
   * `ERR_KEYSTORE_NO_CURRENT_KEY` without a current key; `ERR_KEYSTORE_CONFLICT` when another
   * process rotated the same key at the same moment (nothing changed: try again).
   */
  rotateKey(
    owner: KeyOwner,
    algorithm: IssuerKeyAlgorithm,
    audit: KeyAuditContext,
  ): Promise<IssuerPublicKey>;
  /** The signer of the owner's current key (`ERR_KEYSTORE_NO_CURRENT_KEY` when there is none). */
  currentSigner(owner: KeyOwner, algorithm: IssuerKeyAlgorithm): Promise<Signer>;
  /** Every key of the owner, current and retired, by algorithm then version. */
  listPublicKeys(owner: KeyOwner): Promise<readonly IssuerPublicKey[]>;
  /** Forgets every decrypted key held in process. */
  clearCache(): void;
}

export interface CreateKeyStoreOptions {
  readonly db: Database;
  readonly masterKey: MasterKey;
  /** The current time (default: the system clock). */
  readonly clock?: () => Date;
  /** How long a cached signer is used before the database is asked again (default 30 s). */
  readonly recheckAfterMs?: number;
  /** Most signers kept decrypted; the least recently used goes first (default 1000). */
  readonly maxCachedSigners?: number;
  /** Replaces the decryption (tests count calls with it). */
  readonly decryptPrivateKey?: typeof decryptPrivateKey;
}

export const DEFAULT_RECHECK_AFTER_MS = 30_000;
export const DEFAULT_MAX_CACHED_SIGNERS = 1000;

interface LoadedSigner {
  readonly rowId: string;
  readonly signer: LocalSigner;
}

interface CacheEntry {
  readonly loading: Promise<LoadedSigner>;
  readonly checkedAt: number;
}

/** Generates in libuv's thread pool: an RSA key takes tens of milliseconds. */
const generateIssuerKey = (algorithm: IssuerKeyAlgorithm): Promise<SigningKey> =>
  new Promise<KeyObject>((resolve, reject) => {
    const done = (error: Error | null, _publicKey: KeyObject, privateKey: KeyObject): void => {
      if (error === null) resolve(privateKey);
      else reject(error);
    };
    if (algorithm === 'ed25519') generateKeyPair('ed25519', undefined, done);
    else generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001 }, done);
  }).then((privateKey) => createSigningKey(privateKey));

const describeOwner = (owner: KeyOwner, algorithm: IssuerKeyAlgorithm) => ({
  ownerType: owner.type,
  ownerId: owner.id,
  algorithm,
});

const noCurrentKey = (owner: KeyOwner, algorithm: IssuerKeyAlgorithm): KeyStoreError =>
  new KeyStoreError(
    'ERR_KEYSTORE_NO_CURRENT_KEY',
    {
      en: `The ${owner.type} ${owner.id} has no current ${algorithm} key.`,
      ja: `${owner.type} ${owner.id} には現在有効な ${algorithm} 鍵がありません。`,
    },
    { details: describeOwner(owner, algorithm) },
  );

const keyExists = (owner: KeyOwner, algorithm: IssuerKeyAlgorithm): KeyStoreError =>
  new KeyStoreError(
    'ERR_KEYSTORE_KEY_EXISTS',
    {
      en: `The ${owner.type} ${owner.id} already has a current ${algorithm} key; rotate it instead.`,
      ja: `${owner.type} ${owner.id} にはすでに有効な ${algorithm} 鍵があります。鍵を更新（ローテーション）してください。`,
    },
    { details: describeOwner(owner, algorithm) },
  );

const conflict = (owner: KeyOwner, algorithm: IssuerKeyAlgorithm): KeyStoreError =>
  new KeyStoreError(
    'ERR_KEYSTORE_CONFLICT',
    {
      en: `The ${algorithm} key of ${owner.type} ${owner.id} was changed at the same moment by another request; nothing was changed. Try again.`,
      ja: `${owner.type} ${owner.id} の ${algorithm} 鍵が同時に別のリクエストで変更されたため、何も変更しませんでした。もう一度お試しください。`,
    },
    { details: describeOwner(owner, algorithm) },
  );

export const createKeyStore = (options: CreateKeyStoreOptions): KeyStore => {
  const { db, masterKey } = options;
  const clock = options.clock ?? (() => new Date());
  const recheckAfterMs = options.recheckAfterMs ?? DEFAULT_RECHECK_AFTER_MS;
  const maxCachedSigners = options.maxCachedSigners ?? DEFAULT_MAX_CACHED_SIGNERS;
  const decrypt = options.decryptPrivateKey ?? decryptPrivateKey;
  const cache = new Map<string, CacheEntry>();

  const cacheKey = (owner: KeyOwner, algorithm: IssuerKeyAlgorithm): string =>
    JSON.stringify([owner.type, owner.id, algorithm]);

  /** Puts an entry last (most recently used), dropping the least recently used past the cap. */
  const remember = (key: string, entry: CacheEntry): void => {
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > maxCachedSigners) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
  };

  const sealRow = (
    key: SigningKey,
    owner: KeyOwner,
    algorithm: IssuerKeyAlgorithm,
    version: number,
    now: string,
  ): IssuerKeysTable => {
    const id = randomUUID();
    return {
      id,
      owner_type: owner.type,
      owner_id: owner.id,
      algorithm,
      version,
      kid: key.kid,
      public_jwk: JSON.stringify(exportPublicJwk(key)),
      encrypted_private_key: encryptPrivateKey(masterKey, key, {
        keyId: id,
        owner,
        algorithm,
        kid: key.kid,
      }),
      master_key_id: masterKey.id,
      created_at: now,
      activated_at: now,
      retired_at: null,
    };
  };

  const load = async (
    owner: KeyOwner,
    algorithm: IssuerKeyAlgorithm,
    previous: Promise<LoadedSigner> | undefined,
  ): Promise<LoadedSigner> => {
    const row = await selectCurrentKey(db, owner, algorithm);
    if (row === undefined) throw noCurrentKey(owner, algorithm);
    const kept = await previous?.catch(() => undefined);
    if (kept?.rowId === row.id) return kept;
    const key = decrypt(masterKey, row.encrypted_private_key, {
      keyId: row.id,
      owner,
      algorithm,
      kid: row.kid,
      masterKeyId: row.master_key_id,
    });
    const published = JSON.parse(row.public_jwk) as JsonWebKey;
    if (computeJwkThumbprint(published) !== computeJwkThumbprint(key.publicJwk)) {
      throw new KeyStoreError(
        'ERR_KEYSTORE_DECRYPT_FAILED',
        {
          en: `The stored public key ${row.kid} (row ${row.id}) does not match its private key.`,
          ja: `保存されている公開鍵 ${row.kid}（行 ${row.id}）が秘密鍵と一致しません。`,
        },
        { details: { keyId: row.id, kid: row.kid } },
      );
    }
    return { rowId: row.id, signer: createLocalSigner(key) };
  };

  const organisationOf = (owner: KeyOwner, audit: KeyAuditContext): string | null =>
    audit.organisationId ?? (owner.type === 'organisation' ? owner.id : null);

  return {
    async createKey(owner, algorithm, audit) {
      assertKeyOwner(owner, algorithm);
      const key = await generateIssuerKey(algorithm);
      let row: IssuerKeysTable;
      try {
        row = await runInTransaction(db, async (tx) => {
          if ((await selectCurrentKey(tx, owner, algorithm)) !== undefined) {
            throw keyExists(owner, algorithm);
          }
          const version = (await selectLatestVersion(tx, owner, algorithm)) + 1;
          const now = clock();
          const sealed = sealRow(key, owner, algorithm, version, now.toISOString());
          await insertKey(tx, sealed);
          await recordAuditEvent(
            tx,
            {
              ...audit,
              action: 'key.create',
              organisationId: organisationOf(owner, audit),
              targetType: 'issuer-key',
              targetId: sealed.id,
              details: { ...describeOwner(owner, algorithm), kid: sealed.kid, version },
            },
            now,
          );
          return sealed;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw keyExists(owner, algorithm);
        throw error;
      }
      cache.delete(cacheKey(owner, algorithm));
      return presentIssuerPublicKey(row);
    },

    async rotateKey(owner, algorithm, audit) {
      assertKeyOwner(owner, algorithm);
      const key = await generateIssuerKey(algorithm);
      let row: IssuerKeysTable;
      try {
        row = await runInTransaction(db, async (tx) => {
          const current = await selectCurrentKey(tx, owner, algorithm);
          if (current === undefined) throw noCurrentKey(owner, algorithm);
          const now = clock();
          // Conditional on `retired_at is null`: of two racing rotations only one retires it.
          if (!(await retireKey(tx, current.id, now.toISOString()))) {
            throw conflict(owner, algorithm);
          }
          const version = current.version + 1;
          const sealed = sealRow(key, owner, algorithm, version, now.toISOString());
          await insertKey(tx, sealed);
          await recordAuditEvent(
            tx,
            {
              ...audit,
              action: 'key.rotate',
              organisationId: organisationOf(owner, audit),
              targetType: 'issuer-key',
              targetId: sealed.id,
              details: {
                ...describeOwner(owner, algorithm),
                kid: sealed.kid,
                version,
                retiredKeyId: current.id,
                retiredKid: current.kid,
              },
            },
            now,
          );
          return sealed;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(owner, algorithm);
        throw error;
      }
      cache.delete(cacheKey(owner, algorithm));
      return presentIssuerPublicKey(row);
    },

    async currentSigner(owner, algorithm) {
      assertKeyOwner(owner, algorithm);
      const key = cacheKey(owner, algorithm);
      const now = clock().getTime();
      const cached = cache.get(key);
      if (cached !== undefined && now - cached.checkedAt < recheckAfterMs) {
        remember(key, cached);
        return (await cached.loading).signer;
      }
      const entry: CacheEntry = {
        loading: load(owner, algorithm, cached?.loading),
        checkedAt: now,
      };
      remember(key, entry);
      // A failure is not cached: the next call tries again.
      void entry.loading.catch(() => {
        if (cache.get(key) === entry) cache.delete(key);
      });
      return (await entry.loading).signer;
    },

    async listPublicKeys(owner) {
      assertKeyOwner(owner);
      return (await selectOwnerKeys(db, owner)).map(presentIssuerPublicKey);
    },

    clearCache() {
      cache.clear();
    },
  };
};
