/**
 * Departments of an organisation, under /api/v1/organisations/:organisationId/departments:
 * members (and API keys with `org:read`, and operators) list them; org admins create, rename
 * and delete them.
 */
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../http/app-context.js';
import { OrganisationIdParams } from '../organisations/organisation-schemas.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import {
  Department,
  DepartmentBody,
  DepartmentList,
  DepartmentParams,
} from './department-schemas.js';
import { listDepartments, presentDepartment } from './list-departments.js';
import { createDepartment, deleteDepartment, renameDepartment } from './manage-departments.js';

const TAGS = ['departments'];
const PATH = '/organisations/:organisationId/departments';

export const registerDepartmentRoutes: RoutePlugin = (app, { db, clock }) => {
  app.get(
    PATH,
    {
      schema: {
        summary: "List an organisation's departments",
        tags: TAGS,
        operationId: 'listDepartments',
        params: OrganisationIdParams,
        response: { 200: DepartmentList },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'department.read', { organisationId });
      await readOrganisation(db, organisationId);
      return { departments: (await listDepartments(db, organisationId)).map(presentDepartment) };
    },
  );

  app.post(
    PATH,
    {
      schema: {
        summary: 'Create a department (org admins; audited)',
        tags: TAGS,
        operationId: 'createDepartment',
        params: OrganisationIdParams,
        body: DepartmentBody,
        response: { 201: Department },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'department.manage', { organisationId });
      const origin = originOf(request, clock);
      const row = await createDepartment(db, organisationId, request.body.name, origin);
      return reply.code(201).send(presentDepartment(row));
    },
  );

  app.patch(
    `${PATH}/:departmentId`,
    {
      schema: {
        summary: 'Rename a department (org admins; audited)',
        tags: TAGS,
        operationId: 'renameDepartment',
        params: DepartmentParams,
        body: DepartmentBody,
        response: { 200: Department },
      },
    },
    async (request) => {
      const { organisationId, departmentId } = request.params;
      await authorizeRequest(db, request.actor, 'department.manage', { organisationId });
      const origin = originOf(request, clock);
      const row = await renameDepartment(
        db,
        organisationId,
        departmentId,
        request.body.name,
        origin,
      );
      return presentDepartment(row);
    },
  );

  app.delete(
    `${PATH}/:departmentId`,
    {
      schema: {
        summary: 'Delete a department; its issuers lose it (org admins; audited)',
        tags: TAGS,
        operationId: 'deleteDepartment',
        params: DepartmentParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { organisationId, departmentId } = request.params;
      await authorizeRequest(db, request.actor, 'department.manage', { organisationId });
      await deleteDepartment(db, organisationId, departmentId, originOf(request, clock));
      return reply.code(204).send(null);
    },
  );
};
