/**
 * `akashi admin create-org` and `akashi admin create-api-key`, run as processes against a fresh
 * SQLite data directory and, when TEST_DATABASE_URL is set, a fresh PostgreSQL schema; the
 * server then accepts the key.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  API_KEY_SCOPES,
  createApp,
  createTestMasterKey,
  loadConfig,
  openDatabase,
  type Database,
} from '@akashi/server';
import pg from 'pg';
import { createWorkDir, runAkashi } from './run-akashi.js';

const work = createWorkDir();
after(work.remove);

const POSTGRES_URL = process.env.TEST_DATABASE_URL;
const POSTGRES_SKIP = 'PostgreSQL half skipped: TEST_DATABASE_URL is not set (.ci/run sets it)';

interface Target {
  readonly env: Record<string, string>;
  readonly dispose: () => Promise<void>;
}

const sqliteTarget = (): Promise<Target> =>
  Promise.resolve({
    env: {
      AKASHI_DATA_DIR: join(work.dir, `data-${randomBytes(4).toString('hex')}`),
      DATABASE_URL: '',
    },
    dispose: () => Promise.resolve(),
  });

const postgresTarget = async (url: string): Promise<Target> => {
  const schema = `akashi_test_${randomBytes(8).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const databaseUrl = new URL(url);
  databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: databaseUrl.toString(), AKASHI_DATA_DIR: join(work.dir, 'unused') },
    dispose: async () => {
      if (process.env.AKASHI_TEST_KEEP_SCHEMAS !== '1') {
        await admin.query(`drop schema if exists ${schema} cascade`);
      }
      await admin.end();
    },
  };
};

const lastJson = (stdout: string): Record<string, unknown> => {
  const lines = stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>;
};

const scenario = async (target: Target) => {
  const run = (args: string[]) => runAkashi(args, { cwd: work.dir, env: target.env });
  const created = run([
    'admin',
    'create-org',
    '--name',
    '国立大学法人 髙\uFA10大学',
    '--name-en',
    'Takatsuka University',
    '--domain',
    'Takatsuka.example.AC.jp',
    '--admin-email',
    'Admin@Takatsuka.example.ac.jp',
  ]);
  assert.equal(created.status, 0, created.stderr);
  const ids = lastJson(created.stdout) as {
    organisationId: string;
    userId: string;
    membershipId: string;
    userCreated: boolean;
    issuerId: string;
  };
  assert.equal(ids.userCreated, true);
  assert.match(ids.issuerId, /^[0-9a-f-]{36}$/);

  // Same domain again: refused, exit 2, the server's code in the message.
  const again = run([
    'admin',
    'create-org',
    '--name',
    'x',
    '--domain',
    'takatsuka.example.ac.jp',
    '--admin-email',
    'a@b.jp',
  ]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /ERR_ORG_DOMAIN_TAKEN.*\[ERR_CLI_INVALID_VALUE\]\n$/);
  const badDomain = run([
    'admin',
    'create-org',
    '--name',
    'x',
    '--domain',
    'not a domain',
    '--admin-email',
    'a@b.jp',
  ]);
  assert.equal(badDomain.status, 2);
  assert.match(badDomain.stderr, /domain/);

  // A second organisation whose admin already has an account: the account is reused.
  const second = run([
    'admin',
    'create-org',
    '--name',
    '証商事',
    '--domain',
    'shoji.example.jp',
    '--admin-email',
    'admin@takatsuka.example.ac.jp',
    '--type',
    'company',
  ]);
  assert.equal(second.status, 0, second.stderr);
  assert.deepEqual(
    [lastJson(second.stdout).userId, lastJson(second.stdout).userCreated],
    [ids.userId, false],
  );

  // An API key, named by domain, with two scopes; and one by id with every scope.
  const keyed = run([
    'admin',
    'create-api-key',
    '--org',
    'TAKATSUKA.example.ac.jp',
    '--name',
    'LMS',
    '--scopes',
    'org:read,badges:issue',
  ]);
  assert.equal(keyed.status, 0, keyed.stderr);
  const key = lastJson(keyed.stdout) as {
    apiKeyId: string;
    key: string;
    scopes: string[];
    prefix: string;
    organisationId: string;
  };
  assert.match(key.key, /^akashi_/);
  assert.deepEqual(key.scopes, ['org:read', 'badges:issue']);
  assert.equal(key.organisationId, ids.organisationId);
  const every = run(['admin', 'create-api-key', '--org', ids.organisationId, '--name', 'all']);
  assert.equal(every.status, 0, every.stderr);
  assert.equal((lastJson(every.stdout).scopes as string[]).length, API_KEY_SCOPES.length);
  const unknownScope = run([
    'admin',
    'create-api-key',
    '--org',
    ids.organisationId,
    '--name',
    'x',
    '--scopes',
    'org:read,root',
  ]);
  assert.equal(unknownScope.status, 2);
  assert.match(unknownScope.stderr, /root/);
  const noOrg = run(['admin', 'create-api-key', '--org', 'nowhere.example.jp', '--name', 'x']);
  assert.equal(noOrg.status, 2);
  assert.match(noOrg.stderr, /ERR_ORG_NOT_FOUND/);

  // What the database holds, and the server accepting the key.
  const config = loadConfig(target.env);
  const db: Database = openDatabase(config.database);
  const app = createApp({ config, db, logger: false, masterKey: createTestMasterKey() });
  try {
    const organisation = await db.kysely
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', ids.organisationId)
      .executeTakeFirstOrThrow();
    assert.equal(organisation.legal_name, '国立大学法人 髙\uFA10大学');
    assert.equal(organisation.domain, 'takatsuka.example.ac.jp');
    assert.equal(organisation.status, 'approved');
    const user = await db.kysely
      .selectFrom('users')
      .selectAll()
      .where('id', '=', ids.userId)
      .executeTakeFirstOrThrow();
    assert.equal(user.email, 'admin@takatsuka.example.ac.jp');
    assert.equal(user.password_hash, null);
    const membership = await db.kysely
      .selectFrom('memberships')
      .selectAll()
      .where('id', '=', ids.membershipId)
      .executeTakeFirstOrThrow();
    assert.equal(membership.role, 'org_admin');
    const stored = await db.kysely
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', key.apiKeyId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.key_hash, createHash('sha256').update(key.key).digest('hex'));
    assert.equal(stored.key_prefix, key.prefix);
    const actions = await db.kysely
      .selectFrom('audit_events')
      .select('action')
      .orderBy('occurred_at')
      .execute();
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      'api-key.create',
      'api-key.create',
      'issuer.create',
      'issuer.create',
      'key.create',
      'key.create',
      'key.create',
      'key.create',
      'member.add',
      'member.add',
      'org.create',
      'org.create',
    ]);

    // The default issuer profile, named after the organisation, with its two keys.
    const issuer = await db.kysely
      .selectFrom('issuer_profiles')
      .selectAll()
      .where('id', '=', ids.issuerId)
      .executeTakeFirstOrThrow();
    assert.equal(issuer.organisation_id, ids.organisationId);
    assert.equal(issuer.is_default, 1);
    assert.equal(issuer.name_ja, '国立大学法人 髙\uFA10大学');
    assert.equal(issuer.name_en, 'Takatsuka University');
    assert.equal(issuer.url, 'https://takatsuka.example.ac.jp');
    // PUBLIC_URL is http://localhost:… here: did:key, not did:web.
    assert.equal(issuer.identifier_method, 'did:key');
    const issuerKeys = await db.kysely
      .selectFrom('issuer_keys')
      .select('algorithm')
      .where('owner_id', '=', ids.issuerId)
      .orderBy('algorithm')
      .execute();
    assert.deepEqual(
      issuerKeys.map((k) => k.algorithm),
      ['ed25519', 'rsa'],
    );
    const published = await app.inject({
      url: `/issuers/${ids.issuerId}`,
      headers: { accept: 'application/ld+json' },
    });
    assert.equal(published.statusCode, 200, published.body);

    const response = await app.inject({
      url: `/api/v1/organisations/${ids.organisationId}`,
      headers: { authorization: `Bearer ${key.key}` },
    });
    assert.equal(response.statusCode, 200, response.body);
    const listed = await app.inject('/api/v1/public/organisations');
    assert.equal(listed.json<{ organisations: unknown[] }>().organisations.length, 2);
  } finally {
    await app.close();
    await db.close();
  }
};

describe('akashi admin', () => {
  it('create-org and create-api-key work against a fresh SQLite data directory', async () => {
    const target = await sqliteTarget();
    try {
      await scenario(target);
    } finally {
      await target.dispose();
    }
  });

  it(
    'create-org and create-api-key work against PostgreSQL (DATABASE_URL)',
    POSTGRES_URL === undefined || POSTGRES_URL === '' ? { skip: POSTGRES_SKIP } : {},
    async () => {
      if (POSTGRES_URL === undefined) return;
      const target = await postgresTarget(POSTGRES_URL);
      try {
        await scenario(target);
      } finally {
        await target.dispose();
      }
    },
  );

  it('prints its help, and the usage without a subcommand', () => {
    const run = (args: string[]) => runAkashi(args, { cwd: work.dir });
    assert.match(run(['admin', '--help']).stdout, /create-org[\s\S]*create-api-key/);
    assert.match(run(['admin', 'create-org', '--help']).stdout, /^Usage: akashi admin create-org/);
    assert.match(run(['help', 'admin', 'create-api-key']).stdout, /badges:issue/);
    const usage = run(['admin']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^Usage: akashi admin <subcommand>/);
    const missing = run(['admin', 'create-org', '--name', 'x']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--domain is required/);
  });
});
