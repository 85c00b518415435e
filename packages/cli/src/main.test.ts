import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createWorkDir, runAkashi } from './run-akashi.js';

const work = createWorkDir();
after(work.remove);
const run = (args: string[], env?: Record<string, string>) =>
  runAkashi(args, { cwd: work.dir, ...(env === undefined ? {} : { env }) });

describe('akashi (dispatch and help)', () => {
  it('prints the overview with --help and exits 0', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage: akashi <command>/);
    for (const command of ['keys generate', 'issue', 'verify', 'bake', 'extract']) {
      assert.match(result.stdout, new RegExp(`\\n  ${command} `));
    }
    assert.match(result.stdout, /Exit status:/);
    assert.equal(result.stderr, '');
  });

  for (const [args, usage] of [
    [['keys', '--help'], 'Usage: akashi keys <subcommand>'],
    [['keys', 'generate', '--help'], 'Usage: akashi keys generate'],
    [['issue', '--help'], 'Usage: akashi issue'],
    [['verify', '--help'], 'Usage: akashi verify INPUT'],
    [['bake', '-h'], 'Usage: akashi bake'],
    [['extract', '--help'], 'Usage: akashi extract IMAGE'],
    [['help', 'verify'], 'Usage: akashi verify INPUT'],
    [['help', 'keys', 'generate'], 'Usage: akashi keys generate'],
  ] as const) {
    it(`prints the help of "akashi ${args.join(' ')}" and exits 0`, () => {
      const result = run([...args]);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stdout.startsWith(usage), result.stdout);
    });
  }

  it('prints the help even when required options are missing', () => {
    assert.equal(run(['issue', '--help']).status, 0);
  });

  it('rejects an unknown command with one line on stderr and exit 2', () => {
    const result = run(['frobnicate']);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'akashi: Unknown command "frobnicate" (see akashi --help). [ERR_CLI_UNKNOWN_COMMAND]\n',
    );
  });

  it('rejects an unknown keys subcommand and an unknown help topic with exit 2', () => {
    assert.equal(run(['keys', 'rotate']).status, 2);
    assert.equal(run(['help', 'frobnicate']).status, 2);
  });

  it('rejects an unknown option with exit 2, never a stack trace', () => {
    for (const args of [
      ['--frobnicate'],
      ['verify', 'x.json', '--frobnicate'],
      ['bake', '--nope=1'],
    ]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(
        result.stderr,
        /^akashi: Unknown option --(frobnicate|nope)\b.*\[ERR_CLI_UNKNOWN_OPTION\]\n$/,
      );
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
  });

  it('rejects an option without its value, a value on a flag and a stray argument with exit 2', () => {
    assert.match(run(['keys', 'generate', '--type']).stderr, /--type needs a value/);
    assert.equal(run(['keys', 'generate', '--type']).status, 2);
    assert.equal(run(['verify', 'a.json', '--json=yes']).status, 2);
    assert.equal(run(['verify', 'a.json', 'b.json']).status, 2);
    assert.equal(run(['bake', 'stray']).status, 2);
    const swallowed = run(['keys', 'generate', '--type', 'ed25519', '--out', '--force']);
    assert.equal(swallowed.status, 2);
    assert.match(swallowed.stderr, /--out needs a value, not the option --force/);
  });

  it('prints the overview on stderr and exits 2 when no command is given', () => {
    const result = run([]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Usage: akashi <command>/);
  });

  it('prints the version', () => {
    const result = run(['--version']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^\d+\.\d+\.\d+/);
  });

  it('speaks Japanese with --lang ja, anywhere on the line', () => {
    const help = run(['verify', '--help', '--lang', 'ja']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^使い方: akashi verify/);
    const error = run(['--lang=ja', 'frobnicate']);
    assert.equal(error.status, 2);
    assert.match(error.stderr, /「frobnicate」というコマンドはありません/);
  });

  it('speaks Japanese when LANG or LC_ALL starts with ja, and --lang en overrides it', () => {
    assert.match(run(['--help'], { LANG: 'ja_JP.UTF-8' }).stdout, /^akashi: コマンドラインで扱う/);
    assert.match(
      run(['--help'], { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }).stdout,
      /コマンド:/,
    );
    assert.match(
      run(['--help', '--lang', 'en'], { LANG: 'ja_JP.UTF-8' }).stdout,
      /^akashi: Open Badges/,
    );
  });

  it('rejects an unsupported --lang with exit 2', () => {
    const result = run(['--lang', 'fr', '--help']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--lang must be one of en, ja/);
  });
});
