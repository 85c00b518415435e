import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { describe } from 'node:test';
import { exportPrivateJwk } from '@akashi/core';
import { forEachDatabase } from '../db/for-each-database.js';
import type { Database } from '../db/open-database.js';
import { decryptPrivateKey } from './encrypt-private-key.js';
import type { IssuerKeyAlgorithm, KeyOwner } from './issuer-key.js';
import { isKeyStoreError, type KeyStoreErrorCode } from './key-store-error.js';
import { createKeyStore, type CreateKeyStoreOptions } from './key-store.js';
import {
  createTestMasterKey,
  testActor,
  testIssuerProfile,
  testOrganisation,
} from './key-test-factories.js';
import { isLocalSigner, type LocalSigner, type Signer } from './signer.js';

const masterKey = createTestMasterKey();
const audit = { actor: testActor() };

const failsWith = (code: KeyStoreErrorCode) => (error: unknown) => {
  assert.ok(isKeyStoreError(error), String(error));
  assert.equal(error.code, code);
  return true;
};

const local = (signer: Signer): LocalSigner => {
  assert.ok(isLocalSigner(signer));
  return signer;
};

const readRow = (db: Database, kid: string) =>
  db.kysely.selectFrom('issuer_keys').selectAll().where('kid', '=', kid).executeTakeFirstOrThrow();

const store = (db: Database, options: Partial<CreateKeyStoreOptions> = {}) =>
  createKeyStore({ db, masterKey, ...options });

/** Counts decryptions. */
const countingDecrypt = () => {
  const counter = {
    calls: 0,
    decrypt: ((...args) => {
      counter.calls += 1;
      return decryptPrivateKey(...args);
    }) as typeof decryptPrivateKey,
  };
  return counter;
};

describe('the key store', () => {
  forEachDatabase(
    'creates Ed25519 and RSA keys that sign, stored without the private key in clear',
    async (db) => {
      const owner = testOrganisation();
      const keys = store(db);
      for (const algorithm of ['ed25519', 'rsa'] as const) {
        const created = await keys.createKey(owner, algorithm, audit);
        assert.equal(created.status, 'current');
        assert.equal(created.version, 1);
        const signer = local(await keys.currentSigner(owner, algorithm));
        assert.equal(signer.kid, created.kid);
        const data = Buffer.from(`data for ${algorithm}`);
        const signature = await signer.sign(data);
        assert.ok(
          verify(algorithm === 'rsa' ? 'sha256' : null, data, created.publicKey, signature),
        );

        const jwk = exportPrivateJwk(signer.signingKey());
        const row = await readRow(db, created.kid);
        const stored = JSON.stringify(row);
        const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi'].filter((m) => m in jwk);
        assert.ok(privateMembers.includes('d'));
        for (const member of privateMembers) {
          const value = jwk[member] as string;
          assert.ok(!stored.includes(value), `${algorithm} ${member} is stored in clear`);
          const raw = Buffer.from(value, 'base64url');
          assert.ok(!Buffer.from(row.encrypted_private_key, 'base64').includes(raw));
        }
        assert.equal((JSON.parse(row.public_jwk) as Record<string, unknown>).d, undefined);
        assert.equal(row.master_key_id, masterKey.id);
      }
      // Another process (a restart) with the same master key signs with the same keys.
      const restarted = store(db);
      for (const algorithm of ['ed25519', 'rsa'] as const) {
        const before = await keys.currentSigner(owner, algorithm);
        const after = local(await restarted.currentSigner(owner, algorithm));
        assert.equal(after.kid, before.kid);
        const data = Buffer.from('after a restart');
        const publicKey = createPublicKey({ key: before.publicJwk, format: 'jwk' });
        const digest = algorithm === 'rsa' ? 'sha256' : null;
        assert.ok(verify(digest, data, publicKey, await after.sign(data)));
      }
    },
  );

  forEachDatabase('records key.create and key.rotate in the audit log', async (db) => {
    const owner = testOrganisation();
    const keys = store(db, { clock: () => new Date('2026-05-01T00:00:00.000Z') });
    const first = await keys.createKey(owner, 'ed25519', audit);
    const second = await keys.rotateKey(owner, 'ed25519', audit);
    const events = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('action')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.target_type, e.target_id, e.organisation_id, e.actor_user_id]),
      [
        ['key.create', 'issuer-key', first.id, owner.id, audit.actor.userId],
        ['key.rotate', 'issuer-key', second.id, owner.id, audit.actor.userId],
      ],
    );
    assert.equal(events[0]!.occurred_at, '2026-05-01T00:00:00.000Z');
    assert.deepEqual(JSON.parse(events[1]!.details), {
      ownerType: 'organisation',
      ownerId: owner.id,
      algorithm: 'ed25519',
      kid: second.kid,
      version: 2,
      retiredKeyId: first.id,
      retiredKid: first.kid,
    });
  });

  forEachDatabase('keeps one current key per owner and algorithm', async (db) => {
    const keys = store(db);
    const owner = testOrganisation();
    await keys.createKey(owner, 'ed25519', audit);
    await assert.rejects(
      keys.createKey(owner, 'ed25519', audit),
      failsWith('ERR_KEYSTORE_KEY_EXISTS'),
    );
    // Other algorithms, owners and owner types are independent.
    await keys.createKey(owner, 'rsa', audit);
    await keys.createKey({ type: 'issuer-profile', id: owner.id }, 'ed25519', audit);
    await assert.rejects(
      keys.rotateKey(testIssuerProfile(), 'rsa', audit),
      failsWith('ERR_KEYSTORE_NO_CURRENT_KEY'),
    );
    await assert.rejects(
      keys.currentSigner(testIssuerProfile(), 'rsa'),
      failsWith('ERR_KEYSTORE_NO_CURRENT_KEY'),
    );
    // Two racing creations: one key, the other request told it exists.
    const racing = testOrganisation();
    const results = await Promise.allSettled([
      keys.createKey(racing, 'ed25519', audit),
      keys.createKey(racing, 'ed25519', audit),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const result of results) {
      if (result.status === 'rejected') failsWith('ERR_KEYSTORE_KEY_EXISTS')(result.reason);
    }
    assert.equal((await keys.listPublicKeys(racing)).length, 1);
  });

  forEachDatabase(
    'rotates: the new key is current, the old one retired and still listed',
    async (db) => {
      let now = new Date('2026-05-01T00:00:00.000Z');
      const keys = store(db, { clock: () => now });
      const owner = testIssuerProfile();
      const first = await keys.createKey(owner, 'rsa', audit);
      await keys.createKey(owner, 'ed25519', audit);
      now = new Date('2026-06-01T00:00:00.000Z');
      const second = await keys.rotateKey(owner, 'rsa', audit);
      assert.notEqual(second.kid, first.kid);
      assert.equal((await keys.currentSigner(owner, 'rsa')).kid, second.kid);
      const listed = await keys.listPublicKeys(owner);
      assert.deepEqual(
        listed.map((k) => [k.algorithm, k.version, k.kid, k.status, k.retiredAt]),
        [
          ['ed25519', 1, listed[0]!.kid, 'current', undefined],
          ['rsa', 1, first.kid, 'retired', '2026-06-01T00:00:00.000Z'],
          ['rsa', 2, second.kid, 'current', undefined],
        ],
      );
      for (const key of listed) {
        assert.deepEqual(
          Object.keys(key.publicJwk).sort(),
          key.algorithm === 'rsa'
            ? ['alg', 'e', 'kid', 'kty', 'n', 'use']
            : ['alg', 'crv', 'kid', 'kty', 'use', 'x'],
        );
        assert.equal(key.publicJwk.kid, key.kid);
        assert.match(key.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
        assert.equal(
          key.publicKeyMultibase?.startsWith('z6Mk') ?? 'rsa',
          key.algorithm === 'rsa' ? 'rsa' : true,
        );
      }
      assert.equal(listed[0]!.publicKeyMultibase, listed[0]!.kid);
    },
  );

  forEachDatabase(
    'decrypts once for concurrent requests, and once more after a rotation',
    async (db) => {
      const owner = testOrganisation();
      const counter = countingDecrypt();
      const keys = store(db, { decryptPrivateKey: counter.decrypt });
      await keys.createKey(owner, 'ed25519', audit);
      const signers = await Promise.all(
        Array.from({ length: 50 }, () => keys.currentSigner(owner, 'ed25519')),
      );
      assert.equal(counter.calls, 1);
      assert.ok(signers.every((signer) => signer === signers[0]));
      await keys.currentSigner(owner, 'ed25519');
      assert.equal(counter.calls, 1);
      const rotated = await keys.rotateKey(owner, 'ed25519', audit);
      const after = await Promise.all([
        keys.currentSigner(owner, 'ed25519'),
        keys.currentSigner(owner, 'ed25519'),
      ]);
      assert.equal(counter.calls, 2);
      assert.ok(after.every((signer) => signer.kid === rotated.kid));
    },
  );

  forEachDatabase(
    'picks up a rotation made by another process once the recheck time has passed',
    async (db) => {
      const owner = testOrganisation();
      let now = 0;
      const counter = countingDecrypt();
      const here = store(db, {
        clock: () => new Date(now),
        recheckAfterMs: 30_000,
        decryptPrivateKey: counter.decrypt,
      });
      const elsewhere = store(db);
      const first = await here.createKey(owner, 'ed25519', audit);
      assert.equal((await here.currentSigner(owner, 'ed25519')).kid, first.kid);
      now = 31_000; // rechecked: unchanged, so not decrypted again
      assert.equal((await here.currentSigner(owner, 'ed25519')).kid, first.kid);
      assert.equal(counter.calls, 1);
      const second = await elsewhere.rotateKey(owner, 'ed25519', audit);
      now = 40_000; // within the recheck time: still the cached key
      assert.equal((await here.currentSigner(owner, 'ed25519')).kid, first.kid);
      now = 62_000;
      assert.equal((await here.currentSigner(owner, 'ed25519')).kid, second.kid);
      assert.equal(counter.calls, 2);
    },
  );

  forEachDatabase('lets only one of two racing rotations retire a key, losing none', async (db) => {
    const owner = testOrganisation();
    const keys = store(db);
    await keys.createKey(owner, 'ed25519', audit);
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () => keys.rotateKey(owner, 'ed25519', audit)),
    );
    // SQLite runs them one after the other (all succeed); PostgreSQL may refuse the losers.
    for (const result of results) {
      if (result.status === 'rejected') failsWith('ERR_KEYSTORE_CONFLICT')(result.reason);
    }
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    assert.ok(succeeded >= 1);
    const listed = await keys.listPublicKeys(owner);
    assert.equal(listed.length, 1 + succeeded);
    assert.deepEqual(
      listed.map((k) => k.version),
      listed.map((_, i) => i + 1),
    );
    assert.deepEqual(
      listed.map((k) => k.status),
      listed.map((_, i) => (i === listed.length - 1 ? 'current' : 'retired')),
    );
  });

  forEachDatabase('refuses to start signing under a wrong master key, saying so', async (db) => {
    const owner = testOrganisation();
    const created = await store(db).createKey(owner, 'rsa', audit);
    const otherMasterKey = createTestMasterKey();
    const wrong = createKeyStore({ db, masterKey: otherMasterKey });
    await assert.rejects(wrong.currentSigner(owner, 'rsa'), (error: unknown) => {
      failsWith('ERR_KEYSTORE_MASTER_KEY_MISMATCH')(error);
      assert.match(String(error), new RegExp(`${masterKey.id}.*${otherMasterKey.id}`));
      assert.ok(String(error).includes(created.kid));
      return true;
    });
    // The failure is not cached: with the right key it works at once.
    assert.equal((await store(db).currentSigner(owner, 'rsa')).kid, created.kid);
  });

  const tamperings: [string, (db: Database, victim: KeyOwner, other: KeyOwner) => Promise<void>][] =
    [
      [
        'a ciphertext moved to another owner’s row',
        async (db, victim, other) => {
          const source = await db.kysely
            .selectFrom('issuer_keys')
            .select('encrypted_private_key')
            .where('owner_id', '=', other.id)
            .executeTakeFirstOrThrow();
          await db.kysely
            .updateTable('issuer_keys')
            .set({ encrypted_private_key: source.encrypted_private_key })
            .where('owner_id', '=', victim.id)
            .execute();
        },
      ],
      [
        'a tampered tag',
        async (db, victim) => {
          const row = await db.kysely
            .selectFrom('issuer_keys')
            .selectAll()
            .where('owner_id', '=', victim.id)
            .executeTakeFirstOrThrow();
          const data = Buffer.from(row.encrypted_private_key, 'base64');
          data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 0x80;
          await db.kysely
            .updateTable('issuer_keys')
            .set({ encrypted_private_key: data.toString('base64') })
            .where('id', '=', row.id)
            .execute();
        },
      ],
    ];
  for (const [label, tamper] of tamperings) {
    forEachDatabase(`refuses ${label}`, async (db) => {
      const victim = testOrganisation();
      const other = testOrganisation();
      const algorithm: IssuerKeyAlgorithm = 'ed25519';
      await store(db).createKey(victim, algorithm, audit);
      await store(db).createKey(other, algorithm, audit);
      await tamper(db, victim, other);
      await assert.rejects(
        store(db).currentSigner(victim, algorithm),
        failsWith('ERR_KEYSTORE_DECRYPT_FAILED'),
      );
      assert.equal((await store(db).currentSigner(other, algorithm)).algorithm, algorithm);
    });
  }
});
