import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const CWD = '/srv/akashi';

describe('loadConfig', () => {
  it('runs on defaults alone: 127.0.0.1:3000, ./data, SQLite inside it', () => {
    assert.deepEqual(loadConfig({}, { cwd: CWD }), {
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/akashi/data',
      database: { dialect: 'sqlite', file: '/srv/akashi/data/akashi.sqlite' },
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      bodyLimit: 1048576,
      trustProxy: false,
      webhookAllowPrivateTargets: false,
      imageStore: 'database',
      fetchAllowHosts: [],
      walletRecheckHours: 24,
    });
  });

  it('treats empty values as unset', () => {
    assert.deepEqual(
      loadConfig({ PORT: '', DATABASE_URL: '', PUBLIC_URL: '' }, { cwd: CWD }),
      loadConfig({}, { cwd: CWD }),
    );
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        AKASHI_DATA_DIR: '/var/lib/akashi',
        DATABASE_URL: 'postgres://akashi:secret@db:5432/akashi',
        PUBLIC_URL: 'https://badges.example.ac.jp/',
        LOG_LEVEL: 'warn',
        AKASHI_BODY_LIMIT: '5242880',
        AKASHI_TRUST_PROXY: '1',
        AKASHI_WEBHOOK_ALLOW_PRIVATE: '1',
        AKASHI_IMAGE_STORE: 'data-directory',
        AKASHI_FETCH_ALLOW_HOSTS: 'Badges.Internal.example.ac.jp, 127.0.0.1:8443,[::1]:9000',
        AKASHI_WALLET_RECHECK_HOURS: '6',
      },
      { cwd: CWD },
    );
    assert.deepEqual(config, {
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/akashi',
      database: { dialect: 'postgres', url: 'postgres://akashi:secret@db:5432/akashi' },
      publicUrl: 'https://badges.example.ac.jp',
      logLevel: 'warn',
      bodyLimit: 5242880,
      trustProxy: 1,
      webhookAllowPrivateTargets: true,
      imageStore: 'data-directory',
      fetchAllowHosts: ['badges.internal.example.ac.jp', '127.0.0.1:8443', '[::1]:9000'],
      walletRecheckHours: 6,
    });
  });

  it('refuses a bad switch and an unknown image store, naming both', () => {
    assert.throws(
      () =>
        loadConfig(
          { AKASHI_WEBHOOK_ALLOW_PRIVATE: 'maybe', AKASHI_IMAGE_STORE: 's3' },
          { cwd: CWD },
        ),
      (error: Error) =>
        error.message.includes('AKASHI_WEBHOOK_ALLOW_PRIVATE') &&
        error.message.includes('AKASHI_IMAGE_STORE'),
    );
  });

  it('resolves a relative data directory against cwd, and follows it with the SQLite file', () => {
    const config = loadConfig({ AKASHI_DATA_DIR: 'var/data', PORT: '0' }, { cwd: CWD });
    assert.equal(config.dataDir, '/srv/akashi/var/data');
    assert.deepEqual(config.database, {
      dialect: 'sqlite',
      file: join('/srv/akashi/var/data', 'akashi.sqlite'),
    });
  });

  it('accepts postgresql:// too, and trust-proxy lists and booleans', () => {
    assert.equal(
      loadConfig({ DATABASE_URL: 'postgresql://localhost/akashi' }).database.dialect,
      'postgres',
    );
    assert.deepEqual(loadConfig({ AKASHI_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, [
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    assert.equal(loadConfig({ AKASHI_TRUST_PROXY: 'true' }).trustProxy, true);
  });

  it('reports every bad variable at once, each named, in English and Japanese', () => {
    const env = {
      PORT: '70000',
      DATABASE_URL: 'mysql://db/akashi',
      PUBLIC_URL: 'https://badges.example.ac.jp/app',
      LOG_LEVEL: 'loud',
      AKASHI_BODY_LIMIT: '12',
      AKASHI_TRUST_PROXY: 'maybe please',
    };
    assert.throws(
      () => loadConfig(env),
      (error: unknown) => {
        assert.ok(isConfigError(error));
        assert.equal(error.code, 'ERR_CONFIG_INVALID');
        assert.deepEqual(
          error.issues.map((issue) => issue.variable),
          [
            'PORT',
            'DATABASE_URL',
            'PUBLIC_URL',
            'LOG_LEVEL',
            'AKASHI_BODY_LIMIT',
            'AKASHI_TRUST_PROXY',
          ],
        );
        for (const issue of error.issues) {
          assert.ok(issue.message.en.length > 0 && issue.message.ja.length > 0);
          assert.ok(error.message.includes(`${issue.variable}: ${issue.message.en}`));
          assert.ok(error.ja.includes(`${issue.variable}: ${issue.message.ja}`));
        }
        assert.match(error.message, /PORT: must be an integer from 0 to 65535, not "70000"/);
        assert.match(error.message, /not mysql:\/\//);
        assert.match(error.message, /origin only/);
        return true;
      },
    );
  });

  for (const [variable, value] of [
    ['PORT', 'abc'],
    ['PORT', '-1'],
    ['PORT', '3000.5'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'sqlite:data.db'],
    ['PUBLIC_URL', 'badges.example.ac.jp'],
    ['PUBLIC_URL', 'ftp://badges.example.ac.jp'],
    ['PUBLIC_URL', 'https://badges.example.ac.jp/?x=1'],
    ['PUBLIC_URL', 'https://user@badges.example.ac.jp'],
    ['LOG_LEVEL', 'INFO'],
    ['AKASHI_BODY_LIMIT', '1mb'],
    ['AKASHI_BODY_LIMIT', '99999999999'],
    ['AKASHI_FETCH_ALLOW_HOSTS', 'https://badges.example.ac.jp'],
    ['AKASHI_FETCH_ALLOW_HOSTS', 'host/path,127.0.0.1'],
    ['AKASHI_WALLET_RECHECK_HOURS', '0'],
    ['AKASHI_WALLET_RECHECK_HOURS', '721'],
    ['AKASHI_WALLET_RECHECK_HOURS', '1.5'],
  ] as const) {
    it(`refuses ${variable}=${value}`, () => {
      assert.throws(
        () => loadConfig({ [variable]: value }),
        (error: unknown) =>
          isConfigError(error) &&
          error.issues.length === 1 &&
          error.issues[0]?.variable === variable,
      );
    });
  }

  it('never puts the database password in a message', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/akashi' }),
      (error: unknown) =>
        isConfigError(error) && !`${error.message}${error.ja}`.includes('hunter2'),
    );
  });
});
