/**
 * API keys of an organisation, under /api/v1/organisations/:organisationId/api-keys (org admins,
 * signed in; a key cannot manage keys): list, create (the key is in the response, once), revoke.
 */
import type { RoutePlugin } from '../http/app-context.js';
import { OrganisationIdParams } from '../organisations/organisation-schemas.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import {
  ApiKey,
  ApiKeyList,
  ApiKeyParams,
  CreateApiKeyBody,
  CreatedApiKey,
} from './api-key-schemas.js';
import { createApiKey, listApiKeys, presentApiKey, revokeApiKey } from './manage-api-keys.js';

const TAGS = ['api-keys'];
const PATH = '/organisations/:organisationId/api-keys';

export const registerApiKeyRoutes: RoutePlugin = (app, { db, clock }) => {
  app.get(
    PATH,
    {
      schema: {
        summary: "List an organisation's API keys, revoked ones included (org admins)",
        tags: TAGS,
        operationId: 'listApiKeys',
        params: OrganisationIdParams,
        response: { 200: ApiKeyList },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'api-key.manage', { organisationId });
      await readOrganisation(db, organisationId);
      return { apiKeys: (await listApiKeys(db, organisationId)).map(presentApiKey) };
    },
  );

  app.post(
    PATH,
    {
      schema: {
        summary: 'Create an API key; the key is shown only in this response (org admins; audited)',
        tags: TAGS,
        operationId: 'createApiKey',
        params: OrganisationIdParams,
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'api-key.manage', { organisationId });
      const origin = originOf(request, clock);
      const { row, key } = await createApiKey(db, organisationId, request.body, origin);
      return reply.code(201).send({ apiKey: presentApiKey(row), key });
    },
  );

  app.delete(
    `${PATH}/:apiKeyId`,
    {
      schema: {
        summary: 'Revoke an API key; it is refused at once (org admins; audited)',
        tags: TAGS,
        operationId: 'revokeApiKey',
        params: ApiKeyParams,
        response: { 200: ApiKey },
      },
    },
    async (request) => {
      const { organisationId, apiKeyId } = request.params;
      await authorizeRequest(db, request.actor, 'api-key.manage', { organisationId });
      const row = await revokeApiKey(db, organisationId, apiKeyId, originOf(request, clock));
      return presentApiKey(row);
    },
  );
};
