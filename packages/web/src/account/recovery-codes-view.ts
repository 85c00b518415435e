/**
 * The recovery codes, shown once (after the first second factor is set up, or when they are made
 * anew): one per line, a warning to keep them safe and a `data:` link to save them as a text
 * file. Also the empty frame account-passkeys.js fills when adding the first passkey returns them.
 */
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { accountText as t } from './account-texts.js';

const downloadHref = (language: Language, codes: readonly string[]): string =>
  `data:text/plain;charset=utf-8,${encodeURIComponent(
    `${t(language, 'recoveryFileHeader')}\r\n\r\n${codes.join('\r\n')}\r\n`,
  )}`;

export const renderRecoveryCodes = (
  language: Language,
  codes: readonly string[],
  options: { readonly hidden?: boolean; readonly testid?: string } = {},
): SafeHtml =>
  html`<section
    class="card recovery-codes"
    aria-labelledby="recovery-codes-heading"
    data-recovery-codes-section
    data-file-header="${t(language, 'recoveryFileHeader')}"
    ${options.hidden === true && html` hidden`}
  >
    <h2 id="recovery-codes-heading">${t(language, 'recoveryShownTitle')}</h2>
    <div class="warning" role="note"><p>${t(language, 'recoveryWarning')}</p></div>
    <pre data-testid="${options.testid ?? 'recovery-codes'}">${codes.join('\n')}</pre>
    <p>
      <a
        class="button secondary"
        href="${downloadHref(language, codes)}"
        download="akashi-recovery-codes.txt"
        data-testid="recovery-codes-download"
        >${t(language, 'recoveryDownload')}</a
      >
    </p>
    <p><a href="/account/security">${t(language, 'recoveryContinue')}</a></p>
  </section>`;
