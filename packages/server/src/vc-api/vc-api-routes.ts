/**
 * The W3C VC-API (VCALM) endpoints, at the root so that any VC-API client and the W3C test
 * suites can drive Akashi:
 *
 * - `POST /credentials/issue` (API key with `badges:issue`, or a session of the issuer's
 *   organisation) → 201 `{ verifiableCredential }`;
 * - `POST /credentials/verify` (public) → 200 `{ verified: true, … }`, or 400 with the error
 *   envelope (`ERR_VC_API_NOT_VERIFIED`) and the VC-API result fields when it did not verify;
 * - `POST /presentations/verify` (public) → 200 with `verified` true or false (VCALM: 200
 *   whenever the verification ran), 400 for a malformed presentation;
 * - `POST /credentials/status` (`badges:revoke`) → 200;
 * - `POST /status/{listId}/publish` (`badges:revoke`) → 204: lists are re-signed on their next
 *   request anyway, so this only checks the list is the caller's (the Bitstring suite calls it).
 */
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../http/app-context.js';
import { buildErrorEnvelope } from '../http/error-envelope.js';
import { pickLanguage } from '../http/pick-language.js';
import { ServerError } from '../http/server-error.js';
import { readIssuerProfile } from '../issuers/issuer-profile.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { recordVerification } from '../analytics/record-verification.js';
import { issueVcApiCredential } from './issue-vc-api-credential.js';
import { updateCredentialStatus } from './update-vc-api-status.js';
import { reasonOf, toCredentialResult } from './vc-api-results.js';
import {
  IssueCredentialBody,
  IssueCredentialResponse,
  PublishStatusListParams,
  UpdateStatusBody,
  UpdateStatusResponse,
  VerifyCredentialBody,
  VerifyCredentialFailure,
  VerifyCredentialResponse,
  VerifyPresentationBody,
  VerifyPresentationResponse,
} from './vc-api-schemas.js';
import { createVcApiVerifier } from './vc-api-verifier.js';
import { credentialInput, verifyPresentation } from './verify-presentation.js';

const TAGS = ['vc-api'];

/** Results that say nothing about one of our credentials (forged, unreadable): not counted. */
const UNPROVEN: readonly string[] = ['invalid', 'indeterminate', 'unreadable'];

export const registerVcApiRoutes: RoutePlugin = (app, context) => {
  const { db, clock } = context;
  const verifier = createVcApiVerifier(app, context);

  app.post(
    '/credentials/issue',
    {
      schema: {
        summary: 'Issue a credential (W3C VC-API): eddsa-rdfc-2022, status entries added',
        description:
          "`credential.issuer` must be the identifier of one of your organisation's issuer profiles. Revocation and suspension entries (Bitstring Status List) are added; an Open Badge gets revocation only. Nothing is fetched: every `@context` must be one Akashi bundles.",
        tags: TAGS,
        operationId: 'vcApiIssueCredential',
        body: IssueCredentialBody,
        response: { 201: IssueCredentialResponse },
      },
    },
    async (request, reply) => {
      const { credential, options = {} } = request.body;
      const issued = await issueVcApiCredential(
        context,
        credential,
        {
          credentialId: typeof options.credentialId === 'string' ? options.credentialId : undefined,
          statusPurposes: options.statusPurposes,
        },
        originOf(request, clock),
      );
      return reply.code(201).send({ verifiableCredential: issued.verifiableCredential });
    },
  );

  app.post(
    '/credentials/verify',
    {
      schema: {
        summary: 'Verify a credential (W3C VC-API; public)',
        description:
          'Proof (eddsa-rdfc-2022, eddsa-2022, ecdsa-sd-2023, Ed25519Signature2020, VC-JWT), issuer key, JSON-LD safe mode, data model, validity period and status. 200 only when it verified; otherwise 400 with `verified: false` and the errors.',
        tags: TAGS,
        operationId: 'vcApiVerifyCredential',
        body: VerifyCredentialBody,
        response: { 200: VerifyCredentialResponse, 400: VerifyCredentialFailure },
      },
    },
    async (request, reply) => {
      const language = pickLanguage(request.headers['accept-language']);
      const verification = await verifier.verifyCredential(
        credentialInput(request.body.verifiableCredential),
      );
      const result = toCredentialResult(verification, language);
      const credentialId = verification.credential?.id;
      // Counted when the proof held (revoked or expired too), as on the verify page.
      if (typeof credentialId === 'string' && !UNPROVEN.includes(verification.status)) {
        await recordVerification(context, { credentialId, source: 'vc-api' }, request.log);
      }
      if (result.verified) {
        return reply.code(200).send({
          ...result,
          verified: true,
          ...(verification.credential === undefined ? {} : { credential: verification.credential }),
        });
      }
      const error = new ServerError('ERR_VC_API_NOT_VERIFIED', {
        params: { reason: reasonOf(result) },
      });
      return reply
        .code(400)
        .header('content-language', language)
        .header('vary', 'accept-language')
        .send({ ...buildErrorEnvelope(error, request.id, language), ...result, verified: false });
    },
  );

  app.post(
    '/presentations/verify',
    {
      schema: {
        summary: 'Verify a presentation and the credentials in it (W3C VC-API; public)',
        description:
          "The presentation's eddsa-rdfc-2022 proof (purpose authentication; `options.challenge` and `options.domain` checked when given) and every credential as `/credentials/verify` does. An unsigned presentation is accepted with a warning. 200 whenever the verification ran (VCALM): read `verified`.",
        tags: TAGS,
        operationId: 'vcApiVerifyPresentation',
        body: VerifyPresentationBody,
        response: { 200: VerifyPresentationResponse },
      },
    },
    async (request) => {
      const { verifiablePresentation, options = {} } = request.body;
      return verifyPresentation(
        verifier,
        verifiablePresentation,
        { challenge: options.challenge, domain: options.domain },
        pickLanguage(request.headers['accept-language']),
      );
    },
  );

  app.post(
    '/credentials/status',
    {
      schema: {
        summary: 'Revoke, suspend or reinstate a credential (W3C VC-API)',
        description:
          'For credentials issued through the VC-API and for awards (`credentialId` = the award credential id). Revocation is permanent.',
        tags: TAGS,
        operationId: 'vcApiUpdateCredentialStatus',
        body: UpdateStatusBody,
        response: { 200: UpdateStatusResponse },
      },
    },
    async (request) => {
      const { credentialId, credentialStatus, status = true, reason } = request.body;
      const entries = Array.isArray(credentialStatus) ? credentialStatus : [credentialStatus];
      return updateCredentialStatus(
        context,
        {
          credentialId,
          reason,
          changes: entries.map((entry) => ({
            type: entry.type,
            statusPurpose: entry.statusPurpose,
            statusListIndex: entry.statusListIndex,
            statusListCredential: entry.statusListCredential,
            status: entry.status ?? status,
          })),
        },
        originOf(request, clock),
      );
    },
  );

  app.post(
    '/status/:listId/publish',
    {
      schema: {
        summary: 'Publish a status list now (W3C VC-API; a no-op: lists are always current)',
        tags: TAGS,
        operationId: 'vcApiPublishStatusList',
        params: PublishStatusListParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { listId } = request.params;
      if (request.actor.kind === 'anonymous') throw new ServerError('ERR_HTTP_UNAUTHENTICATED');
      const list = await db.kysely
        .selectFrom('status_lists')
        .select('issuer_profile_id')
        .where('id', '=', listId)
        .executeTakeFirst();
      if (list === undefined)
        throw new ServerError('ERR_STATUS_LIST_NOT_FOUND', { params: { listId } });
      const profile = await readIssuerProfile(db, list.issuer_profile_id);
      await authorizeRequest(db, request.actor, 'badge.revoke', {
        organisationId: profile.organisationId,
        departmentId: profile.departmentId,
      });
      return reply.code(204).send(null);
    },
  );
};
