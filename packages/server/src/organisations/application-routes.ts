/**
 * Member vetting over HTTP, under /api/v1:
 *
 * - `POST /organisation-applications`: a signed-in user applies (→ pending);
 * - `GET /organisation-applications?status=`: operators list applications (default: pending);
 * - `GET /organisation-applications/:organisationId`: the applicant or an operator reads one;
 * - `POST /organisation-applications/:organisationId/approve` and `…/reject`: operators decide;
 *   an approved organisation gets its default issuer profile (and keys) at once.
 */
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { applyForOrganisation } from './apply-for-organisation.js';
import { ensureDefaultIssuerProfile } from '../issuers/manage-issuer-profiles.js';
import { approveApplication, rejectApplication } from './decide-application.js';
import { findApplication, listApplications, readApplication } from './list-applications.js';
import {
  ApplyForOrganisationBody,
  OrganisationApplication,
  OrganisationIdParams,
  OrganisationStatusSchema,
} from './organisation-schemas.js';
import { presentApplication } from './present-organisation.js';

const TAGS = ['organisations'];

const ApplicationList = Type.Object(
  { applications: Type.Array(OrganisationApplication) },
  { additionalProperties: false, title: 'OrganisationApplicationList' },
);

const ApproveBody = Type.Object(
  {
    note: Type.Optional(
      Type.String({ maxLength: 2000, description: 'An optional note, kept in the audit log.' }),
    ),
  },
  { additionalProperties: false },
);

const RejectBody = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'Why the application is rejected; the applicant can read it.',
    }),
  },
  { additionalProperties: false },
);

export const registerApplicationRoutes: RoutePlugin = (app, context) => {
  const { db, clock } = context;
  app.post(
    '/organisation-applications',
    {
      schema: {
        summary: 'Apply for an organisation to be admitted as an issuer (member vetting)',
        tags: TAGS,
        operationId: 'applyForOrganisation',
        body: ApplyForOrganisationBody,
        response: { 201: OrganisationApplication },
      },
    },
    async (request, reply) => {
      await authorizeRequest(db, request.actor, 'org.apply', {});
      if (request.actor.kind !== 'user') throw new ServerError('ERR_HTTP_FORBIDDEN');
      const origin = originOf(request, clock);
      const row = await applyForOrganisation(db, request.actor.userId, request.body, origin);
      return reply.code(201).send(presentApplication(await readApplication(db, row.id)));
    },
  );

  app.get(
    '/organisation-applications',
    {
      schema: {
        summary: 'List applications for review (operators)',
        tags: TAGS,
        operationId: 'listOrganisationApplications',
        querystring: Type.Object(
          { status: Type.Optional(OrganisationStatusSchema) },
          { additionalProperties: false },
        ),
        response: { 200: ApplicationList },
      },
    },
    async (request) => {
      await authorizeRequest(db, request.actor, 'org.approve', {});
      const rows = await listApplications(db, request.query.status ?? 'pending');
      return { applications: rows.map(presentApplication) };
    },
  );

  app.get(
    '/organisation-applications/:organisationId',
    {
      schema: {
        summary: 'Read an application and its decision (its applicant, or operators)',
        tags: TAGS,
        operationId: 'getOrganisationApplication',
        params: OrganisationIdParams,
        response: { 200: OrganisationApplication },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      const row = await findApplication(db, organisationId);
      await authorizeRequest(db, request.actor, 'org.application.read', {
        organisationId,
        applicantUserId: row?.applicant_user_id ?? null,
      });
      if (row === undefined) throw new ServerError('ERR_ORG_NOT_FOUND');
      return presentApplication(row);
    },
  );

  app.post(
    '/organisation-applications/:organisationId/approve',
    {
      schema: {
        summary: 'Approve a pending application; the applicant becomes its org admin (operators)',
        tags: TAGS,
        operationId: 'approveOrganisationApplication',
        params: OrganisationIdParams,
        body: ApproveBody,
        response: { 200: OrganisationApplication },
      },
    },
    async (request) => {
      await authorizeRequest(db, request.actor, 'org.approve', {});
      const { organisationId } = request.params;
      const origin = originOf(request, clock);
      await approveApplication(db, organisationId, request.body.note ?? null, origin);
      // An approved organisation can issue at once: its default issuer profile and keys.
      await ensureDefaultIssuerProfile(context, organisationId, origin);
      return presentApplication(await readApplication(db, organisationId));
    },
  );

  app.post(
    '/organisation-applications/:organisationId/reject',
    {
      schema: {
        summary: 'Reject a pending application, with a reason (operators)',
        tags: TAGS,
        operationId: 'rejectOrganisationApplication',
        params: OrganisationIdParams,
        body: RejectBody,
        response: { 200: OrganisationApplication },
      },
    },
    async (request) => {
      await authorizeRequest(db, request.actor, 'org.approve', {});
      const { organisationId } = request.params;
      await rejectApplication(db, organisationId, request.body.reason, originOf(request, clock));
      return presentApplication(await readApplication(db, organisationId));
    },
  );
};
