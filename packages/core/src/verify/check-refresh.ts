/**
 * The `refresh` check (OB 3.0 verification step 3): a `refreshService` of type
 * `1EdTechCredentialRefresh` is followed at most once, and only after the credential's proof and
 * issuer checks passed. The refreshed credential is verified in full (without following its
 * own refreshService); when it is genuine and comes from the same issuer, status and validity
 * are judged on it. Otherwise the original is kept and the check says why.
 *
 * This check never decides the verdict by itself: a refresh that fails leaves the original
 * credential to be judged as it is (STANDARDS.md §2.6). The 1EdTech specification calls the
 * credential invalid when the request fails; Akashi does not follow that.
 */
import { credentialKind } from './check-structure.js';
import type { VerifyInput } from './parse-input.js';
import type { RemoteResult } from './remote-documents.js';
import { issuerIdOf } from './resolve-key.js';
import {
  makeCheck,
  type CheckName,
  type VerificationCheck,
  type VerificationReport,
} from './verification-report.js';

type Json = Record<string, unknown>;

export const REFRESH_SERVICE_TYPE = '1EdTechCredentialRefresh';

export interface RefreshOutcome {
  readonly check: VerificationCheck;
  /** The refreshed credential's report, when it takes the original's place. */
  readonly refreshed?: VerificationReport;
}

export interface CheckRefreshOptions {
  /** Why the service is not followed (a refreshed credential, following disabled), if so. */
  readonly notFollowed?: string;
  /** The original's proof and issuer checks passed. */
  readonly integrityPassed: boolean;
  readonly loadCredential: (url: string) => Promise<RemoteResult<VerifyInput>>;
  /** Verifies the refreshed credential (without following its refreshService). */
  readonly verify: (input: VerifyInput) => Promise<VerificationReport>;
}

const INTEGRITY: readonly CheckName[] = ['parse', 'context', 'jsonld', 'schema', 'proof', 'issuer'];

const asList = (value: unknown): Json[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is Json => typeof v === 'object' && v !== null,
  );

const withoutFullStop = (text: string): string => text.replace(/\.$/, '');

const notFollowed = (reason: string): RefreshOutcome => ({
  check: makeCheck('refresh', 'skipped', 'REFRESH_NOT_FOLLOWED', { reason }),
});

export const checkRefresh = async (
  credential: Json,
  options: CheckRefreshOptions,
): Promise<RefreshOutcome> => {
  const services = asList(credential.refreshService);
  if (services.length === 0) return { check: makeCheck('refresh', 'skipped', 'REFRESH_NONE') };
  const service = services.find((s) => s.type === REFRESH_SERVICE_TYPE);
  if (service === undefined) return notFollowed(`the type ${String(services[0]?.type)}`);
  if (options.notFollowed !== undefined) return notFollowed(options.notFollowed);
  if (!options.integrityPassed) return notFollowed('the proof or the issuer did not pass');
  const url = service.id;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url))
    return notFollowed('its id is not an http(s) URL');

  const loaded = await options.loadCredential(url);
  if (!loaded.ok && loaded.kind === 'not-found') {
    const reason = `it does not exist: HTTP ${loaded.status ?? 404}`;
    return { check: makeCheck('refresh', 'failed', 'ERR_REFRESH_INVALID', { url, reason }) };
  }
  if (!loaded.ok) {
    return {
      check: makeCheck('refresh', 'error', 'ERR_REFRESH_UNREACHABLE', {
        url,
        reason: loaded.reason,
      }),
    };
  }
  const report = await options.verify(loaded.value);
  const invalid = (reason: string): RefreshOutcome => ({
    check: makeCheck(
      'refresh',
      'failed',
      'ERR_REFRESH_INVALID',
      { url, reason },
      { url, status: report.status, checks: report.checks },
    ),
  });
  const broken = report.checks.find(
    (check) => INTEGRITY.includes(check.name) && check.outcome !== 'passed',
  );
  if (broken?.outcome === 'error') {
    return {
      check: makeCheck(
        'refresh',
        'error',
        'ERR_REFRESH_UNREACHABLE',
        { url, reason: withoutFullStop(broken.message.en) },
        { url, status: report.status, checks: report.checks },
      ),
    };
  }
  if (broken !== undefined) return invalid(withoutFullStop(broken.message.en));
  const refreshed = report.credential ?? {};
  if (issuerIdOf(refreshed) !== issuerIdOf(credential)) return invalid('it names another issuer');
  if (credentialKind(refreshed) !== credentialKind(credential))
    return invalid('it is another kind of credential');
  return {
    check: makeCheck(
      'refresh',
      'passed',
      'REFRESH_OK',
      { url },
      { url, status: report.status, credential: refreshed },
    ),
    refreshed: report,
  };
};
