/**
 * A throw-away test PKI made with the openssl CLI in a temp dir: a CA, an RSA and an ECDSA P-256
 * seal certificate, a TSA certificate (extendedKeyUsage critical timeStamping), a CRL and an OCSP
 * response, plus an NSS database trusting the CA for `pdfsig -nssdir`. Also the test-side
 * {@link DigestSigner}s and an RFC 3161 {@link TimestampAuthority} over `openssl ts -query/-reply`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { constants, createPrivateKey, privateEncrypt, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DigestSigner, TimestampAuthority } from '../../src/signer.js';

const run = promisify(execFile);

export interface TestPki {
  readonly dir: string;
  readonly caPem: string;
  readonly nssDir: string;
  readonly rsaSigner: DigestSigner;
  readonly ecSigner: DigestSigner;
  readonly tsa: TimestampAuthority;
  readonly crl: Uint8Array;
  readonly ocsp: Uint8Array;
}

const pemToDer = (pem: string): Uint8Array =>
  Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'akashi-pades-'));
  const ssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  writeFileSync(
    join(dir, 'ext.cnf'),
    `[seal]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[tsa]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=critical,timeStamping
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
`,
  );
  ssl(
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem'],
    ...['-days', '30', '-subj', '/O=Akashi Test/CN=Akashi Test CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  );
  const req = (name: string, keyArgs: string[], subject: string, ext: string): void => {
    ssl(
      'req',
      '-new',
      ...keyArgs,
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-subj',
      subject,
      '-out',
      `${name}.csr`,
    );
    ssl(
      ...['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key'],
      ...['-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '30'],
      ...['-extfile', 'ext.cnf', '-extensions', ext, '-out', `${name}.pem`],
    );
  };
  req(
    'seal-rsa',
    ['-newkey', 'rsa:2048'],
    '/O=Akashi Test University/CN=Akashi e-seal RSA',
    'seal',
  );
  req(
    'seal-ec',
    ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    '/O=Akashi Test University/CN=Akashi e-seal EC',
    'seal',
  );
  req('tsa', ['-newkey', 'rsa:2048'], '/O=Akashi Test/CN=Akashi Test TSA', 'tsa');

  // CRL and OCSP response from a minimal openssl "ca" database.
  const sealSerial = execFileSync('openssl', ['x509', '-in', 'seal-rsa.pem', '-noout', '-serial'], {
    cwd: dir,
  })
    .toString()
    .trim()
    .replace('serial=', '');
  writeFileSync(join(dir, 'index.txt'), `V\t301231235959Z\t\t${sealSerial}\tunknown\t/CN=x\n`);
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=30\n`,
  );
  ssl(
    'ca',
    '-gencrl',
    '-config',
    'ca.cnf',
    '-keyfile',
    'ca.key',
    '-cert',
    'ca.pem',
    '-out',
    'ca.crl',
  );
  ssl('crl', '-in', 'ca.crl', '-outform', 'DER', '-out', 'ca.crl.der');
  ssl(
    ...['ocsp', '-index', 'index.txt', '-rsigner', 'ca.pem', '-rkey', 'ca.key', '-CA', 'ca.pem'],
    ...['-issuer', 'ca.pem', '-cert', 'seal-rsa.pem', '-respout', 'ocsp.der', '-ndays', '1'],
  );

  writeFileSync(
    join(dir, 'tsa.cnf'),
    `[tsa]
default_tsa=t
[t]
serial=${join(dir, 'tsaserial')}
crypto_device=builtin
signer_cert=${join(dir, 'tsa.pem')}
certs=${join(dir, 'ca.pem')}
signer_key=${join(dir, 'tsa.key')}
signer_digest=sha256
default_policy=1.2.3.4.1
digests=sha256
accuracy=secs:1
ordering=yes
tsa_name=yes
ess_cert_id_chain=no
ess_cert_id_alg=sha256
`,
  );
  writeFileSync(join(dir, 'tsaserial'), '01\n');

  const nssDir = join(dir, 'nss');
  execFileSync('mkdir', ['-p', nssDir]);
  execFileSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${nssDir}`,
    '-n',
    'akashi-test-ca',
    '-t',
    'CT,C,C',
    '-i',
    join(dir, 'ca.pem'),
  ]);

  const caDer = pemToDer(readFileSync(join(dir, 'ca.pem'), 'latin1'));
  const chainOf = (name: string): Uint8Array[] => [
    pemToDer(readFileSync(join(dir, `${name}.pem`), 'latin1')),
    caDer,
  ];
  const rsaKey = createPrivateKey(readFileSync(join(dir, 'seal-rsa.key')));
  const rsaChain = chainOf('seal-rsa');
  const rsaSigner: DigestSigner = {
    algorithm: 'rsa-pkcs1-sha256',
    certificates: () => Promise.resolve(rsaChain),
    signDigest: (sha256) =>
      Promise.resolve(
        privateEncrypt(
          { key: rsaKey, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([SHA256_DIGEST_INFO, sha256]),
        ),
      ),
  };
  // node:crypto cannot sign a prehashed digest with ECDSA (crypto.sign always hashes), so the
  // test EC signer shells out to `openssl pkeyutl`, which signs the raw digest.
  const ecChain = chainOf('seal-ec');
  let counter = 0;
  const ecSigner: DigestSigner = {
    algorithm: 'ecdsa-p256-sha256',
    certificates: () => Promise.resolve(ecChain),
    signDigest: async (sha256) => {
      const file = join(dir, `digest-${counter++}.bin`);
      writeFileSync(file, sha256);
      const { stdout } = await run(
        'openssl',
        ['pkeyutl', '-sign', '-inkey', 'seal-ec.key', '-in', file],
        {
          cwd: dir,
          encoding: 'buffer',
        },
      );
      return new Uint8Array(stdout);
    },
  };
  const tsa: TimestampAuthority = {
    timestamp: async (sha256) => {
      const n = counter++;
      await run(
        'openssl',
        [
          'ts',
          '-query',
          '-digest',
          Buffer.from(sha256).toString('hex'),
          '-sha256',
          '-cert',
          '-out',
          `q${n}.tsq`,
        ],
        { cwd: dir },
      );
      await run(
        'openssl',
        [
          'ts',
          '-reply',
          '-config',
          'tsa.cnf',
          '-queryfile',
          `q${n}.tsq`,
          '-token_out',
          '-out',
          `t${n}.der`,
        ],
        { cwd: dir },
      );
      return new Uint8Array(readFileSync(join(dir, `t${n}.der`)));
    },
  };
  return {
    dir,
    caPem: join(dir, 'ca.pem'),
    nssDir,
    rsaSigner,
    ecSigner,
    tsa,
    crl: new Uint8Array(readFileSync(join(dir, 'ca.crl.der'))),
    ocsp: new Uint8Array(readFileSync(join(dir, 'ocsp.der'))),
  };
}
