/**
 * Robustness: 10,000 mutated inputs (truncated and bit-flipped PNGs, SVGs with entities and
 * DOCTYPEs, bit-flipped JSON and JWTs, deeply nested JSON, huge numbers, wrong types, giant
 * strings). Never a crash, never a hang, never a "valid" verdict for a mutated signed badge,
 * and every answer is a report whose checks carry codes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { bakeCredential, extractBaked } from '../bake/index.js';
import { createRandom, type Random } from '../canon/random-credential.fixture.js';
import { issueCredential } from '../issue/index.js';
import { didKeyFor, generateSigningKey } from '../keys/index.js';
import { startExampleOrgServer } from '../ob2/start-example-org-server.js';
import { createBadgeVerifier, type BadgeInput } from './create-badge-verifier.js';

type Json = Record<string, unknown>;
const fixtures = new URL('../../../../../shared/fixtures/validator/', import.meta.url);
const TOTAL = 10_000;
const DEADLINE_MS = 10_000;

const pickIndex = (random: Random, length: number) => Math.floor(random() * length);

const flipBit = (bytes: Uint8Array, random: Random): Uint8Array => {
  const copy = new Uint8Array(bytes);
  const at = pickIndex(random, copy.length);
  copy[at] = (copy[at] as number) ^ (1 << pickIndex(random, 8));
  return copy;
};

const mutateText = (text: string, random: Random): string => {
  const at = pickIndex(random, text.length);
  switch (pickIndex(random, 5)) {
    case 0:
      return text.slice(0, at); // truncated
    case 1:
      return (
        text.slice(0, at) +
        String.fromCharCode(text.charCodeAt(at) ^ (1 << pickIndex(random, 7))) +
        text.slice(at + 1)
      );
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + pickIndex(random, 20));
    case 3:
      return (
        text.slice(0, at) +
        pick(random, ['"', '{', ']', '\\', '\u0000', '𠮷', 'null,']) +
        text.slice(at)
      );
    default:
      return text.slice(0, at) + text.slice(at, at + 40) + text.slice(at);
  }
};

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[pickIndex(random, items.length)] as T;

const nested = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

/** Replaces one value somewhere in the credential with something hostile. */
const mutateStructure = (credential: Json, random: Random): Json => {
  const copy = structuredClone(credential);
  const paths: [Json, string][] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (!Array.isArray(node)) paths.push([node as Json, key]);
      walk(value);
    }
  };
  walk(copy);
  const [parent, key] = pick(random, paths);
  parent[key] = pick(random, [
    () => 1e308 * 10,
    () => -0,
    () => 2 ** 70, // beyond Number.MAX_SAFE_INTEGER
    () => null,
    () => [],
    () => ({}),
    () => true,
    () => 'x'.repeat(1_000_000),
    () => nested(20_000),
    () => ({ '@context': { '@vocab': 'https://evil.example/' } }),
    () => ({ '@id': '_:b0' }),
    () => ['a', 1, null, {}],
  ])();
  return copy;
};

const svgWithEntities = (svg: string, random: Random): string => {
  const doctype = pick(random, [
    '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
  ]);
  return svg.replace('<svg', `${doctype}<svg`);
};

const sameJson = (text: string, expected: unknown): boolean => {
  try {
    return isDeepStrictEqual(JSON.parse(text), expected);
  } catch {
    return false;
  }
};

/** base64url's last character carries unused bits: some flips decode to the same bytes. */
const sameJws = (mutated: string, original: string): boolean => {
  const decode = (jws: string) =>
    jws
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('hex'))
      .join('.');
  return (
    /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(mutated) &&
    decode(mutated) === decode(original)
  );
};

const bakedPayload = (bytes: Uint8Array): string | undefined => {
  try {
    return extractBaked(bytes).payload;
  } catch {
    return undefined;
  }
};

const withDeadline = async <T>(work: Promise<T>, label: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`hang: ${label}`));
    }, DEADLINE_MS);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
};

test('10,000 mutated badges: no crash, no hang, never valid, always a coded report', async () => {
  const key = generateSigningKey('ed25519');
  const did = didKeyFor(key);
  const unsigned: Json = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:5d0f1c2e-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: did, type: ['Profile'], name: '証大学' },
    validFrom: '2026-04-01T00:00:00Z',
    name: '情報リテラシー',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.ac.jp/a/1',
        type: ['Achievement'],
        name: '基礎',
        description: 'd',
        criteria: { narrative: 'n' },
      },
    },
  };
  const credential = (await issueCredential(unsigned, { key })).credential;
  const json = JSON.stringify(credential);
  const jwtResult = await issueCredential(unsigned, { key, format: 'jwt' });
  const jwt = jwtResult.format === 'jwt' ? jwtResult.jwt : '';
  const plainPng = new Uint8Array(
    readFileSync(new URL('ob20/assets/robotics-badge.png', fixtures)),
  );
  const png = bakeCredential(plainPng, json).image;
  const svg = Buffer.from(
    bakeCredential(
      new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>',
      ),
      json,
    ).image,
  ).toString('utf8');
  // OB 2.0 signed badges fetch their issuer, key and revocation list from example.org.
  const server = await startExampleOrgServer(fileURLToPath(new URL('ob20/assets/', fixtures)));
  after(() => server.close());
  const ob2Jws = readFileSync(new URL('ob20/simple.jwt', fixtures), 'utf8').trim();
  const verifier = createBadgeVerifier({
    fetchDocument: server.fetchDocument,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });

  // The unmutated seeds are valid, so a non-valid verdict below is the mutation's doing.
  for (const seed of [credential, json, jwt, png, new TextEncoder().encode(svg), ob2Jws]) {
    assert.equal((await verifier.verify(seed)).status, 'valid');
  }

  const random = createRandom(20261121);
  const statuses = new Map<string, number>();
  for (let i = 0; i < TOTAL; i++) {
    let input: BadgeInput;
    let label: string;
    let unchanged = false;
    switch (i % 7) {
      case 0:
        input = mutateText(json, random);
        label = 'json text';
        // Some edits keep the same JSON (a duplicated member, for instance): those stay valid.
        unchanged = sameJson(input, credential);
        break;
      case 1:
        input = mutateStructure(credential, random);
        label = 'json structure';
        break;
      case 2: {
        input = mutateText(jwt, random);
        label = 'jwt';
        unchanged = sameJws(input, jwt);
        break;
      }
      case 3:
        input =
          random() < 0.5 ? png.subarray(0, pickIndex(random, png.length)) : flipBit(png, random);
        label = 'png';
        unchanged = sameJson(bakedPayload(input) ?? '', credential);
        break;
      case 4: {
        const bytes = new TextEncoder().encode(
          random() < 0.5 ? svgWithEntities(svg, random) : mutateText(svg, random),
        );
        input = bytes;
        label = 'svg';
        // A change to the drawing, or a DOCTYPE that declares nothing, leaves the badge intact.
        unchanged = sameJson(bakedPayload(bytes) ?? '', credential);
        break;
      }
      case 5: {
        input = mutateText(ob2Jws, random);
        label = 'ob2 jws';
        unchanged = sameJws(input, ob2Jws);
        break;
      }
      default:
        input = pick(random, [
          '['.repeat(50_000) + ']'.repeat(50_000),
          '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
          '1e999999',
          JSON.stringify({
            ...credential,
            proof: [{ ...(credential.proof as Json[])[0], proofValue: 'z' + '1'.repeat(200) }],
          }),
          JSON.stringify({ ...credential, '@context': 'https://evil.example/context.json' }),
          new Uint8Array(pickIndex(random, 4096)).map(() => pickIndex(random, 256)),
          'eyJhbGciOiJub25lIn0.' +
            Buffer.from(JSON.stringify(credential)).toString('base64url') +
            '.',
        ]);
        label = 'hostile';
    }
    const report = await withDeadline(verifier.verify(input), `${label} #${i}`);
    assert.ok(report.checks.length > 0, `${label} #${i}: no checks`);
    for (const check of report.checks) {
      assert.match(check.code, /^[A-Z0-9_]+$/, `${label} #${i}`);
      assert.ok(check.message.en && check.message.ja, `${label} #${i}`);
    }
    if (!unchanged) assert.notEqual(report.status, 'valid', `${label} #${i} was accepted`);
    statuses.set(report.status, (statuses.get(report.status) ?? 0) + 1);
  }
  assert.ok((statuses.get('invalid') ?? 0) > 1000);
  assert.ok((statuses.get('unreadable') ?? 0) > 1000);
});
