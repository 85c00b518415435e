/**
 * A wallet badge's verification report for people, in the verify page's words (its verdict
 * banner, what the credential says and every check, from `verify/verify-result.ts`): used by the
 * import page for a badge that did not verify and by a badge's page for its last check.
 */
import type { CalendarPreference } from '../kit/dates.js';
import type { SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { renderVerifyResult } from '../verify/verify-result.js';
import type {
  LocalizedText,
  Verdict,
  VerificationReportView,
  VerifyAnswer,
} from '../verify/verify-types.js';

const VERDICTS: readonly Verdict[] = [
  'valid',
  'revoked',
  'suspended',
  'expired',
  'not-yet-valid',
  'tampered',
  'issuer-unreachable',
  'unreadable',
  'invalid',
];

export const isVerdict = (value: unknown): value is Verdict =>
  typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);

const isLocalized = (value: unknown): value is LocalizedText =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>).en === 'string' &&
  typeof (value as Record<string, unknown>).ja === 'string';

/** The reason to show: the explanation given, else the first check that did not pass. */
const explanationOf = (report: VerificationReportView, given: unknown): LocalizedText => {
  if (isLocalized(given)) return given;
  const failing = report.checks.find((c) => c.outcome === 'failed' || c.outcome === 'error');
  return failing?.message ?? { ja: '', en: '' };
};

export const isReport = (value: unknown): value is VerificationReportView =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as Record<string, unknown>).checks);

export const renderWalletReport = (options: {
  readonly language: Language;
  readonly calendar: CalendarPreference;
  readonly verdict: Verdict;
  readonly report: VerificationReportView;
  readonly explanation?: unknown;
  readonly verifiedAt: string;
}): SafeHtml => {
  const answer: VerifyAnswer = {
    verdict: options.verdict,
    report: options.report,
    explanation: explanationOf(options.report, options.explanation),
  };
  return renderVerifyResult({
    language: options.language,
    calendar: options.calendar,
    answer,
    verifiedAt: options.verifiedAt,
  });
};
