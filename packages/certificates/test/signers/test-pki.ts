/**
 * Test support: a test CA and a signing certificate made by openssl in a temporary directory,
 * exported as PKCS#12 with OpenSSL 3's default algorithms (PBES2/AES-256, HMAC-SHA-256) or with
 * `-legacy` (RC2-40 certificates, 3DES key, SHA-1 MAC). No key is ever committed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOpenssl } from '../tsa/openssl-tsa.js';

export type TestKeyType = 'rsa2048' | 'rsa3072' | 'p256' | 'p384';

export interface TestP12 {
  readonly dir: string;
  readonly p12: Uint8Array;
  readonly leafPem: string;
  readonly caPem: string;
  /** Writes a file in `dir` and returns its path. */
  readonly write: (name: string, data: Uint8Array | string) => Promise<string>;
  readonly close: () => Promise<void>;
}

const keyArgs = (keyType: TestKeyType): string[] => {
  if (keyType === 'rsa2048') return ['-newkey', 'rsa:2048'];
  if (keyType === 'rsa3072') return ['-newkey', 'rsa:3072'];
  const curve = keyType === 'p256' ? 'P-256' : 'P-384';
  return ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${curve}`];
};

const EXTENSIONS = `[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

/** A CA, a leaf of `keyType` signed by it, and the PKCS#12 of the leaf key with both certs. */
export const makeTestP12 = async (
  keyType: TestKeyType,
  options: { readonly legacy?: boolean; readonly password?: string } = {},
): Promise<TestP12> => {
  const dir = await mkdtemp(join(tmpdir(), 'akashi-p12-'));
  const run = (args: string[]): Promise<string> => runOpenssl(args, dir);
  await writeFile(join(dir, 'ext.cnf'), EXTENSIONS);
  await run(
    ['req', '-x509', '-new', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']
      .concat(['-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=Akashi Test CA'])
      .concat(['-addext', 'basicConstraints=critical,CA:TRUE'])
      .concat(['-addext', 'keyUsage=critical,keyCertSign,cRLSign']),
  );
  await run(
    [
      'req',
      '-new',
      '-nodes',
      ...keyArgs(keyType),
      '-keyout',
      'leaf.key',
      '-out',
      'leaf.csr',
    ].concat(['-subj', '/CN=Akashi Test Seal/O=Akashi University']),
  );
  await run(
    [
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
    ].concat(['-out', 'leaf.pem', '-days', '30', '-extfile', 'ext.cnf', '-extensions', 'leaf']),
  );
  await run(
    ['pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-certfile', 'ca.pem']
      .concat(['-out', 'leaf.p12', '-passout', `pass:${options.password ?? 'secret'}`])
      .concat(options.legacy === true ? ['-legacy'] : []),
  );
  await rm(join(dir, 'ca.key'));
  return {
    dir,
    p12: new Uint8Array(await readFile(join(dir, 'leaf.p12'))),
    leafPem: await readFile(join(dir, 'leaf.pem'), 'utf8'),
    caPem: await readFile(join(dir, 'ca.pem'), 'utf8'),
    write: async (name, data) => {
      const path = join(dir, name);
      await writeFile(path, data);
      return path;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
};
