/**
 * What each scope lets an application do, in the words the consent screen and the account's
 * "connected applications" list show (Japanese and English).
 */
import type { LocalizedMessage } from '@akashi/core';
import { OB21_SCOPES, OB3_SCOPES, OFFLINE_ACCESS } from './scopes.js';

export const SCOPE_LABELS: Readonly<Record<string, LocalizedMessage>> = {
  [OB3_SCOPES.credentialReadonly]: {
    en: 'Read your badges (Open Badges 3.0 credentials)',
    ja: 'あなたのバッジ（Open Badges 3.0 の資格情報）の読み取り',
  },
  [OB3_SCOPES.credentialUpsert]: {
    en: 'Add badges to your wallet and update them (Open Badges 3.0)',
    ja: 'ウォレットへのバッジ（Open Badges 3.0）の追加と更新',
  },
  [OB3_SCOPES.profileReadonly]: {
    en: 'Read your Open Badges profile',
    ja: 'あなたの Open Badges プロフィールの読み取り',
  },
  [OB3_SCOPES.profileUpdate]: {
    en: 'Replace your Open Badges profile',
    ja: 'あなたの Open Badges プロフィールの書き換え',
  },
  [OB21_SCOPES.assertionReadonly]: {
    en: 'Read your badges (Open Badges 2.x)',
    ja: 'あなたのバッジ（Open Badges 2.x）の読み取り',
  },
  [OB21_SCOPES.assertionCreate]: {
    en: 'Add badges to your wallet (Open Badges 2.x)',
    ja: 'ウォレットへのバッジ（Open Badges 2.x）の追加',
  },
  [OB21_SCOPES.profileReadonly]: {
    en: 'Read your backpack profile (name and e-mail addresses)',
    ja: 'バックパックのプロフィール（名前とメールアドレス）の読み取り',
  },
  [OB21_SCOPES.profileUpdate]: {
    en: 'Add identifiers to your backpack profile',
    ja: 'バックパックのプロフィールへの識別子の追加',
  },
  [OFFLINE_ACCESS]: {
    en: 'Keep this access while you are signed out, until you revoke it',
    ja: 'サインインしていない間も、あなたが取り消すまでこのアクセスを継続',
  },
};

export const labelScope = (scope: string): { scope: string; label: LocalizedMessage } => ({
  scope,
  label: SCOPE_LABELS[scope] ?? { en: scope, ja: scope },
});

/** Space-separated scopes → their list, without blanks or repeats (order kept). */
export const splitScope = (scope: string | undefined): string[] => [
  ...new Set((scope ?? '').split(' ').filter((s) => s !== '')),
];
