import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { makeTestP12, type TestP12 } from '../signers/test-pki.js';
import { createIssuerWorkspace, ISSUE_ED25519 } from '../../../cli/src/issuer-workspace.js';

const { prepare, remove, run, path } = createIssuerWorkspace();

describe('akashi certificate render, then akashi verify cert.pdf', () => {
  let p12: TestP12;
  before(async () => {
    prepare();
    p12 = await makeTestP12('p256', { password: '証明書のパスワード' });
    writeFileSync(path('seal.p12'), p12.p12);
    writeFileSync(path('ca.pem'), p12.caPem);
    const issued = run([...ISSUE_ED25519, '--issuer-name', '国立証大学', '--out', 'badge.json']);
    assert.equal(issued.status, 0, issued.stderr);
  });
  after(async () => {
    await p12.close();
    remove();
  });

  const render = (extra: readonly string[]) =>
    run(
      [
        'certificate',
        'render',
        '--credential',
        'badge.json',
        '--name',
        '髙橋 﨑子',
        '--name-romaji',
        'Sakiko Takahashi',
        '--verify-url',
        'https://badges.example.ac.jp/badges/1',
        ...extra,
      ],
      { CERT_PASSWORD: '証明書のパスワード' },
    );

  it('renders and seals a certificate that pdfsig, pdftotext and our verifier accept', () => {
    const result = render([
      '--out',
      'sealed.pdf',
      '--p12',
      'seal.p12',
      '--p12-password-env',
      'CERT_PASSWORD',
    ]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /PAdES B-B/);
    const sig = spawnSync('pdfsig', [path('sealed.pdf')], { encoding: 'utf8' });
    assert.match(sig.stdout, /Signature is Valid/);
    assert.match(sig.stdout, /Total document signed/);
    const text = spawnSync('pdftotext', [path('sealed.pdf'), '-'], { encoding: 'utf8' });
    assert.match(text.stdout, /髙橋 﨑子/);
    const verified = run(['verify', 'sealed.pdf', '--trust', 'ca.pem', '--json']);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    const report = JSON.parse(verified.stdout) as {
      status: string;
      checks: { name: string; outcome: string }[];
    };
    assert.equal(report.status, 'valid');
    assert.ok(report.checks.some((c) => c.name === 'credential' && c.outcome === 'passed'));
  });

  it('says who sealed it cannot be confirmed without --trust, and invalid once a byte changes', () => {
    const unconfirmed = run(['verify', 'sealed.pdf']);
    assert.equal(unconfirmed.status, 1);
    assert.match(unconfirmed.stdout, /INDETERMINATE|判定不能/);
    const bytes = spawnSync('cat', [path('sealed.pdf')]).stdout;
    const at = bytes.indexOf('/MediaBox');
    bytes[at + 1] = 'm'.charCodeAt(0);
    writeFileSync(path('tampered.pdf'), bytes);
    const tampered = run(['verify', 'tampered.pdf', '--trust', 'ca.pem']);
    assert.equal(tampered.status, 1);
    assert.match(tampered.stdout, /INVALID|無効/);
  });

  it('refuses a wrong password or a missing name clearly, writing nothing', () => {
    const wrong = run(
      [
        'certificate',
        'render',
        '--credential',
        'badge.json',
        '--name',
        'x',
        '--verify-url',
        'https://e.example/1',
        '--out',
        'no.pdf',
        '--p12',
        'seal.p12',
        '--p12-password-env',
        'BAD',
      ],
      { BAD: 'wrong' },
    );
    assert.notEqual(wrong.status, 0);
    const unnamed = run([
      'certificate',
      'render',
      '--credential',
      'badge.json',
      '--out',
      'no.pdf',
      '--verify-url',
      'https://e.example/1',
    ]);
    assert.equal(unnamed.status, 2);
    assert.match(unnamed.stderr, /--name/);
    assert.equal(spawnSync('test', ['-e', path('no.pdf')]).status, 1);
  });
});
