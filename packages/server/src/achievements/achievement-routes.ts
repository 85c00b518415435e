/**
 * Achievements of an organisation, under /api/v1/organisations/:organisationId/achievements:
 * members (and API keys with `achievements:read`) list and read them; writers (see
 * `authorize-achievement-write.ts`) create, change, archive, unarchive them and upload their
 * image. Every change is audited and adds one to `version`.
 *
 * The image is uploaded as the raw bytes of the file (`PUT …/image` with Content-Type
 * `image/png`, `image/svg+xml` or `application/octet-stream`; at most 2 MiB). The bytes decide
 * what it is, never the header: a PNG is validated, an SVG sanitised, anything else refused.
 */
import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../http/app-context.js';
import { ServerError } from '../http/server-error.js';
import { DEFAULT_IMAGE_MAX_BYTES } from '../images/image-limits.js';
import { OrganisationIdParams } from '../organisations/organisation-schemas.js';
import { readOrganisation } from '../organisations/read-organisation.js';
import { authorizeRequest } from '../policy/authorize-request.js';
import { originOf } from '../policy/command-origin.js';
import { uploadAchievementImage } from './achievement-image.js';
import {
  AchievementList,
  AchievementParams,
  AchievementView,
  CreateAchievementBody,
  ListAchievementsQuery,
  UpdateAchievementBody,
} from './achievement-schemas.js';
import { authorizeAchievementWrite } from './authorize-achievement-write.js';
import { listAchievements } from './list-achievements.js';
import {
  archiveAchievement,
  createAchievement,
  readOrganisationAchievement,
  unarchiveAchievement,
  updateAchievement,
} from './manage-achievements.js';
import { presentAchievement } from './present-achievement.js';

const TAGS = ['achievements'];
const PATH = '/organisations/:organisationId/achievements';
const ITEM = `${PATH}/:achievementId`;

/** The media types `PUT …/image` takes; the content is checked whatever it is called. */
export const IMAGE_UPLOAD_MEDIA_TYPES = ['image/png', 'image/svg+xml', 'application/octet-stream'];

const ImageUploadResult = Type.Object(
  {
    achievement: AchievementView,
    removed: Type.Array(Type.String(), {
      description: 'What was taken out of the file (PNG chunks, SVG elements and attributes).',
    }),
  },
  { additionalProperties: false, title: 'AchievementImageUploadResult' },
);

export const registerAchievementRoutes: RoutePlugin = (app, context) => {
  const { db, clock, config } = context;
  const present = (achievement: Parameters<typeof presentAchievement>[0]) =>
    presentAchievement(achievement, config.publicUrl);

  app.addContentTypeParser(
    IMAGE_UPLOAD_MEDIA_TYPES,
    { parseAs: 'buffer', bodyLimit: DEFAULT_IMAGE_MAX_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.get(
    PATH,
    {
      schema: {
        summary: "List an organisation's achievements (newest first; filters and cursor)",
        tags: TAGS,
        operationId: 'listAchievements',
        params: OrganisationIdParams,
        querystring: ListAchievementsQuery,
        response: { 200: AchievementList },
      },
    },
    async (request) => {
      const { organisationId } = request.params;
      await authorizeRequest(db, request.actor, 'achievement.read', { organisationId });
      await readOrganisation(db, organisationId);
      const { status, departmentId, q, limit, cursor } = request.query;
      const page = await listAchievements(db, organisationId, {
        ...(status === undefined ? {} : { status }),
        ...(departmentId === undefined ? {} : { departmentId }),
        ...(q === undefined ? {} : { q }),
        ...(limit === undefined ? {} : { limit }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { achievements: page.achievements.map(present), nextCursor: page.nextCursor };
    },
  );

  app.post(
    PATH,
    {
      schema: {
        summary: 'Create an achievement (badge class); audited',
        description:
          'Organisation-wide achievements (no departmentId) are created by org admins and API keys with achievements:write; issuers create them in their own departments.',
        tags: TAGS,
        operationId: 'createAchievement',
        params: OrganisationIdParams,
        body: CreateAchievementBody,
        response: { 201: AchievementView },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params;
      await authorizeAchievementWrite(db, request.actor, organisationId, [
        request.body.departmentId ?? null,
      ]);
      await readOrganisation(db, organisationId);
      const achievement = await createAchievement(
        db,
        organisationId,
        request.body,
        originOf(request, clock),
      );
      return reply.code(201).send(present(achievement));
    },
  );

  app.get(
    ITEM,
    {
      schema: {
        summary: 'Read an achievement',
        tags: TAGS,
        operationId: 'getAchievement',
        params: AchievementParams,
        response: { 200: AchievementView },
      },
    },
    async (request) => {
      const { organisationId, achievementId } = request.params;
      await authorizeRequest(db, request.actor, 'achievement.read', { organisationId });
      return present(await readOrganisationAchievement(db, organisationId, achievementId));
    },
  );

  app.patch(
    ITEM,
    {
      schema: {
        summary: 'Change an achievement (a new version); audited',
        description:
          'Send only the fields to change; null clears an optional one. With expectedVersion, a concurrent change is a 409 instead of being overwritten. Moving to another department needs write rights in both.',
        tags: TAGS,
        operationId: 'updateAchievement',
        params: AchievementParams,
        body: UpdateAchievementBody,
        response: { 200: AchievementView },
      },
    },
    async (request) => {
      const { organisationId, achievementId } = request.params;
      const current = await readOrganisationAchievement(db, organisationId, achievementId);
      const target = request.body.departmentId;
      await authorizeAchievementWrite(db, request.actor, organisationId, [
        current.departmentId,
        ...(target === undefined ? [] : [target]),
      ]);
      const achievement = await updateAchievement(
        db,
        organisationId,
        achievementId,
        request.body,
        originOf(request, clock),
      );
      return present(achievement);
    },
  );

  for (const [verb, command, operationId, summary] of [
    [
      'archive',
      archiveAchievement,
      'archiveAchievement',
      'Archive an achievement: still published, no longer awarded or changed; audited',
    ],
    [
      'unarchive',
      unarchiveAchievement,
      'unarchiveAchievement',
      'Unarchive an achievement; audited',
    ],
  ] as const) {
    app.post(
      `${ITEM}/${verb}`,
      {
        schema: {
          summary,
          tags: TAGS,
          operationId,
          params: AchievementParams,
          response: { 200: AchievementView },
        },
      },
      async (request) => {
        const { organisationId, achievementId } = request.params;
        const current = await readOrganisationAchievement(db, organisationId, achievementId);
        await authorizeAchievementWrite(db, request.actor, organisationId, [current.departmentId]);
        return present(await command(db, organisationId, achievementId, originOf(request, clock)));
      },
    );
  }

  app.put(
    `${ITEM}/image`,
    {
      bodyLimit: DEFAULT_IMAGE_MAX_BYTES,
      schema: {
        summary: "Upload the achievement's image (PNG or SVG, raw bytes, at most 2 MiB); audited",
        description:
          'The request body is the file itself, with Content-Type image/png, image/svg+xml or application/octet-stream (not JSON). A PNG is decoded and checked (at most 4096 × 4096 pixels) and its metadata removed; an SVG is sanitised (no scripts, event handlers, external references, entities or DOCTYPE); anything else is refused with ERR_IMAGE_UNSUPPORTED_TYPE.',
        tags: TAGS,
        operationId: 'uploadAchievementImage',
        params: AchievementParams,
        response: { 200: ImageUploadResult },
      },
    },
    async (request) => {
      const { organisationId, achievementId } = request.params;
      const current = await readOrganisationAchievement(db, organisationId, achievementId);
      await authorizeAchievementWrite(db, request.actor, organisationId, [current.departmentId]);
      const body: unknown = request.body;
      if (!(body instanceof Uint8Array)) throw new ServerError('ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
      const bytes = body;
      const { achievement, removed } = await uploadAchievementImage(
        context,
        organisationId,
        achievementId,
        bytes,
        originOf(request, clock),
      );
      return { achievement: present(achievement), removed: [...removed] };
    },
  );
};
