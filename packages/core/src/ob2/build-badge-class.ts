import { omitUndefinedDeep } from '../models/omit-empty.js';
import { assertInputObject, type Loosen } from '../models/builder-input.js';
import { embedOb2Node } from './embed-ob2-node.js';
import { OB_V2_CONTEXT_URL } from './ob2-contexts.js';
import type { BadgeClass } from './ob2-models.js';
import { assertStrictOb2Model } from './validate-ob2-model.js';

/** A BadgeClass to build. The issuer is its Profile URL (recommended) or an embedded Profile. */
export type BadgeClassInput = Loosen<Omit<BadgeClass, '@context' | 'type'>>;

/**
 * Builds an OB 2.0 BadgeClass: `id`, `name`, `description`, `image` (PNG or SVG URL, or a data:
 * URI), `criteria` (a URL or `{ narrative }`) and `issuer` are required. Names are kept exactly
 * as given. Throws `ERR_CREDENTIAL_INVALID` listing every bad field.
 */
export const buildBadgeClass = (input: BadgeClassInput): BadgeClass => {
  assertInputObject(input);
  const issuer = typeof input.issuer === 'object' ? embedOb2Node(input.issuer) : input.issuer;
  return assertStrictOb2Model<BadgeClass>(
    'BadgeClass',
    omitUndefinedDeep({
      '@context': OB_V2_CONTEXT_URL,
      type: 'BadgeClass',
      ...input,
      issuer,
    }) as BadgeClass,
  );
};
