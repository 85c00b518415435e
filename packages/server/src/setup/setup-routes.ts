/**
 * First-run set-up over HTTP, under /api/v1:
 *
 * - `GET /setup?token=`: whether the set-up link is still good (for the set-up page);
 * - `POST /setup`: create the platform operator with the link's token, and sign in.
 */
import { Type } from '@sinclair/typebox';
import { createSession } from '../auth/create-session.js';
import { serializeSessionCookie } from '../auth/session-cookie.js';
import { ANY_SESSION_STATE } from '../auth/session-rules.js';
import {
  DisplayName,
  Email,
  LinkToken,
  Locale,
  Password,
  Session,
} from '../accounts/account-schemas.js';
import { readEmailToken, useEmailToken } from '../accounts/email-tokens.js';
import { presentSession, readAccountSummary } from '../accounts/present-account.js';
import type { Database } from '../db/open-database.js';
import type { RoutePlugin } from '../http/app-context.js';
import { pickLanguage } from '../http/pick-language.js';
import { ServerError } from '../http/server-error.js';
import { createOperator, hasOperator } from './create-operator.js';

const TAGS = ['setup'];

const SetupBody = Type.Object(
  {
    token: LinkToken,
    email: Email,
    displayName: DisplayName,
    password: Password,
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

/** The stored id of a good set-up token; ERR_SETUP_* otherwise. */
const requireSetupToken = async (db: Database, token: string, now: Date): Promise<string> => {
  if (await hasOperator(db)) throw new ServerError('ERR_SETUP_ALREADY_DONE');
  const check = await readEmailToken(db, token, 'operator-setup', now);
  if (check.status !== 'valid') throw new ServerError('ERR_SETUP_TOKEN_INVALID');
  return check.row.id;
};

export const registerSetupRoutes: RoutePlugin = (app, { db, clock, config }) => {
  app.get(
    '/setup',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: 'Check a first-run set-up link',
        tags: TAGS,
        operationId: 'checkSetupLink',
        querystring: Type.Object({ token: LinkToken }, { additionalProperties: false }),
        response: {
          200: Type.Object(
            { valid: Type.Literal(true) },
            { additionalProperties: false, title: 'SetupLink' },
          ),
        },
      },
    },
    async (request) => {
      await requireSetupToken(db, request.query.token, clock());
      return { valid: true as const };
    },
  );

  app.post(
    '/setup',
    {
      config: ANY_SESSION_STATE,
      schema: {
        summary: 'Create the platform operator with the first-run set-up link, and sign in',
        tags: TAGS,
        operationId: 'createOperatorWithSetupLink',
        body: SetupBody,
        response: { 201: Session },
      },
    },
    async (request, reply) => {
      const now = clock();
      const tokenId = await requireSetupToken(db, request.body.token, now);
      const locale = request.body.locale ?? pickLanguage(request.headers['accept-language']);
      const { userId } = await createOperator(
        db,
        { ...request.body, locale },
        { now, request },
        {
          via: 'setup-link',
          // Inside the transaction: two requests with one link cannot both create an operator.
          before: async (tx) => {
            if (!(await useEmailToken(tx, tokenId, now))) {
              throw new ServerError('ERR_SETUP_TOKEN_INVALID');
            }
            if (await hasOperator(tx)) throw new ServerError('ERR_SETUP_ALREADY_DONE');
          },
        },
      );
      if (request.actor.kind === 'user') {
        await db.kysely.deleteFrom('sessions').where('id', '=', request.actor.sessionId).execute();
      }
      const session = await createSession(db, {
        userId,
        secondFactor: false,
        now,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      void reply.header('set-cookie', serializeSessionCookie(session.token, config));
      return reply.code(201).send(presentSession(session, await readAccountSummary(db, userId)));
    },
  );
};
