/**
 * Issuer profiles of an organisation, under /api/v1/organisations/:organisationId/issuers:
 * members (and API keys with `org:read`, and operators) read them and their public keys; org
 * admins create, change and archive them and rotate their keys (all audited).
 */
import type { RoutePlugin } from '../http/app-context.js';
import { OrganisationIdParams } from '../organisations/organisation-schemas.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { listIssuerProfiles, readOrganisationIssuerProfile } from './issuer-profile.js';
import {
  CreateIssuerProfileBody,
  IssuerKeyList,
  IssuerParams,
  IssuerProfileList,
  IssuerProfileSchema,
  ListIssuersQuery,
  RotateIssuerKeysBody,
  RotateIssuerKeysResult,
  UpdateIssuerProfileBody,
} from './issuer-schemas.js';
import { issuerKeyOwner } from './issuer-signing.js';
import {
  archiveIssuerProfile,
  createIssuerProfile,
  updateIssuerProfile,
} from './manage-issuer-profiles.js';
import { presentIssuerKeyOnWire, presentIssuerProfileOnWire } from './present-issuer.js';
import { rotateIssuerKeys } from './rotate-issuer-keys.js';

const TAGS = ['issuers'];
const PATH = '/organisations/:organisationId/issuers';

export const registerIssuerRoutes: RoutePlugin = (app, context) => {
  const { db, clock, config } = context;
  const present = (profile: Parameters<typeof presentIssuerProfileOnWire>[0]) =>
    presentIssuerProfileOnWire(profile, config.publicUrl);

  app.get(
    PATH,
    {
      schema: {
        summary: "List an organisation's issuer profiles",
        tags: TAGS,
        operationId: 'listIssuerProfiles',
        params: OrganisationIdParams,
        querystring: ListIssuersQuery,
        response: { 200: IssuerProfileList },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'issuer.read', { organisationId });
      await readOrganisation(db, organisationId);
      const includeArchived = request.query.includeArchived === true;
      const profiles = await listIssuerProfiles(db, organisationId, { includeArchived });
      return { issuers: profiles.map(present) };
    },
  );

  app.post(
    PATH,
    {
      schema: {
        summary:
          'Create an issuer profile with new Ed25519 and RSA keys: the default one, or one per department (org admins; approved organisations; audited)',
        tags: TAGS,
        operationId: 'createIssuerProfile',
        params: OrganisationIdParams,
        body: CreateIssuerProfileBody,
        response: { 201: IssuerProfileSchema },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'issuer.manage', { organisationId });
      const profile = await createIssuerProfile(
        context,
        organisationId,
        request.body,
        originOf(request, clock),
      );
      return reply.code(201).send(present(profile));
    },
  );

  app.get(
    `${PATH}/:issuerId`,
    {
      schema: {
        summary: 'Read an issuer profile',
        tags: TAGS,
        operationId: 'readIssuerProfile',
        params: IssuerParams,
        response: { 200: IssuerProfileSchema },
      },
    },
    async (request) => {
      const { organisationId, issuerId } = request.params;
      await authorizeRequest(db, request.actor, 'issuer.read', { organisationId });
      return present(await readOrganisationIssuerProfile(db, organisationId, issuerId));
    },
  );

  app.patch(
    `${PATH}/:issuerId`,
    {
      schema: {
        summary:
          'Change an issuer profile: names, web site, e-mail, description, image (org admins; audited)',
        tags: TAGS,
        operationId: 'updateIssuerProfile',
        params: IssuerParams,
        body: UpdateIssuerProfileBody,
        response: { 200: IssuerProfileSchema },
      },
    },
    async (request) => {
      const { organisationId, issuerId } = request.params;
      await authorizeRequest(db, request.actor, 'issuer.manage', { organisationId });
      const origin = originOf(request, clock);
      return present(
        await updateIssuerProfile(context, organisationId, issuerId, request.body, origin),
      );
    },
  );

  app.post(
    `${PATH}/:issuerId/archive`,
    {
      schema: {
        summary:
          "Archive a department's issuer profile: it signs nothing new; its documents stay published (org admins; audited)",
        tags: TAGS,
        operationId: 'archiveIssuerProfile',
        params: IssuerParams,
        response: { 200: IssuerProfileSchema },
      },
    },
    async (request) => {
      const { organisationId, issuerId } = request.params;
      await authorizeRequest(db, request.actor, 'issuer.manage', { organisationId });
      const origin = originOf(request, clock);
      return present(await archiveIssuerProfile(context, organisationId, issuerId, origin));
    },
  );

  app.post(
    `${PATH}/:issuerId/rotate-keys`,
    {
      schema: {
        summary:
          'Rotate the keys of an issuer profile: new keys sign from now on, old public keys stay published (org admins; audited)',
        tags: TAGS,
        operationId: 'rotateIssuerKeys',
        params: IssuerParams,
        body: RotateIssuerKeysBody,
        response: { 200: RotateIssuerKeysResult },
      },
    },
    async (request) => {
      const { organisationId, issuerId } = request.params;
      await authorizeRequest(db, request.actor, 'issuer.manage', { organisationId });
      const { profile, rotated } = await rotateIssuerKeys(
        context,
        organisationId,
        issuerId,
        request.body.algorithms ?? ['ed25519', 'rsa'],
        originOf(request, clock),
      );
      return {
        issuer: present(profile),
        rotated: rotated.map((key) => presentIssuerKeyOnWire(key, config.publicUrl, issuerId)),
      };
    },
  );

  app.get(
    `${PATH}/:issuerId/keys`,
    {
      schema: {
        summary: "List an issuer profile's public keys, current and retired",
        tags: TAGS,
        operationId: 'listIssuerKeys',
        params: IssuerParams,
        response: { 200: IssuerKeyList },
      },
    },
    async (request) => {
      const { organisationId, issuerId } = request.params;
      await authorizeRequest(db, request.actor, 'issuer.read', { organisationId });
      await readOrganisationIssuerProfile(db, organisationId, issuerId);
      const keys = await context.keys.listPublicKeys(issuerKeyOwner(issuerId));
      return { keys: keys.map((key) => presentIssuerKeyOnWire(key, config.publicUrl, issuerId)) };
    },
  );
};
