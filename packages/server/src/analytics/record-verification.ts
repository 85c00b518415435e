/**
 * Counts a verification of one of this platform's credentials, for the issuer's analytics: the
 * credential's id is mapped to its award (the OB 3.0 credential's id is the badge URL
 * `{PUBLIC_URL}/badges/{awardId}`; the OB 2.0 assertion's is `…/assertion` when hosted,
 * `urn:uuid:{awardId}` when signed) and that award's count for today (in Japan) and this channel
 * goes up by one, in a single upsert. Credentials of other issuers, and credentials issued through
 * the VC-API that are not awards, are not counted.
 *
 * Never throws: counting must not break a verification. A failure is logged and forgotten.
 */
import { sql } from 'kysely';
import type { AppContext } from '../http/app-context.js';
import { japanDay } from './japan-months.js';

export type VerificationSource = 'badge-page' | 'verify-page' | 'vc-api';

export const VERIFICATION_SOURCES: readonly VerificationSource[] = [
  'badge-page',
  'verify-page',
  'vc-api',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The award id a credential id of ours names, or undefined. */
export const awardIdOfCredential = (
  publicUrl: string,
  credentialId: string,
): string | undefined => {
  let candidate: string | undefined;
  const badges = `${publicUrl}/badges/`;
  if (credentialId.startsWith(badges)) {
    const rest = credentialId.slice(badges.length);
    candidate = rest.endsWith('/assertion') ? rest.slice(0, -'/assertion'.length) : rest;
  } else if (credentialId.toLowerCase().startsWith('urn:uuid:')) {
    candidate = credentialId.slice('urn:uuid:'.length);
  }
  return candidate !== undefined && UUID.test(candidate) ? candidate.toLowerCase() : undefined;
};

/** Where a failure to count is reported (a request's logger); a process warning without one. */
export interface VerificationCountLog {
  error(object: object, message: string): void;
}

export const recordVerification = async (
  context: AppContext,
  input: { readonly credentialId: string; readonly source: VerificationSource },
  log?: VerificationCountLog,
): Promise<void> => {
  try {
    const awardId = awardIdOfCredential(context.config.publicUrl, input.credentialId);
    if (awardId === undefined) return;
    const { kysely } = context.db;
    const award = await kysely
      .selectFrom('awards')
      .select(['organisation_id', 'achievement_id'])
      .where('id', '=', awardId)
      .executeTakeFirst();
    if (award === undefined) return;
    await kysely
      .insertInto('verification_counts')
      .values({
        award_id: awardId,
        day: japanDay(context.clock()),
        source: input.source,
        organisation_id: award.organisation_id,
        achievement_id: award.achievement_id,
        count: 1,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['award_id', 'day', 'source'])
          .doUpdateSet({ count: sql<number>`verification_counts.count + 1` }),
      )
      .execute();
  } catch (error) {
    // Counting is a nicety: the verification itself has already been answered correctly.
    if (log === undefined) {
      process.emitWarning(
        `Could not count a verification (${input.source}): ${error instanceof Error ? error.message : String(error)}`,
        { code: 'AKASHI_ANALYTICS' },
      );
    } else {
      log.error({ err: error, source: input.source }, 'could not count a verification');
    }
  }
};
