/**
 * Organisations for their members, under /api/v1:
 *
 * - `GET /organisations`: the organisations the signed-in user belongs to, with their role;
 * - `GET /organisations/:organisationId`: one organisation (members, its API keys with
 *   `org:read`, operators);
 * - `PATCH /organisations/:organisationId`: its settings (`require2fa`, contact e-mail, LinkedIn
 *   company-page id; org admins).
 */
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { listOwnOrganisations } from './list-own-organisations.js';
import {
  LinkedInOrganizationId,
  Organisation,
  OrganisationIdParams,
  OwnOrganisationList,
} from './organisation-schemas.js';
import { presentOrganisation } from './present-organisation.js';
import { readOrganisation } from './read-organisation.js';
import { updateOrganisationSettings } from './update-organisation-settings.js';

const TAGS = ['organisations'];

const UpdateOrganisationBody = Type.Object(
  {
    require2fa: Type.Optional(
      Type.Boolean({
        description: 'Require a second factor (TOTP or passkey) for every staff action.',
      }),
    ),
    contactEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    linkedinOrganizationId: Type.Optional(Type.Union([LinkedInOrganizationId, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1, title: 'UpdateOrganisationBody' },
);

export const registerOrganisationRoutes: RoutePlugin = (app, { db, clock }) => {
  app.get(
    '/organisations',
    {
      schema: {
        summary: 'List the organisations the signed-in user is a member of',
        tags: TAGS,
        operationId: 'listOwnOrganisations',
        response: { 200: OwnOrganisationList },
      },
    },
    async (request) => {
      await authorizeRequest(db, request.actor, 'org.list-own', {});
      if (request.actor.kind !== 'user') throw new ServerError('ERR_HTTP_FORBIDDEN');
      const rows = await listOwnOrganisations(db, request.actor.userId);
      return {
        memberships: rows.map((row) => ({
          organisation: presentOrganisation(row.organisation),
          role: row.role,
          departmentIds: [...row.departmentIds],
        })),
      };
    },
  );

  app.get(
    '/organisations/:organisationId',
    {
      schema: {
        summary: 'Read an organisation and its settings',
        tags: TAGS,
        operationId: 'getOrganisation',
        params: OrganisationIdParams,
        response: { 200: Organisation },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'org.read', { organisationId });
      return presentOrganisation(await readOrganisation(db, organisationId));
    },
  );

  app.patch(
    '/organisations/:organisationId',
    {
      schema: {
        summary: "Change an organisation's settings (org admins; audited as org.update)",
        tags: TAGS,
        operationId: 'updateOrganisation',
        params: OrganisationIdParams,
        body: UpdateOrganisationBody,
        response: { 200: Organisation },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'org.update', { organisationId });
      const row = await updateOrganisationSettings(
        db,
        organisationId,
        request.body,
        originOf(request, clock),
      );
      return presentOrganisation(row);
    },
  );
};
