/**
 * An organisation's members, under /api/v1/organisations/:organisationId/members (org admins):
 * list, add an existing account by e-mail with a role, change a member's role, remove a member.
 */
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../http/app-context.js';
import { OrganisationIdParams } from '../organisations/organisation-schemas.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { listMembers, presentMember } from './list-members.js';
import { addMember, changeMemberRole, removeMember } from './manage-members.js';
import {
  AddMemberBody,
  ChangeMemberRoleBody,
  Member,
  MemberList,
  MemberParams,
} from './member-schemas.js';

const TAGS = ['members'];
const PATH = '/organisations/:organisationId/members';

export const registerMemberRoutes: RoutePlugin = (app, { db, clock }) => {
  app.get(
    PATH,
    {
      schema: {
        summary: "List an organisation's members and their roles (org admins)",
        tags: TAGS,
        operationId: 'listMembers',
        params: OrganisationIdParams,
        response: { 200: MemberList },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'member.manage', { organisationId });
      await readOrganisation(db, organisationId);
      return { members: (await listMembers(db, organisationId)).map(presentMember) };
    },
  );

  app.post(
    PATH,
    {
      schema: {
        summary: 'Add an existing account as a member, with a role (org admins; audited)',
        tags: TAGS,
        operationId: 'addMember',
        params: OrganisationIdParams,
        body: AddMemberBody,
        response: { 201: Member },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'member.manage', { organisationId });
      const row = await addMember(db, organisationId, request.body, originOf(request, clock));
      return reply.code(201).send(presentMember(row));
    },
  );

  app.put(
    `${PATH}/:userId/role`,
    {
      schema: {
        summary: "Change a member's role and departments (org admins; audited)",
        tags: TAGS,
        operationId: 'changeMemberRole',
        params: MemberParams,
        body: ChangeMemberRoleBody,
        response: { 200: Member },
      },
    },
    async (request) => {
      const { organisationId, userId } = request.params;
      await authorizeRequest(db, request.actor, 'member.manage', { organisationId });
      const origin = originOf(request, clock);
      return presentMember(
        await changeMemberRole(db, organisationId, userId, request.body, origin),
      );
    },
  );

  app.delete(
    `${PATH}/:userId`,
    {
      schema: {
        summary: 'Remove a member (org admins; audited; never the last org admin)',
        tags: TAGS,
        operationId: 'removeMember',
        params: MemberParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { organisationId, userId } = request.params;
      await authorizeRequest(db, request.actor, 'member.manage', { organisationId });
      await removeMember(db, organisationId, userId, originOf(request, clock));
      return reply.code(204).send(null);
    },
  );
};
