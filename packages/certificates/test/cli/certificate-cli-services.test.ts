/**
 * `akashi certificate render` with remote services: an RFC 3161 time-stamp authority (openssl
 * behind a loopback HTTP wrapper) and a CSC API v2 signing service (a loopback stand-in), both
 * reached through core's guarded POST. The CLI runs as a child process; it is spawned
 * asynchronously so that the services in this process can answer it.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { AKASHI_BIN } from '../../../cli/src/run-akashi.js';
import { createIssuerWorkspace, ISSUE_ED25519 } from '../../../cli/src/issuer-workspace.js';
import { startMockCsc, type MockCsc } from '../signers/mock-csc-server.js';
import { makeTestP12, type TestP12 } from '../signers/test-pki.js';
import { startOpensslTsa, type OpensslTsa } from '../tsa/openssl-tsa.js';

const { prepare, remove, run, path } = createIssuerWorkspace();

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const runAsync = (args: readonly string[], env: Record<string, string> = {}): Promise<Outcome> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [AKASHI_BIN, ...args],
      {
        cwd: path('.'),
        env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({
          status: error === null ? 0 : typeof code === 'number' ? code : null,
          stdout,
          stderr,
        });
      },
    );
  });

const RENDER = [
  'certificate',
  'render',
  '--credential',
  'badge.json',
  '--name',
  '髙橋 﨑子',
  '--verify-url',
  'https://badges.example.ac.jp/badges/1',
];

const pdfsig = (file: string): string =>
  spawnSync('pdfsig', [path(file)], { encoding: 'utf8' }).stdout;

describe('akashi certificate render with a time-stamp authority and a remote signer', () => {
  let p12: TestP12;
  let tsa: OpensslTsa;
  let csc: MockCsc;
  let tsaHost: string;
  let cscHost: string;
  before(async () => {
    prepare();
    p12 = await makeTestP12('p256', { password: 'seal-pass' });
    [tsa, csc] = await Promise.all([
      startOpensslTsa(),
      startMockCsc({ p12: p12.p12, password: 'seal-pass', token: 'tok-1', credentialID: 'seal-1' }),
    ]);
    writeFileSync(path('seal.p12'), p12.p12);
    writeFileSync(path('ca.pem'), p12.caPem);
    writeFileSync(path('tsa-ca.pem'), tsa.caPem);
    tsaHost = new URL(tsa.url).host;
    cscHost = new URL(csc.baseUrl).host;
    const issued = run([...ISSUE_ED25519, '--issuer-name', '国立証大学', '--out', 'badge.json']);
    assert.equal(issued.status, 0, issued.stderr);
  });
  after(async () => {
    await Promise.all([tsa.close(), csc.close(), p12.close()]);
    remove();
  });

  it('seals with a local key and time-stamps (B-T): pdfsig and our verifier accept it', async () => {
    const before = tsa.requests();
    const result = await runAsync(
      [
        ...RENDER,
        '--out',
        'b-t.pdf',
        '--p12',
        'seal.p12',
        '--p12-password-env',
        'SEAL_PASSWORD',
        '--tsa',
        tsa.url,
        '--tsa-trust',
        'tsa-ca.pem',
        '--allow-host',
        tsaHost,
      ],
      { SEAL_PASSWORD: 'seal-pass' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /PAdES B-T/);
    assert.equal(tsa.requests(), before + 1);
    const sig = pdfsig('b-t.pdf');
    assert.match(sig, /Signature is Valid/);
    assert.match(sig, /Total document signed/);
    const verified = await runAsync([
      'verify',
      'b-t.pdf',
      '--trust',
      'ca.pem',
      '--trust',
      'tsa-ca.pem',
      '--json',
    ]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  });

  it('seals through the CSC service, which is sent only the 32-byte hash (B-LTA)', async () => {
    const seen = csc.seen.length;
    const result = await runAsync(
      [
        ...RENDER,
        '--out',
        'remote.pdf',
        '--csc-url',
        csc.baseUrl,
        '--csc-credential',
        'seal-1',
        '--csc-token-env',
        'CSC_TOKEN',
        '--tsa',
        tsa.url,
        '--level',
        'B-LTA',
        '--allow-host',
        tsaHost,
        '--allow-host',
        cscHost,
      ],
      { CSC_TOKEN: 'tok-1' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /PAdES B-LTA/);
    const calls = csc.seen.slice(seen);
    const signing = calls.filter((call) => call.path.endsWith('signatures/signHash'));
    assert.equal(signing.length, 1);
    const hashes = signing[0]?.body.hashes as string[];
    assert.equal(Buffer.from(hashes[0] ?? '', 'base64').length, 32);
    assert.ok(
      calls.every((call) => call.bytes < 2048),
      'no request carried the document',
    );
    assert.match(pdfsig('remote.pdf'), /Signature is Valid/);
    const verified = await runAsync([
      'verify',
      'remote.pdf',
      '--trust',
      'ca.pem',
      '--trust',
      'tsa-ca.pem',
      '--json',
    ]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  });

  it('refuses services on loopback unless allowed, and writes nothing', async () => {
    const result = await runAsync(
      [
        ...RENDER,
        '--out',
        'refused.pdf',
        '--p12',
        'seal.p12',
        '--p12-password-env',
        'P',
        '--tsa',
        tsa.url,
      ],
      { P: 'seal-pass' },
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /ERR_TSA_UNREACHABLE/);
    assert.match(result.stderr, /loopback or private/);
    assert.equal(existsSync(path('refused.pdf')), false);
  });

  it('says clearly when the TSA or the signing service cannot be reached or refuses', async () => {
    const closedTsa = await runAsync(
      [...RENDER, '--out', 'no-tsa.pdf', '--p12', 'seal.p12', '--p12-password-env', 'P'].concat([
        '--tsa',
        'http://127.0.0.1:9/tsa',
        '--allow-host',
        '127.0.0.1:9',
      ]),
      { P: 'seal-pass' },
    );
    assert.equal(closedTsa.status, 1);
    assert.match(closedTsa.stderr, /ERR_TSA_UNREACHABLE/);
    assert.equal(existsSync(path('no-tsa.pdf')), false);
    const badToken = await runAsync(
      [
        ...RENDER,
        '--out',
        'no-csc.pdf',
        '--csc-url',
        csc.baseUrl,
        '--csc-credential',
        'seal-1',
      ].concat(['--csc-token-env', 'CSC_TOKEN', '--allow-host', cscHost]),
      { CSC_TOKEN: 'wrong-token' },
    );
    assert.equal(badToken.status, 1);
    assert.match(badToken.stderr, /ERR_CSC_UNAUTHORIZED/);
    assert.equal(existsSync(path('no-csc.pdf')), false);
    const wrongPassword = await runAsync(
      [...RENDER, '--out', 'no-p12.pdf', '--p12', 'seal.p12', '--p12-password-env', 'P'],
      { P: 'not the password' },
    );
    assert.equal(wrongPassword.status, 2);
    assert.match(wrongPassword.stderr, /ERR_P12_PASSWORD/);
    assert.doesNotMatch(wrongPassword.stderr, /internal error/);
  });

  it('refuses options that do not go together', async () => {
    const noTsa = await runAsync(
      [
        ...RENDER,
        '--out',
        'x.pdf',
        '--p12',
        'seal.p12',
        '--p12-password-env',
        'P',
        '--level',
        'B-T',
      ],
      { P: 'seal-pass' },
    );
    assert.equal(noTsa.status, 2);
    assert.match(noTsa.stderr, /--tsa/);
    const both = await runAsync([
      ...RENDER,
      '--out',
      'x.pdf',
      '--p12',
      'seal.p12',
      '--csc-url',
      csc.baseUrl,
    ]);
    assert.equal(both.status, 2);
    const badLevel = await runAsync(
      [
        ...RENDER,
        '--out',
        'x.pdf',
        '--p12',
        'seal.p12',
        '--p12-password-env',
        'P',
        '--level',
        'B-X',
      ],
      { P: 'seal-pass' },
    );
    assert.equal(badLevel.status, 2);
    assert.equal(existsSync(path('x.pdf')), false);
  });
});
