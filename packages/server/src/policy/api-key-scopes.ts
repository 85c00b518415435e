/**
 * The closed list of scopes an API key can hold. A key acts only in its own organisation and only
 * for the actions its scopes cover (`authorize` maps each action to the scope it needs); nothing
 * else is reachable with a key: organisation settings, members, departments, other keys and the
 * audit log are managed by signed-in people only.
 */
import type { LocalizedMessage } from '@akashi/core';

export const API_KEY_SCOPES = [
  'org:read',
  'badges:read',
  'badges:issue',
  'badges:revoke',
  'achievements:read',
  'achievements:write',
  'webhooks:manage',
] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** What each scope allows, for the API documentation and the console. */
export const API_KEY_SCOPE_DESCRIPTIONS: Readonly<Record<ApiKeyScope, LocalizedMessage>> = {
  'org:read': {
    en: "Read the organisation's profile and its departments.",
    ja: '組織のプロフィールと部署を参照する。',
  },
  'badges:read': {
    en: 'Read the badges the organisation has issued.',
    ja: '組織が発行したバッジを参照する。',
  },
  'badges:issue': {
    en: 'Issue badges, in any department of the organisation.',
    ja: '組織のどの部署でもバッジを発行する。',
  },
  'badges:revoke': {
    en: 'Revoke and suspend badges, in any department of the organisation.',
    ja: '組織のどの部署でもバッジを失効・一時停止する。',
  },
  'achievements:read': {
    en: "Read the organisation's achievements (badge classes).",
    ja: '組織のアチーブメント（バッジクラス）を参照する。',
  },
  'achievements:write': {
    en: 'Create and change achievements (badge classes), in any department.',
    ja: 'どの部署でもアチーブメント（バッジクラス）を作成・変更する。',
  },
  'webhooks:manage': {
    en: "Register and remove the organisation's webhook endpoints and read their delivery log.",
    ja: '組織の Webhook の送信先を登録・削除し、配信履歴を参照する。',
  },
};

export const isApiKeyScope = (value: string): value is ApiKeyScope =>
  (API_KEY_SCOPES as readonly string[]).includes(value);
