/**
 * The verification's answer for people: the verdict banner (a headline in plain words, what it
 * means, the deciding reason), what the credential says (badge, issuer with a link, recipient as
 * the credential shows them, dates), and every check the verifier made — its name, its outcome
 * (always in words, never colour alone) and what it means.
 */
import { formatDate, formatDateTime, type CalendarPreference } from '../kit/dates.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { summariseCredential, type CredentialSummary } from './credential-summary.js';
import { checkText, verdictText, verifyText as t } from './verify-texts.js';
import { isKnownCheck, OUTCOME_TONE, VERDICT_TONE } from './verdict-tones.js';
import type { Verdict, VerificationCheckView, VerifyAnswer } from './verify-types.js';

const GENUINE: ReadonlySet<Verdict> = new Set([
  'valid',
  'revoked',
  'suspended',
  'expired',
  'not-yet-valid',
]);

const renderBanner = (l: Language, answer: VerifyAnswer, verifiedAt: string): SafeHtml => {
  const { verdict } = answer;
  const tone = VERDICT_TONE[verdict];
  return html`<section
    class="verdict verdict-${tone}"
    data-testid="verdict"
    data-verdict="${verdict}"
    aria-labelledby="verdict-headline"
  >
    <p><span class="pill ${tone}">${verdictText(l, `${verdict}-pill`)}</span></p>
    <h2 id="verdict-headline">${verdictText(l, `${verdict}-headline`)}</h2>
    <p>${verdictText(l, `${verdict}-lead`)}</p>
    ${verdict !== 'valid' && html`<p class="verdict-reason" data-testid="verdict-reason">${answer.explanation[l]}</p>`}
    <p class="muted">${t(l, 'verifiedAt', { time: formatDateTime(verifiedAt, l) })}</p>
  </section>`;
};

const recipientText = (l: Language, summary: CredentialSummary): string => {
  switch (summary.recipient.kind) {
    case 'name':
    case 'identifier':
      return summary.recipient.value;
    case 'hashed':
      return t(l, 'recipientHashed');
    case 'unknown':
      return t(l, 'recipientUnknown');
  }
};

const fact = (label: string, value: SafeHtml | string | undefined): SafeHtml | '' =>
  value === undefined || value === ''
    ? ''
    : html`<dt>${label}</dt>
        <dd>${value}</dd>`;

const renderSummary = (
  l: Language,
  calendar: CalendarPreference,
  answer: VerifyAnswer,
): SafeHtml | '' => {
  const summary = summariseCredential(answer.report, l);
  if (summary === undefined) return '';
  const date = (iso: string | undefined) =>
    iso === undefined ? undefined : formatDate(iso, l, calendar);
  const issuer =
    summary.issuerName === undefined
      ? undefined
      : summary.issuerUrl === undefined
        ? html`${summary.issuerName}`
        : html`<a
            href="${summary.issuerUrl}"
            rel="nofollow noopener"
            data-testid="verify-issuer-link"
            >${summary.issuerName}</a
          >`;
  return html`<section class="verify-summary" aria-labelledby="verify-summary-title">
    <h2 id="verify-summary-title">${t(l, 'summaryTitle')}</h2>
    ${!GENUINE.has(answer.verdict) && html`<p class="warning">${t(l, 'summaryUntrusted')}</p>`}
    <dl class="facts" data-testid="verify-summary">
      ${fact(t(l, 'badgeName'), summary.badgeName)} ${fact(t(l, 'issuer'), issuer)}
      ${fact(t(l, 'recipient'), recipientText(l, summary))}
      ${fact(t(l, 'issuedOn'), date(summary.issuedOn))}
      ${summary.validFrom !== summary.issuedOn && fact(t(l, 'validFrom'), date(summary.validFrom))}
      ${fact(t(l, 'expires'), date(summary.expires) ?? t(l, 'noExpiry'))}
      ${fact(t(l, 'format'), summary.format)}
      ${summary.id !== undefined && fact(t(l, 'credentialId'), html`<code>${summary.id}</code>`)}
    </dl>
  </section>`;
};

const renderCheck = (l: Language, check: VerificationCheckView): SafeHtml => {
  const known = isKnownCheck(check.name) ? check.name : undefined;
  const name = known === undefined ? check.name : checkText(l, `${known}-name`);
  const tone = OUTCOME_TONE[check.outcome];
  return html`<li
    data-testid="verify-check"
    data-check="${check.name}"
    data-outcome="${check.outcome}"
  >
    <h3>
      ${name}
      <span class="pill${tone === '' ? '' : ` ${tone}`}"
        >${checkText(l, `outcome-${check.outcome}`)}</span
      >
    </h3>
    <p>${check.message[l]}</p>
    ${known !== undefined && html`<p class="hint">${t(l, 'whatItMeans')}: ${checkText(l, `${known}-means`)}</p>`}
  </li>`;
};

const renderChecks = (l: Language, checks: readonly VerificationCheckView[]): SafeHtml | '' =>
  checks.length === 0
    ? ''
    : html`<section class="verify-checks-section" aria-labelledby="verify-checks-title">
        <h2 id="verify-checks-title">${t(l, 'checksTitle')}</h2>
        <p>${t(l, 'checksLead')}</p>
        <ol class="verify-checks" data-testid="verify-checks">
          ${checks.map((check) => renderCheck(l, check))}
        </ol>
      </section>`;

export const renderVerifyResult = (options: {
  readonly language: Language;
  readonly calendar: CalendarPreference;
  readonly answer: VerifyAnswer;
  readonly verifiedAt: string;
}): SafeHtml => {
  const { language: l, answer } = options;
  return html`<div class="verify-result" data-testid="verify-result">
    ${renderBanner(l, answer, options.verifiedAt)} ${renderSummary(l, options.calendar, answer)}
    ${renderChecks(l, answer.report.checks)}
  </div>`;
};
