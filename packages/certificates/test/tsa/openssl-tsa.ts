/**
 * Test support: a real RFC 3161 TSA on loopback — `openssl ts -reply` behind node:http, with a
 * test CA and a TSA certificate (extendedKeyUsage critical timeStamping) made by openssl in a
 * temporary directory at start-up. Other tests import `startOpensslTsa`; `mutate` lets a test
 * tamper with replies, and `runOpenssl` is the oracle runner.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- test-only loopback server
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const runOpenssl = (args: readonly string[], cwd?: string): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`openssl ${args.join(' ')}: ${stderr || error.message}`));
      else resolve(stdout + stderr);
    });
  });

export interface OpensslTsaOptions {
  /** The TSA's key (default rsa). */
  readonly keyType?: 'rsa' | 'ec';
  /** Rewrites each reply (status, content type, body) before it is sent. */
  readonly mutate?: (reply: TsaReply) => TsaReply;
}

export interface TsaReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: Uint8Array;
}

export interface OpensslTsa {
  readonly url: string;
  readonly caPem: string;
  readonly caDer: Uint8Array;
  readonly tsaCertPem: string;
  /** The directory holding ca.pem, tsa.pem, tsa.cnf (kept until `close`). */
  readonly dir: string;
  /** How many queries were answered. */
  readonly requests: () => number;
  readonly close: () => Promise<void>;
}

const keyArgs = (keyType: 'rsa' | 'ec'): string[] =>
  keyType === 'rsa'
    ? ['-newkey', 'rsa:2048']
    : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];

const EXTENSIONS = `[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[tsa_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

const tsaConfig = (dir: string): string => `[tsa]
default_tsa = tsa_config
[tsa_config]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1.1
other_policies = 1.3.6.1.4.1.99999.1.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/** Makes a test CA and TSA certificate, then serves `openssl ts -reply` on 127.0.0.1. */
export const startOpensslTsa = async (options: OpensslTsaOptions = {}): Promise<OpensslTsa> => {
  const dir = await mkdtemp(join(tmpdir(), 'akashi-tsa-'));
  await writeFile(join(dir, 'ext.cnf'), EXTENSIONS);
  await writeFile(join(dir, 'tsa.cnf'), tsaConfig(dir));
  await writeFile(join(dir, 'serial'), '01\n');
  await runOpenssl(
    ['req', '-x509', '-new', '-nodes', ...keyArgs('ec'), '-keyout', 'ca.key', '-out', 'ca.pem']
      .concat(['-days', '30', '-subj', '/CN=Akashi Test TSA CA'])
      .concat(['-addext', 'basicConstraints=critical,CA:TRUE'])
      .concat(['-addext', 'keyUsage=critical,keyCertSign,cRLSign']),
    dir,
  );
  await runOpenssl(
    ['req', '-new', '-nodes', ...keyArgs(options.keyType ?? 'rsa'), '-keyout', 'tsa.key'].concat([
      '-out',
      'tsa.csr',
      '-subj',
      '/CN=Akashi Test TSA/O=Akashi',
    ]),
    dir,
  );
  await runOpenssl(
    [
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
    ].concat(['-out', 'tsa.pem', '-days', '30', '-extfile', 'ext.cnf', '-extensions', 'tsa_ext']),
    dir,
  );
  const caPem = await readFile(join(dir, 'ca.pem'), 'utf8');
  const tsaCertPem = await readFile(join(dir, 'tsa.pem'), 'utf8');
  let count = 0;
  // openssl ts -reply updates the serial file: answer one query at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async (query: Buffer): Promise<TsaReply> => {
    count += 1;
    const name = `q${count}`;
    await writeFile(join(dir, `${name}.tsq`), query);
    try {
      await runOpenssl(
        ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', `${name}.tsq`, '-out', `${name}.tsr`],
        dir,
      );
      const body = new Uint8Array(await readFile(join(dir, `${name}.tsr`)));
      return { status: 200, contentType: 'application/timestamp-reply', body };
    } catch {
      return { status: 500, contentType: 'text/plain', body: new TextEncoder().encode('failed') };
    }
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const job = queue.then(() => answer(Buffer.concat(chunks)));
      queue = job.catch(() => undefined);
      void job.then((reply) => {
        const sent = options.mutate === undefined ? reply : options.mutate(reply);
        response.writeHead(sent.status, { 'Content-Type': sent.contentType });
        response.end(sent.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    caPem,
    caDer: pemToDer(caPem),
    tsaCertPem,
    dir,
    requests: () => count,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
};

export const pemToDer = (pem: string): Uint8Array =>
  new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
