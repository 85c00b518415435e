/**
 * Awards an achievement to one or many people: the heart of the platform. For each recipient it
 * signs an OB 3.0 credential (`eddsa-rdfc-2022` through the core's fast path; also a VC-JWT when
 * the recipient gave a DID), gives it status entries, and stores it with its notification e-mail
 * and its `award.issued` webhook event in one transaction (outbox pattern: committed together or
 * not at all).
 *
 *   const outcomes = await issueAwards(context, { organisationId, achievementId, inputs }, origin);
 *
 * Idempotent: an input whose idempotency key already names an award of the organisation (for the
 * same achievement and recipient) comes back as `duplicate` with that award's id, whether the
 * other award is old, in the same batch, or being made by another process at this very moment
 * (the unique index decides). One bad input fails alone; the others are issued.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hashIdentity, issueCredential, normalizeEmail } from '@akashi/core';
import { readAchievement, type Achievement } from '../achievements/achievement.js';
import { buildOb3Achievement } from '../achievements/build-ob3-achievement.js';
import { computeValidUntil } from '../achievements/compute-valid-until.js';
import type { AppContext } from '../http/app-context.js';
import { assertOrganisationCanIssue } from '../organisations/assert-organisation-can-issue.js';
import { isServerError, ServerError } from '../http/server-error.js';
import { loadIssuerSigning, type IssuerSigning } from '../issuers/issuer-signing.js';
import type { CommandOrigin } from '../policy/command-origin.js';
import { allocateStatusEntries } from '../status-lists/allocate-status-entries.js';
import { buildStatusEntryObject, type AllocatedStatusEntry } from '../status-lists/status-entry.js';
import { readAward, type Award } from './award.js';
import { checkRecipient, resolveAwardDates, type AwardInput } from './award-input.js';
import type { AwardsTable } from './award-tables.js';
import { POOL_THRESHOLD, signOnPool } from './award-signing-pools.js';
import { buildAwardCredential, fillAwardCredential } from './build-award-documents.js';
import { storeIssuedAwards } from './store-issued-awards.js';

export interface IssueAwardsRequest {
  readonly organisationId: string;
  readonly achievementId: string;
  readonly inputs: readonly AwardInput[];
  /** The bulk job the awards belong to: one audit event for the batch instead of one each. */
  readonly bulkJobId?: string | undefined;
}

export type IssueAwardOutcome =
  | { readonly state: 'issued'; readonly award: Award }
  | { readonly state: 'duplicate'; readonly awardId: string }
  | { readonly state: 'failed'; readonly error: ServerError };

/** The organisation's key for an input: the caller's, `ext:` + the external id, or a new one. */
export const awardIdempotencyKey = (input: AwardInput, achievementId: string): string =>
  input.idempotencyKey ??
  (input.externalId === undefined
    ? `new:${randomUUID()}`
    : `ext:${achievementId}:${input.externalId}`);

/** The achievement and issuer an award needs, checked to be usable. */
export const loadIssuingParts = async (
  context: AppContext,
  organisationId: string,
  achievementId: string,
): Promise<{ achievement: Achievement; signing: IssuerSigning }> => {
  await assertOrganisationCanIssue(context.db, organisationId);
  const achievement = await readAchievement(context.db, achievementId);
  if (achievement.organisationId !== organisationId)
    throw new ServerError('ERR_ACHIEVEMENT_NOT_FOUND');
  if (achievement.status !== 'active') throw new ServerError('ERR_AWARD_ACHIEVEMENT_ARCHIVED');
  const signing = await loadIssuerSigning(context, achievement.issuerProfileId);
  if (signing.profile.archivedAt !== null) throw new ServerError('ERR_AWARD_ISSUER_ARCHIVED');
  return { achievement, signing };
};

interface Prepared {
  readonly position: number;
  readonly input: AwardInput;
  readonly key: string;
  readonly dates: ReturnType<typeof resolveAwardDates>;
}

const asServerError = (error: unknown): ServerError => {
  if (isServerError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ServerError('ERR_AWARD_SIGNING_FAILED', { params: { reason }, cause: error });
};

/** Checks each input; failures are kept by position. */
const prepare = (
  request: IssueAwardsRequest,
  achievement: Achievement,
  now: Date,
  outcomes: (IssueAwardOutcome | undefined)[],
): Prepared[] => {
  const prepared: Prepared[] = [];
  request.inputs.forEach((input, position) => {
    try {
      checkRecipient(input.recipient);
      const dates = resolveAwardDates(input, now, (awardedAt) =>
        computeValidUntil(achievement, awardedAt),
      );
      prepared.push({ position, input, key: awardIdempotencyKey(input, achievement.id), dates });
    } catch (error) {
      outcomes[position] = { state: 'failed', error: asServerError(error) };
    }
  });
  return prepared;
};

/** Inputs whose key names an award made before: duplicates, or conflicts when it is another's. */
const settleExisting = async (
  context: AppContext,
  request: IssueAwardsRequest,
  prepared: readonly Prepared[],
  outcomes: (IssueAwardOutcome | undefined)[],
): Promise<Prepared[]> => {
  const existing = new Map<string, { id: string; achievement: string; email: string }>();
  const keys = [...new Set(prepared.map((p) => p.key))];
  for (let start = 0; start < keys.length; start += 500) {
    const rows = await context.db.kysely
      .selectFrom('awards')
      .select(['id', 'idempotency_key', 'achievement_id', 'recipient_email'])
      .where('organisation_id', '=', request.organisationId)
      .where('idempotency_key', 'in', keys.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      existing.set(row.idempotency_key, {
        id: row.id,
        achievement: row.achievement_id,
        email: normalizeEmail(row.recipient_email),
      });
    }
  }
  const fresh: Prepared[] = [];
  const firstByKey = new Map<string, Prepared>();
  for (const item of prepared) {
    const before = existing.get(item.key);
    if (before !== undefined) {
      const same =
        before.achievement === request.achievementId &&
        before.email === normalizeEmail(item.input.recipient.email);
      outcomes[item.position] = same
        ? { state: 'duplicate', awardId: before.id }
        : {
            state: 'failed',
            error: new ServerError('ERR_AWARD_IDEMPOTENCY_CONFLICT', { params: { key: item.key } }),
          };
    } else if (firstByKey.has(item.key)) {
      // Settled once the first of the batch is stored.
    } else {
      firstByKey.set(item.key, item);
      fresh.push(item);
    }
  }
  return fresh;
};

/** Signs the credentials of `fresh` and shapes their rows. */
const signAwards = async (
  context: AppContext,
  request: IssueAwardsRequest,
  parts: { achievement: Achievement; signing: IssuerSigning },
  fresh: readonly Prepared[],
  now: Date,
  outcomes: (IssueAwardOutcome | undefined)[],
): Promise<{ row: AwardsTable; item: Prepared; credential: Record<string, unknown> }[]> => {
  if (fresh.length === 0) return [];
  const { publicUrl } = context.config;
  const { achievement, signing } = parts;
  const suspendable = fresh.filter((item) => item.input.suspendable === true).length;
  const [revocations, suspensions] = await Promise.all([
    allocateStatusEntries(context.db, {
      publicUrl,
      issuerProfileId: signing.profile.id,
      purpose: 'revocation',
      count: fresh.length,
    }),
    suspendable === 0
      ? Promise.resolve([] as AllocatedStatusEntry[])
      : allocateStatusEntries(context.db, {
          publicUrl,
          issuerProfileId: signing.profile.id,
          purpose: 'suspension',
          count: suspendable,
        }),
  ]);
  const ob3Achievement = buildOb3Achievement(achievement, publicUrl);
  const key = signing.ed25519.signingKey();
  const at = now.toISOString();
  const rows: { row: AwardsTable; item: Prepared; credential: Record<string, unknown> }[] = [];
  let base: Record<string, unknown> | undefined;
  let nextSuspension = 0;
  const pending: {
    item: Prepared;
    id: string;
    salt: string;
    revocation: AllocatedStatusEntry;
    suspension: AllocatedStatusEntry | undefined;
    unsigned: Record<string, unknown>;
  }[] = [];
  for (const [i, item] of fresh.entries()) {
    const revocation = revocations[i];
    const suspension = item.input.suspendable === true ? suspensions[nextSuspension++] : undefined;
    if (revocation === undefined) throw new Error('allocateStatusEntries returned too few');
    try {
      const id = randomUUID();
      const salt = randomBytes(16).toString('hex');
      const { recipient } = item.input;
      const fields = {
        awardId: id,
        recipient: {
          email: recipient.email,
          salt,
          ...(recipient.did === undefined ? {} : { did: recipient.did }),
        },
        awardedAt: item.dates.awardedAt,
        validFrom: item.dates.validFrom,
        validUntil: item.dates.validUntil,
        evidence: item.input.evidence ?? [],
        narrative: item.input.narrative,
        credentialStatus: [
          buildStatusEntryObject(revocation),
          ...(suspension === undefined ? [] : [buildStatusEntryObject(suspension)]),
        ],
      };
      // The first credential of the batch is built (and validated) in full; the others are
      // filled in from it: the achievement and issuer parts are the same for the whole batch.
      const unsigned =
        base === undefined
          ? buildAwardCredential({
              publicUrl,
              profile: signing.profile,
              achievement: ob3Achievement,
              achievementName: achievement.name.ja,
              ...fields,
            })
          : fillAwardCredential(base, publicUrl, fields);
      base ??= unsigned;
      pending.push({ item, id, salt, revocation, suspension, unsigned });
    } catch (error) {
      outcomes[item.position] = { state: 'failed', error: asServerError(error) };
    }
  }

  // Sign: a large batch on the worker pool (every core), a small one inline.
  const options = { key, verificationMethod: signing.verificationMethod };
  const proofs =
    pending.length >= POOL_THRESHOLD
      ? await signOnPool(
          key,
          signing.verificationMethod,
          pending.map((entry) => entry.unsigned),
        )
      : await Promise.all(
          pending.map(async ({ unsigned }) => {
            try {
              const issued = await issueCredential(unsigned, options);
              return { ok: true as const, credential: issued.credential };
            } catch (error) {
              const failure = asServerError(error);
              return { ok: false as const, code: failure.code, message: failure.message };
            }
          }),
        );

  for (const [i, { item, id, salt, revocation, suspension, unsigned }] of pending.entries()) {
    const proof = proofs[i];
    try {
      if (proof === undefined) throw new Error('the signer returned too few credentials');
      if (!proof.ok) {
        throw new ServerError('ERR_AWARD_SIGNING_FAILED', { params: { reason: proof.message } });
      }
      const { recipient } = item.input;
      const jwt =
        recipient.did === undefined
          ? null
          : await issueCredential(unsigned, { ...options, format: 'jwt' });
      const signed = proof;
      rows.push({
        item,
        credential: signed.credential,
        row: {
          id,
          organisation_id: request.organisationId,
          department_id: achievement.departmentId,
          achievement_id: achievement.id,
          achievement_version: achievement.version,
          issuer_profile_id: signing.profile.id,
          state: 'active',
          state_reason: null,
          recipient_email: recipient.email,
          recipient_name: recipient.name ?? null,
          recipient_name_kana: recipient.nameKana ?? null,
          recipient_name_romaji: recipient.nameRomaji ?? null,
          recipient_did: recipient.did ?? null,
          recipient_identity: hashIdentity(normalizeEmail(recipient.email), salt),
          recipient_salt: salt,
          recipient_public: 0,
          external_id: item.input.externalId ?? null,
          idempotency_key: item.key,
          awarded_at: item.dates.awardedAt.toISOString(),
          valid_from: item.dates.validFrom.toISOString(),
          valid_until: item.dates.validUntil?.toISOString() ?? null,
          evidence:
            item.input.evidence === undefined || item.input.evidence.length === 0
              ? null
              : JSON.stringify(item.input.evidence),
          narrative: item.input.narrative ?? null,
          credential: JSON.stringify(signed.credential),
          credential_jwt: jwt !== null && jwt.format === 'jwt' ? jwt.jwt : null,
          ob2_signed: null,
          revocation_list_id: revocation.listId,
          revocation_index: revocation.index,
          suspension_list_id: suspension?.listId ?? null,
          suspension_index: suspension?.index ?? null,
          replaces_award_id: null,
          replaced_by_award_id: null,
          bulk_job_id: request.bulkJobId ?? null,
          locale: item.input.locale ?? 'ja',
          created_at: at,
          updated_at: at,
          revoked_at: null,
        },
      });
    } catch (error) {
      outcomes[item.position] = { state: 'failed', error: asServerError(error) };
    }
  }
  return rows;
};

/** Issues every input; the outcomes are in input order. */
export const issueAwards = async (
  context: AppContext,
  request: IssueAwardsRequest,
  origin: CommandOrigin,
): Promise<IssueAwardOutcome[]> => {
  const parts = await loadIssuingParts(context, request.organisationId, request.achievementId);
  const outcomes: (IssueAwardOutcome | undefined)[] = request.inputs.map(() => undefined);
  const prepared = prepare(request, parts.achievement, origin.now, outcomes);
  const fresh = await settleExisting(context, request, prepared, outcomes);
  const signed = await signAwards(context, request, parts, fresh, origin.now, outcomes);
  const stored = await storeIssuedAwards(context, request, parts, signed, origin);
  for (const { item, outcome } of stored) outcomes[item.position] = outcome;
  // Repeats of a key inside the batch point at the award made for its first occurrence.
  const byKey = new Map(
    stored.map(({ item, outcome }) => [
      item.key,
      outcome.state === 'issued'
        ? outcome.award.id
        : outcome.state === 'duplicate'
          ? outcome.awardId
          : undefined,
    ]),
  );
  for (const item of prepared) {
    if (outcomes[item.position] !== undefined) continue;
    const awardId = byKey.get(item.key);
    outcomes[item.position] =
      awardId === undefined
        ? {
            state: 'failed',
            error: new ServerError('ERR_AWARD_IDEMPOTENCY_CONFLICT', { params: { key: item.key } }),
          }
        : { state: 'duplicate', awardId };
  }
  return outcomes.map((outcome) => {
    if (outcome === undefined) throw new Error('issueAwards: an input has no outcome');
    return outcome;
  });
};

/** Issues one award; its failure is thrown. */
export const issueAward = async (
  context: AppContext,
  request: Omit<IssueAwardsRequest, 'inputs'> & { readonly input: AwardInput },
  origin: CommandOrigin,
): Promise<{ readonly award: Award; readonly created: boolean }> => {
  const [outcome] = await issueAwards(context, { ...request, inputs: [request.input] }, origin);
  if (outcome === undefined) throw new Error('issueAward: no outcome');
  if (outcome.state === 'failed') throw outcome.error;
  if (outcome.state === 'issued') return { award: outcome.award, created: true };
  return { award: await readAward(context.db, outcome.awardId), created: false };
};
