/**
 * Test support: an Akashi OB 2.0 issuer published on the example.org test server (Profile,
 * CryptographicKey, BadgeClass, RevocationList), built with the OB 2.0 builders, and helpers
 * to issue hosted and signed assertions from it.
 */
import type { SigningKey } from '../keys/signing-key.js';
import { buildAssertion, type AssertionInput } from './build-assertion.js';
import { buildBadgeClass } from './build-badge-class.js';
import { buildCryptographicKey } from './build-cryptographic-key.js';
import { buildOb2IdentityObject } from './build-ob2-identity-object.js';
import { buildOb2Profile, type Ob2ProfileInput } from './build-ob2-profile.js';
import { buildRevocationList } from './build-revocation-list.js';
import type { Assertion, RevocationList } from './ob2-models.js';
import { signAssertion } from './sign-assertion.js';
import type { ExampleOrgServer } from './start-example-org-server.js';

export const TEST_ISSUER = {
  id: 'https://example.org/akashi/issuer.json',
  key: 'https://example.org/akashi/key-1.json',
  badge: 'https://example.org/akashi/badge.json',
  revocationList: 'https://example.org/akashi/revocations.json',
  recipient: 'taro.yamada@example.ac.jp',
} as const;

const pathOf = (url: string): string => new URL(url).pathname;

export interface PublishTestIssuerOptions {
  readonly key: SigningKey;
  /** Overrides of the issuer Profile (e.g. `publicKey`, `verification`). */
  readonly profile?: Partial<Ob2ProfileInput>;
  readonly revokedAssertions?: RevocationList['revokedAssertions'];
  /** The `owner` written in the CryptographicKey (default: the issuer). */
  readonly keyOwner?: string;
}

/** Serves the issuer's Profile, key, BadgeClass and revocation list on the test server. */
export const publishTestIssuer = (
  server: ExampleOrgServer,
  options: PublishTestIssuerOptions,
): void => {
  const profile = buildOb2Profile({
    id: TEST_ISSUER.id,
    name: '証大学 (Akashi University)',
    url: 'https://example.org/akashi/',
    email: 'badges@example.org',
    publicKey: [TEST_ISSUER.key],
    revocationList: TEST_ISSUER.revocationList,
    ...options.profile,
  });
  server.serve(pathOf(TEST_ISSUER.id), JSON.stringify(profile));
  const key = buildCryptographicKey({
    id: TEST_ISSUER.key,
    owner: options.keyOwner ?? TEST_ISSUER.id,
    key: options.key,
  });
  server.serve(pathOf(TEST_ISSUER.key), JSON.stringify(key));
  const badge = buildBadgeClass({
    id: TEST_ISSUER.badge,
    name: 'ロボット工学入門',
    description: 'ロボット工学の基礎を修了した。',
    image: 'https://example.org/robotics-badge.png',
    criteria: { narrative: '全課題を提出すること。' },
    issuer: TEST_ISSUER.id,
  });
  server.serve(pathOf(TEST_ISSUER.badge), JSON.stringify(badge));
  const list = buildRevocationList({
    id: TEST_ISSUER.revocationList,
    issuer: TEST_ISSUER.id,
    revokedAssertions: options.revokedAssertions ?? [],
  });
  server.serve(pathOf(TEST_ISSUER.revocationList), JSON.stringify(list));
};

/** An assertion of the test BadgeClass to the test recipient (hosted unless overridden). */
export const buildTestAssertion = (overrides: Partial<AssertionInput> = {}): Assertion =>
  buildAssertion({
    id: 'https://example.org/akashi/assertions/1.json',
    recipient: buildOb2IdentityObject({ email: TEST_ISSUER.recipient, salt: 'akashi-salt' }),
    badge: TEST_ISSUER.badge,
    verification: { type: 'HostedBadge' },
    issuedOn: '2025-01-15T09:00:00Z',
    ...overrides,
  });

/** Serves a hosted assertion at its id; returns its JSON text. */
export const hostTestAssertion = (server: ExampleOrgServer, assertion: Assertion): string => {
  const text = JSON.stringify(assertion);
  server.serve(pathOf(assertion.id), text);
  return text;
};

/** A signed assertion (urn:uuid id) as a compact JWS. */
export const signTestAssertion = (
  key: SigningKey,
  overrides: Partial<AssertionInput> = {},
  creator: string = TEST_ISSUER.key,
): Promise<string> =>
  signAssertion(
    buildTestAssertion({
      id: 'urn:uuid:3f8e1c52-9d0b-4a5e-8a51-2f1f6c1d7b10',
      verification: { type: 'SignedBadge', creator },
      ...overrides,
    }),
    key,
    { creator },
  );
