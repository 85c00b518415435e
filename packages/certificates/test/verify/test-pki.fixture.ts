/**
 * A throw-away test PKI made with the openssl CLI in a temp dir at test time: a root CA, an
 * unrelated root, RSA-2048 and ECDSA P-256 seal certificates, an expired one, and a TSA
 * certificate (critical timeStamping EKU) — plus `openssl ts -reply` as the time-stamping
 * authority. Nothing here is committed; keys live only in the temp dir.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestIdentity {
  readonly key: KeyObject;
  readonly keyPath: string;
  readonly certPath: string;
  readonly der: Uint8Array;
  readonly algorithm: 'rsa' | 'ec';
}

export interface TestPki {
  readonly dir: string;
  readonly root: TestIdentity;
  readonly otherRoot: TestIdentity;
  readonly rsa: TestIdentity;
  readonly ec: TestIdentity;
  readonly expired: TestIdentity;
  readonly untrusted: TestIdentity;
  readonly tsa: TestIdentity;
  /** An RFC 3161 TimeStampToken (DER) from `openssl ts -reply` for a SHA-256 digest. */
  readonly timestamp: (sha256: Uint8Array) => Uint8Array;
  readonly cleanup: () => void;
}

const openssl = (args: readonly string[], cwd: string): Buffer =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

const CONFIG = (dir: string) => `
[ ca ]
default_ca = ca_default
[ ca_default ]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ policy_any ]
commonName = supplied
organizationName = optional
countryName = optional
[ v3_leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_tsa ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa_default
[ tsa_default ]
dir = ${dir}
serial = $dir/tsaserial
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
ess_cert_id_alg = sha256
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
`;

const genKey = (dir: string, name: string, algorithm: 'rsa' | 'ec'): string => {
  const path = join(dir, `${name}.key`);
  const options =
    algorithm === 'rsa'
      ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
      : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  openssl(['genpkey', ...options, '-out', path], dir);
  return path;
};

const identity = (dir: string, name: string, algorithm: 'rsa' | 'ec'): TestIdentity => {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.pem`);
  const x509 = new X509Certificate(readFileSync(certPath));
  return {
    key: createPrivateKey(readFileSync(keyPath)),
    keyPath,
    certPath,
    der: new Uint8Array(x509.raw),
    algorithm,
  };
};

const makeRoot = (dir: string, name: string, cn: string): TestIdentity => {
  const key = genKey(dir, name, 'ec');
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      key,
      '-subj',
      `/CN=${cn}`,
      '-days',
      '3650',
      '-sha256',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      join(dir, `${name}.pem`),
    ],
    dir,
  );
  return identity(dir, name, 'ec');
};

const makeLeaf = (
  dir: string,
  issuer: string,
  name: string,
  subject: string,
  algorithm: 'rsa' | 'ec',
  options: { extensions?: string; dates?: readonly [string, string] } = {},
): TestIdentity => {
  const key = genKey(dir, name, algorithm);
  const csr = join(dir, `${name}.csr`);
  openssl(['req', '-new', '-key', key, '-subj', subject, '-out', csr], dir);
  const validity =
    options.dates === undefined
      ? ['-days', '365']
      : ['-startdate', options.dates[0], '-enddate', options.dates[1]];
  openssl(
    [
      'ca',
      '-batch',
      '-notext',
      '-config',
      join(dir, 'ca.cnf'),
      '-cert',
      join(dir, `${issuer}.pem`),
      '-keyfile',
      join(dir, `${issuer}.key`),
      '-extensions',
      options.extensions ?? 'v3_leaf',
      ...validity,
      '-in',
      csr,
      '-out',
      join(dir, `${name}.pem`),
    ],
    dir,
  );
  return identity(dir, name, algorithm);
};

export const makeTestPki = (): TestPki => {
  const dir = mkdtempSync(join(tmpdir(), 'akashi-verify-pki-'));
  mkdirSync(join(dir, 'newcerts'));
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  writeFileSync(join(dir, 'ca.cnf'), CONFIG(dir));
  const root = makeRoot(dir, 'root', 'Akashi Test Root CA');
  const otherRoot = makeRoot(dir, 'other-root', 'Unrelated Root CA');
  const rsa = makeLeaf(
    dir,
    'root',
    'rsa',
    '/CN=Akashi University e-seal (RSA)/O=Akashi University/C=JP',
    'rsa',
  );
  const ec = makeLeaf(
    dir,
    'root',
    'ec',
    '/CN=Akashi University e-seal (P-256)/O=Akashi University/C=JP',
    'ec',
  );
  const expired = makeLeaf(
    dir,
    'root',
    'expired',
    '/CN=Expired e-seal/O=Akashi University/C=JP',
    'ec',
    {
      dates: ['20200101000000Z', '20210101000000Z'],
    },
  );
  const untrusted = makeLeaf(
    dir,
    'other-root',
    'untrusted',
    '/CN=Someone else/O=Elsewhere/C=JP',
    'ec',
  );
  const tsa = makeLeaf(dir, 'root', 'tsa', '/CN=Akashi Test TSA/O=Akashi University/C=JP', 'rsa', {
    extensions: 'v3_tsa',
  });
  const timestamp = (sha256: Uint8Array): Uint8Array => {
    const query = join(dir, 'query.tsq');
    openssl(
      [
        'ts',
        '-query',
        '-digest',
        Buffer.from(sha256).toString('hex'),
        '-sha256',
        '-cert',
        '-out',
        query,
      ],
      dir,
    );
    const token = join(dir, 'token.der');
    openssl(
      [
        'ts',
        '-reply',
        '-config',
        join(dir, 'ca.cnf'),
        '-queryfile',
        query,
        '-signer',
        tsa.certPath,
        '-inkey',
        tsa.keyPath,
        '-token_out',
        '-out',
        token,
      ],
      dir,
    );
    return new Uint8Array(readFileSync(token));
  };
  return {
    dir,
    root,
    otherRoot,
    rsa,
    ec,
    expired,
    untrusted,
    tsa,
    timestamp,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
