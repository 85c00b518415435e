/**
 * `POST /credentials/status`: sets the revocation or suspension status of a credential the
 * caller's organisation issued, through the VC-API (`vc_api_credentials`) or as an award
 * (`credentialId` = the award's credential id `${PUBLIC_URL}/badges/{awardId}`, or the award id:
 * the award's own command, `changeAwardState`, keeps its state, audit and webhooks in step).
 *
 * Each change names the entry by `statusPurpose` (and may repeat its `statusListIndex` /
 * `statusListCredential`, which must then match). `status: true` sets the bit (revoked,
 * suspended), `false` clears it; revocation is permanent, so clearing a set revocation bit is
 * refused. Setting a bit to the value it has is a no-op (`changed: false`).
 */
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { changeAwardState, type AwardStateChange } from '../awards/change-award-state.js';
import { isAwardId, readAward, type Award } from '../awards/award.js';
import { runInTransaction } from '../db/run-in-transaction.js';
import type { AppContext } from '../http/app-context.js';
import { isServerError, ServerError } from '../http/server-error.js';
import { readIssuerProfile } from '../issuers/issuer-profile.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { auditedBy, type CommandOrigin } from '../policy/command-origin.js';
import { readStatusBit, setStatusBit } from '../status-lists/status-bits.js';
import { statusListUrl, type StatusPurpose } from '../status-lists/status-entry.js';

export interface StatusChange {
  readonly type: string;
  readonly statusPurpose: string;
  readonly statusListIndex?: string | undefined;
  readonly statusListCredential?: string | undefined;
  /** true: revoked / suspended; false: not. */
  readonly status: boolean;
}

export interface StatusChangeResult {
  readonly statusPurpose: StatusPurpose;
  readonly status: boolean;
  /** false when the status already had this value. */
  readonly changed: boolean;
}

export interface UpdateStatusResult {
  readonly credentialId: string;
  readonly credentialStatus: StatusChangeResult[];
}

interface Entry {
  readonly listId: string;
  readonly index: number;
}

const STATUS_TYPES = ['BitstringStatusListEntry', 'BitstringStatusList'];

const purposeOf = (change: StatusChange): StatusPurpose => {
  if (!STATUS_TYPES.includes(change.type)) {
    throw new ServerError('ERR_VC_API_STATUS_TYPE', { params: { type: change.type } });
  }
  if (change.statusPurpose !== 'revocation' && change.statusPurpose !== 'suspension') {
    throw new ServerError('ERR_VC_API_STATUS_PURPOSE_ABSENT', {
      params: { purpose: change.statusPurpose },
    });
  }
  return change.statusPurpose;
};

/** The credential's entry for the change's purpose, checked against what the change repeats. */
const entryFor = (
  context: AppContext,
  change: StatusChange,
  purpose: StatusPurpose,
  entry: Entry | undefined,
): Entry => {
  if (entry === undefined) {
    throw new ServerError('ERR_VC_API_STATUS_PURPOSE_ABSENT', { params: { purpose } });
  }
  if (change.statusListIndex !== undefined && change.statusListIndex !== String(entry.index)) {
    throw new ServerError('ERR_VC_API_STATUS_ENTRY_MISMATCH', {
      params: { field: 'statusListIndex', purpose },
    });
  }
  if (
    change.statusListCredential !== undefined &&
    change.statusListCredential !== statusListUrl(context.config.publicUrl, entry.listId)
  ) {
    throw new ServerError('ERR_VC_API_STATUS_ENTRY_MISMATCH', {
      params: { field: 'statusListCredential', purpose },
    });
  }
  return entry;
};

/** The award `credentialId` names, if it names one (its credential id or its id). */
const awardIdOf = (context: AppContext, credentialId: string): string | undefined => {
  const prefix = `${context.config.publicUrl.replace(/\/+$/, '')}/badges/`;
  const candidate = credentialId.startsWith(prefix)
    ? credentialId.slice(prefix.length)
    : credentialId;
  return isAwardId(candidate) ? candidate : undefined;
};

const updateAwardStatus = async (
  context: AppContext,
  award: Award,
  changes: readonly StatusChange[],
  reason: string | undefined,
  origin: CommandOrigin,
): Promise<StatusChangeResult[]> => {
  await authorizeRequest(context.db, origin.actor, 'badge.revoke', {
    organisationId: award.organisationId,
    departmentId: award.departmentId,
  });
  const results: StatusChangeResult[] = [];
  let current = award;
  for (const change of changes) {
    const purpose = purposeOf(change);
    entryFor(
      context,
      change,
      purpose,
      purpose === 'revocation' ? current.revocation : current.suspension,
    );
    let command: AwardStateChange | undefined;
    if (purpose === 'revocation') {
      if (!change.status && current.state === 'revoked') {
        throw new ServerError('ERR_VC_API_REVOCATION_PERMANENT');
      }
      if (change.status && current.state !== 'revoked') command = 'revoke';
    } else if (change.status && current.state !== 'suspended') command = 'suspend';
    else if (!change.status && current.state === 'suspended') command = 'reinstate';
    if (command !== undefined) {
      current = await changeAwardState(
        context,
        { organisationId: award.organisationId, awardId: award.id, change: command, reason },
        origin,
      );
    }
    results.push({ statusPurpose: purpose, status: change.status, changed: command !== undefined });
  }
  return results;
};

const updateVcApiStatus = async (
  context: AppContext,
  row: {
    id: string;
    organisation_id: string;
    issuer_profile_id: string;
    revocation_list_id: string | null;
    revocation_index: number | null;
    suspension_list_id: string | null;
    suspension_index: number | null;
  },
  changes: readonly StatusChange[],
  origin: CommandOrigin,
): Promise<StatusChangeResult[]> => {
  const profile = await readIssuerProfile(context.db, row.issuer_profile_id);
  await authorizeRequest(context.db, origin.actor, 'badge.revoke', {
    organisationId: row.organisation_id,
    departmentId: profile.departmentId,
  });
  const entries: Record<StatusPurpose, Entry | undefined> = {
    revocation:
      row.revocation_list_id === null || row.revocation_index === null
        ? undefined
        : { listId: row.revocation_list_id, index: row.revocation_index },
    suspension:
      row.suspension_list_id === null || row.suspension_index === null
        ? undefined
        : { listId: row.suspension_list_id, index: row.suspension_index },
  };
  const planned = changes.map((change) => {
    const purpose = purposeOf(change);
    return {
      purpose,
      status: change.status,
      entry: entryFor(context, change, purpose, entries[purpose]),
    };
  });
  return runInTransaction(context.db, async (tx) => {
    const results: StatusChangeResult[] = [];
    for (const { purpose, status, entry } of planned) {
      if (purpose === 'revocation' && !status && (await readStatusBit(tx, entry))) {
        throw new ServerError('ERR_VC_API_REVOCATION_PERMANENT');
      }
      const { changed } = await setStatusBit(tx, { ...entry, value: status, now: origin.now });
      results.push({ statusPurpose: purpose, status, changed });
    }
    await tx.kysely
      .updateTable('vc_api_credentials')
      .set({ updated_at: origin.now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await recordAuditEvent(
      tx,
      {
        action: 'vc-api.status',
        ...auditedBy(origin),
        organisationId: row.organisation_id,
        targetType: 'vc-api-credential',
        targetId: row.id,
        details: { changes: results },
      },
      origin.now,
    );
    return results;
  });
};

export const updateCredentialStatus = async (
  context: AppContext,
  input: {
    readonly credentialId: string;
    readonly changes: readonly StatusChange[];
    readonly reason?: string | undefined;
  },
  origin: CommandOrigin,
): Promise<UpdateStatusResult> => {
  const { actor } = origin;
  if (actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
  const { credentialId, changes } = input;
  const notFound = () =>
    new ServerError('ERR_VC_API_CREDENTIAL_NOT_FOUND', { params: { credentialId } });
  let query = context.db.kysely
    .selectFrom('vc_api_credentials')
    .selectAll()
    .where('credential_id', '=', credentialId);
  if (actor.kind === 'api-key') query = query.where('organisation_id', '=', actor.organisationId);
  const rows = await query.orderBy('created_at').execute();
  let denied: ServerError | undefined;
  for (const row of rows) {
    try {
      const credentialStatus = await updateVcApiStatus(context, row, changes, origin);
      return { credentialId, credentialStatus };
    } catch (error) {
      // A person in several organisations: try the next one's credential of this id.
      if (isServerError(error) && error.status === 403 && rows.length > 1) denied = error;
      else throw error;
    }
  }
  if (denied !== undefined) throw denied;
  const awardId = awardIdOf(context, credentialId);
  if (awardId === undefined) throw notFound();
  let award: Award;
  try {
    award = await readAward(context.db, awardId);
  } catch (error) {
    if (isServerError(error) && error.code === 'ERR_AWARD_NOT_FOUND') throw notFound();
    throw error;
  }
  if (actor.kind === 'api-key' && actor.organisationId !== award.organisationId) throw notFound();
  const credentialStatus = await updateAwardStatus(context, award, changes, input.reason, origin);
  return { credentialId, credentialStatus };
};
