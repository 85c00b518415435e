/**
 * Randomised OpenBadgeCredentials for differential tests and benchmarks: a seeded structure
 * (which optional fields, how many array items) and independently random, often hostile,
 * values. Not part of the public API.
 */
export type Random = () => number;

/** mulberry32: a small deterministic PRNG. */
export const createRandom = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const HOSTILE = [
  'quote " inside',
  'back\\slash \\" \\n',
  'new\nline\r\nand\ttab',
  'control \u0000\u0001\u0007\u0008\u000b\u000c\u001f\u007f',
  'emoji 😀🎓 and ZWJ 👩‍💻',
  'RTL عربي עברית \u202e reversed',
  '日本語の名前：山田 太郎（やまだ たろう）',
  'ｶﾀｶﾅ 半角 and 全角　space',
  '_:b0 _:c14n0 looks like a blank node',
  '<https://example.com/> "literal"^^<http://www.w3.org/2001/XMLSchema#string> .',
  'lone surrogate \ud800 here',
  'line separator \u2028 and \u2029',
  'urn:akashi-slot-0000000000000000:3',
  '',
  ' ',
  'a'.repeat(2000),
  '@id',
  'https://not-an-iri-here.example/ in a literal',
];

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const randomText = (random: Random): string => {
  if (random() < 0.35) return pick(random, HOSTILE);
  const length = 1 + Math.floor(random() * 40);
  let text = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    text +=
      r < 0.6
        ? String.fromCharCode(97 + Math.floor(random() * 26))
        : r < 0.8
          ? String.fromCharCode(0x3041 + Math.floor(random() * 80))
          : r < 0.9
            ? ' '
            : String.fromCodePoint(0x1f600 + Math.floor(random() * 50));
  }
  return text;
};

const HOSTILE_IRIS = [
  'https://example.com/with space',
  'relative/path',
  '_:b1',
  'https://example.com/<angle>',
  'https://example.com/quote"',
  'https://example.com/ideographic\u3000space',
  'HTTPS://EXAMPLE.COM/Upper',
  'tag:example.com,2024:x',
  'data:text/plain;base64,SGVsbG8=',
  'urn:akashi-slot-0000000000000000:0',
  'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
];

const randomIri = (random: Random): string => {
  const n = Math.floor(random() * 1e9).toString(36);
  if (random() < 0.03) return pick(random, HOSTILE_IRIS);
  switch (Math.floor(random() * 6)) {
    case 0:
      return `https://example.ac.jp/badges/${n}`;
    case 1:
      return `urn:uuid:${crypto.randomUUID()}`;
    case 2:
      return `did:example:${n}`;
    case 3:
      return `https://大学.example/証明/${n}?q=a&b=${n}#frag`;
    case 4:
      return `mailto:user${n}@example.com`;
    default:
      return `http://example.org/${n}/~path;p=1`;
  }
};

const randomDate = (random: Random): string =>
  new Date(
    Date.UTC(
      2000 + Math.floor(random() * 40),
      Math.floor(random() * 12),
      1 + Math.floor(random() * 28),
      Math.floor(random() * 24),
      Math.floor(random() * 60),
      Math.floor(random() * 60),
    ),
  )
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');

/**
 * A credential whose structure comes from `shapeRandom` and whose values come from
 * `valueRandom`; using few structure seeds and many value seeds gives many credentials of
 * the same shape.
 */
export const makeRandomCredential = (
  shapeRandom: Random,
  valueRandom: Random,
): Record<string, unknown> => {
  const has = (p: number) => shapeRandom() < p;
  const count = (max: number) => Math.floor(shapeRandom() * (max + 1));
  const text = () => randomText(valueRandom);
  const iri = () => randomIri(valueRandom);
  const date = () => randomDate(valueRandom);

  const issuer: Record<string, unknown> = { id: iri(), type: ['Profile'], name: text() };
  if (has(0.5)) issuer.url = iri();
  if (has(0.3)) issuer.email = `${text().slice(0, 5)}@example.com`;
  if (has(0.3)) issuer.description = text();
  if (has(0.3))
    issuer.address = { type: ['Address'], addressCountry: text(), addressLocality: text() };
  if (has(0.3))
    issuer.otherIdentifier = Array.from({ length: 1 + count(1) }, () => ({
      type: 'IdentifierEntry',
      identifier: text(),
      identifierType: 'identifier',
    }));

  const achievement: Record<string, unknown> = {
    id: iri(),
    type: ['Achievement'],
    name: text(),
    description: text(),
    criteria: has(0.5) ? { narrative: text() } : { id: iri(), narrative: text() },
  };
  if (has(0.5))
    achievement.achievementType = pick(shapeRandom, [
      'Badge',
      'Certificate',
      'Course',
      'MicroCredential',
      'ext:Workshop',
    ]);
  if (has(0.4))
    achievement.image = { id: iri(), type: 'Image', ...(has(0.5) ? { caption: text() } : {}) };
  if (has(0.4)) achievement.tag = Array.from({ length: 1 + count(3) }, text);
  if (has(0.3)) achievement.inLanguage = pick(shapeRandom, ['ja', 'en', 'ja-JP']);
  if (has(0.3)) achievement.fieldOfStudy = text();
  if (has(0.3)) achievement.creditsAvailable = pick(shapeRandom, [1, 2.5, 10]);
  if (has(0.4)) {
    achievement.alignment = Array.from({ length: 1 + count(2) }, () => ({
      type: ['Alignment'],
      targetName: text(),
      targetUrl: iri(),
      ...(has(0.5) ? { targetFramework: text(), targetCode: text() } : {}),
    }));
  }
  if (has(0.2)) {
    achievement.resultDescription = [
      { id: iri(), type: ['ResultDescription'], name: text(), resultType: 'LetterGrade' },
    ];
  }

  const subject: Record<string, unknown> = { type: ['AchievementSubject'] };
  if (has(0.5)) subject.id = iri();
  else {
    subject.identifier = [
      {
        type: 'IdentityObject',
        hashed: true,
        identityHash: `sha256$${'0123456789abcdef'.repeat(4)}`,
        identityType: 'emailAddress',
        salt: text(),
      },
    ];
  }
  subject.achievement = achievement;
  if (has(0.2)) subject.result = [{ type: ['Result'], value: text() }];
  if (has(0.2)) subject.narrative = text();

  const credential: Record<string, unknown> = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: iri(),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer,
    validFrom: date(),
    credentialSubject: subject,
  };
  if (has(0.5)) credential.name = text();
  if (has(0.3)) credential.description = text();
  if (has(0.3)) credential.validUntil = date();
  if (has(0.2)) credential.awardedDate = date();
  if (has(0.3)) {
    // Identical evidence items make blank nodes that only the full RDFC-1.0 algorithm can tell apart.
    const same = has(0.3);
    const first = { type: ['Evidence'], narrative: text() };
    credential.evidence = Array.from({ length: 1 + count(2) }, () =>
      same
        ? { ...first }
        : { type: ['Evidence'], narrative: text(), ...(has(0.5) ? { id: iri() } : {}) },
    );
  }
  return credential;
};
