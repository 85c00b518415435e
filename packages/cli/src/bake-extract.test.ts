import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createWorkDir,
  fixturePath,
  runAkashi,
  SAMPLE_ACHIEVEMENT,
  writeJson,
} from './run-akashi.js';

const PLAIN_PNG = fixturePath('validator/ob20/assets/robotics-badge.png');
const TINY_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>\n';

const work = createWorkDir();
after(work.remove);
const run = (args: string[]) => runAkashi(args, { cwd: work.dir });
const path = (name: string) => join(work.dir, name);
const readJson = (name: string): unknown => JSON.parse(readFileSync(path(name), 'utf8'));

before(() => {
  copyFileSync(PLAIN_PNG, path('plain.png'));
  writeFileSync(path('plain.svg'), TINY_SVG);
  writeJson(path('achievement.json'), SAMPLE_ACHIEVEMENT);
  const common = [
    '--key',
    'key.json',
    '--achievement',
    'achievement.json',
    '--recipient',
    'a@example.org',
  ];
  for (const args of [
    ['keys', 'generate', '--type', 'ed25519', '--out', 'key.json'],
    ['issue', ...common, '--out', 'credential.json'],
    ['issue', ...common, '--format', 'jwt', '--out', 'credential.jwt'],
  ]) {
    const result = run(args);
    assert.equal(result.status, 0, result.stderr);
  }
});

describe('akashi bake and extract', () => {
  for (const image of ['png', 'svg']) {
    it(`bakes a JSON credential into ${image.toUpperCase()}; extract gives it back and verify exits 0`, () => {
      const out = `baked.${image}`;
      const baked = run([
        'bake',
        '--image',
        `plain.${image}`,
        '--credential',
        'credential.json',
        '--out',
        out,
      ]);
      assert.equal(baked.status, 0, baked.stderr);
      const extracted = run(['extract', out]);
      assert.equal(extracted.status, 0, extracted.stderr);
      assert.deepEqual(JSON.parse(extracted.stdout), readJson('credential.json'));
      const verified = run(['verify', out, '--json']);
      assert.equal(verified.status, 0, verified.stdout);
      const report = JSON.parse(verified.stdout) as { status: string; format: string };
      assert.equal(report.status, 'valid');
      assert.equal(report.format, image);
    });
  }

  it('bakes a VC-JWT into a PNG and an SVG; extract gives the compact JWT back', () => {
    const jwt = readFileSync(path('credential.jwt'), 'utf8').trim();
    for (const image of ['png', 'svg']) {
      const out = `jwt-baked.${image}`;
      assert.equal(
        run(['bake', '--image', `plain.${image}`, '--credential', 'credential.jwt', '--out', out])
          .status,
        0,
      );
      assert.equal(run(['extract', out]).stdout, `${jwt}\n`);
      assert.equal(run(['verify', out]).status, 0);
    }
  });

  it('extracts to a file with --out, and from standard input with -', () => {
    assert.equal(run(['extract', 'baked.png', '--out', 'payload.json']).status, 0);
    assert.deepEqual(readJson('payload.json'), readJson('credential.json'));
    const piped = runAkashi(['extract', '-'], {
      cwd: work.dir,
      input: readFileSync(path('baked.svg')),
    });
    assert.equal(piped.status, 0, piped.stderr);
    assert.deepEqual(JSON.parse(piped.stdout), readJson('credential.json'));
  });

  it('exits 1 when extracting from an image without a baked credential', () => {
    const result = run(['extract', 'plain.png']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\[ERR_BAKE_NO_CREDENTIAL\]\n$/);
  });

  it('exits 2 when the image is neither PNG nor SVG, or is missing', () => {
    assert.match(
      run([
        'bake',
        '--image',
        'credential.json',
        '--credential',
        'credential.json',
        '--out',
        'x.png',
      ]).stderr,
      /\[ERR_BAKE_NOT_IMAGE\]/,
    );
    assert.equal(
      run([
        'bake',
        '--image',
        'credential.json',
        '--credential',
        'credential.json',
        '--out',
        'x.png',
      ]).status,
      2,
    );
    assert.equal(run(['extract', 'credential.json']).status, 2);
    assert.equal(run(['extract', 'missing.png']).status, 2);
    assert.equal(run(['extract']).status, 2);
  });

  it('exits 2 when the credential file is neither JSON nor a JWT, or an option is missing', () => {
    writeFileSync(path('prose.txt'), 'hello world');
    const result = run([
      'bake',
      '--image',
      'plain.png',
      '--credential',
      'prose.txt',
      '--out',
      'x.png',
    ]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\[ERR_CLI_NOT_CREDENTIAL\]/);
    assert.match(
      run(['bake', '--image', 'plain.png', '--credential', 'credential.json']).stderr,
      /--out is required/,
    );
  });
});
