import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createIssuerWorkspace, findCheck, ISSUE_ED25519, RECIPIENT } from './issuer-workspace.js';

const { prepare, remove, run, path, verifyJson } = createIssuerWorkspace();
before(prepare);
after(remove);

describe('akashi issue --format jwt', () => {
  it('issues an Ed25519 VC-JWT as its did:key with sub = mailto:; verify exits 0', () => {
    const result = run([...ISSUE_ED25519, '--format', 'jwt', '--out', 'ed25519.jwt']);
    assert.equal(result.status, 0, result.stderr);
    const jwt = readFileSync(path('ed25519.jwt'), 'utf8').trim();
    const [header, payload] = jwt
      .split('.')
      .slice(0, 2)
      .map(
        (part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>,
      );
    assert.equal(header?.alg, 'EdDSA');
    assert.equal(payload?.sub, `mailto:${RECIPIENT}`);
    const { status, report } = verifyJson('ed25519.jwt', ['--recipient', RECIPIENT]);
    assert.equal(status, 0, JSON.stringify(report.checks));
    assert.equal(report.status, 'valid');
    assert.equal(report.proofFormat, 'jwt');
  });

  it('uses --subject-id as credentialSubject.id (sub) instead of the e-mail', () => {
    const holder = 'did:example:holder-123';
    const result = run([...ISSUE_ED25519, '--format', 'jwt', '--subject-id', holder]);
    assert.equal(result.status, 0, result.stderr);
    const payload = JSON.parse(
      Buffer.from(result.stdout.trim().split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    assert.equal(payload.sub, holder);
    assert.doesNotMatch(result.stdout, /hanako/);
  });

  it('issues a P-256 VC-JWT as its did:key (zDn…); verify exits 0 offline', () => {
    const result = run([
      'issue',
      '--key',
      'p256.json',
      '--achievement',
      'achievement.json',
      '--recipient',
      RECIPIENT,
      '--format',
      'jwt',
      '--out',
      'p256.jwt',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const { status, report } = verifyJson('p256.jwt');
    assert.equal(status, 0, JSON.stringify(report.checks));
  });

  for (const type of ['p256', 'rsa']) {
    it(`issues a ${type} VC-JWT for an https issuer; offline verify cannot fetch the key: exit 1, indeterminate`, () => {
      const result = run([
        'issue',
        '--key',
        `${type}.json`,
        '--achievement',
        'achievement.json',
        '--recipient',
        RECIPIENT,
        '--format',
        'jwt',
        '--issuer-id',
        'https://issuer.example/',
        '--issuer-name',
        'Example',
        '--out',
        `${type}-https.jwt`,
      ]);
      assert.equal(result.status, 0, result.stderr);
      const [header] = readFileSync(path(`${type}-https.jwt`), 'utf8').split('.');
      const kid = (JSON.parse(Buffer.from(header!, 'base64url').toString()) as { kid: string }).kid;
      assert.match(kid, /^https:\/\/issuer\.example\/#/);
      const { status, report } = verifyJson(`${type}-https.jwt`);
      assert.equal(status, 1);
      assert.equal(report.status, 'indeterminate');
      assert.equal(findCheck(report, 'proof').outcome, 'error');
    });
  }

  it('exits 2 when an RSA key has no --issuer-id (it has no did:key)', () => {
    const result = run([
      'issue',
      '--key',
      'rsa.json',
      '--achievement',
      'achievement.json',
      '--recipient',
      RECIPIENT,
      '--format',
      'jwt',
    ]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\[ERR_CLI_ISSUER_REQUIRED\]/);
  });

  it('exits 2 for a Data Integrity proof with a P-256 key (eddsa-rdfc-2022 needs Ed25519)', () => {
    const result = run([
      'issue',
      '--key',
      'p256.json',
      '--achievement',
      'achievement.json',
      '--recipient',
      RECIPIENT,
    ]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\[ERR_KEY_UNSUPPORTED\]/);
  });
});
