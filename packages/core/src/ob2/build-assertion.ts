import {
  assertInputObject,
  shapeDateTime,
  type DateTimeInput,
  type Loosen,
} from '../models/builder-input.js';
import { omitUndefinedDeep } from '../models/omit-empty.js';
import { embedOb2Node } from './embed-ob2-node.js';
import { OB_V2_CONTEXT_URL } from './ob2-contexts.js';
import type { Assertion } from './ob2-models.js';
import { assertStrictOb2Model } from './validate-ob2-model.js';

/** An Assertion to build; dates may be `Date`s (written `YYYY-MM-DDTHH:MM:SSZ`). */
export type AssertionInput = Loosen<
  Omit<Assertion, '@context' | 'type' | 'issuedOn' | 'expires'>
> & {
  readonly issuedOn: DateTimeInput;
  readonly expires?: DateTimeInput | undefined;
};

/**
 * Builds an OB 2.0 Assertion with `@context: "https://w3id.org/openbadges/v2"`.
 *
 * - Hosted (`verification: { type: 'HostedBadge' }`): `id` is the URL where the issuer serves
 *   this JSON, on the issuer's host (or inside its verification policy).
 * - Signed (`verification: { type: 'SignedBadge', creator: <key URL> }`): `id` should be a
 *   `urn:uuid:`; sign the result with `signAssertion`.
 *
 * `recipient` comes from `buildOb2IdentityObject`. An embedded BadgeClass loses its own
 * `@context`. Throws `ERR_CREDENTIAL_INVALID` listing every bad field.
 */
export const buildAssertion = (input: AssertionInput): Assertion => {
  assertInputObject(input);
  const badge = typeof input.badge === 'object' ? embedOb2Node(input.badge) : input.badge;
  return assertStrictOb2Model<Assertion>(
    'Assertion',
    omitUndefinedDeep({
      '@context': OB_V2_CONTEXT_URL,
      type: 'Assertion',
      ...input,
      badge,
      issuedOn: shapeDateTime(input.issuedOn),
      expires: shapeDateTime(input.expires),
    }) as Assertion,
  );
};
