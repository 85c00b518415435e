/** The readable form of a verification report: a verdict line, the credential, one line per check. */
import type {
  CheckName,
  CheckOutcome,
  LocalizedMessage,
  VerificationReport,
  VerificationStatus,
} from '@akashi/core';
import { localize, type Lang } from './locale.js';

const MARKS: Readonly<Record<CheckOutcome, string>> = {
  passed: '✓',
  failed: '✗',
  skipped: '–',
  error: '!',
};

const VERDICTS: Readonly<Record<VerificationStatus, LocalizedMessage>> = {
  valid: { en: 'VALID: every check passed.', ja: '有効: すべての確認に合格しました。' },
  invalid: {
    en: 'INVALID: the credential is malformed, forged or altered.',
    ja: '無効: 資格情報の形式が正しくないか、偽造または改ざんされています。',
  },
  revoked: {
    en: 'REVOKED: the issuer has revoked this credential.',
    ja: '失効: 発行者がこの資格情報を失効させました。',
  },
  suspended: {
    en: 'SUSPENDED: the issuer has suspended this credential.',
    ja: '一時停止: 発行者がこの資格情報を一時停止しています。',
  },
  expired: {
    en: 'EXPIRED: the credential is genuine, but its validity period has ended.',
    ja: '期限切れ: 資格情報は本物ですが、有効期間が終わっています。',
  },
  'not-yet-valid': {
    en: 'NOT YET VALID: the credential is genuine, but its validity period has not begun.',
    ja: '有効期間前: 資格情報は本物ですが、有効期間がまだ始まっていません。',
  },
  indeterminate: {
    en: 'INDETERMINATE: nothing is wrong as far as could be checked, but a remote part (the issuer key, a status list) could not be confirmed.',
    ja: '判定不能: 確認できた範囲に問題はありませんが、リモートの情報（発行者の鍵、状態リスト）を確認できませんでした。',
  },
  unreadable: {
    en: 'UNREADABLE: the input is not a credential.',
    ja: '読み取り不可: 入力は資格情報ではありません。',
  },
};

const CHECK_LABELS: Readonly<Record<CheckName, LocalizedMessage>> = {
  parse: { en: 'parse', ja: '読み取り' },
  context: { en: 'context', ja: 'コンテキスト' },
  jsonld: { en: 'JSON-LD', ja: 'JSON-LD' },
  schema: { en: 'schema', ja: 'スキーマ' },
  proof: { en: 'proof', ja: '署名' },
  issuer: { en: 'issuer', ja: '発行者' },
  refresh: { en: 'refresh', ja: '更新' },
  validity: { en: 'validity', ja: '有効期間' },
  status: { en: 'status', ja: '失効状態' },
  recipient: { en: 'recipient', ja: '受領者' },
  endorsements: { en: 'endorsements', ja: '推薦' },
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const readText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** "Name (id)" lines for the credential and its issuer, when the report carries them. */
const describeCredential = (credential: Record<string, unknown>, lang: Lang): string[] => {
  const lines: string[] = [];
  const subject = Array.isArray(credential.credentialSubject)
    ? (credential.credentialSubject[0] as unknown)
    : credential.credentialSubject;
  const achievement = isObject(subject) ? subject.achievement : undefined;
  const name =
    readText(isObject(achievement) ? achievement.name : undefined) ?? readText(credential.name);
  if (name !== undefined) {
    lines.push(`${localize({ en: 'Achievement', ja: 'アチーブメント' }, lang)}: ${name}`);
  }
  const { issuer } = credential;
  const issuerId = isObject(issuer) ? readText(issuer.id) : readText(issuer);
  const issuerName = isObject(issuer) ? readText(issuer.name) : undefined;
  if (issuerId !== undefined) {
    const shown =
      issuerName === undefined || issuerName === issuerId
        ? issuerId
        : `${issuerName} (${issuerId})`;
    lines.push(`${localize({ en: 'Issuer', ja: '発行者' }, lang)}: ${shown}`);
  }
  return lines;
};

/** The report as lines of text in the user's language. */
export const formatReport = (report: VerificationReport, lang: Lang): string => {
  const lines = [localize(VERDICTS[report.status], lang)];
  if (report.credential !== undefined) lines.push(...describeCredential(report.credential, lang));
  for (const check of report.checks) {
    const label = localize(CHECK_LABELS[check.name], lang);
    lines.push(`  ${MARKS[check.outcome]} ${label}: ${localize(check.message, lang)}`);
  }
  return `${lines.join('\n')}\n`;
};
