import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { isConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { isKeyStoreError } from './key-store-error.js';
import { loadMasterKey, MASTER_KEY_FILE_NAME } from './load-master-key.js';
import { createMasterKey, deriveMasterKey, parseMasterKey } from './master-key.js';

const BYTES = Buffer.from(Array.from({ length: 32 }, (_, i) => i + 1));
const POSIX = process.platform !== 'win32';

describe('parseMasterKey', () => {
  it('reads 32 bytes as base64, base64url (with or without padding) and hex, around white space', () => {
    const forms = [
      BYTES.toString('base64'),
      BYTES.toString('base64url'),
      `${BYTES.toString('base64url')}=`,
      BYTES.toString('hex'),
      BYTES.toString('hex').toUpperCase(),
      `  ${BYTES.toString('base64')}\n`,
    ];
    const expected = deriveMasterKey(parseMasterKey(forms[0]!)!, 'environment').id;
    for (const form of forms) {
      const key = parseMasterKey(form);
      assert.ok(key !== undefined, form);
      assert.equal(deriveMasterKey(key, 'environment').id, expected, form);
    }
  });

  it('refuses other lengths, other encodings and placeholders', () => {
    for (const text of [
      '',
      randomBytes(31).toString('base64'),
      randomBytes(33).toString('base64'),
      randomBytes(31).toString('hex'),
      randomBytes(48).toString('base64'),
      `${BYTES.toString('hex').slice(0, 63)}g`,
      'correct horse battery staple correct horse battery',
      '0'.repeat(64),
      Buffer.alloc(32, 0xff).toString('base64'),
    ]) {
      assert.equal(parseMasterKey(text), undefined, text);
    }
  });

  it('creates random keys that it can read back', () => {
    const a = createMasterKey();
    const b = createMasterKey();
    assert.notEqual(a, b);
    assert.ok(parseMasterKey(a) !== undefined && parseMasterKey(b) !== undefined);
  });

  it('gives a stable fingerprint that depends on the key and reveals nothing of it', () => {
    const text = createMasterKey();
    const one = deriveMasterKey(parseMasterKey(text)!, 'environment');
    const two = deriveMasterKey(parseMasterKey(text)!, 'file', '/x');
    const other = deriveMasterKey(parseMasterKey(createMasterKey())!, 'environment');
    assert.match(one.id, /^mk-[0-9a-f]{16}$/);
    assert.equal(one.id, two.id);
    assert.notEqual(one.id, other.id);
    const hex = Buffer.from(text, 'base64').toString('hex');
    for (const shown of [JSON.stringify(one), inspect(one, { depth: 5 })]) {
      assert.ok(!shown.includes(text) && !shown.includes(hex.slice(0, 16)));
    }
  });
});

describe('deriveMasterKey', () => {
  it('derives a separate, stable 32-byte key for the wallet claim links', () => {
    const text = createMasterKey();
    const one = deriveMasterKey(parseMasterKey(text)!, 'environment');
    const two = deriveMasterKey(parseMasterKey(text)!, 'file', '/x');
    const other = deriveMasterKey(parseMasterKey(createMasterKey())!, 'environment');
    const bytes = (key: typeof one.walletClaimKey) => key.export().toString('hex');
    assert.equal(one.walletClaimKey.symmetricKeySize, 32);
    assert.equal(bytes(one.walletClaimKey), bytes(two.walletClaimKey));
    assert.notEqual(bytes(one.walletClaimKey), bytes(other.walletClaimKey));
    assert.notEqual(bytes(one.walletClaimKey), bytes(one.issuerKeyEncryptionKey));
  });
});

describe('AKASHI_MASTER_KEY and AKASHI_MASTER_KEY_FILE in loadConfig', () => {
  it('are optional, and absent from the configuration when unset', () => {
    const config = loadConfig({}, { cwd: '/srv/akashi' });
    assert.equal('masterKey' in config, false);
    assert.equal('masterKeyFile' in config, false);
  });

  it('reads the master key as a KeyObject that never prints its value', () => {
    const text = createMasterKey();
    const config = loadConfig({ AKASHI_MASTER_KEY: text }, { cwd: '/srv/akashi' });
    assert.equal(config.masterKey?.type, 'secret');
    assert.equal(config.masterKey.symmetricKeySize, 32);
    for (const shown of [JSON.stringify(config), inspect(config, { depth: 10 })]) {
      assert.ok(!shown.includes(text));
    }
  });

  it('rejects a bad master key with a clear message that does not repeat the value', () => {
    const secret = randomBytes(16).toString('hex');
    assert.throws(
      () => loadConfig({ AKASHI_MASTER_KEY: secret, PORT: 'x' }, { cwd: '/srv/akashi' }),
      (error: unknown) => {
        assert.ok(isConfigError(error));
        const issue = error.issues.find((i) => i.variable === 'AKASHI_MASTER_KEY');
        assert.ok(issue !== undefined);
        assert.match(issue.message.en, /32 random bytes .*base64.*64 hexadecimal digits/);
        assert.match(issue.message.ja, /32 バイト/);
        assert.equal(error.issues.length, 2, 'every bad variable is reported at once');
        assert.ok(!`${error.message}${error.ja}`.includes(secret));
        return true;
      },
    );
  });

  it('resolves a relative key file path against cwd', () => {
    const config = loadConfig({ AKASHI_MASTER_KEY_FILE: 'secrets/mk' }, { cwd: '/srv/akashi' });
    assert.equal(config.masterKeyFile, '/srv/akashi/secrets/mk');
  });
});

describe('loadMasterKey', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'akashi-master-key-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const freshDir = async (): Promise<string> => {
    const dir = join(root, randomBytes(6).toString('hex'));
    await mkdir(dir, { mode: 0o700 });
    return dir;
  };

  it('takes AKASHI_MASTER_KEY when it is set and creates no file', async () => {
    const dataDir = await freshDir();
    const config = loadConfig({ AKASHI_MASTER_KEY: createMasterKey(), AKASHI_DATA_DIR: dataDir });
    const masterKey = await loadMasterKey(config);
    assert.equal(masterKey.source, 'environment');
    assert.equal(masterKey.file, undefined);
    assert.deepEqual(await readdir(dataDir), []);
  });

  it('creates the key file on first use, mode 0600, and reads the same key afterwards', async () => {
    const dataDir = join(await freshDir(), 'not-yet-there');
    const first = await loadMasterKey({ dataDir });
    const file = join(dataDir, MASTER_KEY_FILE_NAME);
    assert.equal(first.source, 'file');
    assert.equal(first.file, file);
    if (POSIX) {
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      assert.equal((await stat(dataDir)).mode & 0o777, 0o700);
    }
    assert.ok(parseMasterKey(await readFile(file, 'utf8')) !== undefined);
    assert.equal((await loadMasterKey({ dataDir })).id, first.id);
    assert.deepEqual(await readdir(dataDir), [MASTER_KEY_FILE_NAME], 'no temporary file is left');
  });

  it('lets two processes starting at once agree on one key', async () => {
    const dataDir = await freshDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadMasterKey({ dataDir })));
    assert.equal(new Set(keys.map((key) => key.id)).size, 1);
    assert.deepEqual(await readdir(dataDir), [MASTER_KEY_FILE_NAME]);
  });

  it('uses AKASHI_MASTER_KEY_FILE instead of the data directory', async () => {
    const dataDir = await freshDir();
    const file = join(await freshDir(), 'akashi.key');
    const masterKey = await loadMasterKey({ dataDir, masterKeyFile: file });
    assert.equal(masterKey.file, file);
    assert.deepEqual(await readdir(dataDir), []);
  });

  it(
    'refuses a key file that the group or others may read, naming the file and the fix',
    { skip: !POSIX && 'file modes are POSIX' },
    async () => {
      const keyFileWithMode = async (mode: number): Promise<[string, string]> => {
        const dataDir = await freshDir();
        const file = join(dataDir, MASTER_KEY_FILE_NAME);
        await writeFile(file, `${createMasterKey()}\n`, { mode: 0o600 });
        await chmod(file, mode);
        return [dataDir, file];
      };
      for (const mode of [0o640, 0o604, 0o644, 0o660, 0o606]) {
        const [dataDir, file] = await keyFileWithMode(mode);
        await assert.rejects(loadMasterKey({ dataDir }), (error: unknown) => {
          assert.ok(isKeyStoreError(error));
          assert.equal(error.code, 'ERR_KEYSTORE_MASTER_KEY_PERMISSIONS');
          assert.ok(error.message.includes(`chmod 600 ${file}`), error.message);
          assert.ok(error.message.includes(`0${mode.toString(8)}`));
          assert.match(error.ja, /chmod 600/);
          return true;
        });
      }
      // Owner-only modes are fine, read-only included.
      for (const mode of [0o400, 0o600]) {
        const [dataDir] = await keyFileWithMode(mode);
        assert.equal((await loadMasterKey({ dataDir })).source, 'file');
      }
    },
  );

  it('refuses a key file that holds no key, without showing its content', async () => {
    const dataDir = await freshDir();
    const file = join(dataDir, MASTER_KEY_FILE_NAME);
    const content = 'not-a-key-but-a-secret-looking-thing';
    await writeFile(file, content, { mode: 0o600 });
    await assert.rejects(loadMasterKey({ dataDir }), (error: unknown) => {
      assert.ok(isKeyStoreError(error));
      assert.equal(error.code, 'ERR_KEYSTORE_MASTER_KEY_INVALID');
      assert.ok(error.message.includes(file));
      assert.ok(!error.message.includes(content) && !error.ja.includes(content));
      return true;
    });
  });

  it('reports a key file path that is not a file', async () => {
    const dataDir = await freshDir();
    await mkdir(join(dataDir, MASTER_KEY_FILE_NAME), { mode: 0o700 });
    await assert.rejects(loadMasterKey({ dataDir }), (error: unknown) => {
      assert.ok(isKeyStoreError(error));
      assert.equal(error.code, 'ERR_KEYSTORE_MASTER_KEY_UNREADABLE');
      return true;
    });
  });
});
