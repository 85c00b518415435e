/**
 * The scopes an API key can hold, as the API lists them (packages/server/src/policy/
 * api-key-scopes.ts: web does not import the server), each described in Japanese and English.
 */
import type { Language } from '../kit/language.js';

export const API_KEY_SCOPES = [
  'org:read',
  'badges:read',
  'badges:issue',
  'badges:revoke',
  'achievements:read',
  'achievements:write',
  'webhooks:manage',
] as const;

const DESCRIPTIONS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
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

/** What a scope allows, in the page's language (the scope itself when unknown). */
export const describeScope = (scope: string, language: Language): string =>
  DESCRIPTIONS[scope]?.[language] ?? scope;
