import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createIssuerWorkspace, findCheck, ISSUE_ED25519, RECIPIENT } from './issuer-workspace.js';
import { AKASHI_BIN, runAkashi, SAMPLE_ACHIEVEMENT, writeJson } from './run-akashi.js';

/** Runs the CLI without blocking this process, so that a loopback server here can answer it. */
const runAkashiAsync = (args: readonly string[], cwd: string) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [AKASHI_BIN, ...args], {
      cwd,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });

const { dir, prepare, remove, run, path, readJson, verifyJson } = createIssuerWorkspace();
before(prepare);
after(remove);

describe('akashi issue (Data Integrity) and verify', () => {
  before(() => {
    const result = run([
      ...ISSUE_ED25519,
      '--issuer-name',
      'Example University',
      '--out',
      'di.json',
    ]);
    assert.equal(result.status, 0, result.stderr);
  });

  it('issues as the did:key of an Ed25519 key, with an eddsa-rdfc-2022 proof and a hashed recipient', () => {
    const credential = readJson('di.json');
    const issuer = credential.issuer as Record<string, unknown>;
    assert.match(issuer.id as string, /^did:key:z6Mk/);
    assert.equal(issuer.name, 'Example University');
    const proof = (credential.proof as Record<string, unknown>[])[0]!;
    assert.equal(proof.cryptosuite, 'eddsa-rdfc-2022');
    assert.equal(
      proof.verificationMethod,
      `${issuer.id as string}#${(issuer.id as string).slice(8)}`,
    );
    const subject = credential.credentialSubject as Record<string, unknown>;
    assert.equal(subject.id, undefined);
    assert.doesNotMatch(JSON.stringify(credential), /hanako@/);
    assert.equal((subject.achievement as Record<string, unknown>).name, SAMPLE_ACHIEVEMENT.name);
  });

  it('prints the credential on stdout without --out', () => {
    const result = run(ISSUE_ED25519);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      (JSON.parse(result.stdout) as Record<string, unknown>).proof instanceof Array,
      true,
    );
  });

  it('verifies it: exit 0, a readable summary, and a JSON report whose status is valid', () => {
    const summary = run(['verify', 'di.json']);
    assert.equal(summary.status, 0, summary.stdout + summary.stderr);
    assert.match(summary.stdout, /^VALID: every check passed\.\n/);
    assert.match(summary.stdout, /\n {2}✓ proof: The .*signature is valid\./);
    assert.match(summary.stdout, /\n {2}– recipient: /);
    const { status, report } = verifyJson('di.json');
    assert.equal(status, 0);
    assert.equal(report.status, 'valid');
    assert.equal(report.proofFormat, 'data-integrity');
  });

  it('reads the credential from standard input with -', () => {
    const result = runAkashi(['verify', '-'], {
      cwd: dir,
      input: readFileSync(path('di.json')),
    });
    assert.equal(result.status, 0, result.stdout);
  });

  it('passes --recipient with the right e-mail and exits 1 with another', () => {
    const right = verifyJson('di.json', ['--recipient', RECIPIENT]);
    assert.equal(right.status, 0);
    assert.equal(findCheck(right.report, 'recipient').outcome, 'passed');
    const wrong = verifyJson('di.json', ['--recipient', 'taro@example.ac.jp']);
    assert.equal(wrong.status, 1);
    assert.equal(wrong.report.status, 'invalid');
    assert.equal(findCheck(wrong.report, 'recipient').code, 'ERR_RECIPIENT_MISMATCH');
  });

  it('exits 1 with a failed proof check when one character of the name is changed', () => {
    const credential = readJson('di.json');
    const subject = credential.credentialSubject as Record<string, Record<string, unknown>>;
    subject.achievement!.name = 'Robotics Basicz';
    writeJson(path('tampered.json'), credential);
    const { status, report } = verifyJson('tampered.json');
    assert.equal(status, 1);
    assert.equal(report.status, 'invalid');
    assert.equal(findCheck(report, 'proof').outcome, 'failed');
    const summary = run(['verify', 'tampered.json']);
    assert.equal(summary.status, 1);
    assert.match(summary.stdout, /^INVALID: /);
    assert.match(summary.stdout, /\n {2}✗ proof: /);
  });

  it('prints the summary in Japanese under LANG=ja_JP.UTF-8', () => {
    const result = run(['verify', 'di.json'], { LANG: 'ja_JP.UTF-8' });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^有効: すべての確認に合格しました。\n/);
    assert.match(result.stdout, /✓ 署名: /);
  });

  it('verifies a badge at a URL; loopback hosts only with --allow-host', async () => {
    const body = readFileSync(path('di.json'));
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const allowed = await runAkashiAsync(
        ['verify', `http://${host}/badge.json`, '--allow-host', host, '--json'],
        dir,
      );
      assert.equal(allowed.status, 0, allowed.stderr);
      assert.equal((JSON.parse(allowed.stdout) as { status: string }).status, 'valid');
      // Without --allow-host the guarded fetcher refuses loopback addresses.
      const refused = await runAkashiAsync(['verify', `http://${host}/badge.json`, '--json'], dir);
      assert.equal(refused.status, 1);
      assert.equal((JSON.parse(refused.stdout) as { status: string }).status, 'indeterminate');
    } finally {
      server.close();
    }
    assert.equal(run(['verify', 'di.json', '--allow-host', 'https://x/y']).status, 2);
  });
});

describe('akashi issue: validity period', () => {
  it('issues a credential whose --valid-until is past; verify exits 1 with status expired', () => {
    const issued = run([
      ...ISSUE_ED25519,
      '--valid-until',
      '2021-03-31T23:59:59+09:00',
      '--out',
      'expired.json',
    ]);
    assert.equal(issued.status, 0, issued.stderr);
    assert.equal(readJson('expired.json').validUntil, '2021-03-31T23:59:59+09:00');
    const { status, report } = verifyJson('expired.json');
    assert.equal(status, 1);
    assert.equal(report.status, 'expired');
    assert.equal(findCheck(report, 'proof').outcome, 'passed');
  });

  it('issues a credential valid from a future date; verify exits 1 with status not-yet-valid', () => {
    const issued = run([
      ...ISSUE_ED25519,
      '--valid-from',
      '2999-01-01T00:00:00Z',
      '--out',
      'future.json',
    ]);
    assert.equal(issued.status, 0, issued.stderr);
    assert.equal(verifyJson('future.json').report.status, 'not-yet-valid');
  });

  it('exits 2 for a date without a time zone or not a date', () => {
    for (const date of ['2030-01-01', '2030-01-01T00:00:00', 'tomorrow']) {
      const result = run([...ISSUE_ED25519, '--valid-until', date]);
      assert.equal(result.status, 2, date);
      assert.match(result.stderr, /--valid-until must be a date-time with a time zone/);
    }
  });
});

describe('akashi issue: bad input', () => {
  it('exits 2 for a malformed --format value', () => {
    const result = run([...ISSUE_ED25519, '--format', 'xml']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--format must be one of di, jwt; got "xml"/);
  });

  it('exits 2 for a --recipient that is not an e-mail address', () => {
    const result = run([
      'issue',
      '--key',
      'ed25519.json',
      '--achievement',
      'achievement.json',
      '--recipient',
      'hanako',
    ]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--recipient must be an e-mail address/);
  });

  it('exits 2 for missing required options', () => {
    for (const drop of ['--key', '--achievement', '--recipient']) {
      const index = ISSUE_ED25519.indexOf(drop);
      const args = ISSUE_ED25519.filter((_, i) => i !== index && i !== index + 1);
      const result = run(args);
      assert.equal(result.status, 2, drop);
      assert.match(result.stderr, new RegExp(`${drop} is required`));
    }
  });

  it('exits 2 for a missing key file, a key file that is not JSON, and a public key', () => {
    assert.match(
      run([
        'issue',
        '--key',
        'nope.json',
        '--achievement',
        'achievement.json',
        '--recipient',
        RECIPIENT,
      ]).stderr,
      /Cannot read nope\.json \(ENOENT\)/,
    );
    writeFileSync(path('garbage.json'), 'not json');
    assert.equal(
      run([
        'issue',
        '--key',
        'garbage.json',
        '--achievement',
        'achievement.json',
        '--recipient',
        RECIPIENT,
      ]).status,
      2,
    );
    const publicJwk = readJson('ed25519.json');
    delete publicJwk.d;
    writeJson(path('public.json'), publicJwk);
    const result = run([
      'issue',
      '--key',
      'public.json',
      '--achievement',
      'achievement.json',
      '--recipient',
      RECIPIENT,
    ]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\[ERR_KEY_NOT_PRIVATE\]/);
  });

  it('exits 2 listing the bad fields of an invalid achievement', () => {
    writeJson(path('bad-achievement.json'), { id: 'not a uri', name: 'X' });
    const result = run([
      'issue',
      '--key',
      'ed25519.json',
      '--achievement',
      'bad-achievement.json',
      '--recipient',
      RECIPIENT,
    ]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\[ERR_CREDENTIAL_INVALID\]\n$/);
    assert.equal(result.stderr.split('\n').length, 2);
    writeJson(path('list.json'), []);
    assert.equal(
      run([
        'issue',
        '--key',
        'ed25519.json',
        '--achievement',
        'list.json',
        '--recipient',
        RECIPIENT,
      ]).status,
      2,
    );
  });

  it('exits 2 for an --issuer-id that is the did:key of another key', () => {
    const other = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const result = run([...ISSUE_ED25519, '--issuer-id', other]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is not the did:key of this key/);
  });
});
