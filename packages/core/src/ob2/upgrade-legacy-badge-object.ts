/**
 * Reads Open Badges 1.0 and 1.1 badge objects as OB 2.0 ones, as far as the reference
 * openbadges-validator-core upgraded them (`object_upgrades.py`):
 *
 * - 1.1 (`@context: https://w3id.org/openbadges/v1`): the v2 context instead; `IssuerOrg` →
 *   `Issuer`; `verify` → `verification`; Unix-time and date-only `issuedOn` / `expires` →
 *   ISO 8601 date-times (UTC); alignment `url` / `name` / `description` → `targetUrl` /
 *   `targetName` / `targetDescription`.
 * - 1.0 (no `@context`): the above, plus the `id` (an assertion's `verify.url` when hosted,
 *   `uid:<uid>` when signed; a BadgeClass's or Profile's URL) and the `type`.
 *
 * The 1.1 terms are the v2 terms under the same names, so no JSON-LD processing is needed (and
 * the v1 context's remote import, legacy-v1, is not bundled). 0.5 badges are not upgraded.
 */
import { formatDateTime } from '../models/format-date-time.js';
import { OB_V1_CONTEXT_URL, OB_V2_CONTEXT_URL } from './ob2-contexts.js';
import type { Ob2SourceVersion } from './verify-ob2-options.js';

type Json = Record<string, unknown>;

/** The classes a linked document is expected to be (what a 1.0 object without `type` becomes). */
export type LegacyBadgeObjectClass = 'Assertion' | 'BadgeClass' | 'Profile';

export interface UpgradeLegacyBadgeObjectOptions {
  /** The URL the object was fetched from (the id of a 1.0 BadgeClass or issuer). */
  readonly url?: string | undefined;
  readonly expected?: LegacyBadgeObjectClass | undefined;
}

export interface UpgradeLegacyBadgeObjectResult {
  readonly node: Json;
  readonly version: Ob2SourceVersion;
  /** What was changed, for the report (empty for a 2.0 object). */
  readonly changes: readonly string[];
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const detectVersion = (node: Json, expected: LegacyBadgeObjectClass | undefined) => {
  const context = node['@context'];
  if (context === OB_V1_CONTEXT_URL) return '1.1';
  if (Array.isArray(context) && context.includes(OB_V1_CONTEXT_URL)) return '1.1';
  if (context !== undefined) return '2.0';
  const verify = node.verify;
  if (isObject(verify) && (verify.type === 'hosted' || verify.type === 'signed')) return '1.0';
  if (isObject(node.recipient) && typeof node.badge === 'string') return '1.0';
  return expected === undefined ? '2.0' : '1.0';
};

const OB_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UNIX_TIME = /^\d+(?:\.\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NO_ZONE = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/;

/** A 1.x date as an OB 2.0 date-time, or `undefined` when it cannot be read. */
const upgradeDateTime = (value: unknown): string | undefined => {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  if (UNIX_TIME.test(text)) {
    const date = new Date(Number(text) * 1000);
    return Number.isNaN(date.getTime()) ? undefined : formatDateTime(date);
  }
  if (DATE_ONLY.test(text)) return `${text}T00:00:00Z`;
  if (NO_ZONE.test(text)) return `${text}Z`;
  return undefined;
};

const classOf = (node: Json, expected: LegacyBadgeObjectClass | undefined) => {
  if (expected !== undefined) return expected;
  if (node.recipient !== undefined) return 'Assertion';
  if (node.criteria !== undefined) return 'BadgeClass';
  if (node.url !== undefined) return 'Profile';
  return undefined;
};

const ALIGNMENT_TERMS = [
  ['url', 'targetUrl'],
  ['name', 'targetName'],
  ['description', 'targetDescription'],
] as const;

const upgradeAlignment = (alignment: unknown, changes: string[]): unknown => {
  const list: unknown[] = Array.isArray(alignment) ? alignment : [alignment];
  const upgraded = list.map((item) => {
    if (!isObject(item)) return item;
    const copy: Json = {};
    for (const [key, value] of Object.entries(item)) {
      const term = ALIGNMENT_TERMS.find(([old]) => old === key)?.[1];
      if (term !== undefined && item[term] === undefined) {
        copy[term] = value;
        changes.push(`alignment ${key} → ${term}`);
      } else copy[key] = value;
    }
    return copy;
  });
  return Array.isArray(alignment) ? upgraded : upgraded[0];
};

const upgradeFrom11 = (
  node: Json,
  expected: LegacyBadgeObjectClass | undefined,
  changes: string[],
) => {
  const context = node['@context'];
  node['@context'] = Array.isArray(context)
    ? (context as unknown[]).map((entry) =>
        entry === OB_V1_CONTEXT_URL ? OB_V2_CONTEXT_URL : entry,
      )
    : OB_V2_CONTEXT_URL;
  changes.push('@context → v2');
  if (node.type === 'IssuerOrg') {
    node.type = 'Issuer';
    changes.push('type IssuerOrg → Issuer');
  }
  const cls = classOf(node, expected);
  if (node.type === undefined && cls !== undefined) {
    node.type = cls === 'Profile' ? 'Issuer' : cls;
    changes.push(`type ${String(node.type)}`);
  }
  if (node.verify !== undefined && node.verification === undefined) {
    node.verification = node.verify;
    delete node.verify;
    changes.push('verify → verification');
  }
  for (const property of ['issuedOn', 'expires'] as const) {
    const value = node[property];
    if (value === undefined || (typeof value === 'string' && OB_DATE_TIME.test(value))) continue;
    const upgraded = upgradeDateTime(value);
    if (upgraded !== undefined) {
      node[property] = upgraded;
      changes.push(`${property} ${JSON.stringify(value)} → ${upgraded}`);
    }
  }
  if (cls === 'BadgeClass' && node.alignment !== undefined) {
    node.alignment = upgradeAlignment(node.alignment, changes);
  }
};

const upgradeFrom10 = (node: Json, options: UpgradeLegacyBadgeObjectOptions, changes: string[]) => {
  const cls = classOf(node, options.expected);
  if (node.id === undefined) {
    const verify = isObject(node.verify) ? node.verify : {};
    const id =
      cls === 'Assertion'
        ? verify.type === 'hosted'
          ? verify.url
          : verify.type === 'signed' && typeof node.uid === 'string'
            ? `uid:${node.uid}`
            : undefined
        : options.url;
    if (typeof id === 'string') {
      node.id = id;
      changes.push(cls === 'Assertion' ? `id from verify.url or uid: ${id}` : `id ${id}`);
    }
  }
  if (cls !== undefined) {
    node.type = cls === 'Profile' ? 'Issuer' : cls;
    changes.push(`type ${String(node.type)}`);
  }
  node['@context'] = OB_V1_CONTEXT_URL;
};

/**
 * Upgrades an OB 1.0 or 1.1 badge object to OB 2.0 (a copy; the input is not changed). An OB 2.0
 * object (any other `@context`) is returned as it is, with version `2.0`.
 */
export const upgradeLegacyBadgeObject = (
  original: Json,
  options: UpgradeLegacyBadgeObjectOptions = {},
): UpgradeLegacyBadgeObjectResult => {
  const version = detectVersion(original, options.expected);
  if (version === '2.0') return { node: original, version, changes: [] };
  const node: Json = structuredClone(original);
  const changes: string[] = [];
  if (version === '1.0') upgradeFrom10(node, options, changes);
  upgradeFrom11(node, options.expected, changes);
  return { node, version, changes };
};
